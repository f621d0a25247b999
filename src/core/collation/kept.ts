import type { Programme } from "../programme/entities";
import type { KeptSource } from "../primitives/provenance";

/**
 * The Sources sheet after this report: the rows an earlier report kept, each source read this time
 * refreshed (its workstream, rows read and when it was read) and any new one added after them. A
 * source kept but not read this time (not chosen again in the pane, or unreadable) keeps its row as
 * it was, so its last read says how old it is. Empty when nothing was ever collated.
 */
export function keptSourcesAfter(p: Programme): KeptSource[] {
  const rows = new Map((p.keptSources ?? []).map((k) => [k.file.toLowerCase(), k]));
  for (const s of p.collation?.sources ?? []) {
    if (s.unreadable) {
      const key = s.file.toLowerCase();
      if (!rows.has(key)) rows.set(key, { file: s.file, workstream: s.workstream, lastRead: "", rows: 0 });
      continue;
    }
    const was = rows.get(s.file.toLowerCase());
    rows.set(s.file.toLowerCase(), {
      file: s.file,
      workstream: s.workstream,
      lastRead: s.readAt ?? was?.lastRead ?? "",
      rows: s.rows,
    });
  }
  return [...rows.values()];
}
