import { CONSTRAINT_NAME, parseConstraintType, type Constraint } from "./constraint-types";
import { asDay } from "../primitives/dates";
import type { Diagnostic } from "../primitives/diagnostic";
import { cellOf, type DateTime, type Source } from "../programme/entities";
import type { RowValues } from "../workbook/rows";

/** The constraint fields of a row that has them (Projects, Milestones, a plan export's tasks). */
type ConstraintValues = Pick<
  RowValues<"projects" | "milestones" | "tasks">,
  "constraintType" | "constraintDate" | "deadline"
>;

/** A date cell's value as a day and, when it carries one, its time (the "datetime" fields keep it as a fraction of the day). */
export function dateTimeOf(v: number | null | undefined): DateTime | null {
  if (typeof v !== "number" || !Number.isFinite(v)) return null;
  const day = asDay(Math.floor(v));
  const time = Math.round((v - day) * 1440);
  return { day, time: time > 0 ? time : null };
}

/** No constraint, no deadline: one frozen answer for most rows. */
const NONE = Object.freeze({ constraint: null, deadline: null });

/**
 * A row's Constraint Type, Constraint Date and Deadline (Microsoft Project's task fields of those
 * names; the Export Wizard's Constraint_Type, Constraint_Date, Deadline). An unknown type, or a
 * dated type without its date, is a finding at its cell and reads as As Soon As Possible.
 */
export function readConstraint(
  values: ConstraintValues,
  src: Source,
  id: string,
  diags: Diagnostic[],
): { constraint: Constraint | null; deadline: DateTime | null } {
  if (values.constraintType == null && values.deadline == null) return NONE;
  const deadline = dateTimeOf(values.deadline);
  const text = values.constraintType?.trim() ?? "";
  if (!text || (deadline === null && /^(as soon as possible|asap)$/i.test(text)))
    return deadline === null ? NONE : { constraint: null, deadline };
  const type = parseConstraintType(text);
  if (!type) {
    diags.push({
      severity: "warning",
      code: "bad-value",
      message: `${id}'s Constraint Type "${text.length > 40 ? text.slice(0, 37) + "..." : text}" is not one of Microsoft Project's: use As Soon As Possible, As Late As Possible, Start No Earlier Than, Start No Later Than, Finish No Earlier Than, Finish No Later Than, Must Start On or Must Finish On. It is read as As Soon As Possible.`,
      sheet: src.sheet,
      cell: cellOf(src, "constraintType") ?? "",
      entity: id,
    });
    return { constraint: null, deadline };
  }
  if (type === "ASAP") return { constraint: null, deadline };
  const date = dateTimeOf(values.constraintDate);
  if (!date && type !== "ALAP") {
    diags.push({
      severity: "warning",
      code: "missing-value",
      message: `${id} has a ${CONSTRAINT_NAME[type]} constraint but no Constraint Date, so the constraint is left out. Enter its date.`,
      sheet: src.sheet,
      cell: cellOf(src, "constraintDate") ?? cellOf(src, "constraintType") ?? "",
      entity: id,
    });
    return { constraint: null, deadline };
  }
  return { constraint: { type, date: type === "ALAP" ? null : date }, deadline };
}
