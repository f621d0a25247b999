import { asDay, type Day } from "../primitives/dates";

/**
 * How late an item is, defined once. Every sheet, chart and message reads these values from the
 * item's status (src/core/rag/rag.ts); none works one out for itself.
 *
 *  - An item's **slip** is its own: its finish now against its baseline (or, with none, against
 *    the date entered), in calendar days. An open item whose finish now has passed is still
 *    slipping: its slip runs to the as-of date.
 *  - A project's **worst milestone** is told apart: the open milestone with the largest slip, named,
 *    with that milestone's own slip. It is never shown as the project's slip.
 *  - An item is **overdue** when it is open and its finish now is before the as-of date. It is
 *    overdue since its **due date** — the finish as entered (Actual, else Forecast, else Baseline
 *    for a milestone; Finish for a project), on a working day — and its days overdue run from that
 *    one date to the as-of date. So a report a month later says the same "was due" date and a
 *    month more, whatever has moved around it.
 */

/** Calendar days an item finishing `finishNow` is late against `plan`; an overdue item's runs to the as-of date. */
export function slipDays(finishNow: Day | null, plan: Day | null, overdue: boolean, asOf: Day): number | null {
  if (finishNow === null || plan === null) return null;
  return (overdue ? Math.max(asOf, finishNow) : finishNow) - plan;
}

/**
 * Whether an item is overdue: open, with a finish now (or due date, target date, required-by
 * date) before the as-of date. Every "past its date" in the checks and the report is this.
 */
export function isOverdue(done: boolean, finishNow: Day | null, asOf: Day): boolean {
  return !done && finishNow !== null && finishNow < asOf;
}

/** The date an overdue item was due: the earlier of its entered finish and its finish now. */
export function dueDate(entered: Day | null, finishNow: Day | null): Day | null {
  if (entered === null) return finishNow;
  return finishNow === null ? entered : asDay(Math.min(entered, finishNow));
}

/** Days overdue at the as-of date, counted from the due date; null when not overdue. */
export function overdueDays(overdue: boolean, due: Day | null, asOf: Day): number | null {
  return overdue && due !== null ? daysPast(due, asOf) : null;
}

/** Calendar days from a date that has passed to the as-of date. */
export function daysPast(due: Day, asOf: Day): number {
  return asOf - due;
}

/** A project's open milestone with the largest slip, and that slip. */
export interface MilestoneSlip {
  id: string;
  /** How a sentence or cell names it: the ID, with the name beside a bare number ("Go live (5)"). */
  label: string;
  slipDays: number;
}

export function worstMilestoneSlip(
  milestones: readonly { id: string; done: boolean; slipDays: number | null }[],
  named: (id: string) => string = (id) => id,
): MilestoneSlip | null {
  let worst: { id: string; slipDays: number } | null = null;
  for (const m of milestones)
    if (!m.done && m.slipDays !== null && m.slipDays > 0 && (worst === null || m.slipDays > worst.slipDays))
      worst = { id: m.id, slipDays: m.slipDays };
  return worst && { id: worst.id, label: named(worst.id), slipDays: worst.slipDays };
}

/** "1 day", "2 days". */
export function dayCount(n: number): string {
  return `${n} day${Math.abs(n) === 1 ? "" : "s"}`;
}
