import type { CellValue } from "../../core/primitives/cell";
import { TOO_LARGE, codeOf } from "./errors";
import type { ContextLike, RangeLike, WorksheetLike } from "./excel-types";
import type { Op } from "./ops";

/**
 * One budget for every request and response the host sends: Excel on the web refuses requests and
 * responses over 5 MB ("Resource limits and performance optimization of Office Add-ins",
 * docs/concepts/resource-limits-and-performance-optimization.md). The request estimates run high
 * (requests the counting fake measures come to about 65% of them), so 4 MB estimated is about
 * 2.6 MB sent; a batch refused as too large is sent again in halves.
 */
export const REQUEST_BUDGET = 4_000_000;
/** Estimated response bytes per sync, for reads (the reader's and the layout's). */
export const RESPONSE_BUDGET = 4_000_000;
/** Rough JSON bytes per cell of a `values` response, for planning blocks. */
const BYTES_PER_CELL = 24;

/** The estimated response bytes of reading `rows` × `cols` values (every read plans with this). */
export function responseBytes(rows: number, cols: number): number {
  return rows * cols * BYTES_PER_CELL;
}

/**
 * The end of the group of blocks from `i` sent in one sync: blocks are added while the estimated
 * response fits the budget, and the first always goes.
 */
export function groupEnd(costs: (j: number) => number, count: number, i: number, budget: number): number {
  let bytes = 0;
  let j = i;
  for (; j < count; j++) {
    const cost = costs(j);
    if (j > i && bytes + cost > budget) break;
    bytes += cost;
  }
  return j;
}
/** Cells per row block (Microsoft suggests 5k–20k rows; cells, so wide sheets get fewer rows). */
export const BLOCK_CELLS = 200_000;

export interface SendOptions {
  requestBudget?: number;
  /** ExcelApi 1.9: screen updating can be suspended. */
  pageLayout: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Sends ops in batches under the request budget; a content batch refused as too large is sent again in halves. */
export async function sendOps(
  ctx: ContextLike,
  content: Op[],
  objects: Op[],
  opts: SendOptions,
  sync: () => Promise<void>,
): Promise<void> {
  const budget = opts.requestBudget ?? REQUEST_BUDGET;
  // Content first, then the objects (tables, conditional formats) in batches of their own:
  // content batches can be split and resent if Excel finds them too large; objects cannot.
  const all = [...content, ...objects];
  const firstObject = content.length;
  const wb = ctx.workbook;
  let i = 0;
  let suspended = false;
  while (i < all.length) {
    let bytes = 0;
    let j = i;
    const end = i < firstObject ? firstObject : all.length;
    while (j < end && (j === i || bytes + all[j].bytes <= budget)) bytes += all[j++].bytes;
    const batch = all.slice(i, j);
    wb.application.suspendApiCalculationUntilNextSync();
    // Once per job: "Don't call suspendScreenUpdatingUntilNextSync repeatedly (such as in a loop).
    // Repeated calls will cause the Excel window to flicker." (reference, ExcelApi 1.9)
    if (opts.pageLayout && !suspended) {
      wb.application.suspendScreenUpdatingUntilNextSync();
      suspended = true;
    }
    for (const op of batch) op.run();
    try {
      await sync();
    } catch (e) {
      // Too large after all (long texts): send the same changes again in two halves.
      if (TOO_LARGE.has(codeOf(e) ?? "") && batch.length > 1 && batch.every((op) => op.idempotent)) {
        const half = Math.ceil(batch.length / 2);
        for (const op of batch.slice(0, half)) op.bytes = Math.max(op.bytes, Math.ceil(budget / half) + 1);
        continue;
      }
      throw e;
    }
    i = j;
    opts.onProgress?.(i, all.length);
  }
}

/** A rectangle of a sheet to read. */
export interface ReadRegion {
  ws: WorksheetLike;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/**
 * Reads regions' values in row blocks, as the reader does (read.ts): blocks grouped into one sync
 * while the estimated response fits the budget, a refused sync split and sent again. Returns each
 * region's rows, each value as `convert` makes it.
 */
export async function readRegions(
  ctx: ContextLike,
  regions: ReadRegion[],
  convert: (v: unknown) => CellValue,
  sync: () => Promise<void>,
  budget = RESPONSE_BUDGET,
): Promise<CellValue[][][]> {
  type Block = { k: number; row: number; rows: number; range?: RangeLike };
  const blocks: Block[] = [];
  regions.forEach((r, k) => {
    const per = Math.max(1, Math.floor(Math.min(BLOCK_CELLS, budget / responseBytes(1, 1)) / Math.max(1, r.cols)));
    for (let row = 0; row < r.rows; row += per) blocks.push({ k, row, rows: Math.min(per, r.rows - row) });
  });
  const out: CellValue[][][] = regions.map(() => []);
  let i = 0;
  while (i < blocks.length) {
    const j = groupEnd((n) => responseBytes(blocks[n].rows, regions[blocks[n].k].cols), blocks.length, i, budget);
    const group = blocks.slice(i, j);
    for (const b of group) {
      const r = regions[b.k];
      b.range = r.ws.getRangeByIndexes(r.top + b.row, r.left, b.rows, r.cols);
      b.range.load("values");
    }
    try {
      await sync();
    } catch (e) {
      if (!TOO_LARGE.has(codeOf(e) ?? "") || (group.length === 1 && group[0].rows === 1)) throw e;
      const split = group.flatMap((b) =>
        b.rows > 1
          ? [
              { k: b.k, row: b.row, rows: Math.ceil(b.rows / 2) },
              { k: b.k, row: b.row + Math.ceil(b.rows / 2), rows: Math.floor(b.rows / 2) },
            ]
          : [{ k: b.k, row: b.row, rows: b.rows }],
      );
      blocks.splice(i, group.length, ...split);
      continue;
    }
    for (const b of group) {
      const vals = b.range!.values;
      for (let k = 0; k < vals.length; k++) out[b.k][b.row + k] = vals[k].map(convert);
      b.range!.untrack();
    }
    i = j;
  }
  return out;
}
