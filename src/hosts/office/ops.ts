import { quoteSheetName } from "../../core/primitives/cell";
import { append, maxOf } from "../../core/primitives/arrays";
import { serialFromDay } from "../../core/primitives/dates";
import type { CellValue } from "../../core/primitives/cell";
import type { CellStyle, PlanSheet, PlanValue, RangeRef, ReportPlan } from "../../core/report/plan";
import { storedText } from "../../core/report/stored";
import type { RangeLike, WorksheetLike } from "./excel-types";
import { REQUEST_BUDGET } from "./batching";
import { DATE_FORMAT } from "../../core/primitives/number-formats";

/**
 * The report plan as Excel operations: values and number formats, formats per rectangle of a
 * style, merges, widths, heights, tab colours, links (content, resendable), then conditional
 * formats and tables (objects, sent once). Charts are in charts.ts, view and print settings in
 * view-settings.ts; batching.ts sends them.
 */
export interface Op {
  bytes: number;
  run: () => void;
  /** Safe to send again after a failed batch (sets values or formats, adds nothing). */
  idempotent: boolean;
}

/** Excel's column width is in points; the plan's is in characters of the default font. */
export const POINTS_PER_CHAR = 5.6;

export function planValue(v: PlanValue, date1904: boolean): string | number | boolean | null {
  if (v !== null && typeof v === "object") return serialFromDay(v.day, date1904);
  return v;
}

/** Rectangles of cells sharing a style (rows of equal runs stacked), to format in few calls. */
export function styleRectangles(sheet: PlanSheet): Map<string, RangeRef[]> {
  const grid = new Map<number, Map<number, string>>();
  for (const b of sheet.blocks)
    b.cells.forEach((row, r) =>
      row.forEach((c, k) => {
        if (!c.s) return;
        let line = grid.get(b.row + r);
        if (!line) grid.set(b.row + r, (line = new Map()));
        line.set(b.col + k, c.s);
      }),
    );
  const out = new Map<string, RangeRef[]>();
  const open = new Map<string, RangeRef>(); // "style|left|right" → rectangle growing downwards
  const rows = [...grid.keys()].sort((a, b) => a - b);
  let prevRow = -2;
  for (const r of rows) {
    const line = grid.get(r)!;
    const cols = [...line.keys()].sort((a, b) => a - b);
    const runs: { s: string; left: number; right: number }[] = [];
    for (const c of cols) {
      const s = line.get(c)!;
      const last = runs[runs.length - 1];
      if (last && last.s === s && last.right === c - 1) last.right = c;
      else runs.push({ s, left: c, right: c });
    }
    const seen = new Set<string>();
    for (const run of runs) {
      const key = `${run.s}|${run.left}|${run.right}`;
      seen.add(key);
      const rect = open.get(key);
      if (rect && rect.bottom === r - 1 && prevRow === r - 1) rect.bottom = r;
      else {
        const fresh = { top: r, left: run.left, bottom: r, right: run.right };
        open.set(key, fresh);
        const list = out.get(run.s) ?? [];
        list.push(fresh);
        out.set(run.s, list);
      }
    }
    for (const k of [...open.keys()]) if (!seen.has(k)) open.delete(k);
    prevRow = r;
  }
  return out;
}

/** Merges as calls: runs of one-row merges over the same columns on consecutive rows become one `merge(true)`. */
export function mergeRuns(merges: readonly RangeRef[]): (RangeRef & { across: boolean })[] {
  const out: (RangeRef & { across: boolean })[] = [];
  const single = merges
    .filter((m) => m.top === m.bottom)
    .sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  for (const m of merges) if (m.top !== m.bottom) out.push({ ...m, across: false });
  for (let i = 0; i < single.length;) {
    let j = i + 1;
    while (
      j < single.length &&
      single[j].left === single[i].left &&
      single[j].right === single[i].right &&
      single[j].top === single[j - 1].top + 1
    )
      j++;
    out.push(j - i > 1 ? { ...single[i], bottom: single[j - 1].top, across: true } : { ...single[i], across: false });
    i = j;
  }
  return out;
}

type Setter = (f: ReturnType<WorksheetLike["getRangeByIndexes"]>["format"]) => void;

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

/**
 * The property writes that turn a cell formatted as `base` (or unformatted) into `s`: every
 * property when there is no base, otherwise only those that differ (so a block's common style is
 * applied once to the whole block, and each differing cell costs only its differences).
 */
export function styleSetters(s: CellStyle, base?: CellStyle): Setter[] {
  const b: CellStyle = base ?? {};
  const all = !base;
  const out: Setter[] = [];
  const differs = <K extends keyof CellStyle>(k: K) => all || s[k] !== b[k];
  if (differs("bold") && (all ? s.bold : true)) out.push((f) => (f.font.bold = !!s.bold));
  if (differs("italic") && (all ? s.italic : true)) out.push((f) => (f.font.italic = !!s.italic));
  if (differs("underline") && (all ? s.underline : true))
    out.push((f) => (f.font.underline = s.underline ? "Single" : "None"));
  if (differs("size") && (all ? s.size : true)) out.push((f) => (f.font.size = s.size ?? 11));
  if (differs("color") && (all ? s.color : true)) out.push((f) => (f.font.color = `#${s.color ?? "000000"}`));
  if (differs("fill") && (all ? s.fill : true))
    out.push((f) => (s.fill ? (f.fill.color = `#${s.fill}`) : f.fill.clear()));
  if (differs("wrap") && (all ? s.wrap : true)) out.push((f) => (f.wrapText = !!s.wrap));
  if (differs("align") && (all ? s.align : true))
    out.push(
      (f) =>
        (f.horizontalAlignment =
          s.align === "left" ? "Left" : s.align === "center" ? "Center" : s.align === "right" ? "Right" : "General"),
    );
  if (differs("vAlign") && (all ? s.vAlign : true))
    out.push((f) => (f.verticalAlignment = s.vAlign === "center" ? "Center" : s.vAlign === "top" ? "Top" : "Bottom"));
  if (differs("border") && (all ? s.border : true))
    out.push((f) => {
      for (const edge of EDGES) {
        const e = f.borders.getItem(edge);
        if (s.border) {
          e.style = "Continuous";
          e.color = `#${s.border}`;
        } else e.style = "None";
      }
    });
  return out;
}

/**
 * Request bytes, as Office.js serialises a request ({ Actions, ObjectPaths }): each property write
 * is an action (~90 bytes with its value) and each proxy it goes through (the range, its format,
 * font, fill, each border) an object path (~90 bytes) — sent once per request.
 */
const BYTES_PER_SETTER = 300;
const BYTES_PER_RANGE = 300;

function formatOp(ws: () => WorksheetLike, rect: RangeRef, setters: Setter[], borders: boolean): Op {
  return {
    bytes: BYTES_PER_RANGE + setters.length * BYTES_PER_SETTER + (borders ? 6 * (BYTES_PER_SETTER + 100) : 0),
    idempotent: true,
    run: () => {
      const f = ws().getRangeByIndexes(
        rect.top,
        rect.left,
        rect.bottom - rect.top + 1,
        rect.right - rect.left + 1,
      ).format;
      for (const set of setters) set(f);
    },
  };
}

/**
 * Format operations for a sheet: each style on the maximal rectangles of cells that carry it,
 * across blocks (the layout makes a block of every row, and a table's columns keep one style
 * down the page), so a 1,000-row table costs a few operations per column, not a few per cell.
 */
export function blockFormatOps(plan: ReportPlan, sheet: PlanSheet, ws: () => WorksheetLike): Op[] {
  const ops: Op[] = [];
  for (const [key, rects] of styleRectangles(sheet)) {
    const s = plan.styles[key];
    if (!s) continue;
    const setters = styleSetters(s);
    if (setters.length) for (const rect of rects) ops.push(formatOp(ws, rect, setters, !!s.border));
  }
  return ops;
}

/** The values a plan sheet stores, as a grid (what `contentHash` fingerprints). */
export function storedGrid(sheet: PlanSheet, date1904: boolean): CellValue[][] {
  const grid: CellValue[][] = [];
  for (const b of sheet.blocks)
    b.cells.forEach((row, r) => {
      const line = (grid[b.row + r] ??= []);
      row.forEach((c, k) => {
        const v = planValue(c.v, date1904);
        line[b.col + k] =
          v === "" || v === null
            ? null
            : typeof v === "string"
              ? storedText(v)
              : typeof v === "number" && !Number.isFinite(v)
                ? String(v)
                : v;
      });
    });
  return grid;
}

export interface OpOptions {
  date1904: boolean;
  /** Estimated request bytes per sync (web limit 5 MB). */
  requestBudget?: number;
}

/** Values and number formats in row chunks under the request budget, then the in-workbook links. */
function cellOps(
  plan: ReportPlan,
  sheet: PlanSheet,
  ws: () => WorksheetLike,
  finalName: (key: string) => string | undefined,
  opts: OpOptions,
): Op[] {
  const content: Op[] = [];
  const maxOpBytes = Math.floor((opts.requestBudget ?? REQUEST_BUDGET) / 2);
  for (const b of sheet.blocks) {
    const width = maxOf(b.cells.map((r) => r.length));
    const values = b.cells.map((row) =>
      Array.from({ length: width }, (_, k) => {
        if (k >= row.length) return null;
        const v = planValue(row[k].v, opts.date1904);
        return typeof v === "string" ? storedText(v) : v;
      }),
    );
    const formats = b.cells.map((row) =>
      Array.from({ length: width }, (_, k) => {
        const c = row[k];
        if (!c) return null;
        if (typeof c.v === "string") return "@";
        const fmt = c.s ? plan.styles[c.s]?.numFmt : undefined;
        if (c.v !== null && typeof c.v === "object") return fmt ?? DATE_FORMAT;
        return fmt ?? "General";
      }),
    );
    // A big block (thousands of findings) goes in row chunks, each well under the request limit.
    let start = 0;
    while (start < values.length) {
      let end = start;
      let bytes = 400;
      while (
        end < values.length &&
        (end === start ||
          bytes + JSON.stringify(values[end]).length + JSON.stringify(formats[end]).length <= maxOpBytes)
      ) {
        bytes += JSON.stringify(values[end]).length + JSON.stringify(formats[end]).length;
        end++;
      }
      const from = start;
      const v = values.slice(from, end);
      const f = formats.slice(from, end);
      content.push({
        bytes,
        idempotent: true,
        run: () => {
          const range = ws().getRangeByIndexes(b.row + from, b.col, v.length, width);
          range.numberFormat = f; // before the values: text stays text
          range.values = v;
        },
      });
      start = end;
    }
    b.cells.forEach((row, r) =>
      row.forEach((c, k) => {
        if (!c.link) return;
        const target = "sheetKey" in c.link ? finalName(c.link.sheetKey) : c.link.sheet;
        if (!target) return;
        const text = typeof c.v === "string" || typeof c.v === "number" ? storedText(String(c.v)) : "";
        content.push({
          bytes: 350 + text.length,
          idempotent: true,
          run: () => {
            // One proxy per link, released at once: thousands are made for a big Exceptions sheet
            // ("Untrack unneeded proxy objects", docs concepts/resource-limits-and-performance-optimization.md).
            const cell = ws().getRangeByIndexes(b.row + r, b.col + k, 1, 1);
            cell.hyperlink = { documentReference: `${quoteSheetName(target)}!${c.link!.cell}`, textToDisplay: text };
            cell.untrack();
          },
        });
      }),
    );
  }
  return content;
}

/** Formats per style rectangle, merges, widths, heights, the tab colour. */
function layoutOps(plan: ReportPlan, sheet: PlanSheet, ws: () => WorksheetLike): Op[] {
  const content: Op[] = [];
  append(content, blockFormatOps(plan, sheet, ws));
  // One-row merges with the same columns on consecutive rows (a table's wide columns) go as one
  // call: merge(true) "merges cells in each row of the specified range as separate merged cells"
  // (Excel.Range.merge reference, ExcelApi 1.2), so a 1,000-row table costs one action, not 1,000.
  for (const m of mergeRuns(sheet.merges ?? []))
    content.push({
      bytes: 250,
      idempotent: true,
      run: () =>
        ws()
          .getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1)
          .merge(m.across),
    });
  // Each is a range, its format and an action: ~300 bytes as Office.js sends them.
  sheet.widths.forEach((w, c) =>
    content.push({
      bytes: 300,
      idempotent: true,
      run: () => void (ws().getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(w * POINTS_PER_CHAR)),
    }),
  );
  // Runs of adjacent rows of one height are set together.
  const heights = Object.entries(sheet.heights ?? {})
    .map(([r, h]) => ({ r: Number(r), h }))
    .sort((x, y) => x.r - y.r);
  for (let i = 0; i < heights.length;) {
    let j = i + 1;
    while (j < heights.length && heights[j].r === heights[j - 1].r + 1 && heights[j].h === heights[i].h) j++;
    const { r, h } = heights[i];
    const n = j - i;
    content.push({
      bytes: 300,
      idempotent: true,
      run: () => void (ws().getRangeByIndexes(r, 0, n, 1).format.rowHeight = h),
    });
    i = j;
  }
  if (sheet.tabColor)
    content.push({ bytes: 120, idempotent: true, run: () => void (ws().tabColor = `#${sheet.tabColor}`) });
  return content;
}

/** Conditional formats and the table: objects, sent once (a resend would add them twice). */
function objectOps(plan: ReportPlan, sheet: PlanSheet, ws: () => WorksheetLike, tempTable: string): Op[] {
  const objects: Op[] = [];
  for (const cf of sheet.conditionalFormats ?? []) {
    const s = plan.styles[cf.style] ?? {};
    objects.push({
      bytes: 400,
      idempotent: false,
      run: () => {
        const c = rangeOf(ws(), cf.range).conditionalFormats.add("CellValue");
        if (s.fill) c.cellValue.format.fill.color = `#${s.fill}`;
        if (s.color) c.cellValue.format.font.color = `#${s.color}`;
        if (s.bold) c.cellValue.format.font.bold = true;
        c.cellValue.rule = { formula1: `="${cf.equals.replace(/"/g, '""')}"`, operator: "EqualTo" };
      },
    });
  }
  if (sheet.table) {
    const t = sheet.table;
    objects.push({
      bytes: 300,
      idempotent: false,
      run: () => {
        // A Range, never a bare address: "If the address does not contain a sheet name, the
        // currently-active sheet is used" (reference TableCollection.add; Range argument ExcelApi 1.3).
        const table = ws().tables.add(rangeOf(ws(), t.range), true);
        table.name = tempTable;
        table.style = "TableStyleLight1";
      },
    });
  }
  return objects;
}

/** A sheet's content operations and its objects (conditional formats, the table); its charts are charts.ts's. */
export function sheetOps(
  plan: ReportPlan,
  sheet: PlanSheet,
  ws: () => WorksheetLike,
  finalName: (key: string) => string | undefined,
  opts: OpOptions,
  tempTable: string,
): { content: Op[]; objects: Op[] } {
  const content = cellOps(plan, sheet, ws, finalName, opts);
  append(content, layoutOps(plan, sheet, ws));
  return { content, objects: objectOps(plan, sheet, ws, tempTable) };
}

export function rangeOf(ws: WorksheetLike, r: RangeRef): RangeLike {
  return ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}
