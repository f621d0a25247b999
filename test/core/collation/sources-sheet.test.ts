import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyseCollation } from "../../../src/core/collation/analyse";
import type { SourceInput } from "../../../src/core/collation/part";
import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { readWorkbook } from "../../../src/hosts/xlsx/read";
import { writeReport } from "../../../src/hosts/xlsx/write-report";
import { readCsvFile } from "../../../src/core/workbook/csv";
import { readKeptSources } from "../../../src/core/workbook/sources-sheet";
import { readAtText } from "../../../src/core/primitives/provenance";
import { buildReportPlan } from "../../../src/core/report/build";

const ROOT = join(__dirname, "../../../examples/collation");

async function source(file: string, readAt: string): Promise<SourceInput> {
  const bytes = new Uint8Array(readFileSync(join(ROOT, "sources", file)));
  return { file, readAt, snapshot: file.endsWith(".csv") ? readCsvFile(bytes, file) : await readWorkbook(bytes) };
}

describe("the Sources sheet: the sources a programme is collated from, kept in the programme workbook", () => {
  it("writes one row per source, read back by the next report; a file read again refreshes its row in place", async () => {
    const programme = new Uint8Array(readFileSync(join(ROOT, "programme.xlsx")));
    const first = [
      await source("estates.xlsx", "2026-03-02 09:00"),
      await source("urgent-care.csv", "2026-03-02 09:00"),
    ];
    const a1 = analyseCollation(await readWorkbook(programme), [...first, { file: "finance.xlsx", error: "damaged" }]);
    const plan1 = buildReportPlan(a1);
    expect(plan1.scope).toContain("sources");
    const out1 = (await writeReport(programme, plan1)).data;
    const kept1 = readKeptSources(await readWorkbook(out1));
    const rows = (file: string) => a1.programme.collation!.sources.find((s) => s.file === file)!.rows;
    expect(kept1).toEqual([
      { file: "estates.xlsx", workstream: "Estates", lastRead: "2026-03-02 09:00", rows: rows("estates.xlsx") },
      {
        file: "urgent-care.csv",
        workstream: expect.any(String),
        lastRead: "2026-03-02 09:00",
        rows: rows("urgent-care.csv"),
      },
      { file: "finance.xlsx", workstream: "", lastRead: "", rows: 0 },
    ]);
    expect(rows("estates.xlsx")).toBeGreaterThan(0);

    // The next report, with the CSV chosen again, estates.xlsx not, and a new source.
    const again = [
      await source("urgent-care.csv", "2026-03-30 16:45"),
      await source("digital.xlsx", "2026-03-30 16:45"),
    ];
    const snap2 = await readWorkbook(out1);
    const a2 = analyseCollation(snap2, again);
    const kept2 = readKeptSources(await readWorkbook((await writeReport(out1, buildReportPlan(a2))).data));
    expect(kept2.map((k) => [k.file, k.lastRead])).toEqual([
      ["estates.xlsx", "2026-03-02 09:00"],
      ["urgent-care.csv", "2026-03-30 16:45"],
      ["finance.xlsx", ""],
      ["digital.xlsx", "2026-03-30 16:45"],
    ]);
    expect(kept2[0]).toEqual(kept1[0]);
    // The sources kept but not read this time are named, once, as missing from this report.
    const notRead = a2.diagnostics.filter((d) => d.code === "source-not-read");
    expect(notRead.map((d) => [d.severity, d.sheet])).toEqual([["warning", "Sources"]]);
    expect(notRead[0].message).toMatch(
      /^The Sources sheet lists 2 workstream sources not read in this run: estates\.xlsx \(last read 2026-03-02 09:00\), finance\.xlsx\. Their items/,
    );
    expect(a1.diagnostics.some((d) => d.code === "source-not-read")).toBe(false);

    // A report with no sources at all keeps the sheet as it was; the check lists it.
    const a3 = analyseWorkbook(await readWorkbook(out1));
    expect(a3.programme.keptSources).toEqual(kept1);
    expect(a3.diagnostics.find((d) => d.code === "source-not-read")!.message).toContain("3 workstream sources");
    expect(buildReportPlan(a3).sheets.find((s) => s.key === "sources")).toBeDefined();
  });

  it("writes no Sources sheet for a workbook that was never collated", async () => {
    const a = analyseWorkbook(await readWorkbook(new Uint8Array(readFileSync(join(ROOT, "programme.xlsx")))));
    const plan = buildReportPlan(a);
    expect(plan.sheets.some((s) => s.key === "sources")).toBe(false);
    expect(plan.scope).not.toContain("sources");
  });

  it("writes the moment read as the Sources sheet shows it, in local time", () => {
    expect(readAtText(new Date(2026, 2, 2, 9, 5))).toBe("2026-03-02 09:05");
  });
});
