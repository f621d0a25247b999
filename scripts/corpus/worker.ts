/**
 * One process of the corpus run (see run.ts): reads file paths on stdin, one per line, and for each
 * prints one JSON line: how the checker and the report writer fared. Outputs go to OUT_DIR.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { analyseWorkbook } from "../../src/core/analysis/analyse";
import { XlsxReadError } from "../../src/hosts/xlsx/package";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { ReportWriteError, writeReport } from "../../src/hosts/xlsx/write-report";
import { buildReportPlan } from "../../src/core/report/build";

export interface FileOutcome {
  file: string;
  /** read: refused with a plain message; crash: an unexpected exception (a bug). */
  read: "ok" | "refused" | "crash";
  report: "written" | "refused" | "crash" | "not-run";
  message?: string;
  unreadableCells: number;
  errors: number;
  inputUnchanged: boolean;
  output?: string;
  ms: number;
}

const OUT_DIR = process.argv[2];
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

async function one(file: string): Promise<FileOutcome> {
  const started = Date.now();
  const bytes = new Uint8Array(readFileSync(file));
  const before = sha(bytes);
  const o: FileOutcome = {
    file,
    read: "ok",
    report: "not-run",
    unreadableCells: 0,
    errors: 0,
    inputUnchanged: true,
    ms: 0,
  };
  try {
    const snapshot = await readWorkbook(bytes);
    const analysis = analyseWorkbook(snapshot, { asOf: undefined, now: new Date("2026-12-01T09:00:00Z") });
    o.unreadableCells = analysis.diagnostics.filter((d) => d.code === "unreadable-cell").length;
    o.errors = analysis.diagnostics.filter((d) => d.severity === "error").length;
    try {
      const result = await writeReport(bytes, buildReportPlan(analysis));
      const folder = join(OUT_DIR, basename(dirname(file)));
      mkdirSync(folder, { recursive: true });
      o.output = join(
        folder,
        basename(file).replace(/\.xls[xm]$/i, "") + " - report" + (/\.xlsm$/i.test(file) ? ".xlsm" : ".xlsx"),
      );
      writeFileSync(o.output, result.data);
      o.report = "written";
    } catch (e) {
      o.report = e instanceof ReportWriteError ? "refused" : "crash";
      o.message = String((e as Error)?.stack ?? e)
        .split("\n")
        .slice(0, o.report === "crash" ? 4 : 1)
        .join(" | ");
    }
  } catch (e) {
    o.read = e instanceof XlsxReadError ? "refused" : "crash";
    o.message = String((e as Error)?.stack ?? e)
      .split("\n")
      .slice(0, o.read === "crash" ? 4 : 1)
      .join(" | ");
  }
  o.inputUnchanged = sha(bytes) === before && sha(readFileSync(file)) === before;
  o.ms = Date.now() - started;
  return o;
}

(async () => {
  const lines = createInterface({ input: process.stdin });
  for await (const file of lines) if (file.trim()) process.stdout.write(JSON.stringify(await one(file.trim())) + "\n");
})();
