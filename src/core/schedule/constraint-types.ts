import type { DateTime } from "../programme/entities";

/**
 * Microsoft Project's task constraints ("Set a task start or finish date (constraint) for a task",
 * "Constraint Type (task field)", Microsoft Support): As Soon As Possible (the default) and As Late
 * As Possible have no date; the other six tie the task's start or finish to its Constraint Date:
 *  - flexible: ASAP, ALAP;
 *  - semi-flexible: Start/Finish No Earlier Than (SNET, FNET), Start/Finish No Later Than (SNLT, FNLT);
 *  - inflexible: Must Start On (MSO), Must Finish On (MFO).
 * How each binds the schedule's two passes: src/core/schedule/schedule.ts and docs/dependencies.md.
 */
export type ConstraintType = "ASAP" | "ALAP" | "SNET" | "SNLT" | "FNET" | "FNLT" | "MSO" | "MFO";

export interface Constraint {
  type: ConstraintType;
  /** The Constraint Date: null for ASAP and ALAP (Project shows NA). */
  date: DateTime | null;
}

/** The constraint's name as Project's Constraint Type field shows it. */
export const CONSTRAINT_NAME: Readonly<Record<ConstraintType, string>> = {
  ASAP: "As Soon As Possible",
  ALAP: "As Late As Possible",
  SNET: "Start No Earlier Than",
  SNLT: "Start No Later Than",
  FNET: "Finish No Earlier Than",
  FNLT: "Finish No Later Than",
  MSO: "Must Start On",
  MFO: "Must Finish On",
};

const BY_WORDS = new Map<string, ConstraintType>();
for (const [k, name] of Object.entries(CONSTRAINT_NAME) as [ConstraintType, string][]) {
  BY_WORDS.set(k.toLowerCase(), k);
  BY_WORDS.set(name.toLowerCase().replace(/[^a-z]/g, ""), k);
}
// Project's Constraint Type field also takes "Must End On" in some versions' wording, and MSPDI's numbers 0–7.
BY_WORDS.set("mustendon", "MFO");
["ASAP", "ALAP", "MSO", "MFO", "SNET", "SNLT", "FNET", "FNLT"].forEach((k, i) =>
  BY_WORDS.set(String(i), k as ConstraintType),
);

/** "Start No Earlier Than", "SNET", "start no earlier than", "4" (MSPDI) → SNET; null when it is none of them. */
export function parseConstraintType(text: string): ConstraintType | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
  if (!t) return null;
  return BY_WORDS.get(t) ?? null;
}

/** Whether the constraint ties the task's start (else its finish). */
export const constrainsStart = (t: ConstraintType): boolean => t === "SNET" || t === "SNLT" || t === "MSO";
