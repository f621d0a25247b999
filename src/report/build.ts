import type { Analysis } from "../checks/analyse";
import type { WorkbookSnapshot } from "../model/snapshot";
import { boardSheet } from "./board";
import { makeContext } from "./context";
import { exceptionsSheet } from "./exceptions";
import { highlightSheet } from "./highlight";
import { currentHistory, mergeHistory, readHistory } from "./history";
import { historySheet } from "./history-sheet";
import { REPORT_MARKER, type ReportPlan } from "./plan";
import { fitSheet } from "./fit";
import { cleanSheetName } from "./sheet-names";
import { STYLES } from "./styles";

export interface PlanOptions {
  /** The clock for the "generated" stamp (tests pin it). */
  now?: Date;
  /** Which outputs to write (all by default). */
  include?: { board?: boolean; highlights?: boolean; exceptions?: boolean; history?: boolean; charts?: boolean };
}

/**
 * The whole report for an analysed workbook: board report, a highlight report per workstream,
 * exceptions and RAG history. Pure: the snapshot is read only for the previous history.
 */
export function buildReportPlan(a: Analysis, snapshot: WorkbookSnapshot, opts: PlanOptions = {}): ReportPlan {
  const inc = { board: true, highlights: true, exceptions: true, history: true, charts: true, ...opts.include };
  const history = mergeHistory(readHistory(snapshot), currentHistory(a));
  const ctx = makeContext(a, history, opts.now ?? new Date());
  const sheets = [];
  if (inc.board) sheets.push(boardSheet(ctx));
  if (inc.highlights) for (const w of a.rag.workstreams) sheets.push(highlightSheet(ctx, w));
  if (inc.exceptions) sheets.push(exceptionsSheet(ctx));
  if (inc.history) sheets.push(historySheet(history, a.programme.settings.programmeName));
  // Names valid for Excel and distinct among themselves; clashes with the user's sheets are the host's to settle.
  const used = new Set<string>();
  for (const s of sheets) {
    let name = cleanSheetName(s.name);
    for (let i = 2; used.has(name.toLowerCase()); i++) name = cleanSheetName(`${s.name.slice(0, 26)} (${i})`);
    used.add(name.toLowerCase());
    s.name = name;
  }
  if (!inc.charts) for (const s of sheets) s.charts = [];
  const scope = [inc.board && "board", inc.highlights && "highlight:", inc.exceptions && "exceptions", inc.history && "history"].filter((x): x is string => !!x);
  for (const s of sheets) fitSheet(s, s.key === "exceptions" ? { wide: [5], maxWide: 90 } : s.key === "history" ? { wide: [3] } : { wide: [1] });
  return { sheets, scope, styles: STYLES, marker: REPORT_MARKER };
}
