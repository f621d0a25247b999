/** Helpers shared by the tests of the XML and SpreadsheetML layers (test/hosts/xlsx/xml, spreadsheetml). */
import { readSheetCells } from "../../../src/hosts/xlsx/spreadsheetml/cells";
import { isXmlChar, scanXml, SPREADSHEETML_NS, SPREADSHEETML_STRICT_NS, XmlError } from "../../../src/hosts/xlsx/xml";
// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

export type Event = [string, ...(string | number | boolean)[]];

/** Every scanner event, with names and text slices, for compact assertions. */
export function events(xml: string): Event[] {
  const out: Event[] = [];
  scanXml(xml, {
    start: (name, as, ae, sc, ts, te) => out.push(["start", name, xml.slice(as, ae), sc, ts, te]),
    end: (name, ts, te) => out.push(["end", name, ts, te]),
    text: (s, e) => out.push(["text", xml.slice(s, e)]),
    cdata: (s, e) => out.push(["cdata", xml.slice(s, e)]),
  });
  return out;
}

export function startNames(xml: string): string[] {
  const names: string[] = [];
  scanXml(xml, { start: (name) => names.push(name) });
  return names;
}

/** Catches the XmlError a function throws (fails the test if it throws nothing or something else). */
export function xmlError(fn: () => unknown): XmlError {
  try {
    fn();
  } catch (e) {
    if (e instanceof XmlError) return e;
    throw e;
  }
  throw new Error("expected an XmlError");
}

export const MAIN = SPREADSHEETML_NS;
export const STRICT = SPREADSHEETML_STRICT_NS;

export interface Cell {
  row: number;
  col: number;
  type: string;
  value: string;
  style: number;
}

export function cellsOf(
  xml: string,
  opts: Parameters<typeof readSheetCells>[2] = {},
): { cells: Cell[]; problems: { ref: string; message: string }[]; rows: number } {
  const cells: Cell[] = [];
  const r = readSheetCells(xml, (row, col, type, value, style) => cells.push({ row, col, type, value, style }), opts);
  return { cells, problems: r.problems, rows: r.rows };
}

/** A worksheet around some sheetData content, default namespace SpreadsheetML. */
export function sheet(body: string, ns = MAIN): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}"><sheetData>${body}</sheetData></worksheet>`;
}

/** Small deterministic PRNG (mulberry32) for plain random generation. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDFFF]/u.test(s);
}

// Pieces that stress the OOXML escape rules when joined in any order.
export const PIECES = [
  "a",
  "Z",
  " ",
  "_",
  "x",
  "X",
  "0",
  "4",
  "5F",
  "D800",
  "_x",
  "_x0041_",
  "_x005F_",
  "_x005f_",
  "_x00e9_",
  "_xD83D__xDE00_",
  "_x0041",
  "x0041_",
  "\u0000",
  "\u0001",
  "\u0008",
  "\u000B",
  "\u000C",
  "\u001F",
  "\t",
  "\n",
  "\r",
  "\r\n",
  "\uFFFE",
  "\uFFFF",
  "\uFFFD",
  "😀",
  "é",
  "&",
  "<",
  ">",
  '"',
  "'",
  "]]>",
  "&amp;",
];

export function randomPieces(next: () => number, maxPieces: number): string {
  const n = Math.floor(next() * maxPieces);
  let s = "";
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

/** Every code point of s is one XML 1.0 allows (section 2.2). */
export function allXmlChars(s: string): boolean {
  for (const ch of s) if (!isXmlChar(ch.codePointAt(0) as number)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
