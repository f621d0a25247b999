/** What readSheetCells (cells.ts) takes and gives. */

/** Row properties passed to `onRow` (ECMA-376 Part 1, 18.3.1.73 row). */
export interface RowInfo {
  /** outlineLevel attribute, 0 when absent. */
  outlineLevel: number;
  /** hidden attribute ("1" or "true"). */
  hidden: boolean;
  /** Offset of the row's '<' (for `tagAttrValue`). */
  at: number;
}

/**
 * Called once per cell that has a value. row and col are 0-based (row 0 is spreadsheet row
 * 1, col 0 is column A). type is the cell's t attribute ("n" when absent; one of n, s, b, e,
 * str, inlineStr, d, or the raw value if unknown). value is the decoded text of `<v>` (for t="s"
 * the shared string index as written; for numbers the number as written), or for inlineStr
 * the joined text of `<is>`. style is the s attribute (0 when absent). at is the offset of the
 * cell's '<', for reading other attributes with `tagAttrValue`.
 */
export type CellCallback = (row: number, col: number, type: string, value: string, style: number, at: number) => void;

export interface SheetProblem {
  /** A1 reference of the cell ("B7"), the row number ("7") for row problems, or "" otherwise. */
  ref: string;
  message: string;
}

export interface ReadSheetOptions {
  /** Called at each `<row>` start tag, before its cells. row is 0-based. */
  onRow?: (row: number, info: RowInfo) => void;
  /** Keep at most this many problems (default 1000); the rest are only counted. */
  maxProblems?: number;
}

export interface SheetReadResult {
  /** Number of onCell calls. */
  cells: number;
  /** Number of row elements read. */
  rows: number;
  problems: SheetProblem[];
  /** Problems found beyond maxProblems. */
  problemsDropped: number;
}
