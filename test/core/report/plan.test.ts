import type { PlanCell, PlanSheet } from "../../../src/core/report/plan";
import { cleanSheetName, uniqueSheetName } from "../../../src/core/report/sheet-names";
import { mergeHistory } from "../../../src/core/history/history-sheet";
import type { HistoryRow } from "../../../src/core/history/read-history";
import { lastReport, ragTrend } from "../../../src/core/history/trend";
import { reportingPeriod } from "../../../src/core/programme/period";
import { dayFromYmd, type Day } from "../../../src/core/primitives/dates";
import { planFor } from "../../support/sample";

const texts = (s: PlanSheet): string[] =>
  s.blocks.flatMap((b) => b.cells.flatMap((r) => r.map((c: PlanCell) => (typeof c.v === "string" ? c.v : ""))));

describe("the report plan for the sample workbook", () => {
  it("has a board report, a highlight report per workstream, exceptions and history, and opens on the board", async () => {
    const { plan, analysis } = await planFor();
    // Each workstream beyond a tolerance has its exception report after its highlight report; the plan snapshots come last.
    const highlights = analysis.rag.workstreams.flatMap((w) => [
      `highlight:${w.name}`,
      ...(w.overall?.rag === "Red" ? [`exception:${w.name}`] : []),
    ]);
    expect(plan.sheets.map((s) => s.key)).toEqual(["board", ...highlights, "exceptions", "history", "snapshot"]);
    expect(plan.activeKey).toBe("board");
    for (const s of plan.sheets) {
      expect(s.name.length).toBeLessThanOrEqual(31);
      expect(s.name).not.toMatch(/[\\/?*[\]:]/);
      expect(s.print.landscape).toBe(true);
      // One footer on every sheet: classification, page x of y (over the report's pages alone), the as-of date.
      expect(s.print.footer).toMatch(/^&LOFFICIAL&CPage &P of \d+&RAs of 31 Jan 2010$/);
    }
    // The pack's pages run on from sheet to sheet, and "of y" is the pack's count, not the workbook's;
    // the plan snapshots, a record for the next report rather than pages a board reads, count their own.
    const pack = plan.sheets.filter((s) => s.key !== "snapshot");
    const total = pack.reduce((n, s) => n + s.pages!, 0);
    let next = 1;
    for (const s of pack) {
      expect([s.key, s.print.firstPageNumber]).toEqual([s.key, next]);
      expect(s.print.footer).toContain(`of ${total}&R`);
      next += s.pages!;
    }
    const snapshots = plan.sheets.find((s) => s.key === "snapshot")!;
    expect(snapshots.pages).toBeGreaterThan(1);
    expect(snapshots.print.firstPageNumber).toBe(1);
    expect(snapshots.print.footer).toContain(`of ${snapshots.pages}&R`);
  });

  it("puts on the board report what a board expects, in order", async () => {
    const { plan } = await planFor();
    const board = plan.sheets[0];
    const t = texts(board);
    const order = [
      "Executive summary",
      "Decisions for the board",
      "PMO challenges",
      "Workstreams",
      "Finance",
      "Milestones overdue (4)",
      "Slips by root cause: late items that push others (1)",
      "Critical path: open items with no float, in order (3)",
      "Issues: open (2), overdue first",
      "Benefits: 1 off track of 4",
      "RAID summary",
      "Top risks (open, scoring 15 or more on the NHS 5×5 matrix (NPSA))",
      "Risk heat map: open risks on the NHS 5×5 matrix (NPSA)",
      "Competencies against target",
      "Governance ratings",
      "Timeline: projects from start to finish now",
      "RAG key and tolerances",
    ];
    const at = order.map((h) => t.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    // Challenges apart from decisions, each with the item and its lead.
    expect(
      t.some((x) =>
        /^Reported Green, the plan says Red: P04 was due 31 Dec 2009 and is not complete \(31 days overdue\)\.$/.test(
          x,
        ),
      ),
    ).toBe(true);
    expect(t.some((x) => /^Risk R05 "WCC year 2 panel scores below target" scores 20 \(Extreme\)/.test(x))).toBe(true);
    expect(t.some((x) => /^Approve the mitigation: Knowledge management unit/.test(x))).toBe(true);
    // Finance: the sample's £1,145,000 budget against £1,207,500 forecast, +5.5 %, Amber by its own tolerances.
    const money = board.blocks.flatMap((b) => b.cells.flatMap((r) => r.map((c) => c.v)));
    expect(money).toEqual(expect.arrayContaining([1145000, 1207500, 0.055]));
    expect(board.charts.map((c) => c.type)).toEqual(["columnStacked", "doughnut", "radar", "gantt", "gantt"]);
    const gantt = board.charts[3];
    expect(gantt.series[0]).toMatchObject({ name: "Start", hidden: true });
    expect(gantt.series[1].pointColors).toHaveLength(15);
    expect(gantt.valueAxis).toMatchObject({ crossAt: { day: dayFromYmd(2010, 1, 31) }, numFmt: "mmm yy" });
  });

  it("keeps chart data out of the printed area, and tables off the last lines of a page", async () => {
    const { plan } = await planFor();
    const board = plan.sheets[0];
    expect(board.printArea).toMatchObject({ left: 0, right: 12 });
    for (const c of board.charts) for (const s of c.series) expect(s.values.left).toBeGreaterThan(12);
    expect(board.rowBreaks!.length).toBeGreaterThan(3);
    // Every break falls before a section heading, a (repeated) table header or a chart: never inside a table or the heat map.
    const at = new Map<number, PlanCell[]>();
    for (const b of board.blocks) if (b.col <= 12) b.cells.forEach((r, i) => at.set(b.row + i, r));
    const charts = new Set(board.charts.map((c) => c.anchor.fromRow));
    for (const r of board.rowBreaks!)
      expect(charts.has(r) || ["section", "header"].includes(at.get(r)?.find((c) => c?.v !== null)?.s ?? "")).toBe(
        true,
      );
    // A heading never ends a page without its table: no break between a section heading and the row after it.
    const styleAt = (r: number) => at.get(r)?.find((c) => c?.v !== null)?.s;
    for (const sheet of plan.sheets) {
      const rows = new Map<number, PlanCell[]>();
      for (const b of sheet.blocks)
        if (b.col <= (sheet.printArea?.right ?? Infinity)) b.cells.forEach((r, i) => rows.set(b.row + i, r));
      for (const r of sheet.rowBreaks ?? [])
        expect({ sheet: sheet.name, r, before: rows.get(r - 1)?.find((c) => c?.v !== null)?.s }).not.toMatchObject({
          before: "section",
        });
    }
    expect(board.rowBreaks!.some((r) => styleAt(r) !== undefined)).toBe(true); // the walk reads the rows (some break falls on a heading, not only on charts)
  });

  it("gives the heat map square cells of its own", async () => {
    const { plan } = await planFor();
    const board = plan.sheets[0];
    const widths = board.widths.slice(3, 8);
    expect(new Set(widths).size).toBe(1);
    const heatRows = board.blocks.filter((b) =>
      b.cells[0].some((c) => c?.s?.startsWith("band-Extreme") || c?.s === "band-Low"),
    );
    expect(heatRows.length).toBe(5);
    const side = (widths[0] * 7 + 5) * 0.75;
    for (const b of heatRows) expect(board.heights![b.row]).toBeCloseTo(side, 0);
  });

  it("shows RAG as a word as well as a colour", async () => {
    const { plan } = await planFor();
    for (const s of plan.sheets)
      for (const b of s.blocks)
        for (const r of b.cells)
          for (const c of r)
            if (c?.s?.startsWith("rag-") && c.v !== null)
              expect(["Red", "Amber", "Green", "Blue", "RED", "AMBER", "GREEN", "BLUE", "error", "warning"]).toContain(
                c.v,
              );
  });

  it("links findings to their cells, and never to a web address", async () => {
    const { plan, analysis } = await planFor();
    const ex = plan.sheets.find((s) => s.key === "exceptions")!;
    const links = ex.blocks.flatMap((b) => b.cells.flatMap((r) => r.filter((c) => c.link)));
    expect(links).toHaveLength(analysis.diagnostics.filter((d) => d.sheet && d.cell).length);
    for (const s of plan.sheets)
      for (const b of s.blocks)
        for (const r of b.cells)
          for (const c of r) if (c?.link) expect(Object.keys(c.link).sort()).toEqual(expect.arrayContaining(["cell"]));
    expect(ex.table).toBeDefined();
    expect(ex.print.repeatRows).toBeDefined();
    expect(texts(ex)).toContain("Reported RAG challenged (rag-mismatch)");
  });

  it("builds highlight reports in the PRINCE2 shape", async () => {
    const { plan } = await planFor();
    const hr = plan.sheets.find((s) => s.key === "highlight:Working in Partnership")!;
    const t = texts(hr);
    for (const h of [
      "Status summary",
      "Status this period and last",
      "Projects",
      "Tolerance status",
      "Requests for decisions",
      "Key risks",
      "Key issues",
      "Dependencies into and out of this workstream",
      "Lessons",
    ])
      expect(t).toContain(h);
    expect(t.some((x) => x.startsWith("Work completed this period"))).toBe(true);
    expect(t.some((x) => x.startsWith("Work planned next period"))).toBe(true);
    for (const dim of ["Time", "Cost", "Scope", "Quality", "Benefits", "Risk"]) expect(t).toContain(dim);
    expect(t).toContain("Not tracked"); // scope and quality: the sample keeps no data for them
    expect(t).toContain("Tolerance exceeded: exception report needed");
    expect(t).toContain("M07"); // completed in January 2010
    expect(t.some((x) => x.includes("Lead: Director Commissioning and Strategy · SRO: Chief Executive"))).toBe(true);
  });

  it("stores numbers rounded to what is shown", async () => {
    const { plan } = await planFor();
    for (const s of plan.sheets)
      for (const b of s.blocks)
        for (const r of b.cells)
          for (const c of r) {
            if (typeof c?.v !== "number") continue;
            if (c.s === "percent1" || c.s === "percent1-total") expect(Math.round(c.v * 1000) / 1000).toBe(c.v);
            else if (c.s === "money" || c.s === "number") expect(Number.isInteger(c.v)).toBe(true);
          }
  });

  it("does not depend on the clock", async () => {
    const a = (await planFor()).plan;
    const b = (await planFor()).plan;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(a)).not.toMatch(/UTC|generated/);
  });
});

describe("sheet names", () => {
  it("keeps to Excel's rules", () => {
    expect(cleanSheetName("HR Commissioning: Competencies / Phase [2]?")).toBe("HR Commissioning- Competencies");
    expect(cleanSheetName("'quoted'")).toBe("quoted");
    expect(cleanSheetName("History")).toBe("History (report)");
    expect(cleanSheetName("   ")).toBe("Sheet");
    expect(cleanSheetName("x".repeat(40))).toHaveLength(31);
  });
  it("steps aside for a name already taken, ignoring case", () => {
    expect(uniqueSheetName("Exceptions", ["exceptions"])).toBe("Exceptions (2)");
    expect(uniqueSheetName("Exceptions", ["Exceptions", "Exceptions (2)"])).toBe("Exceptions (3)");
    expect(uniqueSheetName("y".repeat(31), ["y".repeat(31)])).toHaveLength(31);
  });
});

describe("RAG history and trend", () => {
  const row = (date: Day, overall: HistoryRow["overall"]): HistoryRow => ({
    date,
    level: "Workstream",
    id: "",
    name: "W",
    overall,
    schedule: null,
    cost: null,
    reported: null,
    score: null,
  });
  const jan = dayFromYmd(2010, 1, 31);
  const feb = dayFromYmd(2010, 2, 28);
  it("appends a new date and replaces a rerun date", () => {
    const merged = mergeHistory([row(jan, "Red"), row(feb, "Red")], [row(feb, "Green")]);
    expect(merged.map((r) => [r.date, r.overall])).toEqual([
      [jan, "Red"],
      [feb, "Green"],
    ]);
  });
  it("reads the trend against the last report before the as-of date", () => {
    const last = lastReport([row(jan, "Red")], feb);
    expect(ragTrend(last, "Workstream", "W", "Green")).toBe("↑ Better");
    expect(ragTrend(last, "Workstream", "W", "Red")).toBe("→ Same");
    expect(ragTrend(lastReport([row(jan, "Amber")], feb), "Workstream", "W", "Red")).toBe("↓ Worse");
    expect(ragTrend(last, "Workstream", "X", "Red")).toBe("New");
    expect(ragTrend(lastReport([], feb), "Workstream", "W", "Red")).toBe("First report");
  });
});

describe("reporting periods", () => {
  it("monthly: the calendar month holding the as-of date", () => {
    expect(reportingPeriod("monthly", dayFromYmd(2010, 2, 28))).toMatchObject({
      start: dayFromYmd(2010, 2, 1),
      end: dayFromYmd(2010, 2, 28),
      nextStart: dayFromYmd(2010, 3, 1),
      nextEnd: dayFromYmd(2010, 3, 31),
    });
  });
  it("quarterly: April–June is Q1 of the financial year", () => {
    expect(reportingPeriod("quarterly", dayFromYmd(2010, 2, 10))).toMatchObject({
      start: dayFromYmd(2010, 1, 1),
      end: dayFromYmd(2010, 3, 31),
      nextEnd: dayFromYmd(2010, 6, 30),
      label: "Q4 2009/10",
      nextLabel: "Q1 2010/11",
    });
  });
  it("four-weekly: 28-day periods from 1 April, the thirteenth running to 31 March", () => {
    expect(reportingPeriod("four-weekly", dayFromYmd(2009, 4, 28))).toMatchObject({
      start: dayFromYmd(2009, 4, 1),
      end: dayFromYmd(2009, 4, 28),
      label: "Period 1 2009/10",
    });
    expect(reportingPeriod("four-weekly", dayFromYmd(2010, 3, 31))).toMatchObject({
      start: dayFromYmd(2009, 4, 1) + 12 * 28,
      end: dayFromYmd(2010, 3, 31),
      label: "Period 13 2009/10",
      nextLabel: "Period 1 2010/11",
    });
  });
});
