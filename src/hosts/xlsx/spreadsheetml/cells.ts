/**
 * The cells of a worksheet part (ECMA-376 Part 1, 18.3.1 sheetData, row, c, v, is), read in one
 * linear pass: the tokenizer for every form, a lexer's shortcut for the usual ones, and one
 * grammar for what a cell's attributes mean.
 */
import { a1, MAX_COL, MAX_ROW, scanA1 } from "../../../core/primitives/cell";
import { decodeXmlAttr, normalizeEol } from "../xml/decode";
import { SpanDecoder } from "../xml/spans";
import { TOK_CDATA, TOK_END, TOK_START, TOK_TEXT, Tokenizer } from "../xml/tokenizer";
import { CellLex, lexCell } from "./cell-lexer";
import { Prefix } from "./prefix";
import { cellTypeAt, isCellType, isTextType, parseUint } from "./cell-values";
import {
  classify,
  K_ALT,
  K_ALT_DONE,
  K_BRANCH,
  K_CELL,
  K_DOC,
  K_ROW,
  K_RST,
  K_SKIP,
  K_T,
  K_V,
  K_WORKSHEET,
  localIs,
  NsTracker,
} from "./kinds";
import type { CellCallback, ReadSheetOptions, RowInfo, SheetProblem, SheetReadResult } from "./sheet-types";
import { decodeOoxmlEscapes, decodeValue } from "./xstring";

export type { CellCallback, ReadSheetOptions, RowInfo, SheetProblem, SheetReadResult };

/**
 * Reads the cells of a worksheet part in one linear pass: the `<c>` elements (ECMA-376 Part 1,
 * 18.3.1.4 c) of the `<row>` elements (18.3.1.73 row) of `<sheetData>` (18.3.1.80), under a
 * root element in the SpreadsheetML main namespace, transitional or Strict, with any prefix.
 * Elements in other namespaces are skipped with their content, except mc:AlternateContent
 * (ECMA-376 Part 3, 7.5-7.7), whose Fallback (or a Choice requiring only SpreadsheetML) is read.
 *
 * - A row without r is the row after the previous one; a cell without r is the column after the
 *   previous cell of its row (the first cell of a row without r is column A), as Excel does.
 *   A malformed r is reported and treated as absent. A cell whose r names another row than its
 *   row element is reported and placed where its r says. Cells beyond XFD or row 1048576 are
 *   reported and skipped.
 * - The value is the text of `<v>` (18.3.1.96 v), or for t="inlineStr" the text of `<is>`
 *   (18.3.1.53 is): its `<t>` (18.4.12 t) and the `<t>` of every `<r>` rich run (18.4.4 r)
 *   joined, phonetic runs `<rPh>` (18.4.6) left out. Cells with neither (formatted blanks) are
 *   not reported. Comments and processing instructions inside values are skipped, CDATA is
 *   literal text.
 * - XML decoding applies to every value; the ST_Xstring `_xHHHH_` escapes (22.9.2.19) apply to
 *   text values (t = str, inlineStr, e, d, or unknown), each `<t>` run decoded on its own, not
 *   to numbers, booleans or shared string indexes.
 * Throws XmlError if the part is not well-formed XML. Problems found in values are returned
 * with the cell's reference.
 *
 * Speed: cells in the usual forms are found by a shortcut past the tokenizer (cell-lexer.ts);
 * everything else (formulas, rich text, comments, CDATA, namespace declarations) by the
 * tokenizer. Either way one grammar (`headCell`) reads what the cell's attributes say. Lone surrogates
 * are looked for only in text with `_x` escapes: a JavaScript string decoded from UTF-8 holds
 * none, and character references to surrogates are rejected.
 */
export function readSheetCells(xml: string, onCell: CellCallback, options: ReadSheetOptions = {}): SheetReadResult {
  const reader = new SheetReader(xml, onCell, options);
  reader.run();
  return reader.result();
}

// Open elements are packed in one number: kind | ctx << 4 | (declares namespaces ? 256 : 0), where
// ctx is the kind its children are read in.
const SCOPED = 256;

/** The state of one readSheetCells pass. */
class SheetReader {
  private readonly tk: Tokenizer;
  private readonly nst: NsTracker;
  private readonly onRow: ReadSheetOptions["onRow"];
  private readonly problems: SheetProblem[] = [];
  private readonly max: number;
  private dropped = 0;
  /** Messages from decoding a value, reported at its cell by `flush`. */
  private readonly scratch: string[] = [];
  private readonly spans: SpanDecoder;
  private readonly lex = new CellLex();
  private readonly stack: number[] = [];
  private top = K_DOC | (K_DOC << 4);
  private rootSeen = false;
  private cells = 0;
  private rows = 0;
  // The current row; cells written with its prefix are read by the lexer's shortcut.
  private rowIdx = -1;
  private rowOk = true;
  private readonly prefix = new Prefix();
  private prevCol = -1;
  /** The last cell reference read (scanA1 writes it). */
  private readonly ref = { row: 0, col: 0 };
  // The current cell.
  private cRow = 0;
  private cCol = 0;
  private cOk = false;
  private cType = "n";
  private cText = false;
  private cStyle = 0;
  private cAt = 0;
  private vVal: string | null = null;
  private isVal: string | null = null;
  /** Text being collected for the open <v> or <t> (joined XML-decoded pieces). */
  private acc = "";

  constructor(
    private readonly xml: string,
    private readonly onCell: CellCallback,
    options: ReadSheetOptions,
  ) {
    this.tk = new Tokenizer(xml);
    this.nst = new NsTracker(xml);
    this.onRow = options.onRow;
    this.max = options.maxProblems ?? 1000;
    this.spans = new SpanDecoder(xml, this.scratch);
  }

  result(): SheetReadResult {
    if (!this.rootSeen) this.report("", "the part has no root element; no cells were read");
    return { cells: this.cells, rows: this.rows, problems: this.problems, problemsDropped: this.dropped };
  }

  private report(ref: string, message: string): void {
    if (this.problems.length < this.max) this.problems.push({ ref, message });
    else this.dropped++;
  }

  private flush(ref: string): void {
    for (const m of this.scratch) this.report(ref, m);
    this.scratch.length = 0;
  }

  run(): void {
    const tk = this.tk;
    for (;;) {
      if ((this.top & 15) === K_ROW && this.shortcut()) continue;
      const tok = tk.next();
      if (tok === TOK_START) this.start();
      else if (tok === TOK_END) this.end();
      else if (tok === TOK_TEXT || tok === TOK_CDATA) {
        const kind = this.top & 15;
        if (kind === K_V || kind === K_T) {
          const raw = this.xml.slice(tk.textStart, tk.textEnd);
          this.acc += tok === TOK_TEXT ? decodeValue(raw, false, this.scratch) : normalizeEol(raw);
        }
      } else break;
    }
  }

  /** Inside a row: reads the next cell through the lexer when it is written in a usual form. */
  private shortcut(): boolean {
    const xml = this.xml;
    const tk = this.tk;
    let lt = tk.pos;
    if (xml.charCodeAt(lt) !== 60) lt = xml.indexOf("<", lt);
    if (lt < 0 || !this.prefix.at(xml, lt + 1)) return false;
    const at = lt + 1 + this.prefix.length;
    if (xml.charCodeAt(at) !== 99) return false;
    const c2 = xml.charCodeAt(at + 1);
    if ((c2 !== 32 && c2 !== 62 && c2 !== 47) || !lexCell(xml, lt, this.prefix, this.lex)) return false;
    const lex = this.lex;
    this.headCell(lex, lt);
    tk.pos = lex.end;
    if (lex.vs >= 0) {
      let value = this.spans.text(lex.vs, lex.ve);
      if ((lex.inline || this.cText) && this.spans.hasUnderscore(lex.vs, lex.ve))
        value = decodeOoxmlEscapes(value, this.scratch);
      if (this.scratch.length) this.flush(a1(this.cRow, this.cCol));
      // As endCell: an <is> counts for inline strings only.
      if (this.cOk && (!lex.inline || this.cType === "inlineStr")) {
        this.cells++;
        this.onCell(this.cRow, this.cCol, this.cType, value, this.cStyle, lt);
      }
    }
    return true;
  }

  /** A start tag from the tokenizer. */
  private start(): void {
    const tk = this.tk;
    const ctx = (this.top >> 4) & 15;
    if (ctx === K_SKIP) {
      if (!tk.selfClosing) {
        this.stack.push(this.top);
        this.top = K_SKIP;
      }
      return;
    }
    const hasScope = tk.hasXmlns;
    if (hasScope) this.nst.enter(tk);
    const parentKind = this.top & 15;
    // Anything after the root element is not part of the document (XML 1.0, 2.1 [1]): skipped, as LibreOffice does.
    const kind = ctx === K_DOC && this.rootSeen ? K_SKIP : classify(tk, this.nst, ctx, parentKind, K_WORKSHEET);
    if (ctx === K_DOC) this.checkRoot(kind);
    if (kind === K_ROW) this.startRow();
    else if (kind === K_CELL) this.startCell();
    else if ((kind === K_V || kind === K_T) && !tk.selfClosing && tk.simpleContent()) {
      this.simpleText(kind === K_V);
      if (hasScope) this.nst.scope.pop();
      return;
    } else if (kind === K_V || kind === K_T) {
      if (!tk.selfClosing) this.acc = "";
      else if (kind === K_V) this.vVal = "";
      else this.isVal ??= "";
    } else if (kind === K_RST && tk.selfClosing) this.isVal ??= "";
    else if (kind === K_BRANCH && parentKind === K_ALT) this.top = (this.top & ~15) | K_ALT_DONE;
    if (tk.selfClosing) {
      if (kind === K_CELL) this.endCell();
      if (hasScope) this.nst.scope.pop();
    } else {
      this.stack.push(this.top);
      this.top = kind | ((kind === K_ALT || kind === K_BRANCH ? ctx : kind) << 4) | (hasScope ? SCOPED : 0);
    }
  }

  private checkRoot(kind: number): void {
    const tk = this.tk;
    if (this.rootSeen) this.report("", "markup after the root element was ignored");
    else if (kind !== K_WORKSHEET)
      this.report(
        "",
        `the root element <${this.xml.slice(tk.nameStart, tk.nameEnd)}> is not in the SpreadsheetML namespace; no cells were read`,
      );
    this.rootSeen = true;
  }

  /** A `<v>` or `<t>` holding only text, which the tokenizer has read with its end tag. */
  private simpleText(isV: boolean): void {
    const tk = this.tk;
    const raw = this.xml.slice(tk.textStart, tk.textEnd);
    if (isV) this.vVal = decodeValue(raw, this.cText, this.scratch);
    else {
      const run = decodeValue(raw, true, this.scratch);
      this.isVal = this.isVal === null ? run : this.isVal + run;
    }
    if (this.scratch.length) this.flush(a1(this.cRow, this.cCol));
  }

  /** An end tag from the tokenizer. */
  private end(): void {
    const kind = this.top & 15;
    if (this.top & SCOPED) this.nst.scope.pop();
    this.top = this.stack.pop() as number;
    if (kind === K_V || kind === K_T) {
      const ooxml = kind === K_T || this.cText;
      const s = ooxml && this.acc.indexOf("_x") >= 0 ? decodeOoxmlEscapes(this.acc, this.scratch) : this.acc;
      this.acc = "";
      if (kind === K_V) this.vVal = s;
      else this.isVal = this.isVal === null ? s : this.isVal + s;
      if (this.scratch.length) this.flush(a1(this.cRow, this.cCol));
    } else if (kind === K_RST) this.isVal ??= "";
    else if (kind === K_CELL) this.endCell();
  }

  private startRow(): void {
    const { tk, xml } = this;
    this.rows++;
    let r = -1;
    let hidden = false;
    let outline = 0;
    for (let k = 0; k < tk.attrCount; k++) {
      const a = 4 * k;
      const an = tk.attrs[a];
      const ane = tk.attrs[a + 1];
      const vs = tk.attrs[a + 2];
      const ve = tk.attrs[a + 3];
      if (ane - an === 1 && xml.charCodeAt(an) === 114) r = this.rowNumber(vs, ve);
      else if (localIs(xml, an, ane, "hidden")) {
        const v = ve - vs === 1 ? xml.charCodeAt(vs) : 0;
        hidden = v === 49 || (v === 0 && decodeXmlAttr(xml.slice(vs, ve)).trim() === "true");
      } else if (localIs(xml, an, ane, "outlineLevel")) {
        outline = parseUint(xml, vs, ve);
        if (outline < 0) {
          this.report(String(this.rowIdx + 2), `outlineLevel="${xml.slice(vs, ve)}" is not a whole number; 0 was used`);
          outline = 0;
        }
      }
    }
    this.rowIdx = r >= 1 ? r - 1 : this.rowIdx + 1;
    this.rowOk = this.rowIdx <= MAX_ROW;
    if (!this.rowOk)
      this.report(
        String(this.rowIdx + 1),
        `row ${this.rowIdx + 1} is beyond Excel's last row 1048576; its cells were skipped`,
      );
    this.prevCol = -1;
    this.prefix.set(xml, tk.nameStart, tk.colon);
    this.onRow?.(this.rowIdx, { outlineLevel: outline, hidden, at: tk.tagStart });
  }

  /** A row's r attribute: its 1-based number, or -1 (reported) when it is not a positive whole number. */
  private rowNumber(vs: number, ve: number): number {
    let r = parseUint(this.xml, vs, ve);
    if (r >= 1) return r;
    const raw = decodeXmlAttr(this.xml.slice(vs, ve));
    r = /^[0-9]+$/.test(raw) ? Number(raw) : -1;
    if (r < 1)
      this.report(
        String(this.rowIdx + 2),
        `row number r="${raw}" is not a positive whole number; the row after the previous one was used`,
      );
    return r;
  }

  private startCell(): void {
    this.lex.fromTokenizer(this.tk);
    this.headCell(this.lex, this.tk.tagStart);
  }

  /**
   * The one cell grammar, whichever way the cell was found: what its r (ST_CellRef), t
   * (ST_CellType) and s (style index) attributes say, and where the cell goes in the grid.
   */
  private headCell(lex: CellLex, at: number): void {
    const xml = this.xml;
    const hasRef = lex.r0 >= 0 && (scanA1(xml, lex.r0, lex.r1, this.ref) || this.escapedRef(lex.r0, lex.r1));
    let type = "n";
    let known = true;
    let style = 0;
    if (lex.t0 >= 0) {
      type = cellTypeAt(xml, lex.t0, lex.t1) ?? this.decodedType(lex.t0, lex.t1);
      known = isCellType(type);
    }
    if (lex.s0 >= 0) {
      style = parseUint(xml, lex.s0, lex.s1);
      if (style < 0) style = this.escapedStyle(lex.s0, lex.s1);
    }
    this.place(hasRef);
    if (this.cOk && !known) this.unknownType(type);
    this.cType = type;
    this.cText = isTextType(type);
    this.cStyle = style;
    this.cAt = at;
    this.vVal = null;
    this.isVal = null;
  }

  /** An r attribute scanA1 could not read: read again decoded (r="&#65;1"), else reported and false. */
  private escapedRef(vs: number, ve: number): boolean {
    const raw = this.xml.slice(vs, ve);
    const dec = decodeXmlAttr(raw);
    if (dec !== raw && scanA1(dec, 0, dec.length, this.ref)) return true;
    this.report(
      a1(this.rowIdx, this.prevCol + 1),
      `cell reference r="${dec}" is not an A1 reference; the cell after the previous one was used`,
    );
    return false;
  }

  /** An s attribute parseUint could not read: decoded and trimmed, else 0. */
  private escapedStyle(vs: number, ve: number): number {
    const raw = decodeXmlAttr(this.xml.slice(vs, ve)).trim();
    return /^[0-9]+$/.test(raw) ? Number(raw) : 0;
  }

  private unknownType(type: string): void {
    this.report(
      a1(this.cRow, this.cCol),
      `cell type t="${type}" is not one of b, d, e, inlineStr, n, s, str; the value was read as text`,
    );
  }

  /** A t attribute with character references in it (t="&#115;"): its decoded value. */
  private decodedType(vs: number, ve: number): string {
    const raw = decodeXmlAttr(this.xml.slice(vs, ve));
    return cellTypeAt(raw, 0, raw.length) ?? raw;
  }

  /** Where the cell goes: its reference, else the column after the previous cell of its row. */
  private place(hasRef: boolean): void {
    this.cRow = this.rowIdx;
    if (hasRef) {
      const row = this.ref.row;
      this.cCol = this.ref.col;
      if (row !== this.rowIdx) {
        const at = a1(row, this.cCol);
        this.report(at, `cell ${at} is written inside row ${this.rowIdx + 1}; it was placed where its reference says`);
        this.cRow = row;
      }
    } else this.cCol = this.prevCol + 1;
    this.prevCol = this.cCol;
    this.cOk = this.rowOk && this.cRow <= MAX_ROW && this.cCol <= MAX_COL;
    if (!this.cOk && this.rowOk) {
      const at = a1(this.cRow, this.cCol);
      this.report(at, `cell ${at} is beyond Excel's last column XFD or last row; it was skipped`);
    }
  }

  private endCell(): void {
    const value = this.cType === "inlineStr" ? (this.isVal ?? this.vVal) : this.vVal;
    if (value !== null && this.cOk) {
      this.cells++;
      this.onCell(this.cRow, this.cCol, this.cType, value, this.cStyle, this.cAt);
    }
  }
}
