import type { Day } from "../primitives/dates";
import { previousReportDate } from "../programme/period";
import { ragRank, type Rag } from "../rag/scale";
import type { HistoryLevel, HistoryRow } from "./read-history";
import type { SnapshotRow } from "./snapshot-row";
import { omittedOpen } from "./keep-snapshots";

/**
 * Direction of travel since the last report, from the RAG History the workbook carries. The
 * first report says so rather than calling everything new; an item absent from the last report is new.
 */
export type Trend = "First report" | "New" | "↑ Better" | "↓ Worse" | "→ Same" | "–";

/** Plain data (no functions) so an analysis can cross a worker's postMessage (structured clone). */
export interface LastReport {
  /** The latest reporting date before the as-of date, or null on the first report. */
  date: Day | null;
  /** That report's rows by `level|id-or-name`; read through {@link findLast}. */
  rows: Map<string, HistoryRow>;
  /**
   * Levels that report's Plan Snapshots did not keep in full, each with whether open items were
   * among those left out: a row missing there is not "New" when open ones were, or the item is done now.
   */
  partial: [HistoryLevel, boolean][];
}

/** The last report's row for a project or risk (by ID) or a programme or workstream (by name). */
export function findLast(last: LastReport, level: HistoryLevel, key: string): HistoryRow | undefined {
  return last.rows.get(`${level}|${key}`);
}

/** A project's RAG or an open risk's score on a Plan Snapshots row, as a RAG History row. */
function fromSnapshot(r: SnapshotRow): HistoryRow | null {
  if (r.kind !== "Project" && !(r.kind === "Risk" && r.status === "Open")) return null;
  const base = { date: r.date, id: r.id, name: r.name, schedule: null, cost: null, reported: null };
  return r.kind === "Project"
    ? { ...base, level: "Project", overall: r.rag, score: null }
    : { ...base, level: "Risk", overall: null, score: r.score };
}

/**
 * The last report: the RAG History's programme and workstream rows, and the projects' RAG and
 * open risks' scores of the Plan Snapshots of that date (where the report keeps them; a RAG
 * History written before kept them itself, and is read first).
 */
export function lastReport(
  history: readonly HistoryRow[],
  asOf: Day,
  snapshots: readonly SnapshotRow[] = [],
): LastReport {
  const date = previousReportDate(history, asOf);
  const rows = new Map<string, HistoryRow>();
  const key = (r: HistoryRow) => `${r.level}|${r.level === "Project" || r.level === "Risk" ? r.id : r.name}`;
  for (const r of history) if (r.date === date) rows.set(key(r), r);
  const partial = new Map<HistoryLevel, boolean>();
  for (const s of snapshots) {
    if (s.date !== date) continue;
    if (s.kind === "Omitted" && (s.id === "Project" || s.id === "Risk")) partial.set(s.id, omittedOpen(s));
    const r = fromSnapshot(s);
    if (r && !rows.has(key(r))) rows.set(key(r), r);
  }
  return { date, rows, partial: [...partial] };
}

/** Whether an item missing from the last report may be one its bounded snapshot left out. */
function mayBeLeftOut(last: LastReport, level: HistoryLevel, doneNow: boolean): boolean {
  const p = last.partial.find(([l]) => l === level);
  return p !== undefined && (p[1] || doneNow);
}

/** A RAG's trend against the last report's. */
export function ragTrend(last: LastReport, level: HistoryLevel, key: string, now: Rag | null): Trend {
  if (last.date === null) return "First report";
  const before = findLast(last, level, key);
  if (!before) return mayBeLeftOut(last, level, now === "Blue") ? "–" : "New";
  if (!now || !before.overall) return "–";
  const d = ragRank(now) - ragRank(before.overall);
  return d < 0 ? "↑ Better" : d > 0 ? "↓ Worse" : "→ Same";
}

/** A risk's trend by its score (a higher score is worse). */
export function riskTrend(last: LastReport, id: string, score: number | null, open = true): Trend {
  if (last.date === null) return "First report";
  const before = findLast(last, "Risk", id);
  if (!before) return mayBeLeftOut(last, "Risk", !open) ? "–" : "New";
  if (score === null || before.score === null) return "–";
  return score < before.score ? "↑ Better" : score > before.score ? "↓ Worse" : "→ Same";
}
