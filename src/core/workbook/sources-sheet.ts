import { isCellError, type CellValue } from "../primitives/cell";
import type { KeptSource } from "../primitives/provenance";
import type { WorkbookSnapshot } from "../primitives/snapshot";

/** The Sources sheet's columns, in order; the reader finds them by these words. */
export const SOURCES_HEADERS = ["File", "Workstream", "Last read", "Rows read"] as const;

/** The Sources sheet's report key (the host's marker names it). */
export const SOURCES_KEY = "sources";

/**
 * Reads the Sources sheet an earlier report wrote (src/core/report/sources-sheet.ts): one row per
 * workstream source, as last read. A user's sheet of the same name is not ours and is ignored; a
 * row without a file name is skipped.
 */
export function readKeptSources(snapshot: WorkbookSnapshot): KeptSource[] {
  const mine = snapshot.reportSheets?.find((r) => r.key === SOURCES_KEY);
  const sheet = mine && snapshot.sheets.find((s) => s.name === mine.sheet);
  if (!sheet) return [];
  const text = (v: CellValue | undefined) => (v === null || v === undefined || isCellError(v) ? "" : String(v).trim());
  const headerAt = sheet.rows.findIndex((r) => r && text(r[0]) === "File");
  if (headerAt < 0) return [];
  const col = new Map(sheet.rows[headerAt].map((h, i) => [text(h), i] as const));
  const at = (r: CellValue[], h: (typeof SOURCES_HEADERS)[number]) => (col.has(h) ? r[col.get(h)!] : undefined);
  const out: KeptSource[] = [];
  for (const r of sheet.rows.slice(headerAt + 1)) {
    const file = r ? text(at(r, "File")) : "";
    if (!file) continue;
    const rows = at(r, "Rows read");
    out.push({
      file,
      workstream: text(at(r, "Workstream")),
      lastRead: text(at(r, "Last read")),
      rows: typeof rows === "number" && Number.isFinite(rows) ? rows : 0,
    });
  }
  return out;
}
