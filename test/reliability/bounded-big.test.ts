/**
 * Issue 23's big shapes, each run in a child process of the built command line with its heap held
 * to 2 GB (--max-old-space-size=2048), so running out of memory is a crash this test sees: 250,000
 * project rows with missing fields, a row bomb of 5 million rows, a CSV of 1.1 million rows, and a
 * programme just under the report's budget, which is written (streamed into the output file).
 * Each must answer with a report or one plain line and exit 0, 1 or 2. (Speed is shown by the
 * bench, not asserted here: the machine running tests is shared.)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { syntheticProgramme } from "../../bench/generate";
import { writeNewWorkbook } from "../../src/hosts/xlsx/new-workbook";
import type { CellOut } from "../../src/hosts/xlsx/sheet-xml";
import * as S from "./shapes";

const BIN = join(__dirname, "../../bin/pmo-highlights.js");
const dir = mkdtempSync(join(tmpdir(), "pmo-big-"));

function run(...argv: string[]) {
  const r = spawnSync(process.execPath, ["--max-old-space-size=2048", BIN, ...argv], {
    encoding: "utf8",
    timeout: 170_000,
  });
  expect(r.signal).toBeNull(); // not killed: neither the time-out nor an out-of-memory abort
  expect([0, 1, 2]).toContain(r.status);
  expect(r.stderr).not.toMatch(/\n\s+at |heap|RangeError/);
  return r;
}

jest.setTimeout(400_000);
afterAll(() => rmSync(dir, { recursive: true, force: true })); // about 100 MB of generated files

describe("big inputs stay within 2 GB and answer plainly", () => {
  it("250,000 project rows with missing fields: check reads them; report refuses, naming the limit", () => {
    const f = join(dir, "missing.xlsx");
    writeFileSync(f, S.missingFields(250_000));
    expect(run("check", f, "-q").status).toBe(1);
    const r = run("report", f, "-o", join(dir, "missing-report.xlsx"));
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/250,000 records .* more than the 150,000 a report is written for/);
  });

  it("a programme near the report's budget (147,000 records, 81,000 findings) is reported, streamed, within 2 GB", async () => {
    const f = join(dir, "programme.xlsx");
    const { snapshot } = syntheticProgramme(57_000);
    writeFileSync(
      f,
      await writeNewWorkbook({ sheets: snapshot.sheets.map((s) => ({ name: s.name, rows: s.rows as CellOut[][] })) }),
    );
    const out = join(dir, "programme-report.xlsx");
    const r = run("report", f, "-o", out);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Wrote the report/);
    expect(r.stdout).toMatch(/Exceptions/);
    expect(readdirSync(dir).filter((x) => x.endsWith(".tmp"))).toEqual([]);
  });

  it("a row bomb of 5 million rows: rows past the grid left out; report refuses, naming the limit", () => {
    const f = join(dir, "bomb.xlsx");
    writeFileSync(f, S.rowBomb(5_000_000));
    // --quiet: a million findings as JSON would measure the printer, not the reader (the finding itself: bounded.test.ts).
    expect(run("check", f, "-q").status).toBe(1);
    const r = run("report", f, "-o", join(dir, "bomb-report.xlsx"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cells with values, more than the 1,000,000 a report is written for/);
  });

  it("a CSV of 1.1 million rows is refused by both, naming the cell limit", () => {
    const f = join(dir, "tall.csv");
    writeFileSync(f, S.csv(1_100_000));
    for (const argv of [
      ["check", f],
      ["report", f, "-o", join(dir, "tall-report.xlsx")],
    ]) {
      const r = run(...argv);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/more than 5,000,000 cells with values/);
    }
  });
});
