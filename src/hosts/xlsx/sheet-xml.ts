import { a1, columnLetters } from "../../core/primitives/cell";
import { storedText } from "../../core/report/stored";
import { xstringXml } from "./spreadsheetml/xstring";
import { escapeXml } from "./xml";

/**
 * Writing worksheet XML. Text is always written as an inline string (t="inlineStr"),
 * which Excel and every other reader take as literal text: a value such as "=HYPERLINK(...)"
 * or "+44 1234" typed by a user can never become a live formula in our output.
 */
export type CellOut = string | number | boolean | null | { v: string | number | boolean | null; s: number };

const letters: string[] = [];
/** "B7" for (6, 1), with each column's letters worked out once. */
const ref = (row: number, col: number) => (letters[col] ??= columnLetters(col)) + (row + 1);

export function cellXml(row: number, col: number, cell: CellOut): string {
  let v: string | number | boolean | null;
  let s = 0;
  if (cell !== null && typeof cell === "object") {
    v = cell.v;
    s = cell.s;
  } else v = cell;
  const at = ref(row, col);
  const st = s ? ` s="${s}"` : "";
  if (v === null || v === "") return s ? `<c r="${at}"${st}/>` : "";
  if (typeof v === "number")
    return Number.isFinite(v)
      ? `<c r="${at}"${st}><v>${v}</v></c>`
      : `<c r="${at}"${st} t="inlineStr"><is><t>${v}</t></is></c>`;
  if (typeof v === "boolean") return `<c r="${at}"${st} t="b"><v>${v ? 1 : 0}</v></c>`;
  // Excel's cell limit is 32,767 characters; longer text is cut rather than rejected.
  const text = storedText(v);
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${at}"${st} t="inlineStr"><is><t${space}>${xstringXml(text)}</t></is></c>`;
}

export interface SheetXmlOptions {
  /** Column widths in characters, from column A. */
  widths?: (number | undefined)[];
  /** Freeze the rows above this 0-based row (and no columns). */
  freezeRows?: number;
  /** Row heights (points) by 0-based row. */
  heights?: Record<number, number>;
  tabColor?: string;
  /** Print scaled to fit (set with a pageSetup's fitToWidth in afterData). */
  fitToPage?: boolean;
  /** Extra XML placed after sheetData in schema order (autoFilter, mergeCells, conditionalFormatting, dataValidations, hyperlinks, page setup...). */
  afterData?: string;
  /** XML after the page setup: drawing, legacyDrawing, tableParts. */
  tail?: string;
  /** 0-based top-left of the rows (default A1). */
  top?: number;
  left?: number;
  showGridLines?: boolean;
  selected?: boolean;
  /** Row outline levels by 0-based row (Excel's grouping). */
  outline?: number[];
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export function worksheetXml(rows: CellOut[][], o: SheetXmlOptions = {}): string {
  return [...worksheetChunks(rows, o)].join("");
}

/**
 * The worksheet's XML in pieces: the head, then each row, then the tail. A large report sheet is
 * deflated piece by piece (part-stream.ts), so its whole XML is never one string.
 */
export function* worksheetChunks(rows: CellOut[][], o: SheetXmlOptions = {}): Generator<string> {
  yield worksheetHead(rows, o);
  const top = o.top ?? 0;
  const left = o.left ?? 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!r) continue; // a hole in a sparse array, as forEach skipped
    const rowNo = top + i;
    let cells = "";
    for (let c = 0; c < r.length; c++) if (r[c] !== undefined) cells += cellXml(rowNo, left + c, r[c]);
    const ht = o.heights?.[rowNo];
    const lvl = o.outline?.[rowNo];
    const h = (ht ? ` ht="${ht}" customHeight="1"` : "") + (lvl ? ` outlineLevel="${lvl}"` : "");
    if (cells || h) yield `<row r="${rowNo + 1}"${h}>${cells}</row>`;
  }
  yield "</sheetData>" + (o.afterData ?? "") + (o.tail ?? "") + "</worksheet>";
}

/** Everything before the first row: properties, dimension, views, format, columns. */
function worksheetHead(rows: CellOut[][], o: SheetXmlOptions): string {
  const top = o.top ?? 0;
  const left = o.left ?? 0;
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>`];
  const tab = o.tabColor ? `<tabColor rgb="FF${o.tabColor}"/>` : "";
  const fit = o.fitToPage ? `<pageSetUpPr fitToPage="1"/>` : "";
  if (tab || fit) parts.push(`<sheetPr>${tab}${fit}</sheetPr>`);
  let maxCol = 0;
  for (const r of rows) maxCol = Math.max(maxCol, r.length);
  const dim = rows.length && maxCol ? `A1:${a1(top + rows.length - 1, left + maxCol - 1)}` : "A1";
  parts.push(`<dimension ref="${dim}"/>`);
  const grid = o.showGridLines === false ? ' showGridLines="0"' : "";
  const sel = o.selected ? ' tabSelected="1"' : "";
  if (o.freezeRows) {
    const f = o.freezeRows;
    parts.push(
      `<sheetViews><sheetView workbookViewId="0"${grid}${sel}><pane ySplit="${f}" topLeftCell="${a1(f, 0)}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${a1(f, 0)}" sqref="${a1(f, 0)}"/></sheetView></sheetViews>`,
    );
  } else parts.push(`<sheetViews><sheetView workbookViewId="0"${grid}${sel}/></sheetViews>`);
  parts.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  if (o.widths?.some((w) => w !== undefined)) {
    parts.push("<cols>");
    o.widths.forEach((w, i) => {
      if (w !== undefined) parts.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
    });
    parts.push("</cols>");
  }
  parts.push("<sheetData>");
  return parts.join("");
}

/** A list validation (drop-down) over a range. Items may not contain commas or quotes. */
export function listValidation(sqref: string, items: readonly string[], prompt?: string): string {
  const list = items.map((s) => s.replace(/[",]/g, "")).join(",");
  const p = prompt ? ` showInputMessage="1" prompt="${escapeXml(prompt.slice(0, 255))}"` : "";
  return `<dataValidation type="list" allowBlank="1" showErrorMessage="1"${p} sqref="${sqref}"><formula1>"${escapeXml(list)}"</formula1></dataValidation>`;
}

/** A whole-number validation (for 1–5 scores). */
export function wholeValidation(sqref: string, min: number, max: number): string {
  return `<dataValidation type="whole" allowBlank="1" showErrorMessage="1" errorTitle="Score" error="Enter a whole number from ${min} to ${max}." sqref="${sqref}"><formula1>${min}</formula1><formula2>${max}</formula2></dataValidation>`;
}
