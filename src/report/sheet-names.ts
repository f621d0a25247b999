import { cutUnits, storedText } from "./stored";

/**
 * Excel's rules for sheet names: 1–31 characters, none of \ / ? * [ ] :, not starting or
 * ending with an apostrophe, not "History" (reserved by Excel), unique ignoring case.
 */
export function cleanSheetName(wanted: string): string {
  let s = storedText(wanted).replace(/[\\/?*[\]:]/g, "-").replace(/[\u0000-\u001f\u007f\uFFFD\uFFFE\uFFFF]/g, "").trim();
  s = s.replace(/^'+|'+$/g, "").trim();
  if (!s) s = "Sheet";
  if (s.toLowerCase() === "history") s = "History (report)";
  return s.length > 31 ? cutUnits(s, 31).trimEnd() : s;
}

/** A name not in `taken` (case-insensitive): "Name", then "Name (2)", "Name (3)"… within 31 characters. */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  const base = cleanSheetName(wanted);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = cutUnits(base, 31 - suffix.length).trimEnd() + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/**
 * The names the report's sheets get in a workbook whose other sheets are `taken`: each keeps its
 * usual name unless a user's sheet has it. Both hosts use this, so they name sheets alike.
 */
export function assignSheetNames(sheets: readonly { key: string; name: string }[], taken: Iterable<string>): { names: Map<string, string>; renamed: { wanted: string; name: string }[] } {
  const used = new Set(taken);
  const names = new Map<string, string>();
  const renamed: { wanted: string; name: string }[] = [];
  for (const s of sheets) {
    const name = uniqueSheetName(s.name, used);
    used.add(name);
    names.set(s.key, name);
    if (name !== s.name) renamed.push({ wanted: s.name, name });
  }
  return { names, renamed };
}
