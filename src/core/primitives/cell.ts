/**
 * Cell values and addresses as every host hands them to the core.
 * A value is what Excel stores: a number (dates are serial numbers), text,
 * a boolean, an error such as #REF!, or nothing.
 */

export interface CellError {
  error: string; // "#REF!", "#N/A", ...
}

export type CellValue = string | number | boolean | null | CellError;

export function isCellError(v: CellValue): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}

/** True for null, undefined and strings that hold only white space. */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** 0-based column index to letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters to 0-based column index: A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based row and column to an A1 address. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Largest 0-based row and column indexes Excel allows (rows 1..1048576, columns A..XFD). */
export const MAX_ROW = 1048575;
export const MAX_COL = 16383;

/**
 * Reads an A1 address written as letters then digits ("B7", "b7", "XFE3") in text[start, end)
 * into `into` (0-based row and col), without allocating: for the file reader, which meets one per
 * cell. False, leaving `into` as it was, when it is not one. Addresses beyond Excel's grid are read
 * (up to column 1,000,000 and row 100,000,000) so a caller can say so; "A0" reads as row -1.
 */
export function scanA1(text: string, start: number, end: number, into: { row: number; col: number }): boolean {
  let j = start;
  let col = 0;
  for (; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else break;
    if (col > 1e6) return false;
  }
  if (j === start || j === end) return false;
  let row = 0;
  for (; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c < 48 || c > 57) return false;
    row = row * 10 + c - 48;
    if (row > 1e8) return false;
  }
  into.row = row - 1;
  into.col = col - 1;
  return true;
}

/** Parses "B7" (with or without $) into 0-based {row, col}; null when it is not a cell address. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number; // inclusive
  right: number; // inclusive
}

/** Parses "A1:D20" (or a single cell) into a 0-based inclusive range. */
export function parseRange(ref: string): CellRange | null {
  const [from, to] = ref.split(":");
  const a = parseA1(from);
  const b = to === undefined ? a : parseA1(to);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rangeAddress(r: CellRange): string {
  const tl = a1(r.top, r.left);
  const br = a1(r.bottom, r.right);
  return tl === br ? tl : `${tl}:${br}`;
}

/** Quotes a sheet name for use in a reference such as 'Risk Log'!B4. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !parseA1(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
