import type { Diagnostic } from "../primitives/diagnostic";
import type { Link } from "../programme/entities";
import type { UnresolvedRef } from "../workbook/read-programme";
import { fileStem, keyOf, type Part } from "./part";

/** Each part's projects and milestones: the ID as its own file writes it (key) → the ID reported. */
export type ItemIndex = Map<string, string>[];

/** A part as a reference's reader names it: "estates.xlsx", "the programme workbook". */
export const partName = (p: Part): string => p.file ?? "the programme workbook";

/**
 * Links a file names to items it does not hold. `Estates:P04` names P04 of the source whose
 * workstream (or file) is Estates; a plain ID is looked for in every other source. A reference
 * that matches nothing, or two items, is a finding at its cell naming the files concerned.
 */
export function resolveAcross(
  parts: Part[],
  index: ItemIndex,
  diags: Diagnostic[],
): { links: Link[]; crossLinks: number[] } {
  const links: Link[] = [];
  const crossLinks = parts.map(() => 0);
  parts.forEach((part, i) => {
    for (const u of part.unresolved) {
      const from = end(u.from, u.fromKnown, i, parts, index);
      const to = end(u.to, u.toKnown, i, parts, index);
      const bad = [from, to].find((e): e is Miss => "miss" in e);
      if (bad) {
        diags.push({
          severity: "error",
          code: "unknown-reference",
          message: missMessage(u, bad, i, parts),
          sheet: u.sheet,
          cell: u.cell,
          entity: "id" in to ? to.id : u.to,
        });
        continue;
      }
      const f = from as Hit;
      const t = to as Hit;
      links.push({ from: f.id, to: t.id, type: u.type, lag: u.lag, sheet: u.sheet, cell: u.cell });
      if (f.part !== t.part) crossLinks[i]++;
    }
  });
  return { links, crossLinks };
}

type Hit = { id: string; part: number };
type Miss = { miss: "none" | "two" | "not-in"; text: string; matches: Hit[]; target?: number };

function end(text: string, known: boolean, here: number, parts: Part[], index: ItemIndex): Hit | Miss {
  const k = keyOf(text);
  if (known) return { id: index[here].get(k) ?? text, part: here };
  const q = qualified(text, parts);
  if (q) {
    const id = index[q.part].get(keyOf(q.id));
    return id !== undefined ? { id, part: q.part } : { miss: "not-in", text, matches: [], target: q.part };
  }
  const matches: Hit[] = [];
  index.forEach((ids, j) => {
    const id = j === here ? undefined : ids.get(k);
    if (id !== undefined) matches.push({ id, part: j });
  });
  if (matches.length === 1) return matches[0];
  return { miss: matches.length ? "two" : "none", text, matches };
}

/** "Estates:P04" → the part whose qualifier, workstream or file is "Estates", and "P04". */
function qualified(text: string, parts: Part[]): { part: number; id: string } | null {
  for (let c = text.indexOf(":"); c > 0; c = text.indexOf(":", c + 1)) {
    const prefix = keyOf(text.slice(0, c));
    const part = parts.findIndex((p) =>
      [p.qualifier, p.workstream, p.file ?? "", p.file ? fileStem(p.file) : ""].some((n) => n && keyOf(n) === prefix),
    );
    if (part >= 0) return { part, id: text.slice(c + 1).trim() };
  }
  return null;
}

function missMessage(u: UnresolvedRef, m: Miss, here: number, parts: Part[]): string {
  const lead =
    u.toKnown && !u.fromKnown
      ? `${u.to} depends on "${m.text}", which`
      : `The dependency of "${u.to}" on "${u.from}" names "${m.text}", which`;
  if (m.miss === "not-in")
    return `${lead} names an item of ${partName(parts[m.target!])} (${parts[m.target!].qualifier}), but ${partName(parts[m.target!])} has no project or milestone with that ID. Correct the ID, or ask its workstream to add the item.`;
  if (m.miss === "two") {
    const where = m.matches.map((h) => `${h.id} in ${partName(parts[h.part])}`).join(" and ");
    const how = m.matches.map((h) => `${parts[h.part].qualifier}:${m.text}`).join(" or ");
    return `${lead} matches two items: ${where}. Write ${how} to say which; the link is left out until then.`;
  }
  const others = parts.filter((_, j) => j !== here).map(partName);
  return `${lead} is not the ID of any project or milestone in ${partName(parts[here])}${others.length ? ` or in ${others.join(", ")}` : ""}. Correct the ID, name another workstream's item as Workstream:ID (e.g. ${parts.find((p) => p.file)?.qualifier ?? "Estates"}:P04), or add the missing item.`;
}
