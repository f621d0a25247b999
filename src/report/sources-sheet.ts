import { keptSourcesAfter } from "../collation/kept";
import { SOURCES_HEADERS, SOURCES_KEY } from "../ingest/sources-sheet";
import { printSetup, type ReportContext } from "./context";
import { measureTable } from "./layout";
import { cell, range, type PlanSheet } from "./plan";

export { SOURCES_KEY } from "../ingest/sources-sheet";

/**
 * The Sources sheet: the workstream sources the programme is collated from, one row each (file,
 * workstream, last read, rows read), a plain table from A1 that the next report and the pane read
 * back (src/ingest/sources-sheet.ts). A report sheet like the Plan Snapshots: replaced on each run,
 * its rows kept and refreshed (src/collation/kept.ts). Null when nothing was ever collated.
 */
export function sourcesSheet(ctx: ReportContext): PlanSheet | null {
  const rows = keptSourcesAfter(ctx.a.programme);
  if (!rows.length) return null;
  const body = rows.map((r) => [
    cell(r.file, "text"),
    cell(r.workstream, "text"),
    cell(r.lastRead, "text"),
    cell(r.rows, "number"),
  ]);
  const widths = [40, 24, 18, 10];
  const all = [SOURCES_HEADERS.map((h) => cell(h, "header")), ...body];
  const { heights, pages } = measureTable(widths, all);
  return {
    key: SOURCES_KEY,
    name: "Sources",
    tabColor: "7F7F7F",
    widths,
    heights,
    pages,
    blocks: [{ row: 0, col: 0, cells: all }],
    charts: [],
    freezeRows: 1,
    table: { name: "PMOSources", range: range(0, 0, body.length, SOURCES_HEADERS.length - 1) },
    print: printSetup(ctx, "Workstream sources", [0, 0]),
  };
}
