import { a1, quoteSheetName } from "../../model/cell";
import { append, maxOf } from "../../model/arrays";
import { serialFromDay } from "../../model/dates";
import type { CellValue } from "../../model/cell";
import { inScope, markerKeyOf, markerValue, parseMarker, stillOurs, textHash, type CellStyle, type ChartSpec, type PlanSheet, type PlanValue, type RangeRef, type ReportPlan } from "../../report/plan";
import { assignSheetNames, settleKeptSheets, type KeptSheet } from "../../report/sheet-names";
import { contentHash, storedText } from "../../report/stored";
import { HostError, TOO_LARGE, codeOf, explain } from "./errors";
import type { ChartSeriesLike, ContextLike, RangeLike, WorksheetLike } from "./excel-types";
import type { Capabilities } from "./requirements";

/**
 * Applies a report plan to the open workbook, in one of two ways chosen by what Excel can undo
 * (docs excel/excel-add-ins-undo-capabilities.md: `Worksheet.delete` is undoable nowhere;
 * `Worksheet.name`, `.visibility` and `.position` are not undoable on Windows and Mac):
 *
 *  - **first report** (nothing of ours to replace): new sheets are added under their final names
 *    and written in place — no rename, no visibility change, no delete — so the whole write can be
 *    one undo group (`mergeUndoGroup`, ExcelApi 1.20). Moving the sheets to the front
 *    (`Worksheet.position`) is done only where it is undoable too (the web) or where there is no
 *    undo group anyway. A failure is cleaned up by the caller in a run of its own (deleting cannot
 *    be grouped).
 *  - **regeneration** (earlier report sheets to replace): deleting them cannot be undone on any
 *    client, so this runs without an undo group: the report is written into hidden temporary
 *    sheets and swapped in at the end, so a failure part-way leaves the previous report (and,
 *    always, the user's sheets) as they were.
 *
 * Either way view and print settings (freeze panes, page layout, print area, breaks) are applied
 * once the sheets are visible, each refusal costing only that setting (office-js #1463: panes on a
 * hidden sheet; the reference: freezeAt "Sets the frozen cells in the active worksheet view").
 * Writes go in batches kept under Excel on the web's 5 MB request limit; a batch that is still too
 * large is split and sent again.
 *
 * Ownership is the file host's: a sheet's marker holds its key and fingerprints of the name and
 * content written (src/report/plan.ts); a marked sheet whose name or content changed since is the
 * user's and is kept. Report sheets go where the old ones were, else first; the board is activated.
 *
 * Text is written with the cell's number format set to Text ("@") first, in the same batch, so
 * a user's "=HYPERLINK(…)", "+44…" or "@SUM(…)" is stored as text (an undocumented behaviour to
 * confirm in real Excel: docs/office-host.md).
 */
/**
 * Estimated request bytes per sync. Excel on the web refuses a request over 5 MB ("Resource limits
 * and performance optimization of Office Add-ins", docs/concepts/resource-limits-and-performance-optimization.md).
 * The estimates run high (requests the counting fake measures come to about 65% of them), so 4 MB
 * estimated is about 2.6 MB sent; a batch refused as too large is sent again in halves.
 */
const REQUEST_BUDGET = 4_000_000;

export interface ApplyOptions {
  date1904: boolean;
  capabilities: Capabilities;
  /** Estimated request bytes per sync (web limit 5 MB). */
  requestBudget?: number;
  /** Names for temporary sheets, unique per run. */
  runId?: string;
  /** Whether to move the report's sheets into place (`Worksheet.position`); false inside an undo group on Windows and Mac. */
  place?: boolean;
  /** Ids of the sheets this run added, as soon as they are known (for the caller's clean-up after a failure). */
  created?: string[];
  onProgress?: (done: number, total: number) => void;
}

export interface ApplyResult {
  sheets: { key: string; name: string }[];
  renamed: { wanted: string; name: string }[];
  replaced: string[];
  /** Sheets carrying the report's marker that were copied or edited, so are the user's and were left alone. */
  kept: string[];
  /** View or print settings Excel refused ("Board Report: freeze panes"); the report is complete without them. */
  skipped: string[];
  syncs: number;
}

/** What is in the workbook now, and where the report goes: decided in a run of its own before writing. */
export interface Layout {
  /** Earlier report sheets (still ours, in scope) that this report replaces, in tab order. */
  ours: string[];
  kept: string[];
  /** Each kept sheet's name before and after (sheet-names.ts, settleKeptSheets): renamed with its period, moved to the end. */
  keptSheets: KeptSheet[];
  /** Final name of each plan sheet, by key. */
  finalNames: Map<string, string>;
  renamed: { wanted: string; name: string }[];
  /** Tab index the report's first sheet takes once the old ones are gone. */
  at: number;
  /** Every sheet name present when the layout was taken. */
  present: string[];
}

interface Op {
  bytes: number;
  run: () => void;
  /** Safe to send again after a failed batch (sets values or formats, adds nothing). */
  idempotent: boolean;
}

/** Excel's column width is in points; the plan's is in characters of the default font. */
export const POINTS_PER_CHAR = 5.6;

const EXCEL_CHART: Record<ChartSpec["type"], string> = { columnStacked: "ColumnStacked", doughnut: "Doughnut", radar: "RadarMarkers", gantt: "BarStacked", line: "LineMarkers" };

export function planValue(v: PlanValue, date1904: boolean): string | number | boolean | null {
  if (v !== null && typeof v === "object") return serialFromDay(v.day, date1904);
  return v;
}

/** Splits a file-style header ("&Lleft&Cmiddle&Rright") into its sections. */
export function headerSections(h: string): { left: string; center: string; right: string } {
  const out = { left: "", center: "", right: "" };
  let cur: keyof typeof out = "center";
  for (const part of h.split(/(&[LCR])/)) {
    if (part === "&L") cur = "left";
    else if (part === "&C") cur = "center";
    else if (part === "&R") cur = "right";
    else out[cur] += part;
  }
  return out;
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
  const single = merges.filter((m) => m.top === m.bottom).sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  for (const m of merges) if (m.top !== m.bottom) out.push({ ...m, across: false });
  for (let i = 0; i < single.length; ) {
    let j = i + 1;
    while (j < single.length && single[j].left === single[i].left && single[j].right === single[i].right && single[j].top === single[j - 1].top + 1) j++;
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
  if (differs("underline") && (all ? s.underline : true)) out.push((f) => (f.font.underline = s.underline ? "Single" : "None"));
  if (differs("size") && (all ? s.size : true)) out.push((f) => (f.font.size = s.size ?? 11));
  if (differs("color") && (all ? s.color : true)) out.push((f) => (f.font.color = `#${s.color ?? "000000"}`));
  if (differs("fill") && (all ? s.fill : true)) out.push((f) => (s.fill ? (f.fill.color = `#${s.fill}`) : f.fill.clear()));
  if (differs("wrap") && (all ? s.wrap : true)) out.push((f) => (f.wrapText = !!s.wrap));
  if (differs("align") && (all ? s.align : true)) out.push((f) => (f.horizontalAlignment = s.align === "left" ? "Left" : s.align === "center" ? "Center" : s.align === "right" ? "Right" : "General"));
  if (differs("vAlign") && (all ? s.vAlign : true)) out.push((f) => (f.verticalAlignment = s.vAlign === "center" ? "Center" : s.vAlign === "top" ? "Top" : "Bottom"));
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
      const f = ws().getRangeByIndexes(rect.top, rect.left, rect.bottom - rect.top + 1, rect.right - rect.left + 1).format;
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
        line[b.col + k] = v === "" || v === null ? null : typeof v === "string" ? storedText(v) : typeof v === "number" && !Number.isFinite(v) ? String(v) : v;
      });
    });
  return grid;
}

/** A value as Excel's `values` returns it, for the fingerprint: "" is an empty cell; text stays text (even "#N/A", as the file host reads a text cell). */
function fromValues(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  return typeof v === "number" || typeof v === "boolean" || typeof v === "string" ? v : String(v);
}

const BYTES_PER_CELL = 24;

/**
 * Reads the workbook's sheets and markers, and the content of the marked sheets that still have
 * the name they were written with, to decide which are still ours (replaced), which are the user's
 * now (kept), and where the report goes.
 */
export async function prepareLayout(ctx: ContextLike, plan: ReportPlan, opts: { responseBudget?: number } = {}): Promise<Layout> {
  const wb = ctx.workbook;
  wb.worksheets.load("items/name,items/position");
  wb.protection.load("protected");
  await ctx.sync();
  if (wb.protection.protected)
    throw new HostError("protected", "The workbook's structure is protected, so the report's sheets cannot be added. Unprotect it (Review > Protect Workbook), then try again. Nothing was changed.");
  const sheets = [...wb.worksheets.items].sort((a, b) => a.position - b.position);
  for (const ws of sheets) ws.names.load("items/name,items/formula");
  await ctx.sync();
  const defaultName = new Map(plan.sheets.map((s) => [markerKeyOf(s.key), s.name]));
  const marked = sheets.flatMap((ws) => {
    const n = ws.names.items.find((x) => x.name === plan.marker);
    const info = n ? parseMarker(String(n.formula)) : null;
    return info ? [{ ws, info }] : [];
  });
  // Content is read only where it decides something: a sheet in scope whose name is still the one written.
  const needContent = marked.filter((m) => m.info.nameHash === textHash(m.ws.name) && inScope(plan.scope, m.info.key));
  const hashes = new Map<WorksheetLike, string>();
  const used = needContent.map((m) => {
    const u = m.ws.getUsedRangeOrNullObject(true);
    u.load("rowIndex,columnIndex,rowCount,columnCount");
    return u;
  });
  if (needContent.length) await ctx.sync();
  const budget = opts.responseBudget ?? 4_000_000;
  for (let i = 0; i < needContent.length; i++) {
    const u = used[i];
    const ws = needContent[i].ws;
    if (u.isNullObject) {
      hashes.set(ws, contentHash([]));
      continue;
    }
    const rows: CellValue[][] = [];
    const perBlock = Math.max(1, Math.floor(budget / BYTES_PER_CELL / Math.max(1, u.columnCount)));
    for (let r = 0; r < u.rowCount; r += perBlock) {
      const block = ws.getRangeByIndexes(u.rowIndex + r, u.columnIndex, Math.min(perBlock, u.rowCount - r), u.columnCount);
      block.load("values");
      await ctx.sync();
      block.values.forEach((line, k) => (rows[r + k] = line.map(fromValues)));
    }
    hashes.set(ws, contentHash(rows, u.rowIndex, u.columnIndex));
  }
  const ours: WorksheetLike[] = [];
  const otherOurs: WorksheetLike[] = [];
  const kept: string[] = [];
  for (const m of marked) {
    // Out of scope, a sheet is only a landmark for placement: its name is enough.
    const content = () => hashes.get(m.ws) ?? (inScope(plan.scope, m.info.key) ? "" : (m.info.contentHash ?? ""));
    if (!stillOurs(m.info, m.ws.name, defaultName.get(m.info.key), content)) kept.push(m.ws.name);
    else if (inScope(plan.scope, m.info.key)) ours.push(m.ws);
    else otherOurs.push(m.ws);
  }
  const keptSheets = settleKeptSheets(kept, plan, sheets.map((w) => w.name));
  const keptNames = new Set(kept);
  const remaining = sheets.filter((w) => !ours.includes(w) && !keptNames.has(w.name));
  const { names: finalNames, renamed } = assignSheetNames(plan.sheets, [...remaining.map((w) => w.name), ...keptSheets.map((k) => k.to)]);
  // As the file host: where the old ones were, else after our other sheets, else first.
  let at = 0;
  if (ours.length) at = remaining.filter((w) => w.position < ours[0].position).length;
  else if (otherOurs.length) at = remaining.filter((w) => w.position <= otherOurs[otherOurs.length - 1].position).length;
  return { ours: ours.map((w) => w.name), kept: keptSheets.map((k) => k.to), keptSheets, finalNames, renamed, at, present: sheets.map((w) => w.name) };
}

/** Kept sheets go after everything else, out of the pack's print order (position -1 is not accepted, so the last index). */
function moveKeptToEnd(wb: { worksheets: { getItem(name: string): WorksheetLike } }, layout: Layout): void {
  const kept = (layout.keptSheets ?? []).map((k) => k.to);
  const total = layout.present.length - layout.ours.length + layout.finalNames.size;
  kept.forEach((name, i) => (wb.worksheets.getItem(name).position = total - kept.length + i));
}

function sheetOps(plan: ReportPlan, sheet: PlanSheet, ws: () => WorksheetLike, finalName: (key: string) => string | undefined, opts: ApplyOptions, tempTable: string): { content: Op[]; objects: Op[] } {
  const content: Op[] = [];
  const objects: Op[] = [];
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
        if (c.v !== null && typeof c.v === "object") return fmt ?? "dd mmm yyyy";
        return fmt ?? "General";
      }),
    );
    // A big block (thousands of findings) goes in row chunks, each well under the request limit.
    let start = 0;
    while (start < values.length) {
      let end = start;
      let bytes = 400;
      while (end < values.length && (end === start || bytes + JSON.stringify(values[end]).length + JSON.stringify(formats[end]).length <= maxOpBytes)) {
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
            ws().getRangeByIndexes(b.row + r, b.col + k, 1, 1).hyperlink = { documentReference: `${quoteSheetName(target)}!${c.link!.cell}`, textToDisplay: text };
          },
        });
      }),
    );
  }
  append(content, blockFormatOps(plan, sheet, ws));
  // One-row merges with the same columns on consecutive rows (a table's wide columns) go as one
  // call: merge(true) "merges cells in each row of the specified range as separate merged cells"
  // (Excel.Range.merge reference, ExcelApi 1.2), so a 1,000-row table costs one action, not 1,000.
  for (const m of mergeRuns(sheet.merges ?? []))
    content.push({ bytes: 250, idempotent: true, run: () => ws().getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(m.across) });
  // Each is a range, its format and an action: ~300 bytes as Office.js sends them.
  sheet.widths.forEach((w, c) => content.push({ bytes: 300, idempotent: true, run: () => void (ws().getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(w * POINTS_PER_CHAR)) }));
  // Runs of adjacent rows of one height are set together.
  const heights = Object.entries(sheet.heights ?? {})
    .map(([r, h]) => ({ r: Number(r), h }))
    .sort((x, y) => x.r - y.r);
  for (let i = 0; i < heights.length; ) {
    let j = i + 1;
    while (j < heights.length && heights[j].r === heights[j - 1].r + 1 && heights[j].h === heights[i].h) j++;
    const { r, h } = heights[i];
    const n = j - i;
    content.push({ bytes: 300, idempotent: true, run: () => void (ws().getRangeByIndexes(r, 0, n, 1).format.rowHeight = h) });
    i = j;
  }
  if (sheet.tabColor) content.push({ bytes: 120, idempotent: true, run: () => void (ws().tabColor = `#${sheet.tabColor}`) });
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
  for (const spec of sheet.charts) objects.push({ bytes: 1500 + spec.series.length * 400, idempotent: false, run: () => addChart(ws(), spec, opts.date1904) });
  return { content, objects };
}

/** A view or print setting, applied once the sheet is visible; a refusal costs only this setting. */
interface Setting {
  what: string;
  run: () => void;
}

/** The sheet's view and print settings, each on its own (ExcelApi 1.9 for page layout). */
export function viewSettings(sheet: PlanSheet, ws: () => WorksheetLike, caps: Capabilities): Setting[] {
  const out: Setting[] = [];
  const n = sheet.name;
  if (sheet.freezeRows) out.push({ what: `${n}: frozen rows`, run: () => ws().freezePanes.freezeRows(sheet.freezeRows) });
  if (!caps.pageLayout) return out;
  out.push({
    what: `${n}: orientation and fit to page`,
    run: () => {
      const p = ws().pageLayout;
      p.orientation = sheet.print.landscape ? "Landscape" : "Portrait";
      p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 }; // "must be set as a JSON object" (reference PageLayout.zoom)
      // PageLayout.firstPageNumber (ExcelApi 1.9): the pack's pages run on from sheet to sheet.
      if (sheet.print.firstPageNumber) p.firstPageNumber = sheet.print.firstPageNumber;
    },
  });
  out.push({
    what: `${n}: header and footer`,
    run: () => {
      const h = headerSections(sheet.print.header);
      const f = headerSections(sheet.print.footer);
      const d = ws().pageLayout.headersFooters.defaultForAllPages;
      d.leftHeader = h.left;
      d.rightHeader = h.right;
      d.leftFooter = f.left;
      d.centerFooter = f.center;
    },
  });
  const rows = sheet.print.repeatRows;
  if (rows) out.push({ what: `${n}: print titles`, run: () => ws().pageLayout.setPrintTitleRows(`$${rows[0] + 1}:$${rows[1] + 1}`) });
  const area = sheet.printArea;
  if (area) out.push({ what: `${n}: print area`, run: () => ws().pageLayout.setPrintArea(rangeOf(ws(), area)) });
  for (const r of sheet.rowBreaks ?? []) out.push({ what: `${n}: page break at row ${r + 1}`, run: () => void ws().horizontalPageBreaks.add(ws().getRangeByIndexes(r, 0, 1, 1)) });
  return out;
}

/** Applies settings in one sync; if Excel refuses it, each on its own, skipping only those refused. */
async function applySettings(ctx: ContextLike, settings: Setting[], sync: () => Promise<void>): Promise<string[]> {
  if (!settings.length) return [];
  try {
    for (const s of settings) s.run();
    await sync();
    return [];
  } catch {
    const skipped: string[] = [];
    for (const s of settings)
      try {
        s.run();
        await sync();
      } catch {
        skipped.push(s.what);
      }
    return skipped;
  }
}

function rangeOf(ws: WorksheetLike, r: RangeRef): RangeLike {
  return ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

/**
 * "No fill" for a series (the Gantt chart's start bars, which the file host writes as <a:noFill/>).
 * The API has no no-fill setter: `ChartFill.clear()` "Clears the fill color of a chart element"
 * (reference; whether Excel then draws nothing is not documented — office-js #609, #4890), so the
 * border goes too (`lineStyle` "None", ExcelApi 1.7). Checked by hand: docs/office-host.md.
 */
function noFill(series: ChartSeriesLike): void {
  series.format.fill.clear();
  series.format.line.lineStyle = "None";
}

/** Bar and column charts' gap and overlap, as the file host writes them (gapWidth ExcelApi 1.7, overlap 1.8). */
const BAR_GAPS: Partial<Record<ChartSpec["type"], { gap: number; overlap: number }>> = { columnStacked: { gap: 60, overlap: 100 }, gantt: { gap: 40, overlap: 100 } };

/** A native chart, set up as the file host's (src/hosts/xlsx/charts.ts): series one by one from the plan's ranges, coloured explicitly. */
export function addChart(ws: WorksheetLike, spec: ChartSpec, date1904: boolean): void {
  const chart = ws.charts.add(EXCEL_CHART[spec.type], rangeOf(ws, spec.series[0].values), spec.seriesBy === "columns" ? "Columns" : "Rows");
  chart.title.text = spec.title;
  chart.legend.visible = spec.legend !== false;
  if (spec.legend !== false) chart.legend.position = spec.type === "doughnut" ? "Right" : "Bottom";
  spec.series.forEach((s, i) => {
    // The chart was made from the first series' column: that is series 0; the others are added.
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    series.setValues(rangeOf(ws, s.values));
    series.setXAxisValues(rangeOf(ws, spec.categories));
    if (s.hidden) noFill(series);
    else if (spec.type === "radar" || spec.type === "line") series.format.line.color = `#${s.color}`;
    else series.format.fill.setSolidColor(`#${s.color}`);
    if (s.dash) series.format.line.lineStyle = "Dash";
    (s.pointColors ?? []).forEach((c, k) => series.points.getItemAt(k).format.fill.setSolidColor(`#${c}`));
    const gaps = BAR_GAPS[spec.type];
    if (gaps && i === 0) {
      series.gapWidth = gaps.gap;
      series.overlap = gaps.overlap;
    }
  });
  const axis = (v: number | { day: number } | undefined) => (v === undefined ? undefined : typeof v === "number" ? v : serialFromDay(v.day, date1904));
  if (spec.type === "doughnut") {
    chart.setPosition(a1(spec.anchor.fromRow, spec.anchor.fromCol), a1(spec.anchor.toRow - 1, spec.anchor.toCol - 1));
    return;
  }
  const value = chart.axes.valueAxis;
  const category = chart.axes.categoryAxis;
  if (spec.valueAxis) {
    const min = axis(spec.valueAxis.min);
    const max = axis(spec.valueAxis.max);
    if (min !== undefined) value.minimum = min;
    if (max !== undefined) value.maximum = max;
    if (spec.valueAxis.majorUnit !== undefined) value.majorUnit = spec.valueAxis.majorUnit;
  }
  if (spec.type === "gantt") {
    value.numberFormat = spec.valueAxis?.numFmt ?? "mmm yy";
    category.reversePlotOrder = true;
    // The date axis stays at the bottom of a reversed category axis: the file's <c:crosses val="max"/>
    // on the value axis, i.e. "Specifies the specified axis position where the other axis crosses" = Maximum.
    category.position = "Maximum";
    const crossAt = spec.valueAxis?.crossAt;
    if (crossAt) {
      // The as-of line: the category axis drawn at that date as a dashed red line, its labels kept low
      // (the file's <c:crossesAt> with tickLblPos "low").
      value.setPositionAt(serialFromDay(crossAt.day, date1904));
      category.tickLabelPosition = "Low";
      category.format.line.color = "#C00000";
      category.format.line.lineStyle = "Dash";
      category.format.line.weight = 1.75;
    }
  } else value.numberFormat = spec.type === "line" ? (spec.valueAxis?.numFmt ?? "dd mmm yy") : "0";
  chart.setPosition(a1(spec.anchor.fromRow, spec.anchor.fromCol), a1(spec.anchor.toRow - 1, spec.anchor.toCol - 1));
}

/** Sends ops in batches under the request budget; a content batch refused as too large is sent again in halves. */
async function sendOps(ctx: ContextLike, content: Op[], objects: Op[], opts: ApplyOptions, sync: () => Promise<void>): Promise<void> {
  const budget = opts.requestBudget ?? REQUEST_BUDGET;
  // Content first, then the objects (tables, charts, conditional formats) in batches of their
  // own: content batches can be split and resent if Excel finds them too large; objects cannot.
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
    if (opts.capabilities.pageLayout && !suspended) {
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

export async function applyPlan(ctx: ContextLike, plan: ReportPlan, layout: Layout, opts: ApplyOptions): Promise<ApplyResult> {
  const runId = opts.runId ?? Math.random().toString(36).slice(2, 8);
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await ctx.sync();
  };
  const wb = ctx.workbook;
  const { finalNames } = layout;
  const finalName = (i: number) => finalNames.get(plan.sheets[i].key)!;
  const replacing = layout.ours.length > 0;
  const hashes = plan.sheets.map((s) => contentHash(storedGrid(s, opts.date1904)));
  const marker = (i: number) => `=${markerValue(plan.sheets[i].key, finalName(i), hashes[i])}`;

  const made: WorksheetLike[] = [];
  const tempName = (i: number) => `PMO~${runId}~${i}`;
  const tempTable = (i: number) => `PMO_${runId}_${i}`;
  // 1. The sheets: under their final names on a first report, hidden temporary ones when replacing.
  try {
    // Kept sheets (the user's now) first take their period's name, freeing the report's (the core decides: settleKeptSheets).
    for (const k of layout.keptSheets ?? []) if (k.to !== k.from) wb.worksheets.getItem(k.from).name = k.to;
    plan.sheets.forEach((_, i) => {
      const ws = wb.worksheets.add(replacing ? tempName(i) : finalName(i));
      if (replacing) ws.visibility = "Hidden";
      ws.load("id");
      made.push(ws);
    });
    await sync();
    for (const ws of made) opts.created?.push(ws.id);
    const content: Op[] = [];
    const objects: Op[] = [];
    plan.sheets.forEach((sheet, i) => {
      const o = sheetOps(plan, sheet, () => made[i], (k) => finalNames.get(k), opts, tempTable(i));
      append(content, o.content);
      append(objects, o.objects);
    });
    await sendOps(ctx, content, objects, opts, sync);
  } catch (e) {
    // A first report's sheets are removed by the caller, outside any undo group (delete cannot be grouped).
    if (replacing) await discard(ctx, made);
    throw explain(e);
  }

  // 2. In place. A first report: the markers (and the move to the front where allowed).
  // Replacing: mark the new sheets, remove the old, give the new their names, show and place them.
  if (!replacing) {
    plan.sheets.forEach((_, i) => (made[i].names.add(plan.marker, marker(i)).visible = false));
    if (opts.place !== false) {
      made.forEach((ws, i) => (ws.position = layout.at + i));
      moveKeptToEnd(wb, layout);
    }
    try {
      await sync();
    } catch (e) {
      throw explain(e);
    }
  } else {
    try {
      plan.sheets.forEach((_, i) => (made[i].names.add(plan.marker, marker(i)).visible = false));
      for (const name of layout.ours) wb.worksheets.getItem(name).delete();
      plan.sheets.forEach((_, i) => {
        made[i].name = finalName(i);
        made[i].visibility = "Visible";
      });
      made.forEach((ws, i) => (ws.position = layout.at + i));
      moveKeptToEnd(wb, layout);
      await sync();
    } catch (e) {
      await settleSwap(ctx, plan, tempName, finalName, marker, new Set(layout.ours));
      throw explain(e);
    }
  }

  // 3. The report is complete and in place. View and print settings, each refusal costing only itself.
  const skipped = await applySettings(
    ctx,
    plan.sheets.flatMap((s, i) => viewSettings(s, () => made[i], opts.capabilities)),
    sync,
  );
  try {
    // Tables can take their names once the old sheets (and their tables) are gone.
    wb.tables.load("items/name");
    await sync();
    const present = new Set(wb.tables.items.map((t) => t.name.toLowerCase()));
    for (const t of wb.tables.items) {
      const m = /^PMO_(\w+)_(\d+)$/.exec(t.name);
      if (!m || m[1] !== runId) continue;
      const wanted = plan.sheets[Number(m[2])].table!.name;
      let name = wanted;
      for (let k = 2; present.has(name.toLowerCase()); k++) name = `${wanted}${k}`;
      t.name = name;
      present.add(name.toLowerCase());
    }
    await sync();
  } catch {
    skipped.push("table names (the tables keep temporary names)");
  }
  const active = plan.sheets.findIndex((s) => s.key === plan.activeKey);
  if (active >= 0)
    try {
      made[active].activate();
      await sync();
    } catch {
      skipped.push(`${plan.sheets[active].name}: opening it`);
    }
  return { sheets: plan.sheets.map((s, i) => ({ key: s.key, name: finalName(i) })), renamed: layout.renamed, replaced: layout.ours, kept: layout.kept, skipped, syncs };
}

/**
 * After a failed swap, leaves one whole report: the old one if it is still all there (the new
 * sheets are removed), otherwise the new one (its sheets get their marker and names, and are shown).
 */
async function settleSwap(ctx: ContextLike, plan: ReportPlan, tempName: (i: number) => string, finalName: (i: number) => string, marker: (i: number) => string, oldNames: Set<string>): Promise<void> {
  try {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name");
    await ctx.sync();
    const names = new Set(sheets.items.map((w) => w.name));
    const oldIntact = [...oldNames].every((n) => names.has(n));
    const temps = plan.sheets.map((_, i) => sheets.items.find((w) => w.name === tempName(i)));
    if (oldIntact) {
      for (const ws of temps) ws?.delete();
      await ctx.sync();
      return;
    }
    for (const ws of temps) ws?.names.load("items/name");
    await ctx.sync();
    temps.forEach((ws, i) => {
      if (!ws) return;
      if (!ws.names.items.some((n) => n.name === plan.marker)) ws.names.add(plan.marker, marker(i)).visible = false;
      ws.name = finalName(i);
      ws.visibility = "Visible";
    });
    await ctx.sync();
  } catch {
    /* best effort: the original failure is what the user is told about */
  }
}

/**
 * Removes the sheets a failed first report added (a run of its own, never in an undo group:
 * "Worksheet.delete" cannot be undone anywhere). By id; a sheet whose id was never learnt (its
 * creation was what failed) is removed by name only if it is one of the names chosen for the report
 * and holds nothing.
 */
export async function removeAdded(ctx: ContextLike, ids: string[], names: string[], present: string[]): Promise<void> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/id,items/name");
  await ctx.sync();
  const was = new Set(present);
  const byName = sheets.items.filter((w) => !ids.includes(w.id) && names.includes(w.name) && !was.has(w.name));
  const used = byName.map((w) => w.getUsedRangeOrNullObject(true));
  for (const u of used) u.load("rowCount");
  await ctx.sync();
  for (const w of sheets.items) if (ids.includes(w.id)) w.delete();
  byName.forEach((w, i) => used[i].isNullObject && w.delete());
  await ctx.sync();
}

/** Removes the temporary sheets of a failed run (best effort: the failure itself is what the user hears about). */
async function discard(ctx: ContextLike, temps: WorksheetLike[]): Promise<void> {
  if (!temps.length) return;
  try {
    for (const ws of temps) ws.delete();
    await ctx.sync();
  } catch {
    /* the sheets may not exist, if creating them was what failed */
  }
}

