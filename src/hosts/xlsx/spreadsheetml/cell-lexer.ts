/**
 * A shortcut past the tokenizer for a cell written in one of its usual forms:
 * `<c r=".." s=".." t=".."><v>..</v></c>`, `<c ... t="inlineStr"><is><t>..</t></is></c>` (also
 * `<t xml:space="preserve">`) and `<c .../>`, written with the same prefix as their row (or none),
 * double-quoted attributes separated by spaces, no namespace declarations, and only whitespace
 * between the tags. It only finds where things are: what the attributes mean is read by the one
 * cell grammar (cells.ts `headCell`) whichever way the cell was found. Any other form (formulas,
 * rich text, comments, CDATA) is left to the tokenizer.
 */
import { isWs } from "../xml/chars";
import type { Tokenizer } from "../xml/tokenizer";
import { matches } from "./kinds";
import { closeTag, type Prefix } from "./prefix";

/**
 * Where a cell's pieces are: the spans of its r, s and t attribute values (start -1 when absent;
 * of an attribute written twice, the last), and its value's span.
 */
export class CellLex {
  r0 = -1;
  r1 = -1;
  s0 = -1;
  s1 = -1;
  t0 = -1;
  t1 = -1;
  /** The value's span [vs, ve); vs is -1 for a self-closing cell. */
  vs = -1;
  ve = -1;
  selfClosing = false;
  /** The value is an `<is><t>` rather than a `<v>`. */
  inline = false;
  /** Offset just after the cell. */
  end = 0;

  /** Notes the value span of a one-letter attribute (character code c) when it is r, s or t. */
  note(c: number, vs: number, ve: number): void {
    if (c === 114) {
      this.r0 = vs;
      this.r1 = ve;
    } else if (c === 115) {
      this.s0 = vs;
      this.s1 = ve;
    } else if (c === 116) {
      this.t0 = vs;
      this.t1 = ve;
    }
  }

  /** Notes the r, s and t of the start tag the tokenizer has just read. */
  fromTokenizer(tk: Tokenizer): void {
    this.r0 = this.s0 = this.t0 = -1;
    const attrs = tk.attrs;
    for (let k = 0; k < tk.attrCount; k++) {
      const a = 4 * k;
      if (attrs[a + 1] - attrs[a] === 1) this.note(tk.xml.charCodeAt(attrs[a]), attrs[a + 2], attrs[a + 3]);
    }
  }
}

/** Reads the start tag of the cell whose '<' is at lt into out; the offset after it, or -1. */
function lexStartTag(xml: string, lt: number, plen: number, out: CellLex): number {
  let j = lt + 2 + plen;
  let ch = xml.charCodeAt(j);
  const n = xml.length;
  out.r0 = out.s0 = out.t0 = out.vs = -1;
  out.selfClosing = false;
  for (;;) {
    while (ch === 32) ch = xml.charCodeAt(++j);
    if (ch === 62) break;
    if (ch === 47) {
      if (xml.charCodeAt(j + 1) !== 62) return -1;
      out.selfClosing = true; // a formatted blank: no value
      out.end = j + 2;
      return j + 2;
    }
    const an = j;
    while (ch !== 61 && ch > 32 && ch !== 62 && ch !== 47) ch = xml.charCodeAt(++j);
    if (ch !== 61 || xml.charCodeAt(j + 1) !== 34 || (xml.charCodeAt(an) === 120 && matches(xml, an, "xmlns")))
      return -1; // a namespace declaration is for the tokenizer, which keeps scopes
    let ve = j + 2;
    while (ve < n && xml.charCodeAt(ve) !== 34) ve++; // a loop: values are short, indexOf costs a call
    if (ve >= n) return -1;
    if (j - an === 1) out.note(xml.charCodeAt(an), j + 2, ve);
    j = ve + 1;
    ch = xml.charCodeAt(j);
    if (ch !== 32 && ch !== 62 && ch !== 47) return -1;
  }
  return j + 1;
}

/** Reads `<v>..</v></c>` or `<is><t>..</t></is></c>` from j into out; false for any other form. */
function lexBody(xml: string, j: number, p: Prefix, out: CellLex): boolean {
  const plen = p.length;
  let ch: number;
  while (isWs((ch = xml.charCodeAt(j)))) j++;
  if (ch !== 60 || !p.at(xml, j + 1)) return false;
  const k = j + 1 + plen;
  let vs: number;
  ch = xml.charCodeAt(k);
  out.inline = false;
  if (ch === 118 && xml.charCodeAt(k + 1) === 62) vs = k + 2;
  else if (ch === 105 && xml.charCodeAt(k + 1) === 115 && xml.charCodeAt(k + 2) === 62) {
    j = k + 3;
    while (isWs((ch = xml.charCodeAt(j)))) j++;
    if (ch !== 60 || !p.at(xml, j + 1) || xml.charCodeAt(j + 1 + plen) !== 116) return false;
    vs = j + 2 + plen;
    ch = xml.charCodeAt(vs);
    if (ch === 62) vs++;
    else if (ch === 32 && matches(xml, vs, ' xml:space="preserve">')) vs += 22;
    else return false;
    out.inline = true;
  } else return false;
  const e = xml.indexOf("<", vs);
  if (e < 0) return false;
  let end = closeTag(xml, e, p, out.inline ? 116 : 118); // </t> or </v>
  if (end >= 0 && out.inline) end = closeTag(xml, end, p, 105, 115); // </is>
  if (end >= 0) end = closeTag(xml, end, p, 99); // </c>
  if (end < 0) return false;
  out.vs = vs;
  out.ve = e;
  out.end = end;
  return true;
}

/**
 * Finds the pieces of the cell whose '<' is at lt (its name already known to be `c` with the
 * row's prefix) when it is written in a usual form. Returns false, with nothing to undo, otherwise.
 */
export function lexCell(xml: string, lt: number, p: Prefix, out: CellLex): boolean {
  const j = lexStartTag(xml, lt, p.length, out);
  if (j < 0) return false;
  if (out.selfClosing) return true;
  return lexBody(xml, j, p, out);
}
