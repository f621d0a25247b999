import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { foldFindings } from "../../../src/core/report/exceptions";
import { mergeSnapshots } from "../../../src/core/history/keep-snapshots";
import { buildReportPlan } from "../../../src/core/report/build";
import type { PlanSheet } from "../../../src/core/report/plan";
import type { Diagnostic } from "../../../src/core/primitives/diagnostic";
import { dayFromYmd } from "../../../src/core/primitives/dates";
import { REPORT_SHEET_ROWS } from "../../../src/core/primitives/sheet-rows";
import { readWorkbook } from "../../../src/hosts/xlsx/read";
import { writeReport } from "../../../src/hosts/xlsx/write-report";
import { projectLikePlan } from "../../e2e/big-plans";
import { bigProjectExport } from "../../support/imports";

/** The rows a sheet of the plan spans (its last written row). */
const rowsOf = (s: PlanSheet) => Math.max(0, ...s.blocks.map((b) => b.row + b.cells.length));
/** A sheet's text, cell by cell. */
const textOf = (s: PlanSheet | undefined) =>
  (s?.blocks ?? []).flatMap((b) => b.cells.flat().map((c) => (typeof c.v === "string" ? c.v : ""))).join("\n");

describe("no report sheet holds more than 1,500 rows (issue 21)", () => {
  it("on a Project plan of 2,219 tasks, at the first report and the next, which still says what moved", async () => {
    const { data, tasks } = await projectLikePlan();
    expect(tasks).toBe(2_219);
    const first = buildReportPlan(analyseWorkbook(await readWorkbook(data), { asOf: dayFromYmd(2026, 8, 3) }));
    const big = (p: typeof first) => p.sheets.filter((s) => rowsOf(s) > REPORT_SHEET_ROWS).map((s) => s.name);
    expect(big(first)).toEqual([]);
    const board = (p: typeof first) => textOf(p.sheets.find((x) => x.key === "board"));
    expect(board(first)).toMatch(
      /This report's snapshot leaves out [\d,]+ projects, keeping open and critical items first/,
    );
    const written = await readWorkbook((await writeReport(data, first)).data);
    const next = analyseWorkbook(written, { asOf: dayFromYmd(2026, 9, 1) });
    const second = buildReportPlan(next);
    expect(big(second)).toEqual([]);
    expect(board(second)).toMatch(
      /The last report's snapshot left out [\d,]+ projects \(the Plan Snapshots sheet keeps 1,500 rows\)/,
    );
    expect(next.movement.since).toBe(dayFromYmd(2026, 8, 3));
    // The second report's snapshot keeps the first's milestones beside its own: the milestone trend has two dates.
    const kept = mergeSnapshots(next.programme.snapshots ?? [], next.movement.now);
    expect([...new Set(kept.map((r) => r.date))]).toEqual([dayFromYmd(2026, 8, 3), dayFromYmd(2026, 9, 1)]);
    expect(kept.filter((r) => r.date === dayFromYmd(2026, 8, 3) && r.kind === "Milestone")).toHaveLength(364);
    expect(next.movement.added).toEqual([]); // the projects the bounded snapshot left out are not "new"
    const trends = [...next.trends.projects.values()];
    expect(trends.filter((t) => t === "New")).toEqual([]);
    expect(trends.filter((t) => t === "→ Same").length).toBeGreaterThan(1_000);
  });
});

describe("a workstream of thousands of tasks (a Project plan under few summaries)", () => {
  it("keeps each highlight-report list to its limit, most pressing first, saying how many there are", async () => {
    const { data } = await bigProjectExport(2, 150, 10); // two workstreams of 1,500 tasks
    const plan = buildReportPlan(analyseWorkbook(await readWorkbook(data), { asOf: dayFromYmd(2026, 3, 2) }));
    expect(plan.sheets.filter((s) => rowsOf(s) > REPORT_SHEET_ROWS).map((s) => s.name)).toEqual([]);
    const hr = plan.sheets.find((s) => s.name === "HR Workstream 1")!;
    expect(textOf(hr)).toMatch(/The 150 most pressing of 1,200 projects; every one is on the plan's own sheet/);
  });
});

describe("the Exceptions sheet within the bound", () => {
  const d = (code: Diagnostic["code"], severity: Diagnostic["severity"], row: number): Diagnostic => ({
    code,
    severity,
    message: `at ${row}`,
    sheet: "Task_Table",
    cell: `D${row}`,
  });
  it("folds the most numerous info kinds first, at their first row, until the rest fit; under the bound, nothing", () => {
    const diags = [
      d("date-conflict", "warning", 2),
      d("date-conflict", "warning", 3),
      ...Array.from({ length: 50 }, (_, i) => d("non-working-day", "info", 10 + i)),
      ...Array.from({ length: 5 }, (_, i) => d("bad-date", "info", 100 + i)),
    ];
    expect(foldFindings(diags, 100).every((r) => r.count === 1)).toBe(true);
    const rows = foldFindings(diags, 20);
    expect(rows.map((r) => [r.d.code, r.d.cell, r.count])).toEqual([
      ["date-conflict", "D2", 1],
      ["date-conflict", "D3", 1],
      ["non-working-day", "D10", 50],
      ...Array.from({ length: 5 }, (_, i) => ["bad-date", `D${100 + i}`, 1]),
    ]);
    expect(foldFindings(diags, 3).map((r) => r.count)).toEqual([2, 50, 5]);
    // Folding the warnings made room for the info folded before them: those are shown one by one again.
    const many = [
      ...Array.from({ length: 40 }, (_, i) => d("date-conflict", "warning", 2 + i)),
      ...Array.from({ length: 30 }, (_, i) => d("non-working-day", "info", 100 + i)),
    ];
    const refolded = foldFindings(many, 35);
    expect(refolded.map((r) => r.count)).toEqual([40, ...Array(30).fill(1)]);
  });
});
