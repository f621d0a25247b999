import type { Day } from "../primitives/dates";
import { previousReportDate } from "../programme/period";
import { ragRank, type Rag } from "../rag/scale";
import type { HistoryLevel, HistoryRow } from "./read-history";

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
}

/** The last report's row for a project or risk (by ID) or a programme or workstream (by name). */
export function findLast(last: LastReport, level: HistoryLevel, key: string): HistoryRow | undefined {
  return last.rows.get(`${level}|${key}`);
}

export function lastReport(history: readonly HistoryRow[], asOf: Day): LastReport {
  const date = previousReportDate(history, asOf);
  const rows = new Map<string, HistoryRow>();
  for (const r of history)
    if (r.date === date) rows.set(`${r.level}|${r.level === "Project" || r.level === "Risk" ? r.id : r.name}`, r);
  return { date, rows };
}

/** A RAG's trend against the last report's. */
export function ragTrend(last: LastReport, level: HistoryLevel, key: string, now: Rag | null): Trend {
  if (last.date === null) return "First report";
  const before = findLast(last, level, key);
  if (!before) return "New";
  if (!now || !before.overall) return "–";
  const d = ragRank(now) - ragRank(before.overall);
  return d < 0 ? "↑ Better" : d > 0 ? "↓ Worse" : "→ Same";
}

/** A risk's trend by its score (a higher score is worse). */
export function riskTrend(last: LastReport, id: string, score: number | null): Trend {
  if (last.date === null) return "First report";
  const before = findLast(last, "Risk", id);
  if (!before) return "New";
  if (score === null || before.score === null) return "–";
  return score < before.score ? "↑ Better" : score > before.score ? "↓ Worse" : "→ Same";
}
