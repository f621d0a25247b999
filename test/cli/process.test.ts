import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeNewWorkbook } from "../../src/hosts/xlsx/new-workbook";
import { SAMPLE_PATH } from "../support/sample";

/** The installed command line, compiled (npm test builds it first): as a user's shell runs it. */
const BIN = join(__dirname, "../../bin/pmo-highlights.js");
const dir = mkdtempSync(join(tmpdir(), "pmo-proc-"));

describe("the compiled command line", () => {
  it("runs without TypeScript at run time", () => {
    const r = spawnSync(process.execPath, [BIN, "check", SAMPLE_PATH, "--quiet"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^sample-programme\.xlsx: 0 errors/);
    expect(require("../../package.json").dependencies).not.toHaveProperty("typescript");
    expect(require("../../package.json").dependencies).not.toHaveProperty("ts-node");
  });

  it("ends quietly when the reader of its output goes away (check … | head -1)", async () => {
    const child = spawn(process.execPath, [BIN, "check", SAMPLE_PATH], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((r) => child.on("close", r));
    expect(err).not.toMatch(/EPIPE|at .*\(/);
    expect([0, 1]).toContain(code);
  });

  it("shows control characters in workbook text as visible escapes, never raw", async () => {
    const f = join(dir, "escape.xlsx");
    writeFileSync(
      f,
      await writeNewWorkbook({
        sheets: [
          {
            name: "Projects",
            rows: [
              ["ID", "Name", "Workstream", "Finish", "Reported RAG"],
              ["P1", "\u001b]0;pwned\u0007\u001b[2J0 errors", "WS\u001b[31m", "2010-01-01", "Green"],
            ],
          },
        ],
      }),
    );
    const r = spawnSync(process.execPath, [BIN, "check", f, "--as-of", "2010-02-01"], { encoding: "utf8" });
    expect(r.stdout).not.toContain("\u001b");
    expect(r.stdout).toContain("\\x1b]0;pwned\\x07\\x1b[2J0 errors");
  });

  it("leaves no temporary file behind when stopped mid-write", async () => {
    const out = join(dir, "stopped.xlsx");
    const child = spawn(process.execPath, [BIN, "report", SAMPLE_PATH, "-o", out], { stdio: "ignore" });
    setTimeout(() => child.kill("SIGTERM"), 150);
    await new Promise((r) => child.on("close", r));
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    // Either it finished before the signal (a whole report) or nothing was written.
    if (existsSync(out)) expect(spawnSync(process.execPath, [BIN, "check", out, "--quiet"]).status).not.toBe(2);
  });
});
