import type { CellRange, CellValue } from "./cell";

/**
 * What a host reads from a workbook and hands to the core: no Office.js, no files.
 * Every value keeps its place, so every finding can name its sheet and cell.
 */
export interface SheetSnapshot {
  name: string;
  /** Row index (0-based) of rows[0] in the sheet. */
  top: number;
  /** Column index (0-based) of rows[r][0] in the sheet. */
  left: number;
  /**
   * Cell values, row by row; rows may be ragged (missing cells are blank) and sparse (a row or a
   * cell never written is a hole): walk them with presentRows, never over the bounding box.
   */
  rows: CellValue[][];
  /** Each row's outline (grouping) level as Excel stores it (0 or absent: not grouped), by the same index as rows. */
  outline?: number[];
}

export interface TableSnapshot {
  name: string;
  sheet: string;
  /** The table's range including its header row (0-based, inclusive). */
  range: CellRange;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  tables: TableSnapshot[];
  /** True when the workbook uses the 1904 date system (Mac Excel's old default). */
  date1904: boolean;
  /** Sheets this tool wrote on an earlier run (found by their marker), with their keys. */
  reportSheets?: { sheet: string; key: string }[];
  /** Cells whose stored text could not be read exactly as written (shown as warnings at the cell). */
  problems?: SnapshotProblem[];
  /** A text file's encoding as detected (a CSV: UTF-8, UTF-16 LE, Windows-1252…), named in the note that says how it was read. */
  textEncoding?: string;
}

/** A cell the host read with a substitution: an invalid character reference, a lone surrogate. */
export interface SnapshotProblem {
  sheet: string;
  /** A1 address, or "" for the sheet as a whole. */
  cell: string;
  message: string;
  /** Not a cell misread but a part of the file the tool follows only in part: its code, as an info note. */
  note?: "other-calendar";
}

/** The value at a sheet's absolute 0-based row/column, or null when outside what was read. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = sheet.rows[row - sheet.top];
  if (!r) return null;
  const v = r[col - sheet.left];
  return v === undefined ? null : v;
}

const present = new WeakMap<CellValue[][], number[]>();

/**
 * The absolute indices of the rows present in a sheet between two rows (inclusive), in order. The
 * cost is the rows present, not the span: a sheet with one value in row 1,048,576 has one row.
 */
export function presentRows(sheet: SheetSnapshot, from: number, to: number): number[] {
  let all = present.get(sheet.rows);
  if (!all) {
    all = [];
    const list = all;
    sheet.rows.forEach((row, i) => {
      if (row) list.push(i);
    });
    present.set(sheet.rows, all);
  }
  const out: number[] = [];
  for (const i of all) {
    const r = i + sheet.top;
    if (r >= from && r <= to) out.push(r);
  }
  return out;
}

/** True when a row holds nothing but blanks between two columns (only the cells present are looked at). */
export function isBlankRow(sheet: SheetSnapshot, row: number, left: number, right: number): boolean {
  const r = sheet.rows[row - sheet.top];
  if (!r) return true;
  // A plain loop (holes read as undefined): it stops at the first value.
  const from = Math.max(0, left - sheet.left);
  const to = Math.min(r.length - 1, right - sheet.left);
  const filled = (v: CellValue | undefined) =>
    !(v === null || v === undefined || (typeof v === "string" && v.trim() === ""));
  if (to - from < 256) {
    for (let i = from; i <= to; i++) if (filled(r[i])) return false;
    return true;
  }
  // A wide span (a row whose only cell is in XFD): its own keys, so the cost is the cells present.
  for (const k in r) {
    const i = Number(k);
    if (i >= from && i <= to && filled(r[i])) return false;
  }
  return true;
}
