import { a1, columnLetters, type CellValue } from "../primitives/cell";
import type { SheetSnapshot, SnapshotProblem, WorkbookSnapshot } from "../primitives/snapshot";
import { decodeWindows1252 } from "../primitives/windows-1252";
import { MAX_CELL_TEXT, wholeNumber } from "../primitives/text";
import { excelSheetName } from "../primitives/sheet-name";

/**
 * A CSV file as one sheet (RFC 4180: quoted fields with doubled quotes, line breaks inside quotes,
 * CRLF or LF). The separator is the one the header line uses most outside quotes: comma,
 * semicolon (Excel's in locales whose decimal mark is a comma) or tab (Excel's "Unicode text").
 * Whole numbers and decimals become numbers, as Excel opens them — except those with a leading
 * zero (an ID such as 007 stays text); everything else stays text for the typed readers (dates,
 * money, percentages).
 *
 * What Excel could not show, or what was probably not meant, is a problem at its cell, never a
 * silent change: a quote never closed (read as a plain character, so it does not swallow the rest
 * of the file), a row split by another separator than the header's, cells past the header,
 * text longer than a cell holds, and rows or columns past Excel's grid (left out, as Excel does).
 */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;
/** Excel's most characters in a cell. */
export const EXCEL_CELL_CHARS = MAX_CELL_TEXT;

/** A CSV over a budget: refused in one line (the command line names the limit). */
export class CsvLimitError extends Error {}

export interface CsvOptions {
  /** Most cells with a value: beyond it, CsvLimitError. */
  maxCells?: number;
}

export interface CsvRead {
  sheet: SheetSnapshot;
  problems: SnapshotProblem[];
}

/** Most problems of one kind named at their cell; the rest are counted in one line. */
const MAX_EACH = 20;

export function parseCsv(text: string, sheetName: string): SheetSnapshot {
  return readCsvText(text, sheetName).sheet;
}

export function readCsvText(text: string, sheetName: string, opts: CsvOptions = {}): CsvRead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const problems = new Problems(sheetName);
  const rows = new CsvScan(body, separatorOf(body), opts.maxCells ?? Infinity, problems).run();
  return { sheet: { name: sheetName, top: 0, left: 0, rows }, problems: problems.list() };
}

/** One pass over a CSV's text, character by character, into rows of cells. */
class CsvScan {
  private readonly rows: CellValue[][] = [];
  private cells = 0;
  private row: CellValue[] = [];
  private field = "";
  private quoted = false;
  private wasQuoted = false;
  private quoteAt = -1; // where the open quote is, in body
  private rowStart = 0;
  private readonly literalQuotes = new Set<number>(); // quotes never closed: read as plain characters
  private sepsOther = 0; // separators of another kind seen outside quotes in this row
  private headerWidth = -1;
  private droppedRows = 0;

  constructor(
    private readonly body: string,
    private readonly sep: string,
    private readonly maxCells: number,
    private readonly problems: Problems,
  ) {}

  run(): CellValue[][] {
    const { body, sep } = this;
    for (let i = 0; ; i++) {
      if (i >= body.length) {
        if (!this.quoted) break;
        i = this.unclosedQuote() - 1;
        continue;
      }
      const ch = body[i];
      if (this.quoted) {
        if (ch === '"') {
          if (body[i + 1] === '"') {
            this.field += '"';
            i++;
          } else this.quoted = false;
        } else this.field += ch;
      } else if (ch === '"' && this.field === "" && !this.literalQuotes.has(i)) {
        this.quoted = true;
        this.wasQuoted = true;
        this.quoteAt = i;
      } else if (ch === sep) this.endField();
      else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && body[i + 1] === "\n") i++;
        this.endRow();
        this.rowStart = i + 1;
      } else {
        if (ch === "," || ch === ";" || ch === "\t") this.sepsOther++;
        this.field += ch;
      }
    }
    return this.finish();
  }

  /** The quote never closes: read it as a plain character and read its row again from the start (returned). */
  private unclosedQuote(): number {
    this.problems.add(
      "quote",
      a1(this.rows.length, this.row.length),
      `a quote (") opens this cell and is never closed, so it was read as a plain character rather than taking in the rest of the file. Check the quotes in this row`,
    );
    this.literalQuotes.add(this.quoteAt);
    if (this.literalQuotes.size > 1000) throw new CsvLimitError("it has more than 1,000 quotes that are never closed");
    this.cells -= this.row.filter((v) => v !== null).length;
    this.quoted = this.wasQuoted = false;
    this.field = "";
    this.row = [];
    this.sepsOther = 0;
    return this.rowStart;
  }

  private endField(): void {
    const { row, field, rows } = this;
    const c = row.length;
    if (c < EXCEL_COLUMNS) {
      const v = cellOf(field, this.wasQuoted);
      if (v !== null && ++this.cells > this.maxCells)
        throw new CsvLimitError(`it holds more than ${wholeNumber(this.maxCells)} cells with values`);
      if (typeof v === "string" && v.length > EXCEL_CELL_CHARS && rows.length < EXCEL_ROWS)
        this.problems.add(
          "long",
          a1(rows.length, c),
          `it holds ${wholeNumber(v.length)} characters and an Excel cell holds at most ${wholeNumber(MAX_CELL_TEXT)}, so the report's copy keeps the first ${wholeNumber(MAX_CELL_TEXT)}`,
        );
      row.push(v);
    } else if (c === EXCEL_COLUMNS && field !== "" && rows.length < EXCEL_ROWS)
      this.problems.add(
        "wide",
        a1(rows.length, EXCEL_COLUMNS - 1),
        `this row goes on past column XFD, Excel's last; the cells after XFD were left out`,
      );
    else row.push(null);
    this.field = "";
    this.wasQuoted = false;
  }

  private endRow(): void {
    this.endField();
    const { row, rows } = this;
    if (row.length > EXCEL_COLUMNS) row.length = EXCEL_COLUMNS;
    const r = rows.length;
    if (r >= EXCEL_ROWS) {
      if (row.some((v) => v !== null)) this.droppedRows++;
    } else {
      if (this.headerWidth < 0 && row.some((v) => v !== null)) this.headerWidth = lastFilled(row) + 1;
      else if (this.headerWidth > 0) raggedness(row, r, this.headerWidth, this.sep, this.sepsOther, this.problems);
      rows.push(row.some((v) => v !== null) ? row : []);
    }
    this.row = [];
    this.sepsOther = 0;
  }

  /** The last row, trailing blank rows dropped, and the rows past Excel's grid counted. */
  private finish(): CellValue[][] {
    const { rows } = this;
    if (this.field !== "" || this.row.length) this.endRow();
    while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
    if (this.droppedRows)
      this.problems.add(
        "tall",
        "",
        `${wholeNumber(this.droppedRows)} rows after row 1,048,576, Excel's last, were left out (Excel leaves them out too)`,
      );
    return rows;
  }
}

function lastFilled(row: CellValue[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i] !== null) return i;
  return -1;
}

/** A row with cells past the header, or one that reads as a single cell holding another kind of separator. */
function raggedness(
  row: CellValue[],
  r: number,
  width: number,
  sep: string,
  sepsOther: number,
  problems: Problems,
): void {
  const last = lastFilled(row);
  if (last < 0) return;
  if (last >= width) {
    problems.add(
      "ragged",
      a1(r, width),
      `this row has cells past the header's last column ${columnLetters(width - 1)}, so they have no heading. Check for a ${sepName(sep)} inside a value that should have been in quotes`,
    );
    return;
  }
  if (width >= 3 && last === 0 && sepsOther >= 2) {
    const v = String(row[0]);
    const other = [",", ";", "\t"].filter((s) => s !== sep).sort((a, b) => v.split(b).length - v.split(a).length)[0];
    problems.add(
      "mixed",
      a1(r, 0),
      `this row is separated by ${sepName(other)}s, not by ${sepName(sep)}s as the header is, so it was read as one cell. Save the file again with one separator`,
    );
  }
}

const sepName = (s: string) => (s === "\t" ? "tab" : s === ";" ? "semicolon" : "comma");

/** Problems by kind, each kept to MAX_EACH at their cells and the rest counted. */
class Problems {
  private readonly kept: SnapshotProblem[] = [];
  private readonly counts = new Map<string, number>();
  constructor(private readonly sheet: string) {}
  add(kind: string, cell: string, message: string): void {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    if (n <= MAX_EACH) this.kept.push({ sheet: this.sheet, cell, message });
  }
  list(): SnapshotProblem[] {
    const out = [...this.kept];
    for (const [, n] of this.counts)
      if (n > MAX_EACH)
        out.push({
          sheet: this.sheet,
          cell: "",
          message: `${wholeNumber(n - MAX_EACH)} more rows like the ones named`,
        });
    return out;
  }
}

function separatorOf(text: string): string {
  const line = text.slice(0, Math.max(0, text.indexOf("\n")) || text.length);
  let best = ",";
  let most = -1;
  for (const sep of [",", ";", "\t"]) {
    let n = 0;
    let q = false;
    for (const ch of line) {
      if (ch === '"') q = !q;
      else if (!q && ch === sep) n++;
    }
    if (n > most) {
      most = n;
      best = sep;
    }
  }
  return best;
}

function cellOf(raw: string, quoted: boolean): CellValue {
  if (!quoted && raw.trim() === "") return null;
  if (quoted) return raw;
  const t = raw.trim();
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(t)) {
    const n = Number(t);
    if (Number.isFinite(n)) return n;
  }
  return raw;
}

/** A CSV file's encoding as it was detected (named in the note that says how the file was read). */
export type CsvEncoding = "UTF-8" | "UTF-8 with a byte-order mark" | "UTF-16 LE" | "UTF-16 BE" | "Windows-1252";

/**
 * A CSV file's text, its encoding detected as Excel and Project write them: UTF-16 with a
 * byte-order mark (Excel's "Unicode text"), UTF-8 with or without one, else Windows-1252 (the
 * code page Project's Export Wizard and Excel's "CSV (Comma delimited)" use on English Windows:
 * 0x97 is an em dash, 0x80 the euro sign).
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16 LE" };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16 BE" };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes),
      encoding: bom ? "UTF-8 with a byte-order mark" : "UTF-8",
    };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "Windows-1252" };
  }
}

/** A CSV file as a one-sheet workbook snapshot, its encoding detected and its problems kept for findings at their cells. */
export function readCsvFile(bytes: Uint8Array, fileName: string, opts: CsvOptions = {}): WorkbookSnapshot {
  const { text, encoding } = decodeCsvBytes(bytes);
  const read = readCsvText(text, sheetNameFromFile(fileName), opts);
  return {
    sheets: [read.sheet],
    tables: [],
    date1904: false,
    textEncoding: encoding,
    ...(read.problems.length ? { problems: read.problems } : {}),
  };
}

/** A sheet name from a file name: its base, without the extension, within Excel's rules for names. */
export function sheetNameFromFile(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  return excelSheetName(base, "Data");
}
