import { a1, quoteSheetName, rangeAddress, type CellRange, type CellValue } from "../../core/primitives/cell";
import { formatDay, serialFromDay, type Day } from "../../core/primitives/dates";
import type { PlanCell, PlanSheet, PlanValue } from "../../core/report/plan";
import { cutUnits, storedText } from "../../core/report/stored";
import { relsPathFor } from "./package";
import { chartXml, drawingXml, type ChartData } from "./charts";
import { worksheetChunks, type CellOut } from "./sheet-xml";
import { escapeXml } from "./xml";

/**
 * The parts of one report sheet: the worksheet and its drawing, charts and table, with the
 * relationships between them. The caller decides the paths and wires the sheet into the workbook.
 */
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const CONTENT_TYPE = {
  sheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};

export interface SheetContext {
  /** The sheet's final name (charts' series refer to it). */
  name: string;
  /** Final names of the other report sheets, for links between them. */
  finalName: Map<string, string>;
  xf: Map<string, number>;
  dxf: Map<string, number>;
  date1904: boolean;
  /** Whether the workbook opens on this sheet. */
  selected: boolean;
  /** A free part path for a pattern ("xl/charts/chart{n}.xml"). */
  freePath: (pattern: (n: number) => string) => string;
  /** A table name not yet used in the workbook, and the next table id. */
  tableName: (wanted: string) => string;
  tableId: () => number;
}

export interface SheetParts {
  /** Path → XML of every other part written for this sheet (drawing, charts, table, relationships). */
  parts: Map<string, string>;
  /** The worksheet's XML, made piece by piece as it is read (it can be hundreds of MB: never one string). */
  sheetXml: Iterable<string>;
  /** Content type of each part. */
  types: Map<string, string>;
  sheetPath: string;
  /** The values as the sheet stores them (for the ownership fingerprint). */
  stored: CellValue[][];
}

/** A relationships part; a type without a scheme is one of the officeDocument relationship types. */
export function relsXml(rels: { id: string; type: string; target: string; external?: boolean }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map(
      (r) =>
        `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type.includes(":") ? r.type : `${REL}/${r.type}`)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`,
    )
    .join("")}</Relationships>`;
}

export function relativeTarget(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

function outValue(v: PlanValue, date1904: boolean): string | number | boolean | null {
  if (v !== null && typeof v === "object") return serialFromDay(v.day, date1904);
  return v;
}

/** The plan sheet's blocks as a dense grid of styled cells. */
function toGrid(sheet: PlanSheet, xf: Map<string, number>, date1904: boolean): CellOut[][] {
  const grid: CellOut[][] = [];
  for (const b of sheet.blocks)
    b.cells.forEach((row, r) => {
      const line = (grid[b.row + r] ??= []);
      row.forEach((c: PlanCell, k) => {
        const s = c.s ? xf.get(c.s) : undefined;
        line[b.col + k] = s ? { v: outValue(c.v, date1904), s } : outValue(c.v, date1904);
      });
    });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return grid;
}

function gridValue(grid: CellOut[][], r: number, c: number): string | number | boolean | null {
  const cellOut = grid[r]?.[c];
  if (cellOut === undefined || cellOut === null) return null;
  return typeof cellOut === "object" ? cellOut.v : cellOut;
}

/** A value as the written cell stores it and a reader reads it back (see cellXml). */
export function storedValue(v: string | number | boolean | null): CellValue {
  if (v === null || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : String(v);
  return typeof v === "string" ? storedText(v) : v;
}

function storedGrid(grid: CellOut[][]): CellValue[][] {
  return grid.map((row) => row.map((_, c) => storedValue(gridValue([row], 0, c))));
}

function tableXml(id: number, name: string, r: CellRange, grid: CellOut[][]): string {
  const ref = rangeAddress(r);
  const seen = new Set<string>();
  const cols: string[] = [];
  for (let c = r.left; c <= r.right; c++) {
    let h = String(storedValue(gridValue(grid, r.top, c)) ?? "") || `Column${c - r.left + 1}`;
    for (let n = 2; seen.has(h.toLowerCase()); n++) h = `${h}${n}`;
    seen.add(h.toLowerCase());
    cols.push(`<tableColumn id="${c - r.left + 1}" name="${escapeXml(h)}"/>`);
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${cols.length}">${cols.join("")}</tableColumns><tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
}

function chartData(sheet: PlanSheet, spec: PlanSheet["charts"][number], date1904: boolean): ChartData {
  const at = new Map<string, PlanValue>();
  for (const b of sheet.blocks)
    b.cells.forEach((row, r) => row.forEach((c, k) => at.set(`${b.row + r},${b.col + k}`, c.v)));
  const read = (r: number, c: number) => at.get(`${r},${c}`) ?? null;
  const categories: string[] = [];
  for (let r = spec.categories.top; r <= spec.categories.bottom; r++) {
    const v = read(r, spec.categories.left);
    categories.push(v === null ? "" : typeof v === "object" ? formatDay(v.day) : storedText(String(v)));
  }
  const values = spec.series.map((s) => {
    const out: (number | null)[] = [];
    for (let r = s.values.top; r <= s.values.bottom; r++) {
      const v = read(r, s.values.left);
      out.push(typeof v === "number" ? v : v !== null && typeof v === "object" ? serialFromDay(v.day, date1904) : null);
    }
    return out;
  });
  return { categories, values };
}

function hyperlinks(sheet: PlanSheet, finalName: Map<string, string>): string {
  const out: string[] = [];
  for (const b of sheet.blocks)
    b.cells.forEach((row, r) =>
      row.forEach((c, k) => {
        if (!c.link) return;
        const target = "sheetKey" in c.link ? finalName.get(c.link.sheetKey) : c.link.sheet;
        if (!target) return;
        const display = typeof c.v === "string" || typeof c.v === "number" ? storedText(String(c.v)) : "";
        out.push(
          `<hyperlink ref="${a1(b.row + r, b.col + k)}" location="${escapeXml(`${quoteSheetName(target)}!${c.link.cell}`)}" display="${escapeXml(cutUnits(display, 255))}"/>`,
        );
      }),
    );
  return out.length ? `<hyperlinks>${out.join("")}</hyperlinks>` : "";
}

function pageXml(sheet: PlanSheet): string {
  const breaks = sheet.rowBreaks?.length
    ? `<rowBreaks count="${sheet.rowBreaks.length}" manualBreakCount="${sheet.rowBreaks.length}">${sheet.rowBreaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`
    : "";
  return `<printOptions horizontalCentered="1"/><pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="${sheet.print.landscape ? "landscape" : "portrait"}" fitToWidth="1" fitToHeight="0"${sheet.print.firstPageNumber ? ` firstPageNumber="${sheet.print.firstPageNumber}" useFirstPageNumber="1"` : ""}/><headerFooter><oddHeader>${escapeXml(sheet.print.header)}</oddHeader><oddFooter>${escapeXml(sheet.print.footer)}</oddFooter></headerFooter>${breaks}`;
}

/** Every part of one report sheet. */
export function sheetParts(sheet: PlanSheet, ctx: SheetContext): SheetParts {
  const parts = new Map<string, string>();
  const types = new Map<string, string>();
  const sheetPath = ctx.freePath((n) => `xl/worksheets/sheet${n}.xml`);
  const sheetRels: { id: string; type: string; target: string }[] = [];
  const grid = toGrid(sheet, ctx.xf, ctx.date1904);
  const serial = (v: number | { day: Day } | undefined) =>
    v === undefined ? undefined : typeof v === "number" ? v : serialFromDay(v.day, ctx.date1904);
  let tail = "";
  if (sheet.charts.length) {
    const drawingPath = ctx.freePath((n) => `xl/drawings/drawing${n}.xml`);
    const chartRels = sheet.charts.map((spec, k) => {
      const chartPath = ctx.freePath((n) => `xl/charts/chart${n}.xml`);
      parts.set(chartPath, chartXml(spec, ctx.name, chartData(sheet, spec, ctx.date1904), serial));
      types.set(chartPath, CONTENT_TYPE.chart);
      return { id: `rId${k + 1}`, type: "chart", target: relativeTarget(drawingPath, chartPath) };
    });
    parts.set(drawingPath, drawingXml(sheet.charts.map((c) => c.anchor)));
    types.set(drawingPath, CONTENT_TYPE.drawing);
    parts.set(relsPathFor(drawingPath), relsXml(chartRels));
    sheetRels.push({ id: "rId1", type: "drawing", target: relativeTarget(sheetPath, drawingPath) });
    tail += `<drawing r:id="rId1"/>`;
  }
  if (sheet.table) {
    const tablePath = ctx.freePath((n) => `xl/tables/table${n}.xml`);
    parts.set(tablePath, tableXml(ctx.tableId(), ctx.tableName(sheet.table.name), sheet.table.range, grid));
    types.set(tablePath, CONTENT_TYPE.table);
    const rid = `rId${sheetRels.length + 1}`;
    sheetRels.push({ id: rid, type: "table", target: relativeTarget(sheetPath, tablePath) });
    tail += `<tableParts count="1"><tablePart r:id="${rid}"/></tableParts>`;
  }
  const merges = sheet.merges?.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${rangeAddress(m)}"/>`).join("")}</mergeCells>`
    : "";
  let prio = 1;
  const cf = (sheet.conditionalFormats ?? [])
    .map(
      (c) =>
        `<conditionalFormatting sqref="${rangeAddress(c.range)}"><cfRule type="cellIs" dxfId="${ctx.dxf.get(c.style)}" priority="${prio++}" operator="equal"><formula>"${escapeXml(c.equals.replace(/"/g, '""'))}"</formula></cfRule></conditionalFormatting>`,
    )
    .join("");
  const sheetXml = worksheetChunks(grid, {
    widths: sheet.widths,
    freezeRows: sheet.freezeRows || undefined,
    heights: sheet.heights,
    tabColor: sheet.tabColor,
    fitToPage: true,
    showGridLines: false,
    selected: ctx.selected,
    afterData: merges + cf + hyperlinks(sheet, ctx.finalName) + pageXml(sheet),
    tail,
  });
  types.set(sheetPath, CONTENT_TYPE.sheet);
  if (sheetRels.length) parts.set(relsPathFor(sheetPath), relsXml(sheetRels));
  return { parts, sheetXml, types, sheetPath, stored: storedGrid(grid) };
}
