import { HISTORY_HEADERS, type HistoryRow } from "./history";
import { cell, range, type PlanSheet, hfText } from "./plan";
import { ragStyle } from "./styles";

/** The RAG history sheet: a plain table from A1, so that the next run can read it back. */
export function historySheet(rows: HistoryRow[], programme: string): PlanSheet {
  const body = rows.map((r) => [
    cell({ day: r.date }, "date"),
    cell(r.level, "text"),
    cell(r.id, "text"),
    cell(r.name, "wrap"),
    cell(r.overall, ragStyle(r.overall)),
    cell(r.schedule, ragStyle(r.schedule)),
    cell(r.cost, ragStyle(r.cost)),
    cell(r.reported, ragStyle(r.reported)),
  ]);
  return {
    key: "history",
    name: "RAG History",
    tabColor: "7F7F7F",
    widths: [13, 12, 8, 44, 10, 10, 10, 10],
    blocks: [{ row: 0, col: 0, cells: [HISTORY_HEADERS.map((h) => cell(h, "header")), ...body] }],
    charts: [],
    freezeRows: 1,
    table: { name: "PMORagHistory", range: range(0, 0, Math.max(1, body.length), HISTORY_HEADERS.length - 1) },
    print: { landscape: true, repeatRows: [0, 0], header: `&L${hfText(programme)}&RRAG history`, footer: "&CPage &P of &N" },
  };
}
