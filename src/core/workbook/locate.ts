import { a1, isBlank, type CellRange, type CellValue } from "../primitives/cell";
import {
  cellAt,
  presentRows,
  type SheetSnapshot,
  type TableSnapshot,
  type WorkbookSnapshot,
} from "../primitives/snapshot";
import { normaliseName, normaliseTableName } from "./normalise";
import type { ColumnMapEntry } from "../programme/entities";
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
  /** Headers read as a known column despite a spelling slip: column → [header, field key]. */
  guessed?: Map<number, [string, string]>;
  /** Headers read through a Column map row of the Settings sheet: column → [header, field key]. */
  mapped?: Map<number, [string, string]>;
  /** Headers read as a field by a name that may mean something else (an issue's Impact as its Priority): column → [header, field key]. */
  doubted?: Map<number, [string, string]>;
  /** Only these rows belong (a one-sheet RAID log split by its Type column). */
  rowFilter?: (row: number) => boolean;
}

/** How many rows from the top of a sheet to look for the header row (titles and document-control blocks often sit above it). */
export const HEADER_SEARCH_ROWS = 30;

export function nameMatches(
  candidate: string,
  spec: { title: string; aliases: readonly string[] },
  table: boolean,
): boolean {
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

/**
 * The absolute columns holding a value in one row, between two columns (inclusive), in order. The
 * cost is the cells present, never the span: a row whose only cell is in XFD is one cell (a sparse
 * row's own keys are walked when the span is wide).
 */
export function presentColumns(sheet: SheetSnapshot, row: number, left: number, right: number): number[] {
  const r = sheet.rows[row - sheet.top];
  if (!r) return [];
  const from = Math.max(0, left - sheet.left);
  const to = Math.min(r.length - 1, right - sheet.left);
  const out: number[] = [];
  if (to - from < 256) {
    for (let i = from; i <= to; i++) if (!isBlank(r[i] ?? null)) out.push(i + sheet.left);
    return out;
  }
  for (const k in r) {
    const i = Number(k);
    if (i >= from && i <= to && !isBlank(r[i] ?? null)) out.push(i + sheet.left);
  }
  return out;
}

export function sheetRegion(sheet: SheetSnapshot): CellRange {
  let right = sheet.left;
  for (const r of sheet.rows) if (r) right = Math.max(right, sheet.left + r.length - 1);
  return { top: sheet.top, left: sheet.left, bottom: sheet.top + Math.max(sheet.rows.length, 1) - 1, right };
}

/**
 * Edit distance with adjacent swaps (Damerau–Levenshtein, optimal string alignment), row by row
 * with three rows kept. With `max`, a pair further apart than that is answered `max + 1` as soon
 * as a whole row is past it (a row's least value never falls), so a sheet of thousands of
 * unknown headers costs a few steps per pair rather than a full table.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2] + 1);
      cur[j] = v;
      if (v < least) least = v;
    }
    if (least > max) return max + 1;
    [before, prev, cur] = [prev, cur, before];
  }
  return Math.min(prev[b.length], max + 1);
}

/**
 * A header one slip away from a known one ("Likelyhood", "Mitgation", "Baseline Dtae"):
 * one edit for headers of 5–8 letters, two from 9. Only an unambiguous best match counts.
 */
function guessHeader(norm: string, index: Map<string, string>, taken: Set<string>): string | null {
  if (norm.length < 5) return null;
  const limit = norm.length >= 9 ? 2 : 1;
  let best: string | null = null;
  let bestDist = limit + 1;
  let tie = false;
  for (const [k, field] of index) {
    if (taken.has(field) || Math.abs(k.length - norm.length) > limit) continue;
    const dist = editDistance(norm, k, limit);
    if (dist < bestDist) {
      best = field;
      bestDist = dist;
      tie = false;
    } else if (dist === bestDist && field !== best) tie = true;
  }
  return best && !tie ? best : null;
}

/** The field of a spec that a Column map row names (by label, key or alias), if any. */
function mappedField(spec: SheetSpec, field: string): string | null {
  const n = normaliseName(field);
  const f =
    spec.fields.find((x) => normaliseName(x.label) === n || normaliseName(x.key) === n) ??
    spec.fields.find((x) => (x.aliases ?? []).some((a) => normaliseName(a) === n));
  return f ? f.key : null;
}

/** A header row's text cells: column, text as written (trimmed) and its normalised form. */
export type HeaderCells = { c: number; text: string; norm: string }[];

export function headerCells(sheet: SheetSnapshot, row: number, region: CellRange): HeaderCells {
  const out: HeaderCells = [];
  const r = sheet.rows[row - sheet.top];
  const right = Math.min(region.right, sheet.left + (r ? r.length : 0) - 1);
  for (let c = region.left; c <= right; c++) {
    const v: CellValue = cellAt(sheet, row, c);
    if (isBlank(v) || typeof v === "object") continue;
    const text = String(v).trim();
    out.push({ c, text, norm: normaliseName(text) });
  }
  return out;
}

/**
 * Reads one row as a header: each cell's text → a field of the spec, by a Column map row first,
 * then by label or alias; with `guess`, a header one spelling slip away from a known one.
 * `cells`: the row's header cells when the caller has them already (recognition tries each row for every kind).
 */
export function matchHeaderRow(
  sheet: SheetSnapshot,
  row: number,
  region: CellRange,
  index: Map<string, string>,
  spec?: SheetSpec,
  columnMap: readonly ColumnMapEntry[] = [],
  guess = true,
  cells: HeaderCells = headerCells(sheet, row, region),
) {
  const columns = new Map<number, string>();
  const extras = new Map<number, string>();
  const guessed = new Map<number, [string, string]>();
  const mapped = new Map<number, [string, string]>();
  const doubted = new Map<number, [string, string]>();
  const seen = new Set<string>();
  const unknown: [number, string][] = [];
  const byMap = new Map<string, string>();
  if (spec)
    for (const m of columnMap) {
      const key = mappedField(spec, m.field);
      if (key) byMap.set(normaliseName(m.header), key);
    }
  const mappedKeys = new Set(byMap.values());
  // Exact headers next, each field to the column whose header names it best: its own label (or
  // an ID form) before another name it accepts, and a doubtful name last; the first column breaks
  // a tie. One column serves one field, and a field is read from one column.
  const ranks = spec ? rankIndex(spec) : undefined;
  const best = new Map<string, { c: number; rank: number }>();
  const exact: { c: number; text: string; key: string }[] = [];
  for (const { c, text, norm } of cells) {
    const viaMap = byMap.get(norm);
    if (viaMap && !seen.has(viaMap)) {
      columns.set(c, viaMap);
      mapped.set(c, [text, viaMap]);
      seen.add(viaMap);
      continue;
    }
    const key = index.get(norm);
    if (!key || mappedKeys.has(key) || seen.has(key)) {
      unknown.push([c, text]);
      continue;
    }
    const rank = ranks?.get(norm) ?? 1;
    const held = best.get(key);
    if (!held || rank < held.rank) best.set(key, { c, rank });
    exact.push({ c, text, key });
  }
  for (const { c, text, key } of exact) {
    const won = best.get(key)!;
    if (won.c !== c) {
      unknown.push([c, text]);
      continue;
    }
    columns.set(c, key);
    seen.add(key);
    if (won.rank === 2) doubted.set(c, [text, key]);
  }
  unknown.sort((a, b) => a[0] - b[0]);
  // Second pass, once every exact header is placed: spelling slips.
  for (const [c, text] of unknown) {
    const key = guess ? guessHeader(normaliseName(text), index, seen) : null;
    if (key) {
      columns.set(c, key);
      seen.add(key);
      guessed.set(c, [text, key]);
    } else extras.set(c, text);
  }
  return { columns, extras, guessed, mapped, doubted };
}

/** How well each normalised header names its field: 0 its label or an ID form, 1 another accepted name, 2 a doubtful one. */
const rankIndexes = new WeakMap<SheetSpec, Map<string, number>>();
function rankIndex(spec: SheetSpec): Map<string, number> {
  let ranks = rankIndexes.get(spec);
  if (ranks) return ranks;
  ranks = new Map<string, number>();
  for (const f of spec.fields) {
    const doubtful = new Set((f.doubtfulAliases ?? []).map(normaliseName));
    const label = normaliseName(f.label);
    for (const k of headerKeys(spec, f))
      if (!ranks.has(k))
        ranks.set(
          k,
          k === label || (f.key === "id" && !(f.aliases ?? []).some((a) => normaliseName(a) === k))
            ? 0
            : doubtful.has(k)
              ? 2
              : 1,
        );
  }
  rankIndexes.set(spec, ranks);
  return ranks;
}

/**
 * Finds a sheet (or Excel table) by name alone: the Settings sheet, which has no header row.
 * Record sheets are recognised by their headers too: see recognise.ts.
 */
export function locate(
  snapshot: WorkbookSnapshot,
  spec: { title: string; aliases: readonly string[] },
): { sheet: SheetSnapshot; table?: TableSnapshot } | null {
  const byTable = snapshot.tables.find((t) => nameMatches(t.name, spec, true));
  const tableSheet = byTable && snapshot.sheets.find((s) => s.name === byTable.sheet);
  if (byTable && tableSheet) return { sheet: tableSheet, table: byTable };
  const sheet = snapshot.sheets.find((s) => nameMatches(s.name, spec, false));
  return sheet ? { sheet } : null;
}

/**
 * A column read by a doubtful name holds descriptions rather than ratings when most of its filled
 * cells are sentences (four words or more): an issue log's Impact ("Go-live slips two weeks")
 * rather than its priority ("High"). Returns the first such cell's text, or null.
 */
export function describingValue(loc: Located, c: number): string | null {
  let text = 0;
  let sentences = 0;
  let first: string | null = null;
  for (const r of presentRows(loc.sheet, loc.headerRow + 1, loc.region.bottom)) {
    if (loc.rowFilter && !loc.rowFilter(r)) continue;
    const v = cellAt(loc.sheet, r, c);
    if (isBlank(v)) continue;
    text++;
    if (typeof v === "string" && v.trim().split(/\s+/).length >= 4) {
      sentences++;
      first ??= v.trim();
    }
  }
  return text > 0 && sentences * 2 > text ? first : null;
}

/** A1 address of a located header row's first cell (for diagnostics about the header). */
export function headerCell(loc: Located): string {
  if (loc.headerRow < 0) return a1(loc.region.top, loc.region.left);
  return a1(loc.headerRow, loc.region.left);
}
