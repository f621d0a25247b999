import { keptSourcesAfter } from "../collation/kept";
import { SOURCES_HEADERS, SOURCES_KEY } from "../workbook/sources-sheet";
import type { ReportContext } from "./context";
import { keptTableSheet } from "./kept-table";
import { cell, type PlanSheet } from "./plan";

export { SOURCES_KEY } from "../workbook/sources-sheet";

/**
 * The Sources sheet: the workstream sources the programme is collated from, one row each (file,
 * workstream, last read, rows read), a plain table from A1 that the next report and the pane read
 * back (src/core/workbook/sources-sheet.ts). A report sheet like the Plan Snapshots: replaced on each run,
 * its rows kept and refreshed (src/core/collation/kept.ts). Null when nothing was ever collated.
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
  return keptTableSheet(ctx, {
    key: SOURCES_KEY,
    name: "Sources",
    title: "Workstream sources",
    table: "PMOSources",
    headers: SOURCES_HEADERS,
    widths: [40, 24, 18, 10],
    body,
  });
}
