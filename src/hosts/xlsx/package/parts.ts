import { wholeNumber } from "../../../core/primitives/text";
import { parseTree, XmlError, type XmlNode } from "../xml";
import { DEFAULT_ZIP_LIMITS, ZipError, type ZipArchive, type ZipLimits } from "../zip";

/** The package's types and limits, and reading one part as text or as a tree (a plain error when it cannot be read). */

/**
 * An opened .xlsx package: the zip, and the parts found through its relationships (never by
 * guessing names: producers place parts differently). Small parts are parsed with the XML
 * module's tree, which keeps offsets so edits splice the user's text rather than rewrite it.
 */
export interface SheetEntry {
  name: string;
  /** The worksheet part, or "" for a chart sheet, dialog sheet or a sheet whose part is missing. */
  path: string;
  rid: string;
  sheetId: number;
  state: string;
  /** Position in the workbook's <sheets> (what localSheetId and activeTab count). */
  index: number;
  node: XmlNode;
}

export interface XlsxPackage {
  zip: ZipArchive;
  workbookPath: string;
  workbookXml: string;
  workbook: XmlNode;
  /** Worksheets only, in workbook order. */
  sheets: SheetEntry[];
  /** Every <sheet> in workbook order, chart sheets included (defined names index this list). */
  allSheets: SheetEntry[];
  allSheetNames: string[];
  date1904: boolean;
  /** Saved as Strict Open XML (ISO/IEC 29500 Strict): readable, but reports are not added to it. */
  strict: boolean;
  limits: PackageLimits;
}

/** The ceilings on work and memory, each refused in one line (docs/xlsx-host.md lists them). */
export interface PackageLimits extends ZipLimits {
  /** Most cells with a value read from the whole workbook (Office.js's own ceiling per read). */
  maxCells: number;
  /** Longest text part (characters) handed to the XML reader: JavaScript's string ceiling is near 2^29. */
  maxPartChars: number;
}

export const DEFAULT_LIMITS: Readonly<PackageLimits> = Object.freeze({
  ...DEFAULT_ZIP_LIMITS,
  maxCells: 5_000_000,
  maxPartChars: 256 * 1024 * 1024,
});

export class XlsxReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxReadError";
  }
}

export const AGAIN = "Open it in Excel and save it again as an Excel Workbook (.xlsx)";

/** A zip error in the words of someone who chose a workbook. */
export function zipMessage(e: ZipError): string {
  switch (e.code) {
    case "too-many-entries":
    case "too-large":
      return `it is larger than this tool reads (${e.message.replace(/\.$/, "")}). Split the workbook or remove what the programme does not need, then run again`;
    case "encrypted":
      return "it is password-protected. Open it in Excel, remove the password (File > Info > Protect Workbook), save it and run again";
    case "not-zip":
      return "it is not an Excel workbook (.xlsx). If it is a CSV or another format, open it in Excel and save it as an Excel Workbook (.xlsx)";
    default:
      return `it is damaged or not a complete .xlsx file (${e.message}). ${AGAIN}`;
  }
}

/** Reads a part as text within the limits; null when the package has no such part. */
export function partText(pkg: { zip: ZipArchive; limits: PackageLimits }, path: string): string | null {
  const entry = pkg.zip.get(path);
  if (!entry || entry.isDirectory) return null;
  try {
    const text = entry.readText();
    if (text.length > pkg.limits.maxPartChars)
      throw new XlsxReadError(
        `its part ${path} holds more than ${wholeNumber(pkg.limits.maxPartChars)} characters, more than this tool reads. Split the workbook, then run again`,
      );
    return text;
  } catch (e) {
    if (e instanceof ZipError) throw new XlsxReadError(zipMessage(e));
    if (e instanceof RangeError)
      throw new XlsxReadError(
        `its part ${path} is larger than this tool can hold in memory. Split the workbook, then run again`,
      );
    throw e;
  }
}

/** Parses a small part (workbook, relationships, styles, content types) or says which part is broken. */
export function partTree(pkg: { zip: ZipArchive; limits: PackageLimits }, path: string): XmlNode | null {
  const text = partText(pkg, path);
  if (text === null) return null;
  try {
    return parseTree(text);
  } catch (e) {
    if (e instanceof XmlError)
      throw new XlsxReadError(`its part ${path} is not well-formed XML (${e.message}). ${AGAIN}`);
    throw e;
  }
}
