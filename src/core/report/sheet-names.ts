import { excelSheetName, withSuffix } from "../primitives/sheet-name";

/** A name Excel accepts (model/sheet-name.ts holds Excel's rules). */
export function cleanSheetName(wanted: string): string {
  return excelSheetName(wanted);
}

/** A name not in `taken` (case-insensitive): "Name", then "Name (2)", "Name (3)"… within 31 characters. */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  const base = cleanSheetName(wanted);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = withSuffix(base, suffix);
    if (!used.has(name.toLowerCase())) return name;
  }
}

/**
 * The names the report's sheets get in a workbook whose other sheets are `taken`: each keeps its
 * usual name unless a user's sheet has it. Both hosts use this, so they name sheets alike.
 */
export function assignSheetNames(
  sheets: readonly { key: string; name: string }[],
  taken: Iterable<string>,
): { names: Map<string, string>; renamed: { wanted: string; name: string }[] } {
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

/**
 * The one rule for report sheets a user changed (copied, or typed into, after the report wrote
 * them): they are the user's, so they are never replaced or deleted. A kept sheet that still has a
 * report sheet's name ("HR Working in Partnership", or that name with " (2)") is renamed with the
 * period it was written for ("HR Working in Partnership – Jan 2010", cut to Excel's 31 characters)
 * and moved after the report's sheets and the user's own, out of the pack's print order, so the
 * new report takes its usual names and an old page never prints inside a new pack. A kept sheet
 * the user has already renamed keeps its name, and is moved only. Both hosts apply what this says
 * and report each kept sheet with its new name.
 */
export interface KeptSheet {
  /** Its name when the report ran. */
  from: string;
  /** Its name now (the same when it was not renamed). */
  to: string;
}

export function settleKeptSheets(
  kept: readonly string[],
  plan: { sheets: readonly { name: string }[]; keptPeriod?: string },
  taken: Iterable<string>,
): KeptSheet[] {
  const ours = plan.sheets.map((s) => s.name.toLowerCase());
  const isReportName = (n: string) => {
    const lower = n.toLowerCase();
    const numbered = / \(\d+\)$/.test(lower);
    const base = lower.replace(/ \(\d+\)$/, "");
    return ours.some((o) => o === lower || (numbered && o.startsWith(base)));
  };
  const keptSet = new Set(kept.map((k) => k.toLowerCase()));
  const used = new Set([...taken].map((t) => t.toLowerCase()).filter((t) => !keptSet.has(t)));
  for (const o of ours) used.add(o); // the report's own names stay free for the report
  return kept.map((from) => {
    if (!isReportName(from)) {
      used.add(from.toLowerCase());
      return { from, to: from };
    }
    const suffix = ` – ${plan.keptPeriod || "earlier report"}`;
    const base = from.replace(/ \(\d+\)$/, "");
    let to = cleanSheetName(withSuffix(base, suffix));
    for (let i = 2; used.has(to.toLowerCase()); i++) {
      const more = `${suffix} (${i})`;
      to = cleanSheetName(withSuffix(base, more));
    }
    used.add(to.toLowerCase());
    return { from, to };
  });
}
