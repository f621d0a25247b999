/**
 * The corpus run (docs/reliability.md): every .xlsx/.xlsm under the given folders is checked and
 * reported into a copy, as `pmo-highlights report` does, in a child process with a time limit per
 * file. Then an independent XML parser (Python's expat, namespace-aware) reads every part of every
 * output, the user's parts are compared byte for byte with the input's, and LibreOffice opens the
 * outputs of a curated list. Nothing here is committed data: the corpora are public test files
 * (apache/poi test-data/spreadsheet, ClosedXML's ClosedXML.Tests/Resource) fetched to /work/corpora.
 *
 *   npx ts-node --transpile-only scripts/corpus/run.ts /work/corpora/poi /work/corpora/closedxml [--lo curated.txt]
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import type { FileOutcome } from "./worker";

const ROOT = resolve(__dirname, "..", "..");
const OUT = join(ROOT, "test-output", "corpus");
const PER_FILE_MS = 120_000;

function workbooks(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => /\.xls[xm]$/i.test(f))
    .sort()
    .map((f) => join(folder, f));
}

class Worker {
  private child!: ChildProcessWithoutNullStreams;
  private waiting: ((line: string) => void) | null = null;
  constructor() {
    this.start();
  }
  private start() {
    this.child = spawn(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", join(__dirname, "worker.ts"), join(OUT, "outputs")],
      { cwd: ROOT },
    );
    createInterface({ input: this.child.stdout }).on("line", (l) => this.waiting?.(l));
    this.child.stderr.on("data", () => undefined);
  }
  run(file: string): Promise<FileOutcome> {
    return new Promise((done) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        this.child.kill("SIGKILL");
        this.start();
        done({
          file,
          read: "crash",
          report: "not-run",
          message: `no answer in ${PER_FILE_MS / 1000} s (hang)`,
          unreadableCells: 0,
          errors: 0,
          inputUnchanged: true,
          ms: PER_FILE_MS,
        });
      }, PER_FILE_MS);
      this.waiting = (line) => {
        clearTimeout(timer);
        this.waiting = null;
        done(JSON.parse(line) as FileOutcome);
      };
      this.child.stdin.write(file + "\n");
    });
  }
  stop() {
    this.child.stdin.end();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const loAt = args.indexOf("--lo");
  const curated = loAt >= 0 ? args.splice(loAt, 2)[1] : null;
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, "outputs"), { recursive: true });
  const worker = new Worker();
  const outcomes: FileOutcome[] = [];
  for (const folder of args) {
    for (const file of workbooks(folder)) {
      const o = await worker.run(file);
      outcomes.push(o);
      if (o.read === "crash" || o.report === "crash" || !o.inputUnchanged)
        console.log(`PROBLEM ${file}: ${o.message ?? "input changed"}`);
    }
  }
  worker.stop();
  writeFileSync(join(OUT, "outcomes.json"), JSON.stringify(outcomes, null, 1));
  const py = spawnSync(
    "python3",
    [join(__dirname, "check_outputs.py"), join(OUT, "outcomes.json"), ...(curated ? ["--lo", curated] : [])],
    { stdio: "inherit" },
  );
  process.exitCode = py.status ?? 1;
}

void main();
