import { type ReportContext } from "../report/context";
import { SheetLayout } from "../report/layout";
import { cell, range } from "../report/plan";
import { ragStyle } from "../report/styles";
import { COLS } from "../report/board";

/** The Board Report's competencies section. */
export function competenciesSection(L: SheetLayout, ctx: ReportContext): void {
  const a = ctx.a;
  if (a.competencies.length) {
    L.section("Competencies against target");
    const t = L.table(
      ["ID", "Competency", "Current", "Target", "Gap", "RAG", "Target date", "Addressed by"],
      a.competencies.map((c) => [
        cell(c.id, "text"),
        cell(c.name, "wrap"),
        cell(c.current, "number"),
        cell(c.target, "number"),
        cell(c.gap, "number"),
        cell(c.rag, ragStyle(c.rag)),
        cell(c.targetDate === null ? null : { day: c.targetDate }, "date"),
        cell(
          c.projects.length ? c.projects.join(", ") : c.gap !== null && c.gap > 0 ? "None: uncovered" : "–",
          c.projects.length || !c.gap || c.gap <= 0 ? "wrap" : "error",
        ),
      ]),
      "",
      { cols: COLS.competencies },
    );
    if (t) {
      const data = L.data([
        ["Competency", "Current", "Target"].map((h) => cell(h, "chart-data")),
        ...a.competencies.map((c) => [{ v: c.id }, { v: c.current }, { v: c.target }]),
      ]);
      const top = L.chartSpace(19);
      L.charts.push({
        type: "radar",
        seriesBy: "columns",
        title: "Competencies: current level against target",
        categories: range(data.top + 1, data.left, data.bottom, data.left),
        series: [
          { name: "Current", values: range(data.top + 1, data.left + 1, data.bottom, data.left + 1), color: "1F4E79" },
          { name: "Target", values: range(data.top + 1, data.left + 2, data.bottom, data.left + 2), color: "C00000" },
        ],
        anchor: { fromRow: top, fromCol: 0, toRow: top + 18, toCol: 6 },
        valueAxis: { min: 0, max: a.programme.settings.competencyScaleMax, majorUnit: 1 },
        legend: true,
      });
    }
  }
  if (a.programme.governance.length) {
    L.section("Governance ratings");
    L.table(
      ["Element", "Rating", "Target", "Assessed"],
      a.programme.governance.map((g) => [
        cell(g.element, "text"),
        cell(g.rating, ragStyle(g.rating)),
        cell(g.target, ragStyle(g.target)),
        cell(g.date === null ? null : { day: g.date }, "date"),
      ]),
      "",
      { cols: COLS.governance },
    );
  }
}
