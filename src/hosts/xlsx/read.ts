/**
 * Reading an .xlsx file into the core's snapshot: the package (package/), then each part's reader
 * (spreadsheetml/: shared strings, sheets, tables), and the sheets an earlier run wrote.
 */
import type { SheetSnapshot, SnapshotProblem, TableSnapshot, WorkbookSnapshot } from "../../core/primitives/snapshot";
import { REPORT_MARKER } from "../../core/report/plan";
import {
  markedSheets,
  openPackage,
  partText,
  readRels,
  resolveTarget,
  XlsxReadError,
  type PackageLimits,
  type XlsxPackage,
} from "./package";
import { readSharedStrings as readSst } from "./spreadsheetml/shared-strings";
import { readTables, usedExtent } from "./spreadsheetml/tables";
import { MAX_PROBLEMS, notWellFormed, parseSheet, type SharedStrings } from "./spreadsheetml/sheet";
import { XmlError } from "./xml";
import { readMspdi } from "../mspdi/read";

export { parseSheet, XlsxReadError };

export interface ReadOptions {
  /** Called after each sheet, for progress on big workbooks. */
  onSheet?: (name: string, index: number, count: number) => void;
  /** Sheets to leave out (our own report sheets, say). */
  skipSheet?: (name: string) => boolean;
  /** Lower ceilings than the defaults (tests, the browser). */
  limits?: Partial<PackageLimits>;
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
