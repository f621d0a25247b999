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
  /** Cell values, row by row; rows may be ragged (missing cells are blank). */
  rows: CellValue[][];
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
}

/** The value at a sheet's absolute 0-based row/column, or null when outside what was read. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = sheet.rows[row - sheet.top];
  if (!r) return null;
  const v = r[col - sheet.left];
  return v === undefined ? null : v;
}
