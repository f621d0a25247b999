import { wholeNumber } from "../primitives/text";
import type { Day } from "../primitives/dates";
import { ragRank } from "../rag/scale";
import { RECORD_BODY_ROWS, REPORT_SHEET_ROWS } from "../primitives/sheet-rows";
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
 *   older date keep only their milestones, workstreams and decisions (the milestone trend reads those), with "Omitted" rows
 *   for the rest; the oldest go first.
 */
export const SNAPSHOT_DATES_KEPT = 13;

const ITEM_KINDS: readonly ItemKind[] = ["Workstream", "Decision", "Risk", "Milestone", "Project"];

/** An open item, an open risk or a requested decision (done items, closed risks and Omitted rows are not). */
const isOpen = (r: SnapshotRow) => r.status === "Open" || r.status === "Requested";

/** How far down the keeping order a row comes (lower is kept first). */
function keepRank(r: SnapshotRow): number {
  const open = isOpen(r) || r.kind === "Workstream";
  const tier = { Workstream: 0, Decision: 1, Risk: 2, Milestone: 3, Project: 4, Omitted: 0 }[r.kind];
  return open ? tier : 5;
}

function compareKeep(a: SnapshotRow, b: SnapshotRow): number {
  const critical = (r: SnapshotRow) => (r.float !== null && r.float <= 0 ? 0 : 1);
  const rag = (r: SnapshotRow) => (r.rag === null ? 3 : ragRank(r.rag));
  return (
    keepRank(a) - keepRank(b) ||
    (b.score ?? -1) - (a.score ?? -1) || // risks: the highest score first
    critical(a) - critical(b) ||
    rag(a) - rag(b) ||
    (a.finishNow ?? Infinity) - (b.finishNow ?? Infinity)
  );
}

/**
 * An "Omitted" row: `count` rows of `kind` not kept for `date` (the count is in its Name, read
 * back by {@link omittedCount}); its Status is "Open" when open items were among them, so that
 * a new open item is still called new when only done ones were left out.
 */
export function omittedRow(date: Day, kind: ItemKind, count: number, open: boolean, why: string): SnapshotRow {
  return {
    date,
    kind: "Omitted",
    id: kind,
    name: `${omittedWhat(kind, count)} not kept: ${why}`,
    workstream: "",
    finishNow: null,
    baseline: null,
    rag: null,
    float: null,
    score: null,
    status: open ? "Open" : "",
    source: "",
  };
}

/** "2,107 projects": what an "Omitted" row stands for, in words (its Name begins with them). */
export function omittedWhat(kind: ItemKind, count: number): string {
  return `${wholeNumber(count)} ${kind.toLowerCase()}${count === 1 ? "" : "s"}`;
}

/** How many rows an "Omitted" row stands for (the number its Name starts with). */
export function omittedCount(r: SnapshotRow): number {
  return Number(/^([\d,]+) /.exec(r.name)?.[1].replace(/,/g, "") ?? 0);
}

/** Whether an "Omitted" row left out open items (one written before the flag, with its count in Score, is read as yes). */
export function omittedOpen(r: SnapshotRow): boolean {
  return r.status === "Open" || (r.status === "" && r.score !== null);
}

/** Rows in `rows` that are left out, as "Omitted" rows (adding to those already there). */
function omissions(date: Day, all: readonly SnapshotRow[], kept: ReadonlySet<SnapshotRow>, why: string): SnapshotRow[] {
  const count = new Map<ItemKind, number>();
  const open = new Set<ItemKind>();
  const add = (k: ItemKind, n: number, r: SnapshotRow) => {
    count.set(k, (count.get(k) ?? 0) + n);
    if (isOpen(r)) open.add(k);
  };
  for (const r of all) {
    if (r.kind === "Omitted") add(r.id as ItemKind, omittedCount(r), r);
    else if (!kept.has(r)) add(r.kind, 1, r);
  }
  return ITEM_KINDS.filter((k) => count.get(k)).map((k) => omittedRow(date, k, count.get(k)!, open.has(k), why));
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
  const why = `the sheet keeps ${wholeNumber(REPORT_SHEET_ROWS)} rows (open and critical items first, with room for the last report's milestones)`;
  return [...current.filter((r) => keep.has(r)), ...omissions(date, current, keep, why)];
}

/** An earlier date's milestones, workstreams and decisions only (few, and what the trend and a rerun read), with "Omitted" rows for the rest. */
function olderDateKept(rows: readonly SnapshotRow[]): SnapshotRow[] {
  const keep = new Set(rows.filter((r) => r.kind === "Milestone" || r.kind === "Workstream" || r.kind === "Decision"));
  if (keep.size + rows.filter((r) => r.kind === "Omitted").length === rows.length) return [...rows];
  const why = "an older report, of which the sheet keeps the milestones, workstreams and decisions";
  return [...rows.filter((r) => keep.has(r)), ...omissions(rows[0].date, rows, keep, why)];
}

/**
 * Earlier dates kept and this date's rows replaced, within the bounds above. When this report's
 * rows and the last report's do not fit together, this report's give up room for at least the
 * last report's milestones (up to half the sheet), so that a report run again for the same date
 * still has the last one to compare with, and the milestone trend has two dates.
 */
export function mergeSnapshots(
  previous: readonly SnapshotRow[],
  current: readonly SnapshotRow[],
  limit = RECORD_BODY_ROWS,
): SnapshotRow[] {
  const now = new Set(current.map((r) => r.date));
  const byDate = new Map<Day, SnapshotRow[]>();
  for (const r of previous) if (!now.has(r.date)) (byDate.get(r.date) ?? byDate.set(r.date, []).get(r.date)!).push(r);
  const dates = [...byDate.keys()].sort((x, y) => y - x);
  const last = dates.length ? byDate.get(dates[0])! : [];
  const reserve =
    current.length + last.length <= limit ? 0 : Math.min(olderDateKept(last).length, Math.floor(limit / 2));
  const mine = boundCurrent(current, limit - reserve);
  const kept: SnapshotRow[][] = [];
  let rows = mine.length;
  let whole = true;
  for (const d of dates) {
    if (kept.length + 1 >= SNAPSHOT_DATES_KEPT) break;
    let list = byDate.get(d)!;
    if (whole && rows + list.length > limit) whole = false;
    if (!whole) list = olderDateKept(list);
    if (rows + list.length > limit) break;
    kept.push(list);
    rows += list.length;
  }
  return [...kept.reverse().flat(), ...mine].sort((a, b) => a.date - b.date);
}

/**
 * The kinds of row a date's snapshot did not keep in full, each with whether open items were
 * among those left out: an item of such a kind missing from it is not known (when it is done now,
 * or when open ones were left out), so not new.
 */
export function omittedKinds(snapshots: readonly SnapshotRow[], date: Day | null): Map<string, boolean> {
  const out = new Map<string, boolean>();
  if (date !== null)
    for (const r of snapshots) if (r.date === date && r.kind === "Omitted") out.set(r.id, omittedOpen(r));
  return out;
}

/** Whether an item missing from a snapshot that left out rows of its kind may be one of them. */
export function mayBeOmitted(omitted: ReadonlyMap<string, boolean>, r: SnapshotRow): boolean {
  return omitted.has(r.kind) && (omitted.get(r.kind) === true || !isOpen(r));
}
