import { wholeNumber } from "../../../core/primitives/text";
/**
 * One worksheet part's cells as the core's snapshot holds them: values by cell type, shared
 * strings looked up, what Excel would not have stored said at its cell, within the cell budget.
 */
import { a1, MAX_ROW, type CellValue } from "../../../core/primitives/cell";
import type { SheetSnapshot, SnapshotProblem } from "../../../core/primitives/snapshot";
import { XlsxReadError } from "../package";
import { XmlError } from "../xml";
import { readSheetCells, type CellCallback, type RowInfo, type SheetReadResult } from "./cells";

/** Shared strings, with the problems found in each (text Excel would store differently). */
export interface SharedStrings {
  items: string[];
  problems: Map<number, string>;
}

/** Thrown by the row callback at the first row past Excel's grid, to stop reading the sheet. */
const PAST_GRID = new Error("past the grid");

/** Most problems kept per sheet: beyond that they are counted in one line. */
export const MAX_PROBLEMS = 50;

export function notWellFormed(where: string, e: XmlError): XlsxReadError {
  return new XlsxReadError(
    `${where} is not well-formed XML (${e.message}). Open the file in Excel, let it repair the file, and save it again`,
  );
}

/** What parseSheet keeps while it reads one sheet. */
interface SheetContext {
  name: string;
  sst: SharedStrings;
  problems: SnapshotProblem[];
  /** Shared string indexes already reported (a bad index i as -1 - i). */
  sstSeen: Set<number>;
  /** Values Excel would not have stored (a bad shared-text index, NaN); the first MAX_PROBLEMS become problems. */
  notes: number;
}

function note(ctx: SheetContext, r: number, c: number, message: string): void {
  if (++ctx.notes <= MAX_PROBLEMS) ctx.problems.push({ sheet: ctx.name, cell: a1(r, c), message });
}

/** Shared string `raw` (an index), reporting a bad index and the string's own problem once each. */
function sharedText(ctx: SheetContext, raw: string, r: number, c: number): string {
  const { sst, sstSeen } = ctx;
  const i = Number(raw);
  const value = sst.items[i] ?? "";
  if (!(i in sst.items) && !sstSeen.has(-1 - i)) {
    sstSeen.add(-1 - i);
    note(
      ctx,
      r,
      c,
      `it refers to shared text number ${raw.trim()}, but the workbook holds ${wholeNumber(sst.items.length)}; it was read as blank`,
    );
  }
  const p = sst.problems.get(i);
  if (p !== undefined && !sstSeen.has(i)) {
    sstSeen.add(i);
    ctx.problems.push({ sheet: ctx.name, cell: a1(r, c), message: p });
  }
  return value;
}

/** A cell's value as the snapshot holds it, from its type (ST_CellType) and text. */
function cellValue(ctx: SheetContext, t: string, raw: string, r: number, c: number): CellValue {
  switch (t) {
    case "s":
      return sharedText(ctx, raw, r, c);
    case "b":
      return raw.trim() === "1" || raw.trim() === "true";
    case "e":
      return { error: raw.trim() };
    case "str":
    case "inlineStr":
    case "d":
      return raw;
    default: {
      const n = Number(raw);
      const value = raw.trim() === "" ? null : Number.isFinite(n) ? n : raw;
      if (typeof value === "string")
        note(
          ctx,
          r,
          c,
          `it holds "${raw.trim().slice(0, 40)}" as a number, which is not one Excel can store (NaN or infinity); it was read as text`,
        );
      return value;
    }
  }
}

/** readSheetCells, with rows past Excel's grid left out (and said so) and XML errors in plain words. */
function readCells(xml: string, ctx: SheetContext, onCell: CellCallback, outline: number[]): SheetReadResult {
  const onRow = (r: number, info: RowInfo) => {
    // Rows go down the sheet (ECMA-376 Part 1, 18.3.1.73): past Excel's last row, nothing more is on the grid.
    if (r > MAX_ROW) throw PAST_GRID;
    if (info.outlineLevel > 0) outline[r] = info.outlineLevel;
  };
  try {
    return readSheetCells(xml, onCell, { maxProblems: MAX_PROBLEMS, onRow });
  } catch (e) {
    if (e === PAST_GRID) {
      ctx.problems.push({
        sheet: ctx.name,
        cell: "",
        message: `rows after row 1,048,576, Excel's last row, were left out: Excel cannot show them`,
      });
      return { cells: 0, rows: 0, problems: [], problemsDropped: 0 };
    }
    if (e instanceof XmlError) throw notWellFormed(`sheet "${ctx.name}"`, e);
    throw e;
  }
}

/** The reader's problems at their cells, and a line for each kind of problem past the first MAX_PROBLEMS. */
function addProblems(ctx: SheetContext, result: SheetReadResult): void {
  const { name, problems } = ctx;
  if (ctx.notes > MAX_PROBLEMS)
    problems.push({
      sheet: name,
      cell: "",
      message: `${ctx.notes - MAX_PROBLEMS} more cells hold values Excel would not have stored`,
    });
  for (const p of result.problems)
    problems.push({ sheet: name, cell: /^[A-Z]+\d+$/.test(p.ref) ? p.ref : "", message: p.message });
  if (result.problemsDropped)
    problems.push({
      sheet: name,
      cell: "",
      message: `${result.problemsDropped} more cells have text that could not be read exactly`,
    });
}

/**
 * One worksheet's cells as the snapshot holds them, read in one linear pass (comments, CDATA,
 * namespace prefixes and Excel's _xHHHH_ escapes honoured by the XML module). Work is in
 * proportion to the cells present: a value in XFD1048576 is one cell, not a box.
 */
export function parseSheet(
  xml: string,
  sst: SharedStrings,
  name: string,
  budget: { cells: number; max: number },
  problems: SnapshotProblem[],
): SheetSnapshot {
  const rows: CellValue[][] = [];
  const outline: number[] = [];
  const ctx: SheetContext = { name, sst, problems, sstSeen: new Set(), notes: 0 };
  const onCell = (r: number, c: number, t: string, raw: string): void => {
    const value = cellValue(ctx, t, raw, r, c);
    if (value === null || value === "") return;
    if (++budget.cells > budget.max)
      throw new XlsxReadError(
        `it holds more than ${wholeNumber(budget.max)} cells with values, more than this tool reads (Excel's own add-ins read at most that many at once). Move old data to another workbook, then run again`,
      );
    (rows[r] ??= [])[c] = value;
  };
  addProblems(ctx, readCells(xml, ctx, onCell, outline));
  return outline.length ? { name, top: 0, left: 0, rows, outline } : { name, top: 0, left: 0, rows };
}
