/** Status words people write, read leniently (case, spacing, and a trailing note ignored). */

function headOf(status: string): string {
  return (
    status
      .trim()
      .toLowerCase()
      .split(/[\s:(\-–]+/)[0] ?? ""
  );
}

/** A workbook uses a handful of status words on thousands of rows: each is read once. */
const heads = new Map<string, string>();

function head(status: string): string {
  let h = heads.get(status);
  if (h === undefined) {
    h = headOf(status);
    if (heads.size > 10_000) heads.clear();
    heads.set(status, h);
  }
  return h;
}

const COMPLETE = new Set([
  "complete",
  "completed",
  "closed",
  "done",
  "achieved",
  "delivered",
  "finished",
  "met",
  "blue",
]);
const CLOSED = new Set([
  "closed",
  "retired",
  "resolved",
  "expired",
  "archived",
  "complete",
  "completed",
  "done",
  "transferred",
]);

/** A project or milestone status that means the work is done. */
export function isCompleteStatus(status: string): boolean {
  return COMPLETE.has(head(status));
}

/** A risk or issue status that means it needs no more attention. */
export function isClosedStatus(status: string): boolean {
  return CLOSED.has(head(status));
}

/**
 * What "done" means, for every item with a schedule (one definition, used by the schedule, the
 * RAG, the owner checks and every report sheet): a status that says so, an actual (finish) date,
 * or 100 % complete. Done items are facts: their dates are the ones entered.
 */
export function isDone(item: { status: string; actual?: number | null; percentComplete?: number | null }): boolean {
  return (
    isCompleteStatus(item.status) ||
    (item.actual !== undefined && item.actual !== null) ||
    isCompletePercent(item.percentComplete)
  );
}

/**
 * 100 % complete: done, whichever way the plan wrote it (100, "100%", or Project's fraction 1).
 * Read percentages are already points (0–100) without binary noise (values.ts's readPercent).
 */
export function isCompletePercent(percentComplete: number | null | undefined): boolean {
  return percentComplete !== undefined && percentComplete !== null && percentComplete >= 100;
}

/** A project is done when its status says so, it has an Actual Finish, or it is 100 % complete. */
export function isProjectDone(p: {
  status: string;
  actualFinish: number | null;
  percentComplete: number | null;
}): boolean {
  return isDone({ status: p.status, actual: p.actualFinish, percentComplete: p.percentComplete });
}

/** A milestone is done when its status says so or it has an Actual Date. */
export function isMilestoneDone(m: { status: string; actual: number | null }): boolean {
  return isDone({ status: m.status, actual: m.actual });
}
