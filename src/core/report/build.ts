import { MONTH_NAMES } from "../primitives/dates";
import type { Analysis } from "../analysis/analyse";
import { boardSheet } from "./board";
import { makeContext, PACK_PAGES } from "./context";
import { exceptionsSheet } from "./exceptions";
import { exceptionSheet } from "./exception-report";
import { highlightSheet } from "./highlight";
import { historySheet } from "../history/history-sheet";
import { SNAPSHOT_KEY, snapshotSheet } from "../history/snapshot-sheet";
import { SOURCES_KEY, sourcesSheet } from "./sources-sheet";
import { REPORT_MARKER, type PlanSheet, type ReportPlan } from "./plan";
import { cleanSheetName } from "./sheet-names";
import { MAX_SHEET_NAME } from "../primitives/sheet-name";
import { STYLES } from "./styles";
import { ymdFromDay, type Day } from "../primitives/dates";

/**
 * The sheets kept as records for the next report to read back (the plan snapshots, the sources):
 * raw data, not pages a board reads, so they are left out of the pack's page count and numbered
 * on their own.
 */
const RECORD_SHEETS = new Set([SNAPSHOT_KEY, SOURCES_KEY]);

/**
 * Page numbers over the report's sheets alone: each sheet's first page number runs on from the
 * sheet before, and "of N" is the pack's own page count — never the workbook's input sheets
 * (Excel's &N counts every sheet printed with it). A record sheet counts its own pages.
 */
function numberPages(sheets: PlanSheet[]): void {
  const pack = sheets.filter((s) => !RECORD_SHEETS.has(s.key));
  const total = pack.reduce((n, s) => n + (s.pages ?? 1), 0);
  let next = 1;
  for (const s of pack) {
    s.print.firstPageNumber = next;
    s.print.footer = s.print.footer.split(PACK_PAGES).join(String(total));
    next += s.pages ?? 1;
  }
  for (const s of sheets.filter((x) => RECORD_SHEETS.has(x.key))) {
    s.print.firstPageNumber = 1;
    s.print.footer = s.print.footer.split(PACK_PAGES).join(String(s.pages ?? 1));
  }
}

/** "Jan 2010": a reporting date as a sheet name's period. */
function monthLabel(day: Day): string {
  const { y, m } = ymdFromDay(day);
  return `${MONTH_NAMES[m - 1].slice(0, 3)} ${y}`;
}

export interface PlanOptions {
  /** Which outputs to write (all by default). */
  include?: { board?: boolean; highlights?: boolean; exceptions?: boolean; history?: boolean; charts?: boolean };
}

/**
 * The whole report for an analysed workbook: board report, a highlight report per workstream,
 * exceptions and RAG history. Pure: every sheet reads the one analysis (its statuses, period,
 * trends, finance and commentary), so no sheet can tell a different story.
 */
export function buildReportPlan(a: Analysis, opts: PlanOptions = {}): ReportPlan {
  const inc = { board: true, highlights: true, exceptions: true, history: true, charts: true, ...opts.include };
  const ctx = makeContext(a);
  const sheets: PlanSheet[] = [];
  if (inc.board) sheets.push(boardSheet(ctx));
  if (inc.highlights)
    for (const w of a.rag.workstreams) {
      sheets.push(highlightSheet(ctx, w));
      const er = exceptionSheet(ctx, w); // a workstream beyond a tolerance: its PRINCE2 exception report beside its highlight report
      if (er) sheets.push(er);
    }
  if (inc.exceptions) sheets.push(exceptionsSheet(ctx));
  if (inc.history) sheets.push(historySheet(ctx), snapshotSheet(ctx));
  const sources = sourcesSheet(ctx); // the collated sources, whatever else is written: the pane lists them
  if (sources) sheets.push(sources);
  // Names valid for Excel and distinct among themselves; clashes with the user's sheets are the host's to settle.
  const used = new Set<string>();
  for (const s of sheets) {
    let name = cleanSheetName(s.name);
    for (let i = 2; used.has(name.toLowerCase()); i++)
      name = cleanSheetName(`${s.name.slice(0, MAX_SHEET_NAME - 5)} (${i})`);
    used.add(name.toLowerCase());
    s.name = name;
  }
  if (!inc.charts) for (const s of sheets) s.charts = [];
  numberPages(sheets);
  const scope = [
    inc.board && "board",
    inc.highlights && "highlight:",
    inc.highlights && "exception:",
    inc.exceptions && "exceptions",
    inc.history && "history",
    inc.history && SNAPSHOT_KEY,
    sources && SOURCES_KEY,
  ].filter((x): x is string => !!x);
  // The report a kept sheet was written for: the latest in the RAG History up to this one's date.
  let last: Day | null = null;
  for (const r of a.programme.history) if (r.date <= a.asOf && (last === null || r.date > last)) last = r.date;
  return {
    sheets,
    scope,
    styles: STYLES,
    marker: REPORT_MARKER,
    activeKey: inc.board ? "board" : sheets[0]?.key,
    keptPeriod: last === null ? undefined : monthLabel(last),
  };
}
