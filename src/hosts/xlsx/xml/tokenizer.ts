/**
 * The XML layer's one tokenizer: a pull tokenizer in one linear pass over a string, built on
 * `indexOf` and `charCodeAt`, with no regular expressions and no allocation per token, so work is
 * linear in the input whatever the input.
 *
 * Security: a DOCTYPE (and its internal subset) is skipped, never interpreted. Entities it declares
 * are never expanded and external entities never fetched (decode.ts keeps a reference to one as
 * literal text and reports it), so billion-laughs and XXE documents cost one read of their bytes.
 * Comments and processing instructions are skipped; CDATA sections are handed on as literal text.
 *
 * References: XML 1.0 (Fifth Edition) sections 2.2 (Characters), 2.5 (Comments), 2.7 (CDATA
 * Sections), 2.8 (Prolog and Document Type Declaration), 3.1 (Start-Tags, End-Tags).
 */
import { ATTR_NAME, ELEMENT_NAME, isNameStart, isWs } from "./chars";
import { fail } from "./errors";

export const TOK_EOF = 0;
export const TOK_START = 1;
export const TOK_END = 2;
export const TOK_TEXT = 3;
export const TOK_CDATA = 4;

/**
 * Pull tokenizer shared by every reader. Comments, processing instructions (including the
 * XML declaration) and the DOCTYPE are skipped; text and CDATA are reported only inside the
 * root element (text outside it is tolerated and ignored). Start tags are parsed fully so
 * quoted attribute values may hold `>`, `<`, and the other quote. Keeps the stack of open
 * element names (as offsets, no strings) to reject mismatched and unclosed elements.
 * A self-closing element yields one TOK_START with `selfClosing` set and no TOK_END.
 */
export class Tokenizer {
  readonly xml: string;
  readonly n: number;
  pos: number;
  // Current token.
  tagStart = 0;
  tagEnd = 0;
  nameStart = 0;
  nameEnd = 0;
  /** Offset of the first ':' in the element name, or -1. */
  colon = -1;
  selfClosing = false;
  /** Attributes of the start tag: 4 offsets each (nameStart, nameEnd, valueStart, valueEnd). */
  attrCount = 0;
  readonly attrs: number[] = [];
  /** True when the start tag has an `xmlns` or `xmlns:*` attribute. */
  hasXmlns = false;
  textStart = 0;
  textEnd = 0;
  // Open elements.
  depth = 0;
  private readonly openName: number[] = [];
  private readonly openTag: number[] = [];
  private seenRoot = false;

  constructor(xml: string, pos = 0) {
    this.xml = xml;
    this.n = xml.length;
    // A byte order mark at the start is not part of the document (XML 1.0 section 4.3.3).
    this.pos = pos === 0 && xml.charCodeAt(0) === 0xfeff ? 1 : pos;
  }

  next(): number {
    const xml = this.xml;
    const n = this.n;
    for (;;) {
      const p = this.pos;
      if (p >= n) {
        if (this.depth > 0) {
          const d = this.depth - 1;
          fail(
            xml,
            this.openTag[d],
            `element <${xml.slice(this.openName[2 * d], this.openName[2 * d + 1])}> is never closed`,
          );
        }
        return TOK_EOF;
      }
      const lt = xml.charCodeAt(p) === 60 ? p : xml.indexOf("<", p);
      if (lt !== p) {
        const end = lt < 0 ? n : lt;
        this.pos = end;
        if (this.depth > 0) {
          this.textStart = p;
          this.textEnd = end;
          return TOK_TEXT;
        }
        continue; // text outside the root element: tolerated, ignored
      }
      const c = xml.charCodeAt(lt + 1);
      if (c === 47) return this.endTag(lt);
      if (c === 33) {
        const t = this.bang(lt);
        if (t !== TOK_EOF) return t;
        continue;
      }
      if (c === 63) {
        const e = xml.indexOf("?>", lt + 2);
        if (e < 0) fail(xml, lt, "a processing instruction is never closed (no ?>)");
        this.pos = e + 2;
        continue;
      }
      return this.startTag(lt);
    }
  }

  private startTag(lt: number): number {
    let j = this.elementName(lt);
    const xml = this.xml;
    const n = this.n;
    this.attrCount = 0;
    this.hasXmlns = false;
    let afterValue = -1;
    for (;;) {
      let ch = 0;
      while (j < n && isWs((ch = xml.charCodeAt(j)))) j++;
      if (j >= n) fail(xml, lt, `the start tag <${xml.slice(lt + 1, this.nameEnd)}> is never closed (no >)`);
      if (ch === 62) {
        this.tagEnd = j + 1;
        this.selfClosing = false;
        break;
      }
      if (ch === 47) {
        if (xml.charCodeAt(j + 1) !== 62) fail(xml, j, "'/' in a start tag is not followed by '>'");
        this.tagEnd = j + 2;
        this.selfClosing = true;
        break;
      }
      if (j === afterValue) fail(xml, j, "attributes must be separated by whitespace");
      j = afterValue = this.attribute(lt, j);
    }
    this.pos = this.tagEnd;
    if (!this.selfClosing) {
      const d = this.depth++;
      this.openName[2 * d] = lt + 1;
      this.openName[2 * d + 1] = this.nameEnd;
      this.openTag[d] = lt;
    }
    this.seenRoot = true;
    return TOK_START;
  }

  /** Reads the element name after the '<' at lt (tagStart, nameStart, nameEnd, colon); returns the offset after it. */
  private elementName(lt: number): number {
    const xml = this.xml;
    const n = this.n;
    let j = lt + 1;
    let ch = j < n ? xml.charCodeAt(j) : -1;
    if (ch < 0 || !isNameStart(ch))
      fail(xml, lt, "a '<' is not followed by an element name (a literal < in text must be written &lt;)");
    let colon = ch === 58 ? j : -1;
    let cls = 0;
    for (j++; j < n; j++) {
      ch = xml.charCodeAt(j);
      if (ch < 128) {
        cls = ELEMENT_NAME[ch];
        if (cls !== 0) break;
        if (ch === 58 && colon < 0) colon = j;
      }
    }
    if (j >= n) fail(xml, lt, "a start tag is never closed (no >)");
    if (cls === 2) fail(xml, j, `character '${xml[j]}' is not allowed in the element name <${xml.slice(lt + 1, j)}`);
    this.tagStart = lt;
    this.nameStart = lt + 1;
    this.nameEnd = j;
    this.colon = colon;
    return j;
  }

  /** Reads the attribute starting at an (in the start tag at lt) into attrs; returns the offset after its value. */
  private attribute(lt: number, an: number): number {
    const xml = this.xml;
    const n = this.n;
    let j = an;
    let ch = 0;
    let cls = 0;
    for (; j < n; j++) {
      ch = xml.charCodeAt(j);
      if (ch < 128) {
        cls = ATTR_NAME[ch];
        if (cls !== 0) break;
      }
    }
    if (j >= n) fail(xml, lt, `the start tag <${xml.slice(lt + 1, this.nameEnd)}> is never closed (no >)`);
    if (j === an) fail(xml, j, `unexpected character '${xml[j]}' where an attribute name or '>' was expected`);
    if (cls === 2) fail(xml, an, `attribute ${xml.slice(an, j)} has no '=' and value`);
    const ane = j;
    while (j < n && isWs((ch = xml.charCodeAt(j)))) j++;
    if (j >= n || ch !== 61) fail(xml, an, `attribute ${xml.slice(an, ane)} has no '=' and value`);
    j++;
    while (j < n && isWs((ch = xml.charCodeAt(j)))) j++;
    if (j >= n || (ch !== 34 && ch !== 39))
      fail(xml, j, `the value of attribute ${xml.slice(an, ane)} is not in quotes`);
    const ve = xml.indexOf(ch === 34 ? '"' : "'", j + 1);
    if (ve < 0) fail(xml, j, `the value of attribute ${xml.slice(an, ane)} has no closing quote`);
    const k = this.attrCount++ << 2;
    const attrs = this.attrs;
    attrs[k] = an;
    attrs[k + 1] = ane;
    attrs[k + 2] = j + 1;
    attrs[k + 3] = ve;
    if (
      !this.hasXmlns &&
      ane - an >= 5 &&
      xml.charCodeAt(an) === 120 &&
      xml.startsWith("xmlns", an) &&
      (ane - an === 5 || xml.charCodeAt(an + 5) === 58)
    )
      this.hasXmlns = true;
    return ve + 1;
  }

  private endTag(lt: number): number {
    const xml = this.xml;
    const n = this.n;
    const ns = lt + 2;
    let j = ns;
    for (; j < n; j++) {
      const ch = xml.charCodeAt(j);
      if (ch < 128 && ELEMENT_NAME[ch] !== 0) break;
    }
    const ne = j;
    while (j < n && isWs(xml.charCodeAt(j))) j++;
    if (j >= n) fail(xml, lt, "an end tag is never closed (no >)");
    if (ne === ns || xml.charCodeAt(j) !== 62) fail(xml, lt, "malformed end tag");
    if (this.depth === 0) fail(xml, lt, `end tag </${xml.slice(ns, ne)}> has no matching start tag`);
    const d = this.depth - 1;
    const os = this.openName[2 * d];
    const len = this.openName[2 * d + 1] - os;
    let same = len === ne - ns;
    for (let k = 0; same && k < len; k++) same = xml.charCodeAt(os + k) === xml.charCodeAt(ns + k);
    if (!same)
      fail(
        xml,
        lt,
        `end tag </${xml.slice(ns, ne)}> does not match the open element <${xml.slice(os, os + len)}> (opened at offset ${this.openTag[d]})`,
      );
    this.depth = d;
    this.tagStart = lt;
    this.tagEnd = j + 1;
    this.nameStart = ns;
    this.nameEnd = ne;
    this.pos = j + 1;
    return TOK_END;
  }

  /** `<!`: comment, CDATA section or DOCTYPE. Returns TOK_CDATA or TOK_EOF for "skipped". */
  private bang(lt: number): number {
    const xml = this.xml;
    if (xml.charCodeAt(lt + 2) === 45 && xml.charCodeAt(lt + 3) === 45) {
      const e = xml.indexOf("-->", lt + 4);
      if (e < 0) fail(xml, lt, "a comment is never closed (no -->)");
      this.pos = e + 3;
      return TOK_EOF;
    }
    if (xml.startsWith("[CDATA[", lt + 2)) {
      const e = xml.indexOf("]]>", lt + 9);
      if (e < 0) fail(xml, lt, "a CDATA section is never closed (no ]]>)");
      this.pos = e + 3;
      if (this.depth === 0) return TOK_EOF; // outside the root: tolerated like other text
      this.textStart = lt + 9;
      this.textEnd = e;
      return TOK_CDATA;
    }
    if (xml.startsWith("DOCTYPE", lt + 2)) {
      if (this.seenRoot) fail(xml, lt, "a DOCTYPE declaration may only come before the root element");
      this.pos = skipDoctype(xml, lt);
      return TOK_EOF;
    }
    return fail(xml, lt, "'<!' does not start a comment, CDATA section or DOCTYPE");
  }

  /**
   * Right after a TOK_START that is not self-closing: when the element holds only plain text
   * (no markup at all) and its end tag follows, consumes text and end tag in one step, sets
   * textStart/textEnd and returns true. Otherwise changes nothing and returns false. This is
   * the fast path for `<v>123</v>` and `<t>text</t>`.
   */
  simpleContent(): boolean {
    const xml = this.xml;
    const p = this.pos;
    const lt = xml.indexOf("<", p);
    if (lt < 0 || xml.charCodeAt(lt + 1) !== 47) return false;
    const d = this.depth - 1;
    const os = this.openName[2 * d];
    const len = this.openName[2 * d + 1] - os;
    const close = lt + 2 + len;
    if (xml.charCodeAt(close) !== 62) return false;
    for (let k = 0; k < len; k++) if (xml.charCodeAt(lt + 2 + k) !== xml.charCodeAt(os + k)) return false;
    this.textStart = p;
    this.textEnd = lt;
    this.tagStart = lt;
    this.tagEnd = close + 1;
    this.pos = close + 1;
    this.depth = d;
    return true;
  }
}

/**
 * Skips `<!DOCTYPE ...>` including an internal subset `[...]`, honouring quoted strings,
 * comments and processing instructions inside it. Nothing in it is interpreted: no entity is
 * ever declared, expanded or fetched. Returns the offset after the final '>'.
 */
function skipDoctype(xml: string, lt: number): number {
  const n = xml.length;
  let j = lt + 9;
  while (j < n) {
    const ch = xml.charCodeAt(j);
    if (ch === 62) return j + 1;
    if (ch === 34 || ch === 39) {
      const e = xml.indexOf(ch === 34 ? '"' : "'", j + 1);
      if (e < 0) fail(xml, j, "a quoted string in the DOCTYPE declaration is never closed");
      j = e + 1;
    } else if (ch === 91) {
      j++;
      for (;;) {
        if (j >= n) fail(xml, lt, "the internal subset of the DOCTYPE declaration is never closed (no ])");
        const d = xml.charCodeAt(j);
        if (d === 93) {
          j++;
          break;
        }
        if (d === 34 || d === 39) {
          const e = xml.indexOf(d === 34 ? '"' : "'", j + 1);
          if (e < 0) fail(xml, j, "a quoted string in the DOCTYPE internal subset is never closed");
          j = e + 1;
        } else if (d === 60 && xml.startsWith("<!--", j)) {
          const e = xml.indexOf("-->", j + 4);
          if (e < 0) fail(xml, j, "a comment in the DOCTYPE internal subset is never closed (no -->)");
          j = e + 3;
        } else if (d === 60 && xml.charCodeAt(j + 1) === 63) {
          const e = xml.indexOf("?>", j + 2);
          if (e < 0) fail(xml, j, "a processing instruction in the DOCTYPE internal subset is never closed (no ?>)");
          j = e + 2;
        } else j++;
      }
    } else j++;
  }
  return fail(xml, lt, "the DOCTYPE declaration is never closed (no >)");
}
