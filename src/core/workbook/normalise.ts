/**
 * Header and sheet-name matching ignores case, spacing, punctuation and units in brackets,
 * so "Budget (£)", "BUDGET" and "budget" are one column, and "Risk_Log" is the "Risk Log" sheet.
 */
export function normaliseName(text: string): string {
  let n = normalised.get(text);
  if (n === undefined) {
    n = normalise(text);
    if (normalised.size >= 50_000) normalised.clear();
    normalised.set(text, n);
  }
  return n;
}

/** Recognising sheets reads the same few headers and names against every kind: each is worked out once. */
const normalised = new Map<string, string>();

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ") // units in brackets
    .replace(/%/g, " percent ")
    .replace(/#/g, " no ")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "");
}

/** Table names often carry a prefix: tblProjects, Table_Risks, t_Milestones. */
export function normaliseTableName(text: string): string {
  const n = normaliseName(text);
  const stripped = n.replace(/^(tbl|table|tab|t)(?=[a-z])/, "");
  return stripped;
}

/** Normalises an ID for comparison: trimmed and upper-case ("p01 " and "P01" are one project). */
export function idKey(id: string): string {
  return id.trim().toUpperCase();
}
