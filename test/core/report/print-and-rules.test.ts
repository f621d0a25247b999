import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { asDay, dayFromYmd, formatDay, ymdFromDay } from "../../../src/core/primitives/dates";
import { buildReportPlan } from "../../../src/core/report/build";
import { SheetLayout } from "../../../src/core/report/layout";
import { cell, type PlanSheet } from "../../../src/core/report/plan";
import { settleKeptSheets } from "../../../src/core/report/sheet-names";
import { textWidth, wrappedLines } from "../../../src/core/report/text-metrics";

import { planFor } from "../../support/sample";
import { snap } from "../../support/snapshot";

const texts = (s: PlanSheet): string[] =>
  s.blocks.flatMap((b) => b.cells.flatMap((r) => r.map((c) => (typeof c?.v === "string" ? c.v : ""))));
const d = (y: number, m: number, dd: number) => formatDay(dayFromYmd(y, m, dd));

describe("rows are as tall as their wrapped text, measured", () => {
  it("measures Calibri: a capital M is wider than an i, bold wider than regular", () => {
    expect(textWidth("M", 11)).toBeGreaterThan(textWidth("i", 11) * 3);
    expect(textWidth("Board report", 11, true)).toBeGreaterThan(textWidth("Board report", 11));
    expect(wrappedLines("one two three", 1000, 11)).toBe(1);
    expect(wrappedLines("one two three", textWidth("one two", 11) + 1, 11)).toBe(2);
    expect(wrappedLines("a\nb", 1000, 11)).toBe(2);
  });
  it("gives every written row a height, taller where the text wraps in its column", () => {
    const L = new SheetLayout([10, 20]);
    const short = L.heightOf([cell("Short", "wrap")], 0, new Map());
    const long = L.heightOf(
      [cell("A much longer piece of text that cannot fit in ten characters", "wrap")],
      0,
      new Map(),
    );
    const merged = L.heightOf(
      [cell("A much longer piece of text that cannot fit in ten characters", "wrap")],
      0,
      new Map([[0, 1]]),
    );
    expect(short).toBe(15);
    expect(long).toBeGreaterThan(merged);
    expect(merged).toBeGreaterThan(15);
  });
  it("on the sample, every row of every sheet written has a height", async () => {
    const { plan } = await planFor();
    for (const s of plan.sheets) {
      const rows = new Set(
        s.blocks.filter((b) => b.col < s.widths.length).flatMap((b) => b.cells.map((_, i) => b.row + i)),
      );
      for (const r of rows) expect([s.name, r, s.heights?.[r] !== undefined]).toEqual([s.name, r, true]);
    }
  });
});

describe("Gantt axis", () => {
  it("starts on the first of a month, and each monthly tick stands in its own month", async () => {
    const { plan } = await planFor();
    for (const g of plan.sheets[0].charts.filter((c) => c.type === "gantt")) {
      const min = (g.valueAxis!.min as { day: number }).day;
      expect(ymdFromDay(asDay(Math.floor(min))).d).toBeLessThanOrEqual(3); // the first of a month, moved on at most two days so that no tick falls before its month
      const months = Math.round(((g.valueAxis!.max as { day: number }).day - min) / g.valueAxis!.majorUnit!);
      for (let k = 0; k <= months; k++) {
        const tick = min + k * g.valueAxis!.majorUnit!;
        const { y, m } = ymdFromDay(asDay(Math.floor(min)));
        const month = dayFromYmd(y, m + k, 1);
        expect(tick - month).toBeGreaterThanOrEqual(0);
        expect(tick - month).toBeLessThan(4);
      }
    }
  });
});

describe("report sheets a user changed", () => {
  const plan = { sheets: [{ name: "Board Report" }, { name: "HR Working in Partnership" }], keptPeriod: "Jan 2010" };
  it("renames a kept sheet that still has a report name with its period, within 31 characters; leaves one the user renamed", () => {
    const kept = settleKeptSheets(["HR Working in Partnership", "Board Report (2)", "My January board"], plan, [
      "Projects",
      "HR Working in Partnership",
      "Board Report (2)",
      "My January board",
    ]);
    expect(kept[0].to).toMatch(/^HR Working in Part.* – Jan 2010$/);
    expect(kept[0].to.length).toBeLessThanOrEqual(31);
    expect(kept[1].to).toBe("Board Report – Jan 2010");
    expect(kept[2]).toEqual({ from: "My January board", to: "My January board" });
  });
  it("never gives two kept sheets one name", () => {
    const kept = settleKeptSheets(["Board Report", "Board Report (2)"], plan, ["Board Report", "Board Report (2)"]);
    expect(new Set(kept.map((k) => k.to)).size).toBe(2);
  });
});

describe("not tracked is said", () => {
  function book(withActual: boolean, costs: number) {
    return snap({
      Projects: [
        [
          "ID",
          "Name",
          "Workstream",
          "Start",
          "Finish",
          "Budget",
          "Forecast Cost",
          ...(withActual ? ["Actual Cost"] : []),
        ],
        ["N1", "One", "W", d(2010, 1, 4), d(2010, 6, 30), costs, costs, ...(withActual ? [costs] : [])],
      ],
      Settings: [["Reporting date", d(2010, 1, 31)]],
    });
  }
  it("no Actual column: Actual to date is Not tracked, not £0", () => {
    const a = analyseWorkbook(book(false, 1000));
    const board = buildReportPlan(a).sheets[0];
    const ws = board.blocks
      .find((b) => b.cells[0]?.[0]?.v === "W" && b.cells[0].some((c) => c.v === 1000))!
      .cells[0].map((c) => c.v);
    expect(ws).toContain("Not tracked");
    expect(ws).toContain(1000);
    expect(texts(board).some((t) => /^Not tracked: the workbook holds no actual spend/.test(t))).toBe(true);
  });
  it("all-zero costs are not Cost Green: the cost RAG is Not tracked", () => {
    const a = analyseWorkbook(book(true, 0));
    expect(a.rag.projects.get("N1")!.cost).toBeNull();
    expect(a.finance.tracked).toBe(false);
    const hr = buildReportPlan(a).sheets.find((s) => s.key === "highlight:W")!;
    const cost = hr.blocks
      .flatMap((b) => b.cells.flat())
      .filter((c) => c.about?.item === "N1" && c.about.field === "cost");
    expect(cost.length).toBeGreaterThan(0);
    for (const c of cost) expect(c.v).toBe("Not tracked");
  });
});

describe("board conventions", () => {
  it("a purpose line with author and presenting director from Settings; one title; decisions past their date flagged", () => {
    const a = analyseWorkbook(
      snap({
        Projects: [
          ["ID", "Name", "Workstream", "Start", "Finish"],
          ["Q1", "One", "W", d(2010, 1, 4), d(2010, 6, 30)],
        ],
        Commentary: [
          ["Period", "About", "Status Summary", "Decisions Requested", "Decision By", "Author"],
          [d(2009, 12, 31), "Programme", "All well.", "Agree the budget", d(2010, 1, 15), "Ann Smith"],
        ],
        Settings: [
          ["Reporting date", d(2010, 1, 31)],
          ["Presenting director", "Director of Strategy"],
          ["Paper purpose", "For assurance"],
        ],
      }),
    );
    const t = texts(buildReportPlan(a).sheets[0]);
    expect(t[0]).toBe("Programme Board report");
    expect(t).toContain("For assurance · Author: Ann Smith · Presented by: Director of Strategy");
    expect(t.some((x) => x.startsWith("Past its date (15 Jan 2010): Agree the budget"))).toBe(true);
    expect(t.some((x) => /^All well\. \(Ann Smith, 31 Dec 2009; not updated this period\)$/.test(x))).toBe(true);
  });
  it("the overall RAG rule: benefits and risk count only when Settings says so", () => {
    const rows = (rule?: string) =>
      snap({
        Projects: [
          ["ID", "Name", "Workstream", "Start", "Finish"],
          ["Q1", "One", "W", d(2010, 1, 4), d(2010, 6, 30)],
        ],
        Risks: [
          ["ID", "Title", "Project", "Owner", "Likelihood", "Impact", "Mitigation", "Status"],
          ["R1", "Big risk", "Q1", "Ann", 5, 5, "Watch", "Open"],
        ],
        Settings: [["Reporting date", d(2010, 1, 31)], ...(rule ? [["Overall RAG rule", rule]] : [])],
      });
    expect(analyseWorkbook(rows()).overall).toBe("Green");
    const all = analyseWorkbook(rows("Schedule, cost, benefits and risk"));
    expect(all.overall).toBe("Red");
    expect(all.rag.workstreams[0].overall!.because).toMatch(/W's risks at or above the escalation score/);
  });
});
