import type { Programme } from "../programme/entities";
import { FAMILIES, fileStem, idFamilies, keyOf, type Family, type Part } from "./part";

/**
 * IDs across sources. An ID is unique within its source (read-programme's ID spaces see to that);
 * across sources, an ID two of them use is qualified by each source's workstream — `Estates:P04` —
 * while the programme workbook's own rows keep theirs. Each part's renames are applied to its
 * items and to every reference it makes to them (links, a milestone's or a risk's project…).
 */
export type Renames = Record<Family, Map<string, string>>;

/** Makes every source's qualifier distinct: two sources of one workstream are told apart by file. */
export function settleQualifiers(parts: Part[]): void {
  const count = new Map<string, number>();
  for (const p of parts) if (p.file) count.set(keyOf(p.qualifier), (count.get(keyOf(p.qualifier)) ?? 0) + 1);
  for (const p of parts) if (p.file && count.get(keyOf(p.qualifier))! > 1) p.qualifier = fileStem(p.file);
}

/** The renames of each part (by ID key → final ID), for the IDs that collide across parts. */
export function collisions(parts: Part[]): Renames[] {
  const ids = parts.map((p) => idFamilies(p.programme));
  // For each family, how many parts hold each ID key: one pass over every ID.
  const holders = {} as Record<Family, Map<string, number>>;
  for (const f of FAMILIES) {
    const count = new Map<string, number>();
    for (const x of ids) for (const k of new Set(x[f].map(keyOf))) count.set(k, (count.get(k) ?? 0) + 1);
    holders[f] = count;
  }
  return parts.map((part, i) => {
    const renames = {} as Renames;
    for (const f of FAMILIES) {
      renames[f] = new Map();
      if (!part.file) continue; // the programme workbook's own rows keep their IDs
      for (const id of ids[i][f])
        if (holders[f].get(keyOf(id))! > 1) renames[f].set(keyOf(id), `${part.qualifier}:${id}`);
    }
    return renames;
  });
}

/** Applies a part's renames to its items and to everything in it that names them. */
export function applyRenames(part: Part, r: Renames): void {
  const p: Programme = part.programme;
  const to = (f: Family) => (id: string) => r[f].get(keyOf(id)) ?? id;
  const item = to("items");
  if (r.items.size) {
    for (const x of p.projects) x.id = item(x.id);
    for (const x of p.milestones) {
      x.id = item(x.id);
      x.project = item(x.project);
    }
    for (const l of p.links) {
      l.from = item(l.from);
      l.to = item(l.to);
    }
    for (const list of [p.risks, p.issues, p.assumptions, p.dependencyLog, p.benefits])
      for (const x of list) x.project = item(x.project);
    for (const c of p.commentary) c.about = item(c.about);
  }
  const benefit = to("benefits");
  for (const x of p.projects) if (r.benefits.size) x.benefits = x.benefits.map(benefit);
  for (const f of ["risks", "issues", "assumptions", "dependencyLog", "benefits"] as const) {
    if (!r[f].size) continue;
    const name = to(f);
    for (const x of p[f]) x.id = name(x.id);
  }
  for (const d of part.diagnostics) if (d.entity) d.entity = r.items.get(keyOf(d.entity)) ?? d.entity;
}
