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

/**
 * A RAID log's status read as a phrase (case, punctuation and spacing ignored, a trailing note
 * allowed): "Not valid", "In place" and "At risk" are read whole.
 */
function phrase(status: string): string {
  return status
    .trim()
    .toLowerCase()
    .replace(/[^a-z ]/g, "")
    .replace(/\s+/g, " ");
}

const ASSUMPTION_SETTLED =
  /^(validated|valid|confirmed|closed|proven|true|correct|invalid|invalidated|disproven|false|rejected|retired|superseded|not valid)\b/;
const DEPENDENCY_MET = /^(met|closed|complete|completed|delivered|done|received|resolved|achieved|in place)\b/;
const DEPENDENCY_AT_RISK = /^(at risk|blocked|red|amber|delayed|late|jeopardy|in jeopardy)\b/;

/** An assumption's status that settles it (validated, or shown wrong): it is no longer open. */
export function isSettledAssumptionStatus(status: string): boolean {
  return ASSUMPTION_SETTLED.test(phrase(status));
}

/** An external dependency's status that means it is met. */
export function isMetDependencyStatus(status: string): boolean {
  return DEPENDENCY_MET.test(phrase(status));
}

/** An external dependency's status that says it is at risk. */
export function isAtRiskDependencyStatus(status: string): boolean {
  return DEPENDENCY_AT_RISK.test(phrase(status));
}
