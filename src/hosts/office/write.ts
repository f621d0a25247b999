import { a1, quoteSheetName, rangeAddress } from "../../model/cell";
import { append, maxOf } from "../../model/arrays";
import { serialFromDay } from "../../model/dates";
import { inScope, markerKey, markerValue, type CellStyle, type ChartSpec, type PlanSheet, type PlanValue, type RangeRef, type ReportPlan } from "../../report/plan";
import { assignSheetNames } from "../../report/sheet-names";
import { HostError, TOO_LARGE, codeOf, explain } from "./errors";
import type { ContextLike, RangeLike, WorksheetLike } from "./excel-types";
import type { Capabilities } from "./requirements";

/**
 * Applies a report plan to the open workbook. The report is written into new hidden sheets
 * and swapped in at the end, so a failure part-way leaves the previous report (and, always, the
 * user's sheets) as they were. Writes go in batches kept under Excel on the web's 5 MB request
 * limit; a batch that is still too large is split and sent again.
 *
 * Text is written with the cell's number format set to Text ("@") first, in the same batch, so
 * a user's "=HYPERLINK(…)", "+44…" or "@SUM(…)" is stored as text, never as a formula.
 */
export interface ApplyOptions {
  date1904: boolean;
  capabilities: Capabilities;
  /** Estimated request bytes per sync (web limit 5 MB). */
  requestBudget?: number;
  /** Names for temporary sheets, unique per run. */
  runId?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ApplyResult {
  sheets: { key: string; name: string }[];
  renamed: { wanted: string; name: string }[];
  replaced: string[];
  syncs: number;
}

interface Op {
  bytes: number;
  run: () => void;
  /** Safe to send again after a failed batch (sets values or formats, adds nothing). */
  idempotent: boolean;
}

/** Excel's column width is in points; the plan's is in characters of the default font. */
export const POINTS_PER_CHAR = 5.6;

const EXCEL_CHART: Record<ChartSpec["type"], string> = { columnStacked: "ColumnStacked", doughnut: "Doughnut", radar: "RadarMarkers", gantt: "BarStacked" };

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

/** Rough request bytes per property write (Office.js sends each as an action with its object path). */
const BYTES_PER_SETTER = 160;

function formatOp(ws: () => WorksheetLike, rect: RangeRef, setters: Setter[], borders: boolean): Op {
  return {
    bytes: 120 + setters.length * BYTES_PER_SETTER + (borders ? 12 * BYTES_PER_SETTER : 0),
    idempotent: true,
    run: () => {
      const f = ws().getRangeByIndexes(rect.top, rect.left, rect.bottom - rect.top + 1, rect.right - rect.left + 1).format;
      for (const set of setters) set(f);
    },
  };
}

/** Format operations for one block: its most common style on the whole block, then the differences. */
export function blockFormatOps(plan: ReportPlan, sheet: PlanSheet, ws: () => WorksheetLike): Op[] {
  const ops: Op[] = [];
  for (const b of sheet.blocks) {
    const counts = new Map<string, number>();
    for (const row of b.cells) for (const c of row) if (c.s) counts.set(c.s, (counts.get(c.s) ?? 0) + 1);
    if (!counts.size) continue;
    const width = maxOf(b.cells.map((r) => r.length));
    const baseKey = [...counts.entries()].sort((x, y) => y[1] - x[1])[0][0];
    const base = plan.styles[baseKey];
    const uniform = b.cells.every((r) => r.length === width && r.every((c) => c.s === baseKey));
    if (base) ops.push(formatOp(ws, { top: b.row, left: b.col, bottom: b.row + b.cells.length - 1, right: b.col + width - 1 }, styleSetters(base), !!base.border));
    if (uniform) continue;
    const rest: PlanSheet = { ...sheet, blocks: [{ ...b, cells: b.cells.map((r) => Array.from({ length: width }, (_, k) => (r[k] && r[k].s !== baseKey ? r[k] : { v: null }))) }] };
    for (const [key, rects] of styleRectangles(rest)) {
      const s = plan.styles[key];
      if (!s) continue;
      const setters = styleSetters(s, base);
      for (const rect of rects) if (setters.length) ops.push(formatOp(ws, rect, setters, s.border !== base?.border));
    }
  }
  return ops;
}

function sheetOps(plan: ReportPlan, sheet: PlanSheet, ws: () => WorksheetLike, finalName: (key: string) => string | undefined, opts: ApplyOptions, tempTable: string): { content: Op[]; objects: Op[] } {
  const content: Op[] = [];
  const objects: Op[] = [];
  const maxOpBytes = Math.floor((opts.requestBudget ?? 2_500_000) / 2);
  for (const b of sheet.blocks) {
    const width = maxOf(b.cells.map((r) => r.length));
    const values = b.cells.map((row) => Array.from({ length: width }, (_, k) => (k < row.length ? planValue(row[k].v, opts.date1904) : null)));
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
      let bytes = 200;
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
        const text = typeof c.v === "string" || typeof c.v === "number" ? String(c.v) : "";
        content.push({
          bytes: 250 + text.length,
          idempotent: true,
          run: () => {
            ws().getRangeByIndexes(b.row + r, b.col + k, 1, 1).hyperlink = { documentReference: `${quoteSheetName(target)}!${c.link!.cell}`, textToDisplay: text };
          },
        });
      }),
    );
  }
  append(content, blockFormatOps(plan, sheet, ws));
  for (const m of sheet.merges ?? []) content.push({ bytes: 150, idempotent: true, run: () => ws().getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false) });
  sheet.widths.forEach((w, c) => content.push({ bytes: 120, idempotent: true, run: () => void (ws().getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(w * POINTS_PER_CHAR)) }));
  for (const [r, h] of Object.entries(sheet.heights ?? {})) content.push({ bytes: 120, idempotent: true, run: () => void (ws().getRangeByIndexes(Number(r), 0, 1, 1).format.rowHeight = h) });
  content.push({
    bytes: 600,
    idempotent: true,
    run: () => {
      const w = ws();
      if (sheet.tabColor) w.tabColor = `#${sheet.tabColor}`;
      if (sheet.freezeRows) w.freezePanes.freezeRows(sheet.freezeRows);
      if (opts.capabilities.pageLayout) {
        const p = w.pageLayout;
        p.orientation = sheet.print.landscape ? "Landscape" : "Portrait";
        p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        const h = headerSections(sheet.print.header);
        const f = headerSections(sheet.print.footer);
        const d = p.headersFooters.defaultForAllPages;
        d.leftHeader = h.left;
        d.rightHeader = h.right;
        d.leftFooter = f.left;
        d.centerFooter = f.center;
        if (sheet.print.repeatRows) p.setPrintTitleRows(`$${sheet.print.repeatRows[0] + 1}:$${sheet.print.repeatRows[1] + 1}`);
      }
    },
  });
  for (const cf of sheet.conditionalFormats ?? []) {
    const s = plan.styles[cf.style] ?? {};
    objects.push({
      bytes: 400,
      idempotent: false,
      run: () => {
        const c = ws().getRangeByIndexes(cf.range.top, cf.range.left, cf.range.bottom - cf.range.top + 1, cf.range.right - cf.range.left + 1).conditionalFormats.add("CellValue");
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
        const table = ws().tables.add(rangeAddress(t.range), true);
        table.name = tempTable;
        table.style = "TableStyleLight1";
      },
    });
  }
  for (const spec of sheet.charts) objects.push({ bytes: 1500 + spec.series.length * 400, idempotent: false, run: () => addChart(ws(), spec, opts.date1904) });
  return { content, objects };
}

function rangeOf(ws: WorksheetLike, r: RangeRef): RangeLike {
  return ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

/** A native chart, its series set one by one from the plan's ranges, coloured explicitly. */
export function addChart(ws: WorksheetLike, spec: ChartSpec, date1904: boolean): void {
  const chart = ws.charts.add(EXCEL_CHART[spec.type], rangeOf(ws, spec.series[0].values), spec.seriesBy === "columns" ? "Columns" : "Rows");
  chart.title.text = spec.title;
  chart.legend.visible = spec.legend !== false;
  if (spec.legend !== false) chart.legend.position = spec.type === "doughnut" ? "Right" : "Bottom";
  spec.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    series.setValues(rangeOf(ws, s.values));
    series.setXAxisValues(rangeOf(ws, spec.categories));
    if (s.hidden) series.format.fill.clear();
    else if (spec.type === "radar") series.format.line.color = `#${s.color}`;
    else series.format.fill.setSolidColor(`#${s.color}`);
    (s.pointColors ?? []).forEach((c, k) => series.points.getItemAt(k).format.fill.setSolidColor(`#${c}`));
  });
  const axis = (v: number | { day: number } | undefined) => (v === undefined ? undefined : typeof v === "number" ? v : serialFromDay(v.day, date1904));
  if (spec.type === "gantt") chart.axes.categoryAxis.reversePlotOrder = true;
  if (spec.type !== "doughnut" && spec.valueAxis) {
    const min = axis(spec.valueAxis.min);
    const max = axis(spec.valueAxis.max);
    if (min !== undefined) chart.axes.valueAxis.minimum = min;
    if (max !== undefined) chart.axes.valueAxis.maximum = max;
    if (spec.valueAxis.majorUnit !== undefined) chart.axes.valueAxis.majorUnit = spec.valueAxis.majorUnit;
  }
  chart.setPosition(a1(spec.anchor.fromRow, spec.anchor.fromCol), a1(spec.anchor.toRow - 1, spec.anchor.toCol - 1));
}

export async function applyPlan(ctx: ContextLike, plan: ReportPlan, opts: ApplyOptions): Promise<ApplyResult> {
  const budget = opts.requestBudget ?? 2_500_000;
  const runId = opts.runId ?? Math.random().toString(36).slice(2, 8);
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await ctx.sync();
  };
  const wb = ctx.workbook;

  // Prepare: who is there now (co-authors may have changed things since the read), and is it writable?
  wb.worksheets.load("items/name");
  wb.tables.load("items/name");
  wb.protection.load("protected");
  await sync();
  if (wb.protection.protected)
    throw new HostError("protected", "The workbook's structure is protected, so the report's sheets cannot be added. Unprotect it (Review > Protect Workbook), then try again. Nothing was changed.");
  for (const ws of wb.worksheets.items) ws.names.load("items/name,items/formula");
  await sync();
  const keyOf = (ws: WorksheetLike) => {
    const n = ws.names.items.find((x) => x.name === plan.marker);
    return n ? markerKey(String(n.formula)) : null;
  };
  const ours = wb.worksheets.items.filter((ws) => {
    const key = keyOf(ws);
    return key !== null && inScope(plan.scope, key);
  });
  const oursNames = new Set(ours.map((w) => w.name));
  const { names: finalNames, renamed } = assignSheetNames(plan.sheets, wb.worksheets.items.filter((w) => !oursNames.has(w.name)).map((w) => w.name));

  const temps: WorksheetLike[] = [];
  const tempName = (i: number) => `PMO~${runId}~${i}`;
  const tempTable = (i: number) => `PMO_${runId}_${i}`;
  try {
    plan.sheets.forEach((_, i) => {
      const ws = wb.worksheets.add(tempName(i));
      ws.visibility = "Hidden";
      temps.push(ws);
    });
    await sync();
    const content: Op[] = [];
    const objects: Op[] = [];
    plan.sheets.forEach((sheet, i) => {
      const o = sheetOps(plan, sheet, () => temps[i], (k) => finalNames.get(k), opts, tempTable(i));
      append(content, o.content);
      append(objects, o.objects);
    });
    // Content first, then the objects (tables, charts, conditional formats) in batches of their
    // own: content batches can be split and resent if Excel finds them too large; objects cannot.
    const all = [...content, ...objects];
    const firstObject = content.length;
    let i = 0;
    while (i < all.length) {
      let bytes = 0;
      let j = i;
      const end = i < firstObject ? firstObject : all.length;
      while (j < end && (j === i || bytes + all[j].bytes <= budget)) bytes += all[j++].bytes;
      const batch = all.slice(i, j);
      wb.application.suspendApiCalculationUntilNextSync();
      if (opts.capabilities.pageLayout) wb.application.suspendScreenUpdatingUntilNextSync();
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
  } catch (e) {
    await discard(ctx, temps);
    throw explain(e);
  }

  // Swap: mark the new sheets as ours, remove the old ones, give the new their names, show them.
  try {
    plan.sheets.forEach((s, i) => {
      const n = temps[i].names.add(plan.marker, `=${markerValue(s.key)}`);
      n.visible = false;
    });
    for (const ws of ours) ws.delete();
    plan.sheets.forEach((s, i) => {
      temps[i].name = finalNames.get(s.key)!;
      temps[i].visibility = "Visible";
    });
    await sync();
  } catch (e) {
    await settleSwap(ctx, plan, tempName, (i) => finalNames.get(plan.sheets[i].key)!, oursNames);
    throw explain(e);
  }
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
    temps[0]?.activate();
    await sync();
  } catch {
    // The report is complete and in place; only its tables kept their temporary names.
  }
  return { sheets: plan.sheets.map((s) => ({ key: s.key, name: finalNames.get(s.key)! })), renamed, replaced: ours.map((w) => w.name), syncs };
}

/**
 * After a failed swap, leaves one whole report: the old one if it is still all there (the new
 * sheets are removed), otherwise the new one (its sheets get their marker and names, and are shown).
 */
async function settleSwap(ctx: ContextLike, plan: ReportPlan, tempName: (i: number) => string, finalName: (i: number) => string, oldNames: Set<string>): Promise<void> {
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
      if (!ws.names.items.some((n) => n.name === plan.marker)) ws.names.add(plan.marker, `=${markerValue(plan.sheets[i].key)}`).visible = false;
      ws.name = finalName(i);
      ws.visibility = "Visible";
    });
    await ctx.sync();
  } catch {
    /* best effort: the original failure is what the user is told about */
  }
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

