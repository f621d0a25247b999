/** Status words people write, read leniently (case, spacing, and a trailing note ignored). */

function head(status: string): string {
  return status.trim().toLowerCase().split(/[\s:(\-–]+/)[0] ?? "";
}

const COMPLETE = new Set(["complete", "completed", "closed", "done", "achieved", "delivered", "finished", "met", "blue"]);
const CLOSED = new Set(["closed", "retired", "resolved", "expired", "archived", "complete", "completed", "done", "transferred"]);

/** A project or milestone status that means the work is done. */
export function isCompleteStatus(status: string): boolean {
  return COMPLETE.has(head(status));
}

/** A risk or issue status that means it needs no more attention. */
export function isClosedStatus(status: string): boolean {
  return CLOSED.has(head(status));
}
