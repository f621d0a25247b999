import type { Rating, ToleranceState } from "../rag/rag";
import { TOLERANCE_WORDS } from "../rag/rag";
import { dayCount, type MilestoneSlip } from "../status/slip";
import type { Trend } from "../history/trend";
import type { Day } from "../primitives/dates";
import type { Rag } from "../rag/scale";
import { cell, type CellAbout, type PlanCell } from "./plan";
import { ragStyle } from "./styles";

/**
 * Cells that show an item's status. Every sheet builds them here, from the one status the core
 * computed, and each says which item and field it shows (`about`), so a test can read every
 * sheet back against the analysis.
 */
const about = (item: string | undefined, field: CellAbout["field"]): CellAbout | undefined =>
  item === undefined ? undefined : { item, field };

function withAbout(c: PlanCell, a: CellAbout | undefined): PlanCell {
  return a ? { ...c, about: a } : c;
}

/** What a status cell says when the workbook holds nothing to rate it on. */
export const NOT_TRACKED = "Not tracked";

/** A RAG word on its colour; "Not tracked" (or `none`) when there is nothing to rate. */
export function ragCell(
  r: Rating | Rag | null | undefined,
  item?: string,
  field: CellAbout["field"] = "rag",
  none = NOT_TRACKED,
): PlanCell {
  const rag = r === null || r === undefined ? null : typeof r === "string" ? r : r.rag;
  return withAbout(rag === null ? cell(none, "muted") : cell(rag, ragStyle(rag)), about(item, field));
}

/** The rule behind a RAG, in words. */
export function becauseCell(r: Rating | null | undefined, style = "wrap"): PlanCell {
  return cell(r ? r.because : "", style);
}

export function finishCell(day: Day | null, item?: string): PlanCell {
  return withAbout(cell(day === null ? null : { day }, "date"), about(item, "finishNow"));
}

export function slipCell(days: number | null, item?: string): PlanCell {
  return withAbout(cell(days, "number"), about(item, "slip"));
}

/** A project's worst open milestone and that milestone's slip ("M14: 123 days"), labelled apart from the project's own slip. */
export function milestoneSlipCell(worst: MilestoneSlip | null, item?: string): PlanCell {
  return withAbout(
    cell(worst ? `${worst.label}: ${dayCount(worst.slipDays)}` : "–", "text"),
    about(item, "milestoneSlip"),
  );
}

/** The date an overdue item was due, and its days overdue since then. */
export function dueCell(day: Day | null, item?: string): PlanCell {
  return withAbout(cell(day === null ? null : { day }, "date"), about(item, "dueDate"));
}

export function overdueDaysCell(days: number | null, item?: string): PlanCell {
  return withAbout(cell(days, days ? "error" : "number"), about(item, "overdueDays"));
}

export function trendCell(t: Trend, item?: string): PlanCell {
  return withAbout(cell(t, "text"), about(item, "trend"));
}

export function toleranceCell(state: ToleranceState, item?: string): PlanCell {
  return withAbout(
    cell(TOLERANCE_WORDS[state], state === "exceeded" ? "error" : state === "at-risk" ? "warning" : "text"),
    about(item, "tolerance"),
  );
}

export function scoreCell(score: number | null, item?: string): PlanCell {
  return withAbout(cell(score, "number"), about(item, "score"));
}
