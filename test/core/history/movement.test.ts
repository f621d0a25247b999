import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyseWorkbook, type Analysis } from "../../../src/core/analysis/analyse";
import { movementSince, type Movement } from "../../../src/core/history/movement";
import { writeReportToWorkbook } from "../../../src/hosts/office/run";
import { readWorkbook } from "../../../src/hosts/xlsx/read";
import { writeReport } from "../../../src/hosts/xlsx/write-report";
import { readPlanSnapshots, type SnapshotRow } from "../../../src/core/history/read-snapshots";
import { mergeSnapshots, omittedCount, SNAPSHOT_DATES_KEPT } from "../../../src/core/history/keep-snapshots";
import { RECORD_BODY_ROWS } from "../../../src/core/primitives/sheet-rows";
import { lastReport, ragTrend } from "../../../src/core/history/trend";
import { parseA1 } from "../../../src/core/primitives/cell";
import { asDay, dayFromYmd } from "../../../src/core/primitives/dates";
import { cellOf } from "../../../src/core/programme/entities";
import type { WorkbookSnapshot } from "../../../src/core/primitives/snapshot";
import { buildReportPlan } from "../../../src/core/report/build";
import type { PlanSheet, PlanValue, ReportPlan } from "../../../src/core/report/plan";
import { FakeExcel } from "../../support/fake-excel";
import { disagreements } from "../../support/consistency";
import { deps } from "../../support/office";
import { inspect, pdfText, toPdf } from "../../support/libreoffice";
import { SAMPLE_PATH } from "../../support/sample";

const JAN = dayFromYmd(2010, 1, 31);
const FEB = dayFromYmd(2010, 2, 28);

/** The plan edits between the two reports: M35's forecast a month later, R04 closed, R05 re-scored 4×5 → 3×5. */
function edits(a: Analysis): { sheet: string; cell: string; v: string | number }[] {
  const m = a.programme.milestones.find((x) => x.id === "M35")!;
  const r4 = a.programme.risks.find((x) => x.id === "R04")!;
  const r5 = a.programme.risks.find((x) => x.id === "R05")!;
  return [
    { sheet: m.src.sheet, cell: cellOf(m.src, "forecast")!, v: "2010-04-30" },
    { sheet: r4.src.sheet, cell: cellOf(r4.src, "status")!, v: "Closed" },
    { sheet: r5.src.sheet, cell: cellOf(r5.src, "likelihood")!, v: 3 },
  ];
}

function edit(snap: WorkbookSnapshot, changes: ReturnType<typeof edits>): void {
  for (const c of changes) {
    const s = snap.sheets.find((x) => x.name === c.sheet)!;
    const { row, col } = parseA1(c.cell)!;
    (s.rows[row - s.top] ??= [])[col - s.left] = c.v;
  }
}

/** A sheet's cell values, row by row, as the plan lays them out. */
function grid(sheet: PlanSheet): Map<number, PlanValue[]> {
  const rows = new Map<number, PlanValue[]>();
  for (const b of sheet.blocks)
    b.cells.forEach((r, i) =>
      r.forEach((c, k) => ((rows.get(b.row + i) ?? rows.set(b.row + i, []).get(b.row + i)!)[b.col + k] = c.v)),
    );
  return rows;
}

/** The rows of the "Since the last report" section: from its header row to the note under the table. */
function sinceRows(sheet: PlanSheet): PlanValue[][] {
  const g = [...grid(sheet).entries()].sort((x, y) => x[0] - y[0]).map(([, r]) => r);
  const at = g.findIndex((r) => r[0] === "Since the last report");
  const out: PlanValue[][] = [];
  for (
    let i = at + 1;
    i < g.length &&
    g[i][0] !== undefined &&
    !(typeof g[i][0] === "string" && /^(Against|Milestone trend|Decisions|Status)/.test(g[i][0] as string));
    i++
  )
    out.push(g[i].slice(0, sheet.widths.length)); // the printed columns, not the chart data
  return out;
}

const sheetOf = (plan: ReportPlan, key: string) => plan.sheets.find((s) => s.key === key)!;

describe("what moved since the last report (two consecutive reports on the sample)", () => {
  let a1: Analysis;
  let a2: Analysis;
  let plan1: ReportPlan;
  let plan2: ReportPlan;
  let out2: Uint8Array;

  beforeAll(async () => {
    const data = new Uint8Array(readFileSync(SAMPLE_PATH));
    a1 = analyseWorkbook(await readWorkbook(data), { asOf: JAN });
    plan1 = buildReportPlan(a1);
    const out1 = (await writeReport(data, plan1)).data;
    const snap = await readWorkbook(out1);
    edit(snap, edits(a1));
    a2 = analyseWorkbook(snap, { asOf: FEB });
    plan2 = buildReportPlan(a2);
    out2 = (await writeReport(out1, plan2)).data;
  });

  it("says on the first report that there is nothing to compare with, and draws no trend chart", () => {
    expect(a1.movement.since).toBeNull();
    const board = sheetOf(plan1, "board");
    expect(sinceRows(board)[0][0]).toMatch(/^This is the first report: there is no earlier report to compare with/);
    expect(board.charts.some((c) => c.type === "line")).toBe(false);
    expect(sinceRows(sheetOf(plan1, "highlight:Commissioning Competencies"))[0][0]).toMatch(
      /^This is the first report/,
    );
  });

  it("finds the moved milestone with its days, the closed and the re-scored risk, and nothing else", () => {
    const m: Movement = a2.movement;
    expect(m.since).toBe(JAN);
    const m35 = a1.rag.milestones.get("M35")!.finishNow!;
    expect(m.moved).toEqual([
      {
        kind: "Milestone",
        id: "M35",
        name: "WCC year 2 panel assessment",
        workstream: "Commissioning Competencies",
        from: m35,
        to: dayFromYmd(2010, 4, 30),
        days: dayFromYmd(2010, 4, 30) - m35,
      },
    ]);
    expect(m.risks.map((r) => [r.id, r.how, r.from, r.to])).toEqual([
      ["R05", "re-scored", 20, 15],
      ["R04", "closed", 16, 16],
    ]);
    expect([m.completed, m.added, m.removed, m.decisions]).toEqual([[], [], [], []]);
  });

  it("shows the movement on the Board Report after the executive summary, with from, to and days", () => {
    const board = sheetOf(plan2, "board");
    const rows = sinceRows(board);
    expect(rows[0][0]).toBe("Since 31 Jan 2010: 1 finish moved later; risks 1 closed, 1 re-scored.");
    const m35 = rows.find((r) => r[0] === "M35")!;
    expect(m35.filter((v) => v !== null && v !== undefined)).toEqual([
      "M35",
      "WCC year 2 panel assessment",
      "Milestone finish later",
      "Commissioning Competencies",
      { day: a1.rag.milestones.get("M35")!.finishNow! },
      { day: dayFromYmd(2010, 4, 30) },
      30,
    ]);
    expect(rows.find((r) => r[0] === "R05")!.filter((v) => v !== null && v !== undefined)).toEqual([
      "R05",
      "WCC year 2 panel scores below target",
      "Risk re-scored down",
      "Commissioning Competencies",
      20,
      15,
    ]);
    expect(rows.find((r) => r[0] === "R04")![2]).toBe("Risk closed");
    const order = [...grid(board).entries()].sort((x, y) => x[0] - y[0]).map(([, r]) => r[0]);
    expect(order.indexOf("Since the last report")).toBeGreaterThan(order.indexOf("Executive summary"));
    expect(order.indexOf("Since the last report")).toBeLessThan(order.indexOf("Decisions for the board"));
  });

  it("shows on every sheet of both reports (movement and exception reports included) the one status the analysis holds", () => {
    expect(disagreements(a1, plan1)).toEqual([]);
    expect(disagreements(a2, plan2)).toEqual([]);
    const about = sinceRows(sheetOf(plan2, "board")); // the movement's "to" cells are status cells too
    expect(
      sheetOf(plan2, "board").blocks.some((b) =>
        b.cells.flat().some((c) => c.about?.item === "M35" && c.about.field === "finishNow"),
      ),
    ).toBe(true);
    expect(about.length).toBeGreaterThan(0);
  });

  it("gives each highlight report its own workstream's movement", () => {
    const ids = (ws: string) =>
      sinceRows(sheetOf(plan2, `highlight:${ws}`))
        .map((r) => r[0])
        .filter((v) => /^[MRP]\d+$/.test(String(v)));
    expect(ids("Commissioning Competencies")).toEqual(["M35", "R05"]);
    expect(ids("Working in Partnership")).toEqual(["R04"]);
    expect(sinceRows(sheetOf(plan2, "highlight:Clinical Engagement"))[0][0]).toMatch(
      /^Nothing moved since the last report \(31 Jan 2010\)/,
    );
  });

  it("keeps the snapshots in the workbook for the next report, as the reader reads them", async () => {
    const rows = readPlanSnapshots(await readWorkbook(out2));
    expect([...new Set(rows.map((r) => r.date))]).toEqual([JAN, FEB]);
    expect(rows.filter((r) => r.date === JAN)).toEqual(a1.movement.now);
    expect(rows.filter((r) => r.date === FEB)).toEqual(a2.movement.now);
    expect(rows.every((r) => r.source === "")).toBe(true);
    expect(movementSince(rows, a2.movement.now, FEB).moved.map((x) => x.id)).toEqual(["M35"]);
  });

  it("draws the milestone trend on the second report: one line per key milestone over the two reporting dates", () => {
    const chart = sheetOf(plan2, "board").charts.find((c) => c.type === "line")!;
    expect(chart.title).toMatch(/Milestone trend/);
    expect(chart.series[0].name).toBe("M35 WCC year 2 panel assessment");
    for (const s of chart.series) expect(s.values.bottom - s.values.top).toBe(1); // two reporting dates
    expect(chart.series.at(-1)).toMatchObject({ name: "Reporting date (reached)", dash: true });
    const g = grid(sheetOf(plan2, "board"));
    const col = chart.series[0].values.left;
    expect([g.get(chart.series[0].values.top)![col], g.get(chart.series[0].values.bottom)![col]]).toEqual([
      { day: a1.rag.milestones.get("M35")!.finishNow! },
      { day: dayFromYmd(2010, 4, 30) },
    ]);
  });

  it("renders the trend chart in LibreOffice as a line chart, with the movement table printed", () => {
    const dir = mkdtempSync(join(tmpdir(), "pmo-movement-"));
    const file = join(dir, "second-report.xlsx");
    writeFileSync(file, out2);
    const text = pdfText(toPdf([file], dir)[0]);
    for (const s of [
      "Since the last report",
      "Milestone finish later",
      "Risk re-scored down",
      "Milestone trend: forecast finish at each report",
      "M35 WCC year 2 panel assessment",
    ])
      expect(text).toContain(s);
    expect(inspect([file])[file].sheets["Board Report"].charts).toContainEqual({
      title: "Milestone trend: forecast finish at each report",
      type: "LineDiagram",
    });
  }, 300_000);

  it("shows last period's benefits and risk RAG on the second highlight report (RAG History keeps them)", () => {
    const g = [...grid(sheetOf(plan2, "highlight:Working in Partnership")).values()];
    const row = (d: string) => g.find((r) => r[0] === d)!;
    expect(row("Benefits")[3]).toBe("Red");
    expect(row("Risk")[3]).toBe("Red"); // R04 (16) was open at the last report
    expect(row("Risk")[2]).toBe("Amber"); // closed since
  });
});

describe("the plan snapshot's bounds", () => {
  const row = (day: number, id = "M1"): SnapshotRow => ({
    date: asDay(day),
    kind: "Milestone",
    id,
    name: id,
    workstream: "W",
    finishNow: asDay(day),
    baseline: null,
    rag: "Green",
    float: 0,
    score: null,
    status: "Open",
    source: "",
  });

  it("keeps the latest reporting dates and replaces this date's rows", () => {
    const old = Array.from({ length: 20 }, (_, i) => row(1000 + i * 30));
    const merged = mergeSnapshots([...old, row(1000 + 19 * 30, "M2")], [row(1000 + 19 * 30, "M9")]);
    const dates = [...new Set(merged.map((r) => r.date))];
    expect(dates).toHaveLength(SNAPSHOT_DATES_KEPT);
    expect(dates.at(-1)).toBe(1000 + 19 * 30);
    expect(merged.filter((r) => r.date === 1000 + 19 * 30).map((r) => r.id)).toEqual(["M9"]);
  });

  const item = (day: number, kind: SnapshotRow["kind"], id: string, f: Partial<SnapshotRow> = {}): SnapshotRow => ({
    ...row(day, id),
    kind,
    ...f,
  });
  const projects = (day: number, n: number, f: Partial<SnapshotRow> = {}) =>
    Array.from({ length: n }, (_, i) => item(day, "Project", `P${i}`, { float: 5, finishNow: asDay(100), ...f }));

  it("keeps a plan too big for the sheet to its bound: open and critical items first, an Omitted row for the rest", () => {
    const done = projects(3, 300, { status: "Done" }).map((r, i) => ({ ...r, id: `D${i}` }));
    const critical = item(3, "Project", "CRIT", { float: -2 });
    const now = [...done, ...projects(3, 2_000), critical, item(3, "Workstream", ""), item(3, "Milestone", "M1")];
    const merged = mergeSnapshots([], now, 100);
    expect(merged).toHaveLength(100);
    const ids = merged.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(["", "M1", "CRIT"])); // the workstream, the milestone, the critical project
    expect(ids.filter((id) => id.startsWith("D"))).toEqual([]); // done items go first
    const omitted = merged.filter((r) => r.kind === "Omitted");
    expect(omitted.map((r) => [r.id, omittedCount(r), r.status])).toEqual([
      ["Project", 2_300 + 1 + 2 - 100 + omitted.length, "Open"], // open ones among them
    ]);
    expect(omitted[0].name).toMatch(
      /^2,\d{3} projects not kept: the sheet keeps 1,500 rows \(open and critical items first/,
    );
  });

  it("keeps earlier dates whole while they fit, then only their milestones, never more rows than the bound", () => {
    const date = (d: number) => [item(d, "Milestone", "M1", { finishNow: asDay(d + 10) }), ...projects(d, 40)];
    const merged = mergeSnapshots([...date(1), ...date(2), ...date(3)], date(4), 100);
    const at = (d: number) => merged.filter((r) => r.date === d);
    expect(at(4)).toHaveLength(41); // this report's, whole
    expect(at(3)).toHaveLength(41); // the last report's, whole
    expect(at(2).map((r) => [r.kind, r.id])).toEqual([
      ["Milestone", "M1"],
      ["Omitted", "Project"],
    ]);
    expect(at(1)).toHaveLength(2);
    expect(merged.length).toBeLessThanOrEqual(100);
    expect(mergeSnapshots([], projects(1, RECORD_BODY_ROWS + 5)).length).toBe(RECORD_BODY_ROWS);
  });

  it("gives up room for the last report's milestones when both reports' rows do not fit, so a rerun still compares", () => {
    const last = [item(1, "Milestone", "M1", { finishNow: asDay(50) }), ...projects(1, 150)];
    const now = [item(2, "Milestone", "M1", { finishNow: asDay(60) }), ...projects(2, 150)];
    const merged = mergeSnapshots(last, now, 100);
    expect(merged).toHaveLength(100);
    expect(merged.filter((r) => r.date === 1).map((r) => [r.kind, r.id])).toEqual([
      ["Milestone", "M1"],
      ["Omitted", "Project"],
    ]);
    // Run again for date 2: the last report's milestone is there to compare with; its projects are not known.
    const again = movementSince(merged, now, asDay(2));
    expect(again.moved.map((x) => [x.id, x.days])).toEqual([["M1", 10]]);
    expect(again.added).toEqual([]);
  });

  it("calls a new open item new when the last snapshot left out only done ones", () => {
    const before = mergeSnapshots([], [...projects(1, 150, { status: "Done" }), item(1, "Project", "KEEP")], 100);
    expect(before.find((r) => r.kind === "Omitted")?.status).toBe("");
    const m = movementSince(before, [item(2, "Project", "KEEP"), item(2, "Project", "NEW")], asDay(2));
    expect(m.added.map((x) => x.id)).toEqual(["NEW"]);
    // The trend likewise: a new open project is New; one done now may be one left out, so "–".
    const last = lastReport([{ ...row(1), level: "Programme" }] as never, asDay(2), before);
    expect([ragTrend(last, "Project", "NEW", "Green"), ragTrend(last, "Project", "P149", "Blue")]).toEqual([
      "New",
      "–",
    ]);
    // An Omitted row written before the Status flag (its count in Score) is read as having left out open ones.
    const old = before.map((r) => (r.kind === "Omitted" ? { ...r, status: "", score: 52 } : r));
    expect(movementSince(old, [item(2, "Project", "NEW")], asDay(2)).added).toEqual([]);
  });

  it("reads an item missing from a bounded snapshot as not known: not added, and its trend not New", () => {
    const before = mergeSnapshots([], [...projects(1, 150), item(1, "Project", "LATE", { float: -1 })], 100);
    expect(before.some((r) => r.id === "P149")).toBe(false);
    const now = [...projects(2, 150), item(2, "Project", "LATE", { float: -1, finishNow: asDay(30) })];
    const m = movementSince(before, now, asDay(2));
    expect(m.added).toEqual([]);
    expect(m.moved.map((x) => x.id)).toEqual(["LATE"]);
    const last = lastReport(
      [{ ...row(1), level: "Programme", overall: "Green", schedule: null, cost: null, reported: null }] as never,
      asDay(2),
      before,
    );
    expect(ragTrend(last, "Project", "P149", "Green")).toBe("–");
    expect(ragTrend(last, "Project", "LATE", "Red")).toBe("↓ Worse");
    // Nothing bounded: a missing project is new.
    const whole = lastReport([{ ...row(1), level: "Programme" }] as never, asDay(2), projects(1, 3));
    expect(ragTrend(whole, "Project", "P9", "Green")).toBe("New");
  });
});

describe("the Office host writes the same movement and trend chart", () => {
  it("reads its own snapshots back on a second run and writes the trend chart as a line chart", async () => {
    const fake = FakeExcel.fromSnapshot(await readWorkbook(new Uint8Array(readFileSync(SAMPLE_PATH))));
    const first = await writeReportToWorkbook(deps(fake), { asOf: JAN });
    for (const c of edits(first.analysis)) {
      const { row, col } = parseA1(c.cell)!;
      const cells = fake.sheet(c.sheet).cells;
      (cells.get(row) ?? cells.set(row, new Map()).get(row)!).set(col, { v: c.v });
    }
    const second = await writeReportToWorkbook(deps(fake), { asOf: FEB });
    expect(second.analysis.movement.moved.map((x) => [x.id, x.days])).toEqual([
      ["M35", dayFromYmd(2010, 4, 30) - first.analysis.rag.milestones.get("M35")!.finishNow!],
    ]);
    expect(second.analysis.movement.risks.map((r) => [r.id, r.how])).toEqual([
      ["R05", "re-scored"],
      ["R04", "closed"],
    ]);
    const spec = second.plan.sheets[0].charts.find((c) => c.type === "line")!;
    const chart = fake.sheet("Board Report").charts.find((c) => c.title === spec.title)!;
    expect(chart.type).toBe("LineMarkers");
    expect(chart.series.map((s) => [s.name, s.line])).toEqual(spec.series.map((s) => [s.name, `#${s.color}`]));
    expect(chart.series.at(-1)!.lineStyle).toBe("Dash");
    expect(chart.axes.value.numberFormat).toBe("dd mmm yy");
  });
});
