import { isBlank, type CellRange, type CellValue } from "../primitives/cell";
import type { ColumnMapEntry } from "../programme/entities";
import { cellAt, type SheetSnapshot, type TableSnapshot, type WorkbookSnapshot } from "../primitives/snapshot";
import {
  headerCells,
  headerIndex,
  HEADER_SEARCH_ROWS,
  matchHeaderRow,
  nameMatches,
  sheetRegion,
  type HeaderCells,
  type Located,
} from "./locate";
import { normaliseName } from "./normalise";
import { SETTINGS_SHEET, SHEETS, sheetSpec, type SheetKind, type SheetSpec } from "./schema";
import { readText } from "./values";

/**
 * Which sheet (or Excel table) holds each kind of record. A sheet is recognised, in this order:
 *  1. a one-sheet RAID log: a Type column whose values are Risk, Assumption, Issue, Dependency
 *     (or R, A, I, D), split by type;
 *  2. by table name, then by sheet name, when its headers fit the kind (a kind known by its
 *     headers — a link table's From and To — is never taken on its name alone);
 *  3. by its headers alone, whatever its name: the kind whose columns it names most, provided
 *     it has that kind's identifying columns.
 * Column map rows on the Settings sheet name a header's field by hand; they apply first.
 */
export type FoundBy = "type-column" | "table-name" | "sheet-name" | "headers";

export interface Found extends Located {
  kind: SheetKind;
  by: FoundBy;
}

/** What a sheet looked like, for a message when a kind is missing: the fields each kind recognised. */
export interface SheetLook {
  sheet: string;
  headerRow: number;
  matches: { kind: SheetKind; fields: string[] }[];
}

export interface Recognition {
  found: Map<SheetKind, Found>;
  looks: SheetLook[];
}

interface Candidate {
  sheet: SheetSnapshot;
  table?: TableSnapshot;
  region: CellRange;
  /** Header rows to try: a table's first row, or the first rows of a sheet. */
  rows: number[];
  claimed: boolean;
  /** Each kind's best header row here, once worked out (steps 2 and 3 ask again). */
  bests?: Map<SheetKind, Best>;
  /** The header cells of each row tried, read once for every kind. */
  heads?: Map<number, HeaderCells>;
}

type Best = ReturnType<typeof matchHeaderRow> & { row: number; signature: boolean };

/** True when every signature group has one of its fields among the columns found. */
export function hasSignature(spec: SheetSpec, columns: Map<number, string>): boolean {
  if (!spec.signature) return false;
  const present = new Set(columns.values());
  return spec.signature.every((group) => group.some((k) => present.has(k)));
}

const TYPE_HEADERS = new Set([
  "type",
  "raidtype",
  "itemtype",
  "logtype",
  "raid",
  "raidcategory",
  "category",
  "entrytype",
]);
const RAID_WORDS: Record<string, SheetKind> = {
  r: "risks",
  risk: "risks",
  risks: "risks",
  threat: "risks",
  opportunity: "risks",
  a: "assumptions",
  assumption: "assumptions",
  assumptions: "assumptions",
  i: "issues",
  issue: "issues",
  issues: "issues",
  d: "dependencyLog",
  dependency: "dependencyLog",
  dependencies: "dependencyLog",
  dep: "dependencyLog",
};

export function raidKindOf(v: CellValue): SheetKind | null {
  return (
    RAID_WORDS[
      readText(v)
        .toLowerCase()
        .replace(/[^a-z]/g, "")
    ] ?? null
  );
}

export function recognise(snapshot: WorkbookSnapshot, columnMap: readonly ColumnMapEntry[] = []): Recognition {
  const r = new Recogniser(candidatesOf(snapshot), columnMap);
  r.byTypeColumn();
  r.byName();
  r.byHeaders();
  return { found: r.found, looks: r.looks() };
}

/** The sheets and tables that may hold records: every table, or the whole sheet when it has none (ours and Settings left out). */
function candidatesOf(snapshot: WorkbookSnapshot): Candidate[] {
  const ours = new Set((snapshot.reportSheets ?? []).map((r) => r.sheet));
  const candidates: Candidate[] = [];
  for (const sheet of snapshot.sheets) {
    if (ours.has(sheet.name) || nameMatches(sheet.name, SETTINGS_SHEET, false)) continue;
    const tables = snapshot.tables.filter((t) => t.sheet === sheet.name);
    if (tables.length)
      for (const t of tables)
        candidates.push({ sheet, table: t, region: t.range, rows: [t.range.top], claimed: false });
    else {
      const region = sheetRegion(sheet);
      const rows: number[] = [];
      for (let r = region.top; r <= Math.min(region.bottom, region.top + HEADER_SEARCH_ROWS - 1); r++) rows.push(r);
      candidates.push({ sheet, region, rows, claimed: false });
    }
  }
  return candidates;
}

/** The three steps of recognition over one workbook's candidates, each kind taken once. */
class Recogniser {
  readonly found = new Map<SheetKind, Found>();
  private indexes = new Map(SHEETS.map((s) => [s.kind, headerIndex(s)]));

  constructor(
    private candidates: Candidate[],
    private columnMap: readonly ColumnMapEntry[],
  ) {}

  private mapFor(sheet: string): ColumnMapEntry[] {
    return this.columnMap.filter((m) => m.sheet.trim().toLowerCase() === sheet.trim().toLowerCase());
  }

  private indexOf(kind: SheetKind): Map<string, string> {
    const index = this.indexes.get(kind);
    if (!index) throw new Error(`internal: no header index for ${kind}`);
    return index;
  }

  /** The best header row of a candidate for a kind: the row naming most of its columns. */
  best(c: Candidate, spec: SheetSpec): Best {
    const known = c.bests?.get(spec.kind);
    if (known) return known;
    let top: Best | null = null;
    const index = this.indexOf(spec.kind);
    const mapped = this.mapFor(c.sheet.name);
    for (const r of c.rows) {
      const heads = (c.heads ??= new Map<number, HeaderCells>());
      let cells = heads.get(r);
      if (!cells) heads.set(r, (cells = headerCells(c.sheet, r, c.region)));
      // A row naming none of the kind's headers cannot beat the first row tried (data rows, mostly).
      if (top && !mapped.length && !cells.some((h) => index.has(h.norm))) continue;
      const m = matchHeaderRow(c.sheet, r, c.region, index, spec, mapped, false, cells);
      const signature = hasSignature(spec, m.columns);
      const better =
        !top || (signature && !top.signature) || (signature === top.signature && m.columns.size > top.columns.size);
      if (better) top = { ...m, row: r, signature };
    }
    (c.bests ??= new Map()).set(spec.kind, top!);
    return top!;
  }

  private take(c: Candidate, spec: SheetSpec, by: FoundBy, rowFilter?: (row: number) => boolean): void {
    const m = this.best(c, spec);
    const headerRow = m.columns.size > 0 ? m.row : -1;
    // Spelling slips are looked for only on the row chosen, once the sheet is known.
    const full =
      headerRow >= 0
        ? matchHeaderRow(c.sheet, headerRow, c.region, this.indexOf(spec.kind), spec, this.mapFor(c.sheet.name), true)
        : m;
    this.found.set(spec.kind, {
      kind: spec.kind,
      by,
      sheet: c.sheet,
      table: c.table,
      region: c.region,
      headerRow,
      columns: full.columns,
      extras: full.extras,
      guessed: full.guessed,
      mapped: full.mapped,
      doubted: full.doubted,
      rowFilter,
    });
    c.claimed = true;
  }

  /** 1. One-sheet RAID logs, split by their Type column. */
  byTypeColumn(): void {
    for (const c of this.candidates) {
      const split = raidSplit(c);
      if (!split) continue;
      for (const kind of split.kinds) {
        if (this.found.has(kind)) continue;
        this.take(c, sheetSpec(kind), "type-column", (row) => raidKindOf(cellAt(c.sheet, row, split.typeCol)) === kind);
      }
      c.claimed = true;
    }
  }

  /** 2. By table name, then by sheet name. */
  byName(): void {
    for (const spec of SHEETS) {
      if (this.found.has(spec.kind)) continue;
      for (const useTable of [true, false]) {
        const c = this.namedFit(spec, useTable);
        if (c) {
          this.take(c, spec, useTable ? "table-name" : "sheet-name");
          break;
        }
      }
    }
  }

  /** The unclaimed candidate whose table (or sheet) name is the kind's and whose headers allow it. */
  private namedFit(spec: SheetSpec, useTable: boolean): Candidate | undefined {
    const nameOf = (c: Candidate): string | undefined => (useTable ? c.table?.name : c.sheet.name);
    const cs = this.candidates.filter((c) => {
      const name = nameOf(c);
      return !c.claimed && name !== undefined && nameMatches(name, spec, useTable);
    });
    // A kind known by its headers needs them; otherwise the name alone will do, unless another kind of the same name fits the headers.
    const fit = cs.find((c) => !spec.signature || this.best(c, spec).signature);
    const loose =
      !fit && spec.signature
        ? cs.find(
            (c) =>
              !SHEETS.some((o) => o !== spec && nameMatches(nameOf(c) ?? "", o, useTable) && this.best(c, o).signature),
          )
        : undefined;
    return fit ?? (spec.needsHeaders ? undefined : loose);
  }

  /** 3. By headers alone. */
  byHeaders(): void {
    for (const c of this.candidates) {
      if (c.claimed) continue;
      let pick: { spec: SheetSpec; size: number } | null = null;
      for (const spec of SHEETS) {
        if (this.found.has(spec.kind) || !spec.signature) continue;
        const m = this.best(c, spec);
        if (m.signature && m.columns.size >= 3 && (!pick || m.columns.size > pick.size))
          pick = { spec, size: m.columns.size };
      }
      if (pick) this.take(c, pick.spec, "headers");
    }
  }

  /** What each candidate looked like: the kinds whose fields it names most. */
  looks(): SheetLook[] {
    return this.candidates.map((c) => {
      const matches = SHEETS.map((spec) => {
        const m = this.best(c, spec);
        return {
          kind: spec.kind,
          fields: [...m.columns.values()].map((k) => spec.fields.find((f) => f.key === k)!.label),
          row: m.row,
        };
      })
        .filter((m) => m.fields.length >= 2)
        .sort((a, b) => b.fields.length - a.fields.length);
      return {
        sheet: c.table ? `${c.sheet.name} (table ${c.table.name})` : c.sheet.name,
        headerRow: matches[0]?.row ?? -1,
        matches: matches.slice(0, 3).map(({ kind, fields }) => ({ kind, fields })),
      };
    });
  }
}

/** A candidate whose header has a Type column of RAID words: which kinds it holds. */
function raidSplit(c: Candidate): { typeCol: number; kinds: SheetKind[] } | null {
  for (const r of c.rows) {
    for (let col = c.region.left; col <= c.region.right; col++) {
      const h = cellAt(c.sheet, r, col);
      if (isBlank(h) || typeof h !== "string" || !TYPE_HEADERS.has(normaliseName(h))) continue;
      let words = 0;
      let other = 0;
      const kinds = new Set<SheetKind>();
      for (let row = r + 1; row <= c.region.bottom; row++) {
        const v = cellAt(c.sheet, row, col);
        if (isBlank(v)) continue;
        const k = raidKindOf(v);
        if (k) {
          words++;
          kinds.add(k);
        } else other++;
      }
      // Mostly RAID words, and at least two kinds: a Type column of a risk register alone is a risk category.
      if (words >= 2 && words >= 4 * other && kinds.size >= 2) {
        return {
          typeCol: col,
          kinds: ["risks", "assumptions", "issues", "dependencyLog"].filter((k) =>
            kinds.has(k as SheetKind),
          ) as SheetKind[],
        };
      }
    }
  }
  return null;
}
