import { cellOf } from "../programme/entities";
import { formatDayLong, type Day } from "../primitives/dates";
import type { Diagnostic } from "../primitives/diagnostic";
import type { Benefit, Programme } from "../programme/entities";
import { isOverdue } from "../status/slip";

export interface BenefitResult {
  id: string;
  due: boolean;
  offTrack: boolean;
}

/** Is the actual short of the target? A target below the baseline is a reduction (fewer admissions). */
export function shortOfTarget(b: Benefit): boolean {
  if (b.target === null) return false;
  if (b.actual === null) return true;
  const reduction = b.baseline !== null && b.target < b.baseline;
  return reduction ? b.actual > b.target : b.actual < b.target;
}

/** A benefit past its due date with its actual short of target, or no actual. */
export function analyseBenefits(p: Programme, asOf: Day, diags: Diagnostic[]): BenefitResult[] {
  return p.benefits.map((b) => {
    const due = isOverdue(false, b.due, asOf);
    const offTrack = due && shortOfTarget(b);
    if (offTrack)
      diags.push({
        severity: "warning",
        code: "benefit-off-track",
        message:
          b.actual === null
            ? `Benefit ${b.id} "${b.benefit}" was due by ${formatDayLong(b.due!)} but has no actual recorded. Record the actual, or re-profile the benefit.`
            : `Benefit ${b.id} "${b.benefit}" was due by ${formatDayLong(b.due!)}: actual ${b.actual} against a target of ${b.target}. Explain the shortfall to the board, or re-profile the benefit.`,
        sheet: b.src.sheet,
        cell: cellOf(b.src, "actual") ?? cellOf(b.src, "due") ?? "",
        entity: b.id,
      });
    return { id: b.id, due, offTrack };
  });
}
