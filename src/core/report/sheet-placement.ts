/**
 * Where the report's sheets go in a workbook's tab order, decided once for both hosts: where the
 * sheets they replace were, else just after the report's other sheets (those out of this run's
 * scope), else first. Kept sheets (the user's now, sheet-names.ts's settleKeptSheets) go after
 * everything. Positions are tab positions (0 first) of the workbook as it is before the report.
 *
 * Returns the index among `remaining` (the sheets that stay, in tab order) before which the
 * report's sheets are inserted.
 */
export function reportInsertionIndex(
  remaining: readonly number[],
  replaced: readonly number[],
  otherOurs: readonly number[],
): number {
  if (replaced.length) {
    const first = Math.min(...replaced);
    return remaining.filter((p) => p < first).length;
  }
  if (otherOurs.length) {
    const last = Math.max(...otherOurs);
    return remaining.filter((p) => p <= last).length;
  }
  return 0;
}
