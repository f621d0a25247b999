import { countOf } from "../primitives/text";
import { NOT_TRACKED, ragCell } from "../report/cells";
import { type ReportContext } from "../report/context";
import { SheetLayout } from "../report/layout";
import { cell } from "../report/plan";
import { COLS } from "../report/board";

/** The Board Report's finance section: budget, forecast, actual and variance by workstream, with the cost RAG. */
export function financeSection(L: SheetLayout, ctx: ReportContext): void {
  const f = ctx.a.finance;
  if (!f.tracked) return;
  L.section("Finance");
  const NT = cell(NOT_TRACKED, "muted");
  const money = (v: number, held: boolean, style = "money") => (held ? cell(Math.round(v), style) : NT);
  const h = f.holds;
  const rows = f.workstreams.map((w) => [
    cell(w.name, "wrap"),
    money(w.budget, h.budget),
    money(w.forecast, h.forecast),
    money(w.actual, h.actual),
    money(w.variance, h.budget && h.forecast),
    cell(w.variancePercent === null ? null : Math.round(w.variancePercent * 10) / 1000, "percent1"),
    ragCell(w.cost, `ws:${w.name}`, "cost"),
    cell(
      w.covered < w.projects
        ? `${w.covered} of ${countOf(w.projects, "project")} ${w.covered === 1 ? "has" : "have"} a budget and a forecast`
        : "",
      "wrap",
    ),
  ]);
  const p = f.programme;
  rows.push([
    cell("Programme", "total-text"),
    money(p.budget, h.budget, "money-total"),
    money(p.forecast, h.forecast, "money-total"),
    money(p.actual, h.actual, "money-total"),
    cell(Math.round(p.variance), "money-total"),
    cell(p.variancePercent === null ? null : Math.round(p.variancePercent * 10) / 1000, "percent1-total"),
    ragCell(p.cost, "Programme", "cost"),
    cell(
      p.covered < p.projects
        ? `${p.covered} of ${countOf(p.projects, "project")} ${p.covered === 1 ? "has" : "have"} a budget and a forecast`
        : "",
      "wrap",
    ),
  ]);
  L.table(
    ["Workstream", "Budget", "Forecast", "Actual to date", "Variance", "Variance %", "Cost RAG", "Notes"],
    rows,
    "",
    { cols: COLS.finance },
  );
  const s = ctx.a.programme.settings;
  const missing = [!h.budget && "budgets", !h.forecast && "forecasts", !h.actual && "actual spend"].filter(Boolean);
  if (missing.length)
    L.note(
      `Not tracked: the workbook holds no ${missing.join(" or ")} (no column, or only zeros), so ${missing.length === 1 ? "it is" : "they are"} not shown as £0.`,
    );
  L.note(
    `Forecast is the larger of each project's forecast and its actual spend. Cost RAG is the summed forecast against the summed budget: amber beyond ${s.amberCostPercent}%, red beyond ${s.redCostPercent}% over. A project over its own tolerance shows on its workstream's overall RAG and highlight report.`,
  );
}
