import { parseRange, type CellValue } from "../../model/cell";
import type { SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../model/snapshot";
import { REPORT_MARKER } from "../../report/plan";
import { markedSheets, openPackage, readRels, resolveTarget, XlsxReadError, type XlsxPackage } from "./package";
import { attr, decodeXml, elements, stringItemText } from "./xml";

export { XlsxReadError };

export interface ReadOptions {
  /** Called after each sheet, for progress on big workbooks. */
  onSheet?: (name: string, index: number, count: number) => void;
  /** Sheets to leave out (our own report sheets, say). */
  skipSheet?: (name: string) => boolean;
}

const ROW_RE = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
// Attribute look-ups compiled once: a cell's r and t are read for every cell of every sheet.
const R_ATTR = /(?:^|\s)r\s*=\s*"([^"]*)"/;
const T_ATTR = /(?:^|\s)t\s*=\s*"([^"]*)"/;
const CELL_RE = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const V_RE = /<(?:\w+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/;
const IS_RE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;

/**
 * Reads cell values straight from the sheet XML of the package (no re-serialising library):
 * fast on big sheets, tolerant of the ways Excel, LibreOffice, openpyxl and others write them
 * (namespace prefixes, missing r attributes, inline and shared strings, rich text).
 */
/** Column index of a cell reference such as "AB12" (letters only are read). */
function letterColumn(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

/** The text of a cell's <v>: a plain-string fast path for the usual unprefixed form, a regex otherwise. */
function valueText(inner: string): string | undefined {
  const i = inner.indexOf("<v>");
  if (i >= 0) {
    const j = inner.indexOf("</v>", i + 3);
    if (j >= 0) return inner.slice(i + 3, j);
  }
  const vm = V_RE.exec(inner);
  return vm ? vm[1] : undefined;
}

/** An inline string's text: the single plain <t> run directly, rich text and prefixes by the general path. */
function inlineText(inner: string): string {
  if (inner.startsWith("<is><t") && inner.indexOf("<t", 6) < 0 && inner.indexOf("rPh") < 0) {
    const open = inner.indexOf(">", 6);
    const close = inner.lastIndexOf("</t>");
    if (open >= 0 && close > open) {
      const text = inner.slice(open + 1, close);
      return text.indexOf("&") >= 0 || text.indexOf("_x") >= 0 ? decodeXml(text) : text;
    }
  }
  const is = IS_RE.exec(inner);
  return is ? stringItemText(is[1]) : "";
}

const OUTLINE_ATTR = /(?:^|\s)outlineLevel\s*=\s*"(\d+)"/;

export function parseSheetXml(xml: string, sst: readonly string[], outline?: number[]): CellValue[][] {
  const rows: CellValue[][] = [];
  let nextRow = 0;
  ROW_RE.lastIndex = 0;
  let rm: RegExpExecArray | null;
  while ((rm = ROW_RE.exec(xml))) {
    const rAttr = R_ATTR.exec(rm[1])?.[1];
    const r = rAttr ? Number(rAttr) - 1 : nextRow;
    nextRow = r + 1;
    if (outline) {
      const lvl = OUTLINE_ATTR.exec(rm[1])?.[1];
      if (lvl && lvl !== "0") outline[r] = Number(lvl);
    }
    const body = rm[2];
    if (!body) continue;
    let row: CellValue[] | undefined;
    let nextCol = 0;
    CELL_RE.lastIndex = 0;
    let cm: RegExpExecArray | null;
    while ((cm = CELL_RE.exec(body))) {
      const attrs = cm[1];
      const ref = R_ATTR.exec(attrs)?.[1];
      const col = ref ? letterColumn(ref) : nextCol;
      nextCol = col + 1;
      const inner = cm[2];
      if (!inner) continue;
      const t = T_ATTR.exec(attrs)?.[1] ?? "n";
      let value: CellValue = null;
      if (t === "inlineStr") {
        value = inlineText(inner);
      } else {
        const raw = valueText(inner);
        if (raw === undefined) continue;
        switch (t) {
          case "s":
            value = sst[Number(raw)] ?? "";
            break;
          case "str":
          case "d":
            value = decodeXml(raw);
            break;
          case "b":
            value = raw.trim() === "1" || raw.trim() === "true";
            break;
          case "e":
            value = { error: decodeXml(raw).trim() };
            break;
          default: {
            const n = Number(raw);
            value = raw.trim() === "" ? null : Number.isFinite(n) ? n : decodeXml(raw);
          }
        }
      }
      if (value === null) continue;
      row ??= rows[r] ?? (rows[r] = []);
      row[col] = value;
    }
  }
  return rows;
}

export async function readSharedStrings(pkg: XlsxPackage): Promise<string[]> {
  const rels = await readRels(pkg.zip, pkg.workbookPath);
  const rel = rels.find((r) => /\/sharedStrings$/.test(r.type));
  const path = rel ? resolveTarget(pkg.workbookPath, rel.target) : "xl/sharedStrings.xml";
  const f = pkg.zip.file(path);
  if (!f) return [];
  const xml = await f.async("string");
  return elements(xml, "si").map((e) => stringItemText(e.inner));
}

async function readTables(pkg: XlsxPackage, sheet: XlsxPackage["sheets"][number]): Promise<TableSnapshot[]> {
  const out: TableSnapshot[] = [];
  for (const rel of await readRels(pkg.zip, sheet.path)) {
    if (!/\/table$/.test(rel.type) || rel.external) continue;
    const f = pkg.zip.file(resolveTarget(sheet.path, rel.target));
    if (!f) continue;
    const xml = await f.async("string");
    const t = elements(xml, "table")[0];
    if (!t) continue;
    const range = parseRange(attr(t.attrs, "ref") ?? "");
    const name = attr(t.attrs, "displayName") ?? attr(t.attrs, "name");
    const headerRows = attr(t.attrs, "headerRowCount");
    if (range && name && headerRows !== "0") out.push({ name, sheet: sheet.name, range });
  }
  return out;
}

/** Reads a whole workbook into the core's snapshot. Throws XlsxReadError for a file that is not a workbook. */
export async function readWorkbook(data: Uint8Array, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const pkg = await openPackage(data);
  return readPackage(pkg, opts);
}

export async function readPackage(pkg: XlsxPackage, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const sst = await readSharedStrings(pkg);
  const sheets: SheetSnapshot[] = [];
  const tables: TableSnapshot[] = [];
  let i = 0;
  for (const s of pkg.sheets) {
    i++;
    if (opts.skipSheet?.(s.name)) continue;
    const f = pkg.zip.file(s.path);
    if (!f) throw new XlsxReadError(`sheet "${s.name}" is listed but its part ${s.path} is missing. Open the file in Excel, let it repair the file, and save it again`);
    const xml = await f.async("string");
    const outline: number[] = [];
    const rows = parseSheetXml(xml, sst, outline);
    sheets.push(outline.length ? { name: s.name, top: 0, left: 0, rows, outline } : { name: s.name, top: 0, left: 0, rows });
    tables.push(...(await readTables(pkg, s)));
    opts.onSheet?.(s.name, i, pkg.sheets.length);
  }
  const reportSheets = markedSheets(pkg, REPORT_MARKER).map(({ sheet, key }) => ({ sheet, key }));
  return { sheets, tables, date1904: pkg.date1904, reportSheets };
}
