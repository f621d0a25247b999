import { wholeNumber } from "../primitives/text";
import type { Day } from "../primitives/dates";
import { ragRank } from "../rag/scale";
import { RECORD_BODY_ROWS } from "../primitives/sheet-rows";
import type { ItemKind, SnapshotRow } from "./snapshot-row";

/**
 * What the Plan Snapshots sheet keeps, within its bounds: the latest {@link SNAPSHOT_DATES_KEPT}
 * reporting dates and {@link RECORD_BODY_ROWS} rows.
 *
 * - This report's rows come first. A plan too big for the sheet (a Project plan of thousands of
 *   tasks) keeps the rows a board reads first: workstreams, decisions, open risks, open milestones,
 *   open projects — each critical (float ≤ 0) first, then by RAG (Red first) and finish — then
 *   done items and closed risks; an "Omitted" row per kind says how many were left out.
 * - Then earlier dates, newest first, each whole while it fits. Once one does not, it and every
 *   older date keep only their milestones (the milestone trend reads those), with "Omitted" rows
 *   for the rest; the oldest go first.
 */
export const SNAPSHOT_DATES_KEPT = 13;

const ITEM_KINDS: readonly ItemKind[] = ["Workstream", "Decision", "Risk", "Milestone", "Project"];

/** How far down the keeping order a row comes (lower is kept first). */
function keepRank(r: SnapshotRow): number {
  const open = r.status === "Open" || r.status === "Requested" || r.kind === "Workstream";
  const tier = { Workstream: 0, Decision: 1, Risk: 2, Milestone: 3, Project: 4, Omitted: 0 }[r.kind];
  return open ? tier : 5;
}

function compareKeep(a: SnapshotRow, b: SnapshotRow): number {
  const critical = (r: SnapshotRow) => (r.float !== null && r.float <= 0 ? 0 : 1);
  const rag = (r: SnapshotRow) => (r.rag === null ? 3 : ragRank(r.rag));
  return (
    keepRank(a) - keepRank(b) ||
    critical(a) - critical(b) ||
    rag(a) - rag(b) ||
    (a.finishNow ?? Infinity) - (b.finishNow ?? Infinity)
  );
}

/** An "Omitted" row: `count` rows of `kind` not kept for `date`. */
export function omittedRow(date: Day, kind: ItemKind, count: number, why: string): SnapshotRow {
  const what = {
    Workstream: "workstream",
    Decision: "decision",
    Risk: "risk",
    Milestone: "milestone",
    Project: "project",
  };
  return {
    date,
    kind: "Omitted",
    id: kind,
    name: `${wholeNumber(count)} ${what[kind]}${count === 1 ? "" : "s"} not kept: ${why}`,
    workstream: "",
    finishNow: null,
    baseline: null,
    rag: null,
    float: null,
    score: count,
    status: "",
    source: "",
  };
}

/** Rows in `rows` that are left out, as "Omitted" rows (adding to those already there). */
function omissions(date: Day, all: readonly SnapshotRow[], kept: ReadonlySet<SnapshotRow>, why: string): SnapshotRow[] {
  const count = new Map<ItemKind, number>();
  const add = (k: ItemKind, n: number) => count.set(k, (count.get(k) ?? 0) + n);
  for (const r of all) {
    if (r.kind === "Omitted") add(r.id as ItemKind, r.score ?? 0);
    else if (!kept.has(r)) add(r.kind, 1);
  }
  return ITEM_KINDS.filter((k) => count.get(k)).map((k) => omittedRow(date, k, count.get(k)!, why));
}

/** This report's rows within `limit` (in their order), the most telling first, with "Omitted" rows for the rest. */
export function boundCurrent(current: readonly SnapshotRow[], limit = RECORD_BODY_ROWS): SnapshotRow[] {
  if (current.length <= limit || !current.length) return [...current];
  const date = current[0].date;
  const order = [...current].sort(compareKeep);
  // Room for one "Omitted" row per kind left out: the fewest that leave as many kinds out.
  let markers = 1;
  while (markers < ITEM_KINDS.length && new Set(order.slice(limit - markers).map((r) => r.kind)).size > markers)
    markers++;
  const keep = new Set(order.slice(0, limit - markers));
  const why = `the sheet keeps ${wholeNumber(limit + 1)} rows (open and critical items first)`;
  return [...current.filter((r) => keep.has(r)), ...omissions(date, current, keep, why)];
}

/** An earlier date's milestones only, with "Omitted" rows for the rest. */
function milestonesOnly(rows: readonly SnapshotRow[]): SnapshotRow[] {
  const keep = new Set(rows.filter((r) => r.kind === "Milestone"));
  if (keep.size + rows.filter((r) => r.kind === "Omitted").length === rows.length) return [...rows];
  const why = "an older report, of which the sheet keeps the milestones";
  return [...rows.filter((r) => keep.has(r)), ...omissions(rows[0].date, rows, keep, why)];
}

/** Earlier dates kept and this date's rows replaced, within the bounds above. */
export function mergeSnapshots(
  previous: readonly SnapshotRow[],
  current: readonly SnapshotRow[],
  limit = RECORD_BODY_ROWS,
): SnapshotRow[] {
  const now = new Set(current.map((r) => r.date));
  const byDate = new Map<Day, SnapshotRow[]>();
  for (const r of previous) if (!now.has(r.date)) (byDate.get(r.date) ?? byDate.set(r.date, []).get(r.date)!).push(r);
  const mine = boundCurrent(current, limit);
  const kept: SnapshotRow[][] = [];
  let rows = mine.length;
  let whole = true;
  for (const d of [...byDate.keys()].sort((x, y) => y - x)) {
    if (kept.length + 1 >= SNAPSHOT_DATES_KEPT) break;
    let list = byDate.get(d)!;
    if (whole && rows + list.length > limit) whole = false;
    if (!whole) list = milestonesOnly(list);
    if (rows + list.length > limit) break;
    kept.push(list);
    rows += list.length;
  }
  return [...kept.reverse().flat(), ...mine].sort((a, b) => a.date - b.date);
}

/** The kinds of row a date's snapshot did not keep in full: an item of these missing from it is not known. */
export function omittedKinds(snapshots: readonly SnapshotRow[], date: Day | null): Set<string> {
  const out = new Set<string>();
  if (date !== null) for (const r of snapshots) if (r.date === date && r.kind === "Omitted") out.add(r.id);
  return out;
}
