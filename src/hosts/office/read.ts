import { parseRange, type CellValue } from "../../core/primitives/cell";
import type { SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../core/primitives/snapshot";
import { isInputSheetName, isInputTableName } from "../../core/workbook/wanted";
import { REPORT_MARKER, markerKey } from "../../core/report/plan";
import { HostError, TOO_LARGE, codeOf } from "./errors";
import type { ContextLike, RangeLike, WorksheetLike } from "./excel-types";
import { BLOCK_CELLS, groupEnd, RESPONSE_BUDGET, responseBytes } from "./batching";
import { wholeNumber } from "../../core/primitives/text";

/**
 * Reads the open workbook into the core's snapshot in three syncs whatever its size, more only
 * when Excel on the web's 5 MB response limit forces the values into further blocks:
 *   1. the sheets, the tables, and the date system;
 *   2. each sheet's used range (values only, so formatting never inflates it), each table's
 *      range and sheet, each sheet's report marker;
 *   3. the values of the input sheets, tables and the report sheets read back (RAG History,
 *      Plan Snapshots, Sources), in row blocks.
 * Only `values` are loaded: the core types columns by their headers, so a date column's serials
 * are read as dates whatever their number format, and the response stays half the size.
 */
export interface ReadStats {
  syncs: number;
  cells: number;
  blocks: number;
}

export interface ReadOptions {
  /** Cells per row block (Microsoft suggests 5k–20k rows; we count cells so wide sheets get fewer rows). */
  blockCells?: number;
  /** Estimated response bytes allowed per sync before another sync is used (web limit 5 MB). */
  responseBudget?: number;
  /** Beyond this many cells in the regions to read, stop with an explanation. */
  maxCells?: number;
  onProgress?: (done: number, total: number) => void;
}

const ERROR_TEXT =
  /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** Excel returns "" for an empty cell and the error's text for an error cell. */
export function fromExcel(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" && ERROR_TEXT.test(v)) return { error: v };
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

interface Region {
  sheet: string;
  ws: WorksheetLike;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

function stripSheet(address: string): string {
  const i = address.lastIndexOf("!");
  return i >= 0 ? address.slice(i + 1) : address;
}

/**
 * Queues the date-system probe: DATE(1904,1,2) is serial 1 in the 1904 system and 1462 in the
 * 1900 system (the release API has no property for it). Read the answer after the next sync.
 */
export function queueDateProbe(ctx: ContextLike): () => boolean {
  const probe = ctx.workbook.functions.date(1904, 1, 2);
  probe.load("value");
  return () => probe.value === 1;
}

export async function detectDate1904(ctx: ContextLike): Promise<boolean> {
  const answer = queueDateProbe(ctx);
  await ctx.sync();
  return answer();
}

/** The report sheets the next report reads back: the RAG History, the plan snapshots and the Sources list. */
const READ_BACK = new Set(["history", "snapshot", "sources"]);

type Sync = () => Promise<void>;

/** Phase 2's answers: each sheet's report marker and the input tables' places. */
function markersAndTables(
  sheets: WorksheetLike[],
  tables: { name: string; worksheet: { name: string } }[],
  tableRanges: RangeLike[],
): { reportSheets: { sheet: string; key: string }[]; tableSnaps: TableSnapshot[] } {
  const reportSheets: { sheet: string; key: string }[] = [];
  sheets.forEach((ws) => {
    for (const n of ws.names.items) {
      if (n.name !== REPORT_MARKER) continue;
      const key = markerKey(String(n.formula ?? ""));
      if (key !== null) reportSheets.push({ sheet: ws.name, key });
    }
  });
  const tableSnaps: TableSnapshot[] = [];
  tables.forEach((t, i) => {
    const range = parseRange(stripSheet(tableRanges[i].address));
    if (range) tableSnaps.push({ name: t.name, sheet: t.worksheet.name, range });
  });
  return { reportSheets, tableSnaps };
}

/** Phase 2: where the data is, each sheet's report marker, the input tables. */
async function locate(ctx: ContextLike, sync: Sync) {
  const sheets = ctx.workbook.worksheets;
  const used = sheets.items.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load("rowIndex,columnIndex,rowCount,columnCount");
    ws.names.load("items/name,items/formula");
    return r;
  });
  const tables = ctx.workbook.tables.items.filter((t) => isInputTableName(t.name));
  const tableRanges = tables.map((t) => {
    t.worksheet.load("name");
    const r = t.getRange();
    r.load("address");
    return r;
  });
  await sync();
  const { reportSheets, tableSnaps } = markersAndTables(sheets.items, tables, tableRanges);
  const readBack = new Set(reportSheets.filter((r) => READ_BACK.has(r.key)).map((r) => r.sheet));
  const regions: Region[] = [];
  sheets.items.forEach((ws, i) => {
    const u = used[i];
    if (u.isNullObject) return;
    const wanted = isInputSheetName(ws.name) || readBack.has(ws.name) || tableSnaps.some((t) => t.sheet === ws.name);
    if (!wanted) return;
    regions.push({ sheet: ws.name, ws, top: u.rowIndex, left: u.columnIndex, rows: u.rowCount, cols: u.columnCount });
  });
  return { reportSheets, tableSnaps, regions };
}

/** Stops, with where the bulk is, when the regions to read hold more than the add-in reads in Excel. */
function checkSize(regions: Region[], maxCells: number): number {
  const total = regions.reduce((n, r) => n + r.rows * r.cols, 0);
  if (total > maxCells) {
    const big = [...regions].sort((a, b) => b.rows * b.cols - a.rows * a.cols)[0];
    throw new HostError(
      "too-large",
      `The input sheets hold ${wholeNumber(total)} cells (the largest, ${big.sheet}, has ${wholeNumber(big.rows)} rows × ${big.cols} columns of values), more than the add-in reads in Excel (${wholeNumber(maxCells)}). Remove stray values far below or to the right of the data, or check the workbook with the command-line tool.`,
    );
  }
  return total;
}

type Block = { region: Region; row: number; rows: number; range?: RangeLike };

/** The regions in row blocks of at most `blockCells` cells. */
function blocksOf(regions: Region[], blockCells: number): Block[] {
  const blocks: Block[] = [];
  for (const r of regions) {
    const rowsPerBlock = Math.max(1, Math.floor(blockCells / Math.max(1, r.cols)));
    for (let row = 0; row < r.rows; row += rowsPerBlock)
      blocks.push({ region: r, row, rows: Math.min(rowsPerBlock, r.rows - row) });
  }
  return blocks;
}

/** As many blocks from `i` as the estimated response fits the budget (one at least). */
function groupFrom(blocks: Block[], i: number, budget: number): Block[] {
  // Group blocks into one sync while the estimated response fits the budget.
  const j = groupEnd((n) => responseBytes(blocks[n].rows, blocks[n].region.cols), blocks.length, i, budget);
  return blocks.slice(i, j);
}

/** A group's blocks halved (the estimate was short: long texts). */
function halved(group: Block[]): Block[] {
  return group.flatMap((b) =>
    b.rows > 1
      ? [
          { region: b.region, row: b.row, rows: Math.ceil(b.rows / 2) },
          { region: b.region, row: b.row + Math.ceil(b.rows / 2), rows: Math.floor(b.rows / 2) },
        ]
      : [{ region: b.region, row: b.row, rows: b.rows }],
  );
}

/** Phase 3: the regions' values, in row blocks, as few syncs as the response limit allows. */
async function readValues(
  regions: Region[],
  blocks: Block[],
  o: { sync: Sync; budget: number; total: number; onProgress?: (done: number, total: number) => void },
): Promise<Map<Region, CellValue[][]>> {
  const values = new Map<Region, CellValue[][]>(regions.map((r) => [r, []]));
  let i = 0;
  let done = 0;
  while (i < blocks.length) {
    const group = groupFrom(blocks, i, o.budget);
    for (const b of group) {
      b.range = b.region.ws.getRangeByIndexes(b.region.top + b.row, b.region.left, b.rows, b.region.cols);
      b.range.load("values");
    }
    try {
      await o.sync();
    } catch (e) {
      if (!TOO_LARGE.has(codeOf(e) ?? "")) throw e;
      if (group.length === 1 && group[0].rows === 1) throw e;
      blocks.splice(i, group.length, ...halved(group));
      continue;
    }
    for (const b of group) {
      const out = values.get(b.region)!;
      const vals = b.range!.values;
      for (let k = 0; k < vals.length; k++) out[b.row + k] = vals[k].map(fromExcel);
      done += b.rows * b.region.cols;
    }
    o.onProgress?.(done, o.total);
    i += group.length;
  }
  return values;
}

export async function readSnapshot(
  ctx: ContextLike,
  opts: ReadOptions = {},
): Promise<{ snapshot: WorkbookSnapshot; stats: ReadStats }> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await ctx.sync();
  };
  const wb = ctx.workbook;
  // 1. Sheets, tables, date system. DATE(1904,1,2) is 1 in the 1904 system and 1462 in the 1900 system.
  wb.worksheets.load("items/name");
  wb.tables.load("items/name");
  const probe = queueDateProbe(ctx);
  await sync();
  const date1904 = probe();
  // 2. Where the data is.
  const { reportSheets, tableSnaps, regions } = await locate(ctx, sync);
  const total = checkSize(regions, opts.maxCells ?? 3_000_000);
  // 3. Values, in row blocks (one budget with the layout's read-back, batching.ts).
  const blocks = blocksOf(regions, opts.blockCells ?? BLOCK_CELLS);
  const values = await readValues(regions, blocks, {
    sync,
    budget: opts.responseBudget ?? RESPONSE_BUDGET,
    total,
    onProgress: opts.onProgress,
  });
  const sheetSnaps: SheetSnapshot[] = regions.map((r) => ({
    name: r.sheet,
    top: r.top,
    left: r.left,
    rows: values.get(r)!,
  }));
  return {
    snapshot: { sheets: sheetSnaps, tables: tableSnaps, date1904, reportSheets },
    stats: { syncs, cells: total, blocks: blocks.length },
  };
}
