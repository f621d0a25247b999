import { a1, MAX_ROW, parseRange, type CellValue } from "../../model/cell";
import type { SheetSnapshot, SnapshotProblem, TableSnapshot, WorkbookSnapshot } from "../../model/snapshot";
import { REPORT_MARKER } from "../../report/plan";
import {
  markedSheets,
  openPackage,
  partText,
  partTree,
  readRels,
  resolveTarget,
  XlsxReadError,
  type PackageLimits,
  type SheetEntry,
  type XlsxPackage,
} from "./package";
import { readSheetCells, type RowInfo } from "./spreadsheetml/cells";
import { readSharedStrings as readSst } from "./spreadsheetml/shared-strings";
import { getAttr, XmlError } from "./xml";
import { readMspdi } from "../mspdi/read";

export { XlsxReadError };

export interface ReadOptions {
  /** Called after each sheet, for progress on big workbooks. */
  onSheet?: (name: string, index: number, count: number) => void;
  /** Sheets to leave out (our own report sheets, say). */
  skipSheet?: (name: string) => boolean;
  /** Lower ceilings than the defaults (tests, the browser). */
  limits?: Partial<PackageLimits>;
}

/** Shared strings, with the problems found in each (text Excel would store differently). */
interface SharedStrings {
  items: string[];
  problems: Map<number, string>;
}

/** Thrown by the row callback at the first row past Excel's grid, to stop reading the sheet. */
const PAST_GRID = new Error("past the grid");

/** Most problems kept per sheet: beyond that they are counted in one line. */
const MAX_PROBLEMS = 50;

function notWellFormed(where: string, e: XmlError): XlsxReadError {
  return new XlsxReadError(
    `${where} is not well-formed XML (${e.message}). Open the file in Excel, let it repair the file, and save it again`,
  );
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
  const sstSeen = new Set<number>();
  // Values Excel would not have stored (a bad shared-text index, NaN): a problem at the cell, the first MAX_PROBLEMS of them.
  let notes = 0;
  const note = (r: number, c: number, message: string) => {
    if (++notes <= MAX_PROBLEMS) problems.push({ sheet: name, cell: a1(r, c), message });
  };
  const onCell = (r: number, c: number, t: string, raw: string, _s: number): void => {
    let value: CellValue;
    switch (t) {
      case "s": {
        const i = Number(raw);
        value = sst.items[i] ?? "";
        if (!(i in sst.items) && !sstSeen.has(-1 - i)) {
          sstSeen.add(-1 - i);
          note(
            r,
            c,
            `it refers to shared text number ${raw.trim()}, but the workbook holds ${sst.items.length.toLocaleString("en-GB")}; it was read as blank`,
          );
        }
        const p = sst.problems.get(i);
        if (p !== undefined && !sstSeen.has(i)) {
          sstSeen.add(i);
          problems.push({ sheet: name, cell: a1(r, c), message: p });
        }
        break;
      }
      case "b":
        value = raw.trim() === "1" || raw.trim() === "true";
        break;
      case "e":
        value = { error: raw.trim() };
        break;
      case "str":
      case "inlineStr":
      case "d":
        value = raw;
        break;
      default: {
        const n = Number(raw);
        value = raw.trim() === "" ? null : Number.isFinite(n) ? n : raw;
        if (typeof value === "string")
          note(
            r,
            c,
            `it holds "${raw.trim().slice(0, 40)}" as a number, which is not one Excel can store (NaN or infinity); it was read as text`,
          );
      }
    }
    if (value === null || value === "") return;
    if (++budget.cells > budget.max)
      throw new XlsxReadError(
        `it holds more than ${budget.max.toLocaleString("en-GB")} cells with values, more than this tool reads (Excel's own add-ins read at most that many at once). Move old data to another workbook, then run again`,
      );
    (rows[r] ??= [])[c] = value;
  };
  let result: ReturnType<typeof readSheetCells>;
  const onRow = (r: number, info: RowInfo) => {
    // Rows go down the sheet (ECMA-376 Part 1, 18.3.1.73): past Excel's last row, nothing more is on the grid.
    if (r > MAX_ROW) throw PAST_GRID;
    if (info.outlineLevel > 0) outline[r] = info.outlineLevel;
  };
  try {
    result = readSheetCells(xml, onCell, { maxProblems: MAX_PROBLEMS, onRow });
  } catch (e) {
    if (e === PAST_GRID) {
      problems.push({
        sheet: name,
        cell: "",
        message: `rows after row 1,048,576, Excel's last row, were left out: Excel cannot show them`,
      });
      result = { cells: 0, rows: 0, problems: [], problemsDropped: 0 };
    } else if (e instanceof XmlError) throw notWellFormed(`sheet "${name}"`, e);
    else throw e;
  }
  if (notes > MAX_PROBLEMS)
    problems.push({
      sheet: name,
      cell: "",
      message: `${notes - MAX_PROBLEMS} more cells hold values Excel would not have stored`,
    });
  for (const p of result.problems)
    problems.push({ sheet: name, cell: /^[A-Z]+\d+$/.test(p.ref) ? p.ref : "", message: p.message });
  if (result.problemsDropped)
    problems.push({
      sheet: name,
      cell: "",
      message: `${result.problemsDropped} more cells have text that could not be read exactly`,
    });
  return outline.length ? { name, top: 0, left: 0, rows, outline } : { name, top: 0, left: 0, rows };
}

export function readSharedStrings(pkg: XlsxPackage): SharedStrings {
  const rel = readRels(pkg, pkg.workbookPath).find((r) => /\/sharedStrings$/.test(r.type));
  const path = rel ? resolveTarget(pkg.workbookPath, rel.target) : "xl/sharedStrings.xml";
  const xml = partText(pkg, path);
  if (xml === null) return { items: [], problems: new Map() };
  try {
    const r = readSst(xml, { maxProblems: MAX_PROBLEMS });
    return {
      items: r.items,
      problems: new Map(r.problems.filter((p) => p.index >= 0).map((p) => [p.index, p.message])),
    };
  } catch (e) {
    if (e instanceof XmlError) throw notWellFormed("its shared strings part", e);
    throw e;
  }
}

/** The last row and column holding a value (-1 when none): what a table ref over the whole grid is clipped to. */
function usedExtent(sheet: SheetSnapshot): { bottom: number; right: number } {
  let bottom = -1;
  let right = -1;
  for (const k in sheet.rows) {
    const r = sheet.rows[Number(k)];
    if (!r) continue;
    bottom = Math.max(bottom, Number(k) + sheet.top);
    right = Math.max(right, r.length - 1 + sheet.left);
  }
  return { bottom, right };
}

/**
 * A sheet's tables, each ref clipped to the cells present (a declared ref is never trusted: a
 * table over A1:XFD1048576 costs what the sheet holds, not the grid).
 */
function readTables(pkg: XlsxPackage, sheet: SheetEntry, used: { bottom: number; right: number }): TableSnapshot[] {
  const out: TableSnapshot[] = [];
  for (const rel of readRels(pkg, sheet.path)) {
    if (!/\/table$/.test(rel.type) || rel.external) continue;
    const t = partTree(pkg, resolveTarget(sheet.path, rel.target));
    if (!t || t.local !== "table") continue;
    const range = parseRange(getAttr(t, "ref") ?? "");
    const name = getAttr(t, "displayName") ?? getAttr(t, "name");
    if (!range || !name || getAttr(t, "headerRowCount") === "0") continue;
    const clipped = {
      ...range,
      bottom: Math.max(range.top, Math.min(range.bottom, used.bottom)),
      right: Math.max(range.left, Math.min(range.right, used.right)),
    };
    out.push({ name, sheet: sheet.name, range: clipped });
  }
  return out;
}

/** Reads a whole workbook into the core's snapshot. Throws XlsxReadError for a file that is not a workbook or exceeds a limit. */
export async function readWorkbook(data: Uint8Array, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  return readPackage(openPackage(data, opts.limits), opts);
}

/**
 * Opens a file the tool reads by its name: Microsoft Project's XML (MSPDI, .xml: src/hosts/mspdi,
 * read as a Project export) or an .xlsx/.xlsm workbook. Throws MspdiReadError or XlsxReadError.
 */
export async function openFile(name: string, data: Uint8Array, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  if (/\.xml$/i.test(name)) {
    // XML declares its encoding by a byte-order mark or defaults to UTF-8 (XML 1.0, appendix F).
    const utf16 =
      data[0] === 0xff && data[1] === 0xfe ? "utf-16le" : data[0] === 0xfe && data[1] === 0xff ? "utf-16be" : null;
    return readMspdi(new TextDecoder(utf16 ?? "utf-8").decode(data));
  }
  return readWorkbook(data, opts);
}

export function readPackage(pkg: XlsxPackage, opts: ReadOptions = {}): WorkbookSnapshot {
  const sst = readSharedStrings(pkg);
  const sheets: SheetSnapshot[] = [];
  const tables: TableSnapshot[] = [];
  const problems: SnapshotProblem[] = [];
  const budget = { cells: 0, max: pkg.limits.maxCells };
  let i = 0;
  for (const s of pkg.sheets) {
    i++;
    if (opts.skipSheet?.(s.name)) continue;
    const xml = partText(pkg, s.path);
    if (xml === null)
      throw new XlsxReadError(
        `sheet "${s.name}" is listed but its part ${s.path} is missing. Open the file in Excel, let it repair the file, and save it again`,
      );
    const sheet = parseSheet(xml, sst, s.name, budget, problems);
    sheets.push(sheet);
    tables.push(...readTables(pkg, s, usedExtent(sheet)));
    opts.onSheet?.(s.name, i, pkg.sheets.length);
  }
  const reportSheets = markedSheets(pkg, REPORT_MARKER).map(({ sheet, key }) => ({ sheet, key }));
  return problems.length
    ? { sheets, tables, date1904: pkg.date1904, reportSheets, problems }
    : { sheets, tables, date1904: pkg.date1904, reportSheets };
}
