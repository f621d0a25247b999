import type { Day } from "../primitives/dates";
import type { SnapshotRow } from "./snapshot-row";

/**
 * Milestone trend analysis: the forecast finish of each key milestone at each reporting date,
 * read from the plan snapshots (earlier reports' and this one's). A flat line held its date; a
 * rising one slipped at each report; a line ends where it meets the diagonal (reached).
 */
export interface MilestoneTrendLine {
  id: string;
  name: string;
  /** Finish now at each of the trend's dates (null: not in the plan then). */
  finishes: (Day | null)[];
}

export interface MilestoneTrend {
  dates: Day[];
  lines: MilestoneTrendLine[];
  /** How the lines were chosen, for the note under the chart. */
  chosen: string;
}

/** Lines on one chart: more cannot be told apart. */
export const TREND_LINES = 8;

/**
 * The trend over the snapshots up to the as-of date, from the second report on (null before).
 * Key milestones: those whose finish moved over the period shown (the most moved first), then
 * those with a review point (a stage gate); with neither, the open milestones finishing soonest.
 */
export function milestoneTrend(
  snapshots: readonly SnapshotRow[],
  asOf: Day,
  reviewPoints: ReadonlySet<string>,
): MilestoneTrend | null {
  const rows = snapshots.filter((r) => r.kind === "Milestone" && r.date <= asOf);
  const dates = [...new Set(rows.map((r) => r.date))].sort((a, b) => a - b);
  if (dates.length < 2) return null;
  const at = new Map(dates.map((d, i) => [d, i]));
  const byId = new Map<
    string,
    { id: string; name: string; finishes: (Day | null)[]; open: boolean; wasOpen: boolean }
  >();
  for (const r of rows) {
    const k = r.id.toUpperCase();
    const line =
      byId.get(k) ??
      byId.set(k, { id: r.id, name: r.name, finishes: dates.map(() => null), open: false, wasOpen: false }).get(k)!;
    line.finishes[at.get(r.date)!] = r.finishNow;
    if (r.date === dates[dates.length - 1]) line.open = r.status !== "Done";
    if (r.status !== "Done") line.wasOpen = true;
  }
  // A milestone done before the first date shown has no forecast to track.
  const all = [...byId.values()].filter((l) => l.wasOpen);
  const range = (l: (typeof all)[number]) => {
    const f = l.finishes.filter((d): d is Day => d !== null);
    return f.length ? Math.max(...f) - Math.min(...f) : 0;
  };
  const moved = all.filter((l) => range(l) > 0).sort((a, b) => range(b) - range(a) || a.id.localeCompare(b.id));
  const gates = all.filter((l) => range(l) === 0 && reviewPoints.has(l.id.toUpperCase()));
  let chosen = "the milestones whose finish moved, most first, then those with a review point";
  let lines = [...moved, ...gates];
  if (!lines.length) {
    const last = (l: (typeof all)[number]) => l.finishes[dates.length - 1] ?? Infinity;
    lines = all.filter((l) => l.open).sort((a, b) => last(a) - last(b));
    chosen = "no milestone moved and none has a review point: the open milestones finishing soonest";
  }
  return {
    dates,
    lines: lines.slice(0, TREND_LINES).map(({ id, name, finishes }) => ({ id, name, finishes })),
    chosen,
  };
}
