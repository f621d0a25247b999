import { a1, isBlank, type CellRange, type CellValue } from "../model/cell";
import { cellAt, type SheetSnapshot, type TableSnapshot, type WorkbookSnapshot } from "../model/snapshot";
import { normaliseName, normaliseTableName } from "./normalise";
import type { FieldSpec, SheetSpec } from "./schema";

/** Where a kind of record lives: a sheet, optionally a table on it, and the header row. */
export interface Located {
  sheet: SheetSnapshot;
  table?: TableSnapshot;
  /** The region searched: the table, or the sheet's used range. */
  region: CellRange;
  /** Absolute 0-based row of the header, or -1 when no header row was recognised. */
  headerRow: number;
  /** Absolute column → field key, for the columns recognised. */
  columns: Map<number, string>;
  /** Absolute column → header text, for columns not recognised (kept as extra). */
  extras: Map<number, string>;
}

/** How many rows from the top of a sheet to look for the header row (titles often sit above it). */
export const HEADER_SEARCH_ROWS = 20;

function nameMatches(candidate: string, spec: { title: string; aliases: readonly string[] }, table: boolean): boolean {
  const n = table ? normaliseTableName(candidate) : normaliseName(candidate);
  return [spec.title, ...spec.aliases].some((a) => normaliseName(a) === n);
}

const ID_SUFFIXES = ["id", "ref", "reference", "no", "number", "key", "code", "refno", "idno"];

/** Every normalised header a field accepts. */
export function headerKeys(spec: SheetSpec, field: FieldSpec): string[] {
  const names = [field.label, ...(field.aliases ?? [])].map(normaliseName);
  if (field.key === "id") {
    for (const s of ID_SUFFIXES) {
      names.push(s);
      for (const w of spec.idWords) names.push(normaliseName(w) + s);
    }
  }
  return names;
}

/** Normalised header → field key, for one sheet spec. */
export function headerIndex(spec: SheetSpec): Map<string, string> {
  const map = new Map<string, string>();
  for (const f of spec.fields) for (const k of headerKeys(spec, f)) if (!map.has(k)) map.set(k, f.key);
  return map;
}

export function sheetRegion(sheet: SheetSnapshot): CellRange {
  let right = sheet.left;
  for (const r of sheet.rows) if (r) right = Math.max(right, sheet.left + r.length - 1);
  return { top: sheet.top, left: sheet.left, bottom: sheet.top + Math.max(sheet.rows.length, 1) - 1, right };
}

function matchHeaderRow(sheet: SheetSnapshot, row: number, region: CellRange, index: Map<string, string>) {
  const columns = new Map<number, string>();
  const extras = new Map<number, string>();
  const seen = new Set<string>();
  for (let c = region.left; c <= region.right; c++) {
    const v: CellValue = cellAt(sheet, row, c);
    if (isBlank(v) || typeof v === "object") continue;
    const text = String(v).trim();
    const key = index.get(normaliseName(text));
    if (key && !seen.has(key)) {
      columns.set(c, key);
      seen.add(key);
    } else extras.set(c, text);
  }
  return { columns, extras };
}

/**
 * Finds the sheet (or Excel table) for a kind, by table name first, then sheet name,
 * then the header row: the row among the first rows that names the most known columns.
 */
export function locate(snapshot: WorkbookSnapshot, spec: { title: string; aliases: readonly string[] }, sheetSpec?: SheetSpec): Located | null {
  const index = sheetSpec ? headerIndex(sheetSpec) : new Map<string, string>();
  const byTable = snapshot.tables.find((t) => nameMatches(t.name, spec, true));
  if (byTable) {
    const sheet = snapshot.sheets.find((s) => s.name === byTable.sheet);
    if (sheet) {
      const { columns, extras } = matchHeaderRow(sheet, byTable.range.top, byTable.range, index);
      return { sheet, table: byTable, region: byTable.range, headerRow: byTable.range.top, columns, extras };
    }
  }
  const sheet = snapshot.sheets.find((s) => nameMatches(s.name, spec, false));
  if (!sheet) return null;
  const tablesOnSheet = snapshot.tables.filter((t) => t.sheet === sheet.name);
  // A sheet with tables: use the table whose header names the most known columns.
  let best: Located | null = null;
  let bestScore = 0;
  for (const t of tablesOnSheet) {
    const m = matchHeaderRow(sheet, t.range.top, t.range, index);
    if (m.columns.size > bestScore) {
      bestScore = m.columns.size;
      best = { sheet, table: t, region: t.range, headerRow: t.range.top, ...m };
    }
  }
  if (best) return best;
  const region = sheetRegion(sheet);
  let headerRow = -1;
  let found = { columns: new Map<number, string>(), extras: new Map<number, string>() };
  const required = sheetSpec ? sheetSpec.fields.filter((f) => f.required).map((f) => f.key) : [];
  let bestRank = 0;
  for (let r = region.top; r <= Math.min(region.bottom, region.top + HEADER_SEARCH_ROWS - 1); r++) {
    const m = matchHeaderRow(sheet, r, region, index);
    const hasRequired = required.some((k) => [...m.columns.values()].includes(k));
    // Two recognised headers, one of them required, is a header row; a title row rarely has that.
    const rank = hasRequired && m.columns.size >= Math.min(2, sheetSpec?.fields.length ?? 2) ? m.columns.size : 0;
    if (rank > bestRank) {
      bestRank = rank;
      headerRow = r;
      found = m;
    }
  }
  return { sheet, region, headerRow, ...found };
}

/** A1 address of a located header row's first cell (for diagnostics about the header). */
export function headerCell(loc: Located): string {
  if (loc.headerRow < 0) return a1(loc.region.top, loc.region.left);
  return a1(loc.headerRow, loc.region.left);
}
