import type { PlanCell, PlanSheet } from "../../src/report/plan";
import { cleanSheetName, uniqueSheetName } from "../../src/report/sheet-names";
import { mergeHistory, trend, type HistoryRow } from "../../src/report/history";
import { dayFromYmd } from "../../src/model/dates";
import { planFor } from "../support/sample";

const texts = (s: PlanSheet): string[] => s.blocks.flatMap((b) => b.cells.flatMap((r) => r.map((c: PlanCell) => (typeof c.v === "string" ? c.v : ""))));

describe("the report plan for the sample workbook", () => {
  it("matches the reviewed snapshot", async () => {
    const { plan } = await planFor();
    expect(plan).toMatchSnapshot();
  });

  it("has a board report, a highlight report per workstream, exceptions and history", async () => {
    const { plan, analysis } = await planFor();
    expect(plan.sheets.map((s) => s.key)).toEqual(["board", ...analysis.rag.workstreams.map((w) => `highlight:${w.name}`), "exceptions", "history"]);
    for (const s of plan.sheets) {
      expect(s.name.length).toBeLessThanOrEqual(31);
      expect(s.name).not.toMatch(/[\\/?*[\]:]/);
      expect(s.print.landscape).toBe(true);
      expect(s.print.footer).toContain("&P");
    }
  });

  it("puts on the board report what the board needs", async () => {
    const { plan } = await planFor();
    const board = plan.sheets[0];
    const t = texts(board);
    for (const heading of ["Overall status", "Workstreams", "Decisions and escalations for the board", "Milestones overdue (4)", "Dependencies at risk", "Top risks (open, score 15 or more)", "Risk heat map (open risks: likelihood × impact)", "Competencies against target", "Governance ratings", "RAG key"])
      expect(t).toContain(heading);
    expect(t.some((x) => /^Challenge P04 "Public Engagement programme": reported Green, the plan says Red/.test(x))).toBe(true);
    expect(t.some((x) => /^Decide on risk R05 .*score 20, Extreme/.test(x))).toBe(true);
    expect(t.some((x) => /^Assign a project to competency C10/.test(x))).toBe(true);
    expect(t.some((x) => /^Agree recovery for M41: 30 days late because M11/.test(x))).toBe(true);
    expect(board.charts.map((c) => c.type)).toEqual(["columnStacked", "doughnut", "radar", "gantt", "gantt"]);
    expect(board.charts[4].title).toBe("Milestone timeline: baseline to forecast");
    const gantt = board.charts[3];
    expect(gantt.series[0]).toMatchObject({ name: "Start", hidden: true });
  });

  it("shows RAG as a word as well as a colour", async () => {
    const { plan } = await planFor();
    for (const s of plan.sheets)
      for (const b of s.blocks)
        for (const r of b.cells)
          for (const c of r) if (c.s?.startsWith("rag-")) expect(["Red", "Amber", "Green", "Blue", "RED", "AMBER", "GREEN", "BLUE", "error", "warning"]).toContain(c.v);
  });

  it("links findings to their cells, and never to a web address", async () => {
    const { plan, analysis } = await planFor();
    const ex = plan.sheets.find((s) => s.key === "exceptions")!;
    const links = ex.blocks.flatMap((b) => b.cells.flatMap((r) => r.filter((c) => c.link)));
    expect(links).toHaveLength(analysis.diagnostics.filter((d) => d.sheet && d.cell).length);
    for (const s of plan.sheets) for (const b of s.blocks) for (const r of b.cells) for (const c of r) if (c.link) expect(Object.keys(c.link).sort()).toEqual(expect.arrayContaining(["cell"]));
    expect(ex.table).toBeDefined();
    expect(ex.print.repeatRows).toBeDefined();
  });

  it("builds highlight reports in the PRINCE2 shape", async () => {
    const { plan } = await planFor();
    const hr = plan.sheets.find((s) => s.key === "highlight:Working in Partnership")!;
    const t = texts(hr);
    for (const h of ["Status summary", "Projects", "Work completed this period", "Tolerance status", "Key risks", "Key issues", "Dependencies into and out of this workstream"]) expect(t).toContain(h);
    expect(t.some((x) => x.startsWith("Work planned next period"))).toBe(true);
    expect(t).toContain("Tolerance exceeded: exception report needed");
    expect(t).toContain("M07"); // completed in January 2010
  });

  it("does not depend on the clock except for the generated stamp", async () => {
    const a = (await planFor()).plan;
    const b = (await planFor()).plan;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
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

describe("RAG history", () => {
  const row = (date: number, overall: HistoryRow["overall"]): HistoryRow => ({ date, level: "Workstream", id: "", name: "W", overall, schedule: null, cost: null, reported: null });
  it("appends a new date and replaces a rerun date", () => {
    const jan = dayFromYmd(2010, 1, 31);
    const feb = dayFromYmd(2010, 2, 28);
    const merged = mergeHistory([row(jan, "Red"), row(feb, "Red")], [row(feb, "Green")]);
    expect(merged.map((r) => [r.date, r.overall])).toEqual([[jan, "Red"], [feb, "Green"]]);
  });
  it("reads the trend", () => {
    expect(trend("Green", "Red")).toBe("↑ Better");
    expect(trend("Red", "Amber")).toBe("↓ Worse");
    expect(trend("Red", "Red")).toBe("→ Same");
    expect(trend("Red", undefined)).toBe("New");
  });
});
