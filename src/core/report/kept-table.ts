import { printSetup, type ReportContext } from "./context";
import { measureTable } from "./layout";
import { cell, range, type PlanCell, type PlanSheet } from "./plan";

/**
 * A report sheet that is one plain table from A1, kept in the workbook for the next report to read
 * back (the RAG History, the Plan Snapshots, the Sources): a header row, grey tab, frozen header,
 * an Excel table over it, each row as tall as its wrapped text needs.
 */
export function keptTableSheet(
  ctx: ReportContext,
  t: {
    key: string;
    name: string;
    title: string;
    table: string;
    headers: readonly string[];
    widths: number[];
    body: PlanCell[][];
  },
): PlanSheet {
  const all = [t.headers.map((h) => cell(h, "header")), ...t.body];
  const { heights, pages, rowBreaks } = measureTable(t.widths, all);
  return {
    key: t.key,
    name: t.name,
    tabColor: "7F7F7F",
    widths: t.widths,
    heights,
    pages,
    rowBreaks,
    blocks: [{ row: 0, col: 0, cells: all }],
    charts: [],
    freezeRows: 1,
    table: { name: t.table, range: range(0, 0, Math.max(1, t.body.length), t.headers.length - 1) },
    print: printSetup(ctx, t.title, [0, 0]),
  };
}
