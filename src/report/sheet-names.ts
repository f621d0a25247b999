/**
 * Excel's rules for sheet names: 1–31 characters, none of \ / ? * [ ] :, not starting or
 * ending with an apostrophe, not "History" (reserved by Excel), unique ignoring case.
 */
export function cleanSheetName(wanted: string): string {
  let s = wanted.replace(/[\\/?*[\]:]/g, "-").replace(/[\u0000-\u001f]/g, "").trim();
  s = s.replace(/^'+|'+$/g, "").trim();
  if (!s) s = "Sheet";
  if (s.toLowerCase() === "history") s = "History (report)";
  return s.length > 31 ? s.slice(0, 31).trimEnd() : s;
}

/** A name not in `taken` (case-insensitive): "Name", then "Name (2)", "Name (3)"… within 31 characters. */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  const base = cleanSheetName(wanted);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length).trimEnd() + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}
