import { serialFromDay } from "../../core/primitives/dates";
import type { SettingsWrite } from "../../core/report/settings-plan";
import { TEMPLATE_ROWS, type TemplateSheet } from "../../core/workbook/template";
import { POINTS_PER_CHAR } from "./write";
import type { ContextLike } from "./excel-types";
import { DATE_FORMAT } from "../../core/primitives/number-formats";

/** Small user-initiated actions from the pane: go to a cell, add missing input sheets, save settings. */

export async function goToCell(ctx: ContextLike, sheet: string, cell: string): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem(sheet);
  ws.activate();
  if (cell) ws.getRange(cell).select();
  await ctx.sync();
}

/**
 * Adds the missing input sheets as Excel tables with their headers and drop-downs. A sheet that
 * exists is never touched; validation needs ExcelApi 1.8 and is left out where it is missing.
 */
export async function insertTemplateSheets(
  ctx: ContextLike,
  sheets: TemplateSheet[],
  opts: { validation: boolean; date1904: boolean },
): Promise<string[]> {
  const wb = ctx.workbook;
  wb.worksheets.load("items/name");
  await ctx.sync();
  const existing = new Set(wb.worksheets.items.map((w) => w.name.toLowerCase()));
  const added: string[] = [];
  for (const t of sheets) {
    if (existing.has(t.name.toLowerCase())) continue;
    const ws = wb.worksheets.add(t.name);
    const width = t.headers.length;
    const header = ws.getRangeByIndexes(0, 0, 1, width);
    header.numberFormat = [t.headers.map(() => "@")];
    header.values = [t.headers];
    if (t.rows.length) {
      const body = ws.getRangeByIndexes(1, 0, t.rows.length, width);
      body.numberFormat = t.rows.map((r) =>
        r
          .map((v) => (typeof v === "string" ? "@" : typeof v === "object" ? DATE_FORMAT : "General"))
          .concat(Array(width - r.length).fill("General"))
          .slice(0, width),
      );
      body.values = t.rows.map((r) =>
        [
          ...r.map((v) => (typeof v === "object" ? serialFromDay(v.day, opts.date1904) : v)),
          ...Array(Math.max(0, width - r.length)).fill(""),
        ].slice(0, width),
      );
    }
    if (t.table) {
      // A Range, not a sheet-less address (which means the active sheet: reference TableCollection.add).
      const table = ws.tables.add(ws.getRangeByIndexes(0, 0, Math.max(1, t.rows.length) + 1, width), true);
      table.name = t.table;
      table.style = "TableStyleMedium2";
    }
    t.widths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(w * POINTS_PER_CHAR)));
    ws.freezePanes.freezeRows(1);
    if (opts.validation) {
      for (const v of t.validations) {
        const col = t.headers.indexOf(v.header);
        if (col < 0) continue;
        const range = ws.getRangeByIndexes(1, col, TEMPLATE_ROWS, 1);
        range.dataValidation.rule = v.list
          ? { list: { inCellDropDown: true, source: v.list.join(",") } }
          : { wholeNumber: { formula1: v.whole![0], formula2: v.whole![1], operator: "Between" } };
      }
    }
    added.push(t.name);
  }
  await ctx.sync();
  return added;
}

/** Writes edited settings: the setting cells, and the Settings sheet if there is none. */
export async function saveSettings(ctx: ContextLike, plan: SettingsWrite): Promise<void> {
  const wb = ctx.workbook;
  if (plan.createSheet) {
    const ws = wb.worksheets.add(plan.createSheet);
    const h = ws.getRange("A1:B1");
    h.numberFormat = [["@", "@"]];
    h.values = [["Setting", "Value"]];
    h.format.font.bold = true;
    ws.getRange("A1").format.columnWidth = 160;
    ws.getRange("B1").format.columnWidth = 220;
  }
  for (const c of plan.cells) {
    const r = wb.worksheets.getItem(c.sheet).getRange(c.cell);
    r.numberFormat = [[typeof c.value === "string" ? "@" : "General"]];
    r.values = [[c.value]];
  }
  await ctx.sync();
}
