/**
 * XML for the .xlsx host: a linear scanner, text decoding and encoding (XML and OOXML's
 * `_xHHHH_` escapes), namespace scoping, a small tree for small parts, and fast readers for
 * worksheet cells and the shared string table.
 *
 * Pure: no fs, no DOM, no dependencies. Every reader is a single left-to-right pass built on
 * `indexOf` and `charCodeAt`, so run time is linear in the input size, whatever the input.
 *
 * Security: a DOCTYPE (and its internal subset) is skipped, never interpreted. Entities it
 * declares are never expanded and external entities are never fetched; a reference to one
 * (`&lol9;`, `&xxe;`) is kept as literal text and reported as a problem. Billion-laughs and
 * XXE documents therefore cost nothing beyond reading their bytes once.
 *
 * References: XML 1.0 (Fifth Edition) sections 2.2 (Characters), 2.11 (End-of-Line Handling),
 * 3.3.3 (Attribute-Value Normalization), 4.1 (Character and Entity References), 4.6 (Predefined
 * Entities); Namespaces in XML 1.0 section 6 (Applying Namespaces to Elements and Attributes);
 * ECMA-376 Part 1 (ISO/IEC 29500-1) sections named where each rule is used; ECMA-376 Part 3
 * (ISO/IEC 29500-3) sections 7.5 to 7.7 for mc:AlternateContent, mc:Choice and mc:Fallback.
 */

// ---------------------------------------------------------------------------------------------
// Namespaces
// ---------------------------------------------------------------------------------------------

/** SpreadsheetML main namespace, transitional form (ECMA-376 Part 1). */
export const SPREADSHEETML_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** SpreadsheetML main namespace, Strict form (ECMA-376 Part 1, Strict conformance). */
export const SPREADSHEETML_STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
/** Office document relationships namespace (r:id attributes), transitional form. */
export const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** Office document relationships namespace (r:id attributes), Strict form. */
export const RELATIONSHIPS_STRICT_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";
/** Markup Compatibility namespace (ECMA-376 Part 3): mc:AlternateContent, mc:Ignorable. */
export const MARKUP_COMPATIBILITY_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/** Root namespace of .rels parts (ECMA-376 Part 2, OPC; the same in Strict documents). */
export const PACKAGE_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
/** Root namespace of [Content_Types].xml (ECMA-376 Part 2, OPC; the same in Strict documents). */
export const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
/** The namespace the `xml` prefix is always bound to (Namespaces in XML 1.0, section 3). */
export const XML_NS = "http://www.w3.org/XML/1998/namespace";
/** The namespace of `xmlns` declarations themselves. */
export const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/** True for the SpreadsheetML main namespace in either its transitional or its Strict form. */
export function isMainNs(ns: string): boolean {
  return ns === SPREADSHEETML_NS || ns === SPREADSHEETML_STRICT_NS;
}

/** True for the office document relationships namespace in either form. */
export function isRelNs(ns: string): boolean {
  return ns === RELATIONSHIPS_NS || ns === RELATIONSHIPS_STRICT_NS;
}

/** A resolved name: namespace URI ("" for none), local part and the prefix as written. */
export interface ResolvedName {
  ns: string;
  local: string;
  prefix: string;
  /** False when the name has a prefix that no declaration in scope binds (ns is then ""). */
  bound: boolean;
}

/**
 * Namespace declarations in scope (Namespaces in XML 1.0, sections 3 and 6). Call `push()`
 * at each start tag, `declare()` for each of its `xmlns` / `xmlns:p` attributes (or use
 * `enter(attrs)` for both), and `pop()` at its end tag (for a self-closing element, straight
 * after the start). Declarations then go out of scope with the element that made them.
 */
export class NsScope {
  private readonly prefixes: string[] = [];
  private readonly uris: string[] = [];
  private readonly marks: number[] = [];
  private changes = 0;

  /** Changes whenever the bindings in scope may have changed; lets callers cache look-ups. */
  get version(): number {
    return this.changes;
  }

  /** Number of open scopes. */
  get depth(): number {
    return this.marks.length;
  }

  /** Opens the scope of an element. */
  push(): void {
    this.marks.push(this.prefixes.length);
  }

  /**
   * Binds `prefix` ("" for the default namespace) to `uri` in the innermost scope.
   * `xmlns=""` undeclares the default namespace; `xmlns:p=""` (XML 1.1 style) unbinds p.
   * The reserved prefixes `xml` and `xmlns` cannot be rebound; such declarations are ignored.
   */
  declare(prefix: string, uri: string): void {
    if (prefix === "xml" || prefix === "xmlns") return;
    this.prefixes.push(prefix);
    this.uris.push(uri);
    this.changes++;
  }

  /** Closes the innermost scope, dropping its declarations. */
  pop(): void {
    const mark = this.marks.pop();
    if (mark === undefined) throw new Error("NsScope.pop() was called more often than push()");
    if (this.prefixes.length !== mark) {
      this.prefixes.length = mark;
      this.uris.length = mark;
      this.changes++;
    }
  }

  /** `push()` and then `declare()` for every namespace declaration among the attributes. */
  enter(attrs: readonly { name: string; value: string }[]): void {
    this.push();
    for (const a of attrs) {
      if (a.name === "xmlns") this.declare("", a.value);
      else if (a.name.startsWith("xmlns:")) this.declare(a.name.slice(6), a.value);
    }
  }

  /** Same as `pop()`. */
  leave(): void {
    this.pop();
  }

  /** The URI bound to a prefix ("" for the default namespace), or undefined when unbound. */
  uri(prefix: string): string | undefined {
    for (let i = this.prefixes.length - 1; i >= 0; i--) {
      if (this.prefixes[i] === prefix) {
        const u = this.uris[i];
        return u === "" && prefix !== "" ? undefined : u;
      }
    }
    if (prefix === "") return "";
    if (prefix === "xml") return XML_NS;
    if (prefix === "xmlns") return XMLNS_NS;
    return undefined;
  }

  /**
   * Resolves a qualified name. Element names without a prefix take the default namespace;
   * attribute names without a prefix (`isAttribute`) are in no namespace (Namespaces in XML
   * section 6.2). An unbound prefix gives ns "" and bound false.
   */
  resolve(qname: string, isAttribute = false): ResolvedName {
    const colon = qname.indexOf(":");
    if (colon < 0) {
      if (isAttribute) return { ns: qname === "xmlns" ? XMLNS_NS : "", local: qname, prefix: "", bound: true };
      return { ns: this.uri("") ?? "", local: qname, prefix: "", bound: true };
    }
    const prefix = qname.slice(0, colon);
    const ns = this.uri(prefix);
    return { ns: ns ?? "", local: qname.slice(colon + 1), prefix, bound: ns !== undefined };
  }
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** Thrown for input that is not well-formed XML. `offset` is a UTF-16 index into the input. */
export class XmlError extends Error {
  readonly offset: number;
  /** 1-based line of `offset` (0 when not known). */
  readonly line: number;
  /** 1-based column of `offset` in UTF-16 units (0 when not known). */
  readonly column: number;

  constructor(message: string, offset: number, line = 0, column = 0) {
    super(message);
    this.name = "XmlError";
    this.offset = offset;
    this.line = line;
    this.column = column;
  }
}

function fail(xml: string, offset: number, what: string): never {
  let line = 1;
  let lineStart = 0;
  for (let i = xml.indexOf("\n"); i >= 0 && i < offset; i = xml.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const column = offset - lineStart + 1;
  throw new XmlError(`${what} (line ${line}, column ${column}, offset ${offset}).`, offset, line, column);
}

// ---------------------------------------------------------------------------------------------
// Characters (XML 1.0 section 2.2)
// ---------------------------------------------------------------------------------------------

/**
 * XML 1.0 section 2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]. Everything else (C0 controls other than tab/LF/CR, surrogates,
 * U+FFFE, U+FFFF, beyond U+10FFFF) can appear neither literally nor as a character reference.
 */
export function isXmlChar(cp: number): boolean {
  return cp >= 0x20
    ? cp <= 0xd7ff || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
    : cp === 0x9 || cp === 0xa || cp === 0xd;
}

/** A UTF-16 code unit XML forbids that OOXML writes as `_xHHHH_` (surrogates handled apart). */
function isForbiddenUnit(c: number): boolean {
  return c < 0x20 ? c !== 0x9 && c !== 0xa && c !== 0xd : c === 0xfffe || c === 0xffff;
}

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

// Name scanning tables for ASCII: 0 = name character, 1 = ends the name, 2 = not allowed here.
const ELEMENT_NAME = new Uint8Array(128).fill(2);
const ATTR_NAME = new Uint8Array(128).fill(2);
for (let c = 0; c < 128; c++) {
  const nameChar =
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 48 && c <= 57) ||
    c === 46 ||
    c === 45 ||
    c === 95 ||
    c === 58;
  if (nameChar) ELEMENT_NAME[c] = ATTR_NAME[c] = 0;
}
for (const c of [9, 10, 13, 32, 47, 62]) ELEMENT_NAME[c] = 1; // whitespace, '/', '>'
for (const c of [9, 10, 13, 32, 61]) ATTR_NAME[c] = 1; // whitespace, '='

function isNameStart(c: number): boolean {
  return c >= 128 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58;
}

// ---------------------------------------------------------------------------------------------
// Tokenizer (internal): one pass, no regular expressions, no per-token allocation
// ---------------------------------------------------------------------------------------------

const TOK_EOF = 0;
const TOK_START = 1;
const TOK_END = 2;
const TOK_TEXT = 3;
const TOK_CDATA = 4;

/**
 * Pull tokenizer shared by every reader. Comments, processing instructions (including the
 * XML declaration) and the DOCTYPE are skipped; text and CDATA are reported only inside the
 * root element (text outside it is tolerated and ignored). Start tags are parsed fully so
 * quoted attribute values may hold `>`, `<`, and the other quote. Keeps the stack of open
 * element names (as offsets, no strings) to reject mismatched and unclosed elements.
 * A self-closing element yields one TOK_START with `selfClosing` set and no TOK_END.
 */
class Tokenizer {
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
    const attrs = this.attrs;
    let count = 0;
    let xmlns = false;
    let afterValue = -1;
    for (;;) {
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
      const an = j;
      cls = 0;
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
      const k = count << 2;
      attrs[k] = an;
      attrs[k + 1] = ane;
      attrs[k + 2] = j + 1;
      attrs[k + 3] = ve;
      count++;
      if (
        !xmlns &&
        ane - an >= 5 &&
        xml.charCodeAt(an) === 120 &&
        xml.startsWith("xmlns", an) &&
        (ane - an === 5 || xml.charCodeAt(an + 5) === 58)
      )
        xmlns = true;
      j = afterValue = ve + 1;
    }
    this.attrCount = count;
    this.hasXmlns = xmlns;
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

// ---------------------------------------------------------------------------------------------
// 1. Scanner
// ---------------------------------------------------------------------------------------------

/** Callbacks for `scanXml`. Offsets are UTF-16 indexes into the scanned string. */
export interface XmlHandler {
  /**
   * A start tag. Its attributes are in [attrStart, attrEnd) (pass them to `parseAttrs` or
   * `attrValue`); tagEnd is the offset just after '>'.
   */
  start?(
    name: string,
    attrStart: number,
    attrEnd: number,
    selfClosing: boolean,
    tagStart: number,
    tagEnd: number,
  ): void;
  /**
   * An end tag. Called for every element, self-closing ones included (straight after their
   * `start`, with the same tagStart and tagEnd), so starts and ends always pair up.
   */
  end?(name: string, tagStart: number, tagEnd: number): void;
  /** Character data inside the root element, still escaped (use `decodeXmlText`). */
  text?(start: number, end: number): void;
  /** The content of a CDATA section inside the root element: literal text, not to be decoded. */
  cdata?(start: number, end: number): void;
}

/**
 * Scans an XML document in one linear pass and reports its tags and text. Skips comments,
 * processing instructions (the XML declaration included), a byte order mark and the
 * DOCTYPE with any internal subset (whose entities are never expanded). Throws `XmlError`
 * on unterminated comments, CDATA sections, tags or attribute quotes, on mismatched end tags
 * and on elements still open at the end. Text outside the root element is ignored.
 */
export function scanXml(xml: string, handler: XmlHandler): void {
  const tk = new Tokenizer(xml);
  const { start, end, text, cdata } = handler;
  for (;;) {
    switch (tk.next()) {
      case TOK_START: {
        if (!start && !end) break;
        const name = xml.slice(tk.nameStart, tk.nameEnd);
        const attrEnd = tk.selfClosing ? tk.tagEnd - 2 : tk.tagEnd - 1;
        start?.call(handler, name, tk.nameEnd, attrEnd, tk.selfClosing, tk.tagStart, tk.tagEnd);
        if (tk.selfClosing) end?.call(handler, name, tk.tagStart, tk.tagEnd);
        break;
      }
      case TOK_END:
        end?.call(handler, xml.slice(tk.nameStart, tk.nameEnd), tk.tagStart, tk.tagEnd);
        break;
      case TOK_TEXT:
        text?.call(handler, tk.textStart, tk.textEnd);
        break;
      case TOK_CDATA:
        cdata?.call(handler, tk.textStart, tk.textEnd);
        break;
      default:
        return;
    }
  }
}

/** One attribute as written: qualified name, raw (still escaped) value and its offsets. */
export interface RawAttr {
  name: string;
  value: string;
  valueStart: number;
  valueEnd: number;
}

/**
 * Calls `fn` for each attribute in [start, end) (the span between an element name and its
 * '>' or '/>'). Throws XmlError for malformed attribute syntax. Returns nothing.
 */
function eachAttr(
  xml: string,
  start: number,
  end: number,
  fn: (ns: number, ne: number, vs: number, ve: number) => boolean | void,
): void {
  let j = start;
  for (;;) {
    while (j < end && isWs(xml.charCodeAt(j))) j++;
    if (j >= end) return;
    if (j > start && !isWs(xml.charCodeAt(j - 1))) fail(xml, j, "attributes must be separated by whitespace");
    const an = j;
    let ch = 0;
    for (; j < end; j++) {
      ch = xml.charCodeAt(j);
      if (ch < 128 && ATTR_NAME[ch] !== 0) break;
    }
    if (j === an || (j < end && ATTR_NAME[ch] === 2))
      fail(xml, j, `unexpected character '${xml[j] ?? ""}' where an attribute name was expected`);
    const ane = j;
    while (j < end && isWs((ch = xml.charCodeAt(j)))) j++;
    if (j >= end || ch !== 61) fail(xml, an, `attribute ${xml.slice(an, ane)} has no '=' and value`);
    j++;
    while (j < end && isWs((ch = xml.charCodeAt(j)))) j++;
    if (j >= end || (ch !== 34 && ch !== 39))
      fail(xml, j, `the value of attribute ${xml.slice(an, ane)} is not in quotes`);
    const ve = xml.indexOf(ch === 34 ? '"' : "'", j + 1);
    if (ve < 0 || ve >= end) fail(xml, j, `the value of attribute ${xml.slice(an, ane)} has no closing quote`);
    if (fn(an, ane, j + 1, ve) === true) return;
    j = ve + 1;
  }
}

/**
 * The attributes in [start, end) (as given to `XmlHandler.start`), in document order, with
 * raw values (entity references not decoded; see `decodeXmlAttr`). Throws XmlError on
 * malformed syntax or an attribute that appears twice (XML 1.0 section 3.1, Unique Att Spec).
 */
export function parseAttrs(xml: string, start: number, end: number): RawAttr[] {
  const out: RawAttr[] = [];
  let seen: Set<string> | undefined;
  eachAttr(xml, start, end, (ns, ne, vs, ve) => {
    const name = xml.slice(ns, ne);
    if (out.length > 0) {
      if (!seen) seen = new Set(out.map((a) => a.name));
      if (seen.has(name)) fail(xml, ns, `attribute ${name} appears twice in the same start tag`);
    }
    seen?.add(name);
    out.push({ name, value: xml.slice(vs, ve), valueStart: vs, valueEnd: ve });
  });
  return out;
}

/**
 * The decoded value of the first attribute in [start, end) whose local name (the part after
 * any prefix) is `localName`, or null. Namespace declarations (`xmlns`, `xmlns:*`) are not
 * attributes in this sense and never match.
 */
export function attrValue(xml: string, start: number, end: number, localName: string): string | null {
  let found: string | null = null;
  const len = localName.length;
  eachAttr(xml, start, end, (ns, ne, vs, ve) => {
    let ls = ns;
    for (let k = ne - 1; k >= ns; k--) {
      if (xml.charCodeAt(k) === 58) {
        ls = k + 1;
        break;
      }
    }
    if (ne - ls !== len || !xml.startsWith(localName, ls)) return false;
    if (ls === ns ? localName === "xmlns" : ls - ns === 6 && xml.startsWith("xmlns", ns)) return false;
    found = decodeXmlAttr(xml.slice(vs, ve));
    return true;
  });
  return found;
}

/**
 * `attrValue` for the start tag whose '<' is at `tagStart` (for example the `at` offset a
 * cell callback receives): finds the tag's extent itself.
 */
export function tagAttrValue(xml: string, tagStart: number, localName: string): string | null {
  const next = xml.charCodeAt(tagStart + 1);
  if (xml.charCodeAt(tagStart) !== 60 || next === 47 || next === 33 || next === 63)
    throw new RangeError(`offset ${tagStart} is not the start of a start tag`);
  const tk = new Tokenizer(xml, tagStart);
  if (tk.next() !== TOK_START || tk.tagStart !== tagStart)
    throw new RangeError(`offset ${tagStart} is not the start of a start tag`);
  return attrValue(xml, tk.nameEnd, tk.selfClosing ? tk.tagEnd - 2 : tk.tagEnd - 1, localName);
}

// ---------------------------------------------------------------------------------------------
// 2. Decoding
// ---------------------------------------------------------------------------------------------

function isEntityNameChar(c: number): boolean {
  return c >= 128 || (c < 128 && ELEMENT_NAME[c] === 0);
}

// Replacement text of the reference referenceEnd just read (module-level: no allocation).
let refText = "";

/**
 * Reads the reference starting with the '&' at i. When it is a predefined entity or a
 * character reference, sets refText (U+FFFD for a reference to a non-Char, XML 1.0 section
 * 2.2) and returns the offset of its ';'. Otherwise returns -1 (the '&' stays literal). Adds a
 * message to `problems` for everything but a valid reference. Reads each character at most
 * once more than the caller, so decoding stays linear.
 */
function referenceEnd(raw: string, i: number, problems: string[] | undefined): number {
  const n = raw.length;
  let j = i + 1;
  if (raw.charCodeAt(j) === 35) {
    // Character reference: &#DDDD; or &#xHHHH; (XML 1.0 section 4.1).
    j++;
    const hex = raw.charCodeAt(j) === 120;
    if (hex) j++;
    const ds = j;
    let cp = 0;
    for (; j < n; j++) {
      const d = raw.charCodeAt(j);
      let v: number;
      if (d >= 48 && d <= 57) v = d - 48;
      else if (hex && d >= 97 && d <= 102) v = d - 87;
      else if (hex && d >= 65 && d <= 70) v = d - 55;
      else break;
      if (cp <= 0x10ffff) cp = cp * (hex ? 16 : 10) + v; // beyond stays beyond, without overflow
    }
    if (j > ds && raw.charCodeAt(j) === 59) {
      if (isXmlChar(cp)) refText = String.fromCodePoint(cp);
      else {
        refText = "\uFFFD";
        problems?.push(
          `character reference ${raw.slice(i, j + 1)} is not a valid character; it was replaced by U+FFFD`,
        );
      }
      return j;
    }
    problems?.push(
      `malformed character reference ${raw.slice(i, Math.min(j + 1, i + 24))}; it was kept as literal text`,
    );
    return -1;
  }
  if (j < n && isNameStart(raw.charCodeAt(j))) {
    for (j++; j < n && isEntityNameChar(raw.charCodeAt(j)); j++);
    if (raw.charCodeAt(j) === 59) {
      const len = j - i - 1;
      const c = raw.charCodeAt(i + 1);
      let rep: string | undefined;
      const c2 = raw.charCodeAt(i + 2);
      if (len === 2 && c2 === 116)
        rep = c === 108 ? "<" : c === 103 ? ">" : undefined; // lt gt
      else if (len === 3 && c === 97 && c2 === 109 && raw.charCodeAt(i + 3) === 112) rep = "&";
      else if (len === 4 && c === 113 && c2 === 117 && raw.charCodeAt(i + 3) === 111 && raw.charCodeAt(i + 4) === 116)
        rep = '"';
      else if (len === 4 && c === 97 && c2 === 112 && raw.charCodeAt(i + 3) === 111 && raw.charCodeAt(i + 4) === 115)
        rep = "'";
      if (rep !== undefined) {
        refText = rep;
        return j;
      }
      problems?.push(
        `entity &${raw.slice(i + 1, j)}; is not one of the five entities XML predefines; it was kept as literal text (entities declared in a DOCTYPE are never expanded)`,
      );
      return -1;
    }
    problems?.push(
      `"&" does not start an entity or character reference (no ";" after &${raw.slice(i + 1, Math.min(j, i + 24))}); it was kept as literal text`,
    );
    return -1;
  }
  problems?.push(`"&" does not start an entity or character reference; it was kept as literal text`);
  return -1;
}

/**
 * Shared decoder. XML 1.0 section 2.11: a literal CR LF pair or lone CR becomes LF. In
 * attribute mode also section 3.3.3: literal tab, LF and CR (after the above) become spaces.
 * Section 4.1 character references and section 4.6 predefined entities are replaced; all
 * other entity references are kept literally (and reported), never expanded.
 */
function decodeCore(raw: string, attr: boolean, problems: string[] | undefined): string {
  const n = raw.length;
  let i = raw.indexOf("&");
  if (!attr && raw.indexOf("\r") < 0) {
    // Element text without CR: only references to replace, found with indexOf.
    if (i < 0) return raw;
    let out = "";
    let last = 0;
    while (i >= 0) {
      const j = referenceEnd(raw, i, problems);
      if (j >= 0) {
        out += raw.slice(last, i) + refText;
        last = j + 1;
        i = raw.indexOf("&", last);
      } else i = raw.indexOf("&", i + 1);
    }
    return out + raw.slice(last);
  }
  i = 0;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === 38 || c === 13 || (attr && (c === 10 || c === 9))) break;
  }
  if (i === n) return raw;
  let out = raw.slice(0, i);
  let last = i;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === 13) {
      out += raw.slice(last, i) + (attr ? " " : "\n");
      if (raw.charCodeAt(i + 1) === 10) i++;
      last = i + 1;
    } else if (attr && (c === 10 || c === 9)) {
      out += raw.slice(last, i) + " ";
      last = i + 1;
    } else if (c === 38) {
      const j = referenceEnd(raw, i, problems);
      if (j >= 0) {
        out += raw.slice(last, i) + refText;
        last = j + 1;
        i = j;
      }
    }
  }
  return out + raw.slice(last);
}

/**
 * Decodes character data: the five predefined entities (XML 1.0 section 4.6), decimal and
 * hexadecimal character references (section 4.1), and end-of-line handling (section 2.11:
 * literal CR LF and lone CR become LF; `&#13;` stays CR). A reference to a code point that
 * is not an XML Char (section 2.2: 0, surrogates D800-DFFF, U+FFFE, U+FFFF, above U+10FFFF,
 * C0 controls other than tab/LF/CR) becomes U+FFFD. Any other `&name;` (including entities a
 * DOCTYPE declares) and any stray `&` are kept literally. Each such case adds a plain-words
 * message to `problems`. Never throws.
 */
export function decodeXmlText(raw: string, problems?: string[]): string {
  return decodeCore(raw, false, problems);
}

/**
 * Decodes an attribute value like `decodeXmlText` and also applies attribute-value
 * normalisation (XML 1.0 section 3.3.3): literal tab, LF and CR become spaces, while
 * `&#9;`, `&#10;` and `&#13;` keep their characters. Never throws.
 */
export function decodeXmlAttr(raw: string, problems?: string[]): string {
  return decodeCore(raw, true, problems);
}

// In Unicode mode a paired surrogate is one code point, so this class matches lone ones only.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const LONE_SURROGATES = /[\uD800-\uDFFF]/gu;

function hexUnit(s: string, i: number): number {
  let v = 0;
  for (let k = i; k < i + 4; k++) {
    const d = s.charCodeAt(k);
    if (d >= 48 && d <= 57) v = v * 16 + d - 48;
    else if (d >= 65 && d <= 70) v = v * 16 + d - 55;
    else if (d >= 97 && d <= 102) v = v * 16 + d - 87;
    else return -1;
  }
  return v;
}

function replaceLoneSurrogates(s: string, problems: string[] | undefined): string {
  return s.replace(LONE_SURROGATES, (m) => {
    const hex = m.charCodeAt(0).toString(16).toUpperCase();
    problems?.push(
      `lone surrogate U+${hex} (half of a UTF-16 pair, for example from an _x${hex}_ escape) is not a character; it was replaced by U+FFFD`,
    );
    return "\uFFFD";
  });
}

/**
 * Applies Excel's escapes for ST_Xstring text (ECMA-376 Part 1, 22.9.2.19 ST_Xstring): `_x`
 * followed by exactly four hex digits and `_` stands for that UTF-16 code unit. Escapes are
 * decoded left to right without re-reading decoded text, so `_x005F_` (an escaped underscore)
 * in `_x005F_x0041_` yields the literal text `_x0041_`. Afterwards any lone surrogate (a high
 * surrogate without a following low one, or a low one without a preceding high one) becomes
 * U+FFFD with a message in `problems`. Escapes of two halves that pair up (`_xD83D__xDE00_`)
 * make the astral character. Never throws.
 */
export function decodeOoxmlEscapes(s: string, problems?: string[]): string {
  let i = s.indexOf("_x");
  if (i < 0) return LONE_SURROGATE.test(s) ? replaceLoneSurrogates(s, problems) : s;
  let out = "";
  let last = 0;
  while (i >= 0) {
    if (s.charCodeAt(i + 6) === 95) {
      const unit = hexUnit(s, i + 2);
      if (unit >= 0) {
        out += s.slice(last, i) + String.fromCharCode(unit);
        last = i + 7;
        i = s.indexOf("_x", last);
        continue;
      }
    }
    i = s.indexOf("_x", i + 1);
  }
  out += s.slice(last);
  return LONE_SURROGATE.test(out) ? replaceLoneSurrogates(out, problems) : out;
}

/** Decoding used by the fast readers: skips work when the markers are absent. */
function decodeValue(raw: string, ooxml: boolean, problems: string[]): string {
  let s = raw;
  if (s.indexOf("&") >= 0 || s.indexOf("\r") >= 0) s = decodeCore(s, false, problems);
  if (ooxml && s.indexOf("_x") >= 0) s = decodeOoxmlEscapes(s, problems);
  return s;
}

/** End-of-line handling for CDATA content (XML 1.0 section 2.11 applies to all text). */
function normalizeEol(s: string): string {
  return s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n");
}

// ---------------------------------------------------------------------------------------------
// 3. Encoding
// ---------------------------------------------------------------------------------------------

function escapeCore(s: string, attr: boolean): string {
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 38 || c === 60 || c === 62 || c === 13 || c < 0x20 || c >= 0xd800 || (attr && c === 34)) break;
  }
  if (i === n) return s;
  let out = s.slice(0, i);
  let last = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c === 38) rep = "&amp;";
    else if (c === 60) rep = "&lt;";
    else if (c === 62) rep = "&gt;";
    else if (c === 34 && attr) rep = "&quot;";
    else if (c === 13) rep = "&#13;";
    else if (c === 10) rep = attr ? "&#10;" : undefined;
    else if (c === 9) rep = attr ? "&#9;" : undefined;
    else if (c < 0x20 || c === 0xfffe || c === 0xffff) rep = "\uFFFD";
    else if (c >= 0xd800 && c <= 0xdfff) {
      const d = s.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) i++;
      else rep = "\uFFFD";
    }
    if (rep !== undefined) {
      out += s.slice(last, i) + rep;
      last = i + 1;
    }
  }
  return out + s.slice(last);
}

/**
 * Escapes text for element content: `&`, `<`, `>`, and CR as `&#13;` (a literal CR would be
 * turned into LF by every XML reader, XML 1.0 section 2.11). Characters XML cannot carry at
 * all (section 2.2) and lone surrogates become U+FFFD so the output is always well-formed;
 * use `encodeOoxmlText` first to keep them in spreadsheet text.
 */
export function escapeXmlText(s: string): string {
  return escapeCore(s, false);
}

/**
 * Escapes text for a double-quoted attribute value: `&`, `<`, `>`, `"`, and tab, LF and CR
 * as `&#9;`, `&#10;`, `&#13;` so they survive attribute-value normalisation (XML 1.0 section
 * 3.3.3). Characters XML cannot carry and lone surrogates become U+FFFD.
 */
export function escapeXmlAttr(s: string): string {
  return escapeCore(s, true);
}

const HEX = "0123456789ABCDEF";
function unitEscape(c: number): string {
  return "_x" + HEX[(c >> 12) & 15] + HEX[(c >> 8) & 15] + HEX[(c >> 4) & 15] + HEX[c & 15] + "_";
}

/**
 * Makes text safe for a worksheet or shared-string `<t>` / `<v>` element such that Excel
 * decodes it back to the original (ECMA-376 Part 1, 22.9.2.19 ST_Xstring):
 * - each code unit XML 1.0 forbids (section 2.2: U+0000-U+0008, U+000B, U+000C,
 *   U+000E-U+001F, U+FFFE, U+FFFF) is written `_xHHHH_` with uppercase hex;
 * - an underscore that would otherwise be read as the start of an escape is written
 *   `_x005F_`: one that starts a literal `_xHHHH_` already in the text, and also one that
 *   starts `_xHHHH` followed by a character this function escapes (whose `_x...` output
 *   would complete the pattern);
 * - a lone surrogate becomes U+FFFD and adds a message to `problems`.
 * Tab, LF and CR are kept. The result is not yet XML-escaped: pass it to `escapeXmlText`.
 * `decodeOoxmlEscapes(encodeOoxmlText(s).text) === s` for every s without lone surrogates.
 */
export function encodeOoxmlText(s: string): { text: string; changed: boolean; problems: string[] } {
  const problems: string[] = [];
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 95 || c < 0x20 || c >= 0xd800) break;
  }
  if (i === n) return { text: s, changed: false, problems };
  let out = s.slice(0, i);
  let last = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c === 95) {
      if (s.charCodeAt(i + 1) === 120 && hexUnit(s, i + 2) >= 0) {
        const after = s.charCodeAt(i + 6);
        if (after === 95 || (i + 6 < n && isForbiddenUnit(after))) rep = "_x005F_";
      }
    } else if (isForbiddenUnit(c)) rep = unitEscape(c);
    else if (c >= 0xd800 && c <= 0xdfff) {
      const d = s.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) i++;
      else {
        rep = "\uFFFD";
        problems.push(
          `lone surrogate U+${c.toString(16).toUpperCase()} at position ${i} is not a character; it was replaced by U+FFFD`,
        );
      }
    }
    if (rep !== undefined) {
      out += s.slice(last, i) + rep;
      last = i + 1;
    }
  }
  const text = out + s.slice(last);
  return { text, changed: text !== s, problems };
}

// ---------------------------------------------------------------------------------------------
// 5. Tree for small parts
// ---------------------------------------------------------------------------------------------

/** An attribute of an `XmlNode`: decoded value plus the offsets of its raw value. */
export interface XmlAttr {
  /** Qualified name as written, e.g. "r:id". */
  name: string;
  local: string;
  /** Resolved namespace URI; "" for unprefixed attributes (they are in no namespace). */
  ns: string;
  /** Decoded and normalised value. */
  value: string;
  /** Offsets of the raw value between the quotes, for splicing in a new value. */
  valueStart: number;
  valueEnd: number;
}

/**
 * An element of a small part, with the offsets needed to edit the original string:
 * `[start, openEnd)` is the start tag, `[closeStart, end)` the end tag (empty for a
 * self-closing element, where closeStart === openEnd === end), and `[start, end)` the whole
 * element however it is written.
 */
export interface XmlNode {
  /** Qualified name as written, e.g. "x:sheet". */
  name: string;
  local: string;
  /** Resolved namespace URI ("" for none or an unbound prefix). */
  ns: string;
  attrs: XmlAttr[];
  /** Offset of '<' of the start tag. */
  start: number;
  /** Offset just after the start tag's '>'. */
  openEnd: number;
  /** Offset of '</' of the end tag; equals openEnd for a self-closing element. */
  closeStart: number;
  /** Offset just after the element's last '>'. */
  end: number;
  selfClosing: boolean;
  children: XmlNode[];
  /** Decoded text directly inside this element (CDATA included), child elements left out. */
  text: string;
}

/**
 * Parses a small part (workbook.xml, styles.xml, [Content_Types].xml, .rels) into a tree of
 * elements with exact offsets and resolved namespaces. Comments, PIs and the DOCTYPE are
 * skipped; entities are never expanded. Throws XmlError if the part is not well-formed, has
 * duplicate attributes, or has no root element or more than one. Text decoding problems are
 * added to `problems`.
 */
export function parseTree(xml: string, problems?: string[]): XmlNode {
  const tk = new Tokenizer(xml);
  const scope = new NsScope();
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  for (;;) {
    const t = tk.next();
    if (t === TOK_START) {
      const raw: { name: string; vs: number; ve: number }[] = [];
      const names = new Set<string>();
      for (let k = 0; k < tk.attrCount; k++) {
        const ns = tk.attrs[4 * k];
        const name = xml.slice(ns, tk.attrs[4 * k + 1]);
        if (names.has(name)) fail(xml, ns, `attribute ${name} appears twice in the same start tag`);
        names.add(name);
        raw.push({ name, vs: tk.attrs[4 * k + 2], ve: tk.attrs[4 * k + 3] });
      }
      const values = raw.map((a) => decodeXmlAttr(xml.slice(a.vs, a.ve), problems));
      scope.enter(raw.map((a, k) => ({ name: a.name, value: values[k] })));
      const qname = xml.slice(tk.nameStart, tk.nameEnd);
      const el = scope.resolve(qname);
      const attrs: XmlAttr[] = raw.map((a, k) => {
        const r = scope.resolve(a.name, true);
        return { name: a.name, local: r.local, ns: r.ns, value: values[k], valueStart: a.vs, valueEnd: a.ve };
      });
      const node: XmlNode = {
        name: qname,
        local: el.local,
        ns: el.ns,
        attrs,
        start: tk.tagStart,
        openEnd: tk.tagEnd,
        closeStart: tk.tagEnd,
        end: tk.tagEnd,
        selfClosing: tk.selfClosing,
        children: [],
        text: "",
      };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(node);
      else if (root) fail(xml, tk.tagStart, `a second root element <${qname}> follows the root element <${root.name}>`);
      else root = node;
      if (tk.selfClosing) scope.pop();
      else stack.push(node);
    } else if (t === TOK_END) {
      const node = stack.pop() as XmlNode;
      node.closeStart = tk.tagStart;
      node.end = tk.tagEnd;
      scope.pop();
    } else if (t === TOK_TEXT) {
      stack[stack.length - 1].text += decodeXmlText(xml.slice(tk.textStart, tk.textEnd), problems);
    } else if (t === TOK_CDATA) {
      stack[stack.length - 1].text += normalizeEol(xml.slice(tk.textStart, tk.textEnd));
    } else break;
  }
  if (!root) return fail(xml, 0, "the part has no root element");
  return root;
}

type NsFilter = string | ((ns: string) => boolean) | undefined;
function nsMatches(filter: NsFilter, ns: string): boolean {
  return filter === undefined || (typeof filter === "string" ? filter === ns : filter(ns));
}

/** The first child element of `node` with this local name (any namespace unless `ns` is given). */
export function find(node: XmlNode, local: string, ns?: string | ((ns: string) => boolean)): XmlNode | undefined {
  for (const c of node.children) if (c.local === local && nsMatches(ns, c.ns)) return c;
  return undefined;
}

/** Every child element of `node` with this local name (any namespace unless `ns` is given). */
export function findAll(node: XmlNode, local: string, ns?: string | ((ns: string) => boolean)): XmlNode[] {
  return node.children.filter((c) => c.local === local && nsMatches(ns, c.ns));
}

/** Every descendant of `node` (not node itself) with this local name, in document order. */
export function findDeep(node: XmlNode, local: string, ns?: string | ((ns: string) => boolean)): XmlNode[] {
  const out: XmlNode[] = [];
  const todo: XmlNode[] = node.children.slice().reverse();
  for (let c = todo.pop(); c; c = todo.pop()) {
    if (c.local === local && nsMatches(ns, c.ns)) out.push(c);
    for (let k = c.children.length - 1; k >= 0; k--) todo.push(c.children[k]);
  }
  return out;
}

/** The decoded value of an attribute of `node` by local name (and namespace if given), or null. */
export function getAttr(node: XmlNode, local: string, ns?: string | ((ns: string) => boolean)): string | null {
  for (const a of node.attrs) {
    if (a.local === local && a.ns !== XMLNS_NS && nsMatches(ns, a.ns)) return a.value;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// 6. Fast readers: worksheet cells and shared strings
// ---------------------------------------------------------------------------------------------

// Namespace classes of element names.
const NS_OTHER = 0;
const NS_MAIN = 1;
const NS_MC = 2;

function classifyUri(uri: string | undefined): number {
  if (uri === undefined) return NS_OTHER;
  if (isMainNs(uri)) return NS_MAIN;
  return uri === MARKUP_COMPATIBILITY_NS ? NS_MC : NS_OTHER;
}

/** Namespace tracking for the fast readers, with look-ups cached between declarations. */
class NsTracker {
  readonly scope = new NsScope();
  private defaultVersion = -1;
  private defaultKind = NS_OTHER;
  private prefixVersion = -1;
  private prefix = "";
  private prefixKind = NS_OTHER;

  constructor(private readonly xml: string) {}

  /** Class (NS_MAIN, NS_MC, NS_OTHER) of the element name the tokenizer just read. */
  kindOf(nameStart: number, colon: number): number {
    const version = this.scope.version;
    if (colon < 0) {
      if (this.defaultVersion !== version) {
        this.defaultVersion = version;
        this.defaultKind = classifyUri(this.scope.uri(""));
      }
      return this.defaultKind;
    }
    const len = colon - nameStart;
    if (this.prefixVersion === version && this.prefix.length === len && this.xml.startsWith(this.prefix, nameStart))
      return this.prefixKind;
    this.prefixVersion = version;
    this.prefix = this.xml.slice(nameStart, colon);
    this.prefixKind = classifyUri(this.scope.uri(this.prefix));
    return this.prefixKind;
  }

  /** True when every prefix listed in an mc:Choice Requires value maps to SpreadsheetML main. */
  understands(requires: string): boolean {
    const prefixes = requires.split(/[ \t\r\n]+/).filter((p) => p !== "");
    return prefixes.length > 0 && prefixes.every((p) => classifyUri(this.scope.uri(p)) === NS_MAIN);
  }

  /** Opens a scope holding the start tag's namespace declarations. */
  enter(tk: Tokenizer): void {
    const xml = this.xml;
    this.scope.push();
    for (let k = 0; k < tk.attrCount; k++) {
      const an = tk.attrs[4 * k];
      const ane = tk.attrs[4 * k + 1];
      if (ane - an < 5 || !xml.startsWith("xmlns", an)) continue;
      const value = decodeXmlAttr(xml.slice(tk.attrs[4 * k + 2], tk.attrs[4 * k + 3]));
      if (ane - an === 5) this.scope.declare("", value);
      else if (xml.charCodeAt(an + 5) === 58) this.scope.declare(xml.slice(an + 6, ane), value);
    }
  }
}

// Element kinds of the reader state machines.
const K_SKIP = 0; // ignored with its whole subtree
const K_DOC = 1; // pseudo-parent of the root element
const K_WORKSHEET = 2;
const K_SHEETDATA = 3;
const K_ROW = 4;
const K_CELL = 5;
const K_V = 6;
const K_RST = 7; // <is> or <si>: CT_Rst
const K_RUN = 8; // <r>
const K_T = 9; // <t> directly in CT_Rst or in <r>
const K_SST = 10;
const K_ALT = 11; // mc:AlternateContent, no Choice selected yet
const K_ALT_DONE = 12; // mc:AlternateContent after a selected Choice
const K_BRANCH = 13; // selected mc:Choice or mc:Fallback: transparent

function localIs(xml: string, ls: number, le: number, word: string): boolean {
  const len = word.length;
  if (le - ls !== len) return false;
  for (let k = 0; k < len; k++) if (xml.charCodeAt(ls + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** True when xml has `word` at offset i. */
function matches(xml: string, i: number, word: string): boolean {
  const len = word.length;
  for (let k = 0; k < len; k++) if (xml.charCodeAt(i + k) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * The kind of the element the tokenizer just read, given its parent's context (`ctx`, the
 * kind its children are interpreted in) and the parent's own kind. Elements outside the
 * SpreadsheetML main namespace are skipped, except Markup Compatibility alternate content
 * (ECMA-376 Part 3, 7.5-7.7): a Choice is taken when every namespace it Requires is
 * SpreadsheetML main, otherwise the Fallback is, and the chosen branch's children count as
 * children of the AlternateContent's parent.
 */
function classify(tk: Tokenizer, nst: NsTracker, ctx: number, parentKind: number, rootKind: number): number {
  const xml = tk.xml;
  const nsKind = nst.kindOf(tk.nameStart, tk.colon);
  const ls = tk.colon < 0 ? tk.nameStart : tk.colon + 1;
  const le = tk.nameEnd;
  if (nsKind === NS_MC) {
    if (localIs(xml, ls, le, "AlternateContent"))
      return parentKind === K_ALT || parentKind === K_ALT_DONE ? K_SKIP : K_ALT;
    if (parentKind === K_ALT && localIs(xml, ls, le, "Fallback")) return K_BRANCH;
    if (parentKind === K_ALT && localIs(xml, ls, le, "Choice")) {
      for (let k = 0; k < tk.attrCount; k++) {
        const an = tk.attrs[4 * k];
        if (localIs(xml, an, tk.attrs[4 * k + 1], "Requires")) {
          return nst.understands(decodeXmlAttr(xml.slice(tk.attrs[4 * k + 2], tk.attrs[4 * k + 3])))
            ? K_BRANCH
            : K_SKIP;
        }
      }
    }
    return K_SKIP;
  }
  if (nsKind !== NS_MAIN) return K_SKIP;
  switch (ctx) {
    case K_DOC:
      return rootKind;
    case K_WORKSHEET:
      return localIs(xml, ls, le, "sheetData") ? K_SHEETDATA : K_SKIP;
    case K_SHEETDATA:
      return localIs(xml, ls, le, "row") ? K_ROW : K_SKIP;
    case K_ROW:
      return le - ls === 1 && xml.charCodeAt(ls) === 99 ? K_CELL : K_SKIP;
    case K_CELL:
      if (le - ls === 1 && xml.charCodeAt(ls) === 118) return K_V;
      return localIs(xml, ls, le, "is") ? K_RST : K_SKIP;
    case K_SST:
      return localIs(xml, ls, le, "si") ? K_RST : K_SKIP;
    case K_RST:
      if (le - ls === 1 && xml.charCodeAt(ls) === 116) return K_T;
      return le - ls === 1 && xml.charCodeAt(ls) === 114 ? K_RUN : K_SKIP; // rPh, phoneticPr: skipped
    case K_RUN:
      return le - ls === 1 && xml.charCodeAt(ls) === 116 ? K_T : K_SKIP; // rPr: skipped
    default:
      return K_SKIP;
  }
}

/** Column letters of a 0-based column index: 0 -> "A", 26 -> "AA". */
export function columnName(col: number): string {
  let s = "";
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A1-style reference of 0-based row and column indexes. */
export function cellRef(row: number, col: number): string {
  return columnName(col) + (row + 1);
}

/** Largest 0-based row and column indexes Excel allows (rows 1..1048576, columns A..XFD). */
export const MAX_ROW = 1048575;
export const MAX_COL = 16383;
const LAST_ROW = 1048575;
const LAST_COL = 16383;

// Results of parseRef (module-level to avoid allocating per cell; no callback runs in between).
let refRow = 0;
let refCol = 0;

/** Parses an A1 reference ("B7", letters then digits) in xml[s, e) into refRow/refCol (0-based). */
function parseRef(xml: string, s: number, e: number): boolean {
  let j = s;
  let col = 0;
  for (; j < e; j++) {
    const c = xml.charCodeAt(j);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else break;
    if (col > 1e6) return false;
  }
  if (j === s || j === e) return false;
  let row = 0;
  for (; j < e; j++) {
    const c = xml.charCodeAt(j);
    if (c < 48 || c > 57) return false;
    row = row * 10 + c - 48;
    if (row > 1e8) return false;
  }
  refCol = col - 1;
  refRow = row - 1;
  return true;
}

/** Parses an unsigned decimal integer in xml[s, e); -1 when it is not one (or is huge). */
function parseUint(xml: string, s: number, e: number): number {
  if (s === e) return -1;
  let v = 0;
  for (let j = s; j < e; j++) {
    const c = xml.charCodeAt(j);
    if (c < 48 || c > 57 || v > 1e9) return -1;
    v = v * 10 + c - 48;
  }
  return v;
}

/** Interned ST_CellType value (ECMA-376 Part 1, 18.18.11), or null for anything else. */
function cellTypeAt(xml: string, s: number, e: number): string | null {
  const len = e - s;
  if (len === 1) {
    switch (xml.charCodeAt(s)) {
      case 110:
        return "n";
      case 115:
        return "s";
      case 98:
        return "b";
      case 101:
        return "e";
      case 100:
        return "d";
    }
    return null;
  }
  if (len === 3 && xml.startsWith("str", s)) return "str";
  if (len === 9 && xml.startsWith("inlineStr", s)) return "inlineStr";
  return null;
}

/** Whether values of a cell type are text (ST_Xstring escapes apply) rather than numbers. */
function isTextType(t: string): boolean {
  return t === "str" || t === "inlineStr" || t === "e" || t === "d" || (t !== "n" && t !== "s" && t !== "b");
}

/**
 * Decodes plain-text spans of one document for the fast paths. It remembers the offsets of
 * the next '&', CR and '_' (the length when none); each only moves forward and is searched
 * for again only once passed, so all searches together read the document about once, and a
 * span is known to need no decoding without reading it.
 */
class SpanDecoder {
  private nextAmp = -1;
  private nextCr = -1;
  private nextUnder = -1;

  constructor(
    private readonly xml: string,
    private readonly problems: string[],
  ) {}

  private find(c: string, from: number): number {
    const k = this.xml.indexOf(c, from);
    return k < 0 ? this.xml.length : k;
  }

  /** xml[vs, e), which holds no markup, XML-decoded. */
  text(vs: number, e: number): string {
    const xml = this.xml;
    if (this.nextCr < vs) this.nextCr = this.find("\r", vs);
    if (this.nextCr < e) return decodeCore(xml.slice(vs, e), false, this.problems);
    if (this.nextAmp < vs) this.nextAmp = this.find("&", vs);
    if (this.nextAmp >= e) return xml.slice(vs, e);
    let out = "";
    let last = vs;
    for (let i = this.nextAmp; i < e; i = this.nextAmp = this.find("&", i + 1)) {
      const j = referenceEnd(xml, i, this.problems);
      if (j >= 0) {
        out += xml.slice(last, i) + refText;
        last = j + 1;
        i = j;
      }
    }
    return out + xml.slice(last, e);
  }

  /** Whether xml[vs, e) holds an underscore (so ST_Xstring escapes may need decoding). */
  hasUnderscore(vs: number, e: number): boolean {
    if (this.nextUnder < vs) this.nextUnder = this.find("_", vs);
    return this.nextUnder < e;
  }
}

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
 * Speed: cells in the usual forms (see `fastCell`) are read straight from the string without
 * the general tokenizer; everything else (formulas, rich text, comments, CDATA, unusual
 * attributes) goes through the general path, which gives the same results. Lone surrogates
 * are looked for only in text with `_x` escapes: a JavaScript string decoded from UTF-8 holds
 * none, and character references to surrogates are rejected.
 */
export function readSheetCells(xml: string, onCell: CellCallback, options: ReadSheetOptions = {}): SheetReadResult {
  const tk = new Tokenizer(xml);
  const nst = new NsTracker(xml);
  const onRow = options.onRow;
  const max = options.maxProblems ?? 1000;
  const problems: SheetProblem[] = [];
  let dropped = 0;
  const report = (ref: string, message: string): void => {
    if (problems.length < max) problems.push({ ref, message });
    else dropped++;
  };
  const scratch: string[] = [];
  const flush = (ref: string): void => {
    for (const m of scratch) report(ref, m);
    scratch.length = 0;
  };

  // Open elements: each entry packs kind | ctx << 4 | (declares namespaces ? 256 : 0), where
  // ctx is the kind its children are read in. `top` is the innermost entry.
  const stack: number[] = [];
  let top = K_DOC | (K_DOC << 4);
  let rootSeen = false;
  let cells = 0;
  let rows = 0;
  // Row state.
  let rowIdx = -1;
  let rowOk = true;
  // Prefix (with its colon, "" for none) of the current row's name: the fast path expects its
  // cells to be written with the same prefix, which then means SpreadsheetML too.
  let pfx = "";
  let plen = 0;
  let p0 = 0;
  let prevCol = -1;
  // Cell state (general path).
  let cRow = 0;
  let cCol = 0;
  let cOk = false;
  let cType = "n";
  let cText = false;
  let cStyle = 0;
  let cAt = 0;
  let vVal: string | null = null;
  let isVal: string | null = null;
  // Text being collected for the open <v> or <t> (joined XML-decoded pieces).
  let acc = "";

  const startRow = (): void => {
    rows++;
    let r = -1;
    let hidden = false;
    let outline = 0;
    for (let k = 0; k < tk.attrCount; k++) {
      const a = 4 * k;
      const an = tk.attrs[a];
      const ane = tk.attrs[a + 1];
      const vs = tk.attrs[a + 2];
      const ve = tk.attrs[a + 3];
      if (ane - an === 1 && xml.charCodeAt(an) === 114) {
        r = parseUint(xml, vs, ve);
        if (r < 1) {
          const raw = decodeXmlAttr(xml.slice(vs, ve));
          r = /^[0-9]+$/.test(raw) ? Number(raw) : -1;
          if (r < 1)
            report(
              String(rowIdx + 2),
              `row number r="${raw}" is not a positive whole number; the row after the previous one was used`,
            );
        }
      } else if (localIs(xml, an, ane, "hidden")) {
        const v = ve - vs === 1 ? xml.charCodeAt(vs) : 0;
        hidden = v === 49 || (v === 0 && decodeXmlAttr(xml.slice(vs, ve)).trim() === "true");
      } else if (localIs(xml, an, ane, "outlineLevel")) {
        outline = parseUint(xml, vs, ve);
        if (outline < 0) {
          report(String(rowIdx + 2), `outlineLevel="${xml.slice(vs, ve)}" is not a whole number; 0 was used`);
          outline = 0;
        }
      }
    }
    rowIdx = r >= 1 ? r - 1 : rowIdx + 1;
    rowOk = rowIdx <= LAST_ROW;
    if (!rowOk)
      report(String(rowIdx + 1), `row ${rowIdx + 1} is beyond Excel's last row 1048576; its cells were skipped`);
    prevCol = -1;
    pfx = tk.colon < 0 ? "" : xml.slice(tk.nameStart, tk.colon + 1);
    plen = pfx.length;
    p0 = pfx.charCodeAt(0);
    onRow?.(rowIdx, { outlineLevel: outline, hidden, at: tk.tagStart });
  };

  const startCell = (): void => {
    let hasRef = false;
    let type = "n";
    let badType: string | null = null;
    let style = 0;
    cRow = rowIdx;
    for (let k = 0; k < tk.attrCount; k++) {
      const a = 4 * k;
      const an = tk.attrs[a];
      if (tk.attrs[a + 1] - an !== 1) continue;
      const name = xml.charCodeAt(an);
      const vs = tk.attrs[a + 2];
      const ve = tk.attrs[a + 3];
      if (name === 114) {
        // r: A1 reference (ST_CellRef)
        hasRef = parseRef(xml, vs, ve);
        if (!hasRef) {
          const raw = xml.slice(vs, ve);
          const dec = decodeXmlAttr(raw);
          if (dec !== raw && parseRef(dec, 0, dec.length)) hasRef = true;
          else
            report(
              cellRef(rowIdx, prevCol + 1),
              `cell reference r="${dec}" is not an A1 reference; the cell after the previous one was used`,
            );
        }
      } else if (name === 116) {
        const known = cellTypeAt(xml, vs, ve);
        if (known !== null) type = known;
        else {
          const raw = decodeXmlAttr(xml.slice(vs, ve));
          const decoded = cellTypeAt(raw, 0, raw.length);
          if (decoded !== null) type = decoded;
          else type = badType = raw;
        }
      } else if (name === 115) {
        style = parseUint(xml, vs, ve);
        if (style < 0) {
          const raw = decodeXmlAttr(xml.slice(vs, ve)).trim();
          style = /^[0-9]+$/.test(raw) ? Number(raw) : 0;
        }
      }
    }
    if (hasRef) {
      cCol = refCol;
      if (refRow !== rowIdx) {
        report(
          cellRef(refRow, refCol),
          `cell ${cellRef(refRow, refCol)} is written inside row ${rowIdx + 1}; it was placed where its reference says`,
        );
        cRow = refRow;
      }
    } else cCol = prevCol + 1;
    prevCol = cCol;
    cOk = rowOk && cRow <= LAST_ROW && cCol <= LAST_COL;
    if (!cOk && rowOk)
      report(
        cellRef(cRow, cCol),
        `cell ${cellRef(cRow, cCol)} is beyond Excel's last column XFD or last row; it was skipped`,
      );
    if (badType !== null && cOk)
      report(
        cellRef(cRow, cCol),
        `cell type t="${badType}" is not one of b, d, e, inlineStr, n, s, str; the value was read as text`,
      );
    cType = type;
    cText = isTextType(type);
    cStyle = style;
    cAt = tk.tagStart;
    vVal = null;
    isVal = null;
  };

  const endCell = (): void => {
    const value = cType === "inlineStr" ? (isVal ?? vVal) : vVal;
    if (value !== null && cOk) {
      cells++;
      onCell(cRow, cCol, cType, value, cStyle, cAt);
    }
  };

  /**
   * Fast path for the usual forms of a cell: `<c r=".." s=".." t=".."><v>..</v></c>`,
   * `<c ... t="inlineStr"><is><t>..</t></is></c>` (also `<t xml:space="preserve">`) and
   * `<c .../>`, written with the same prefix as their row (or none), double-quoted attributes
   * separated by spaces, and only whitespace between the tags. Reads the cell exactly as the
   * general path would and returns the offset after it, or returns -1 having changed nothing
   * for any other form (formulas, rich text, comments, CDATA, entities in attributes, namespace
   * declarations, anything to report as a problem), which the general path then reads.
   */
  const spans = new SpanDecoder(xml, scratch);

  /** Whether the row's prefix is at pos (always true without one). */
  const pfxAt = (pos: number): boolean =>
    plen === 0 ||
    (xml.charCodeAt(pos) === p0 && (plen === 2 ? xml.charCodeAt(pos + 1) === 58 : matches(xml, pos, pfx)));

  const fastCell = (lt: number): number => {
    let j = lt + 2 + plen;
    let ch = xml.charCodeAt(j);
    let col = -1;
    let type = "n";
    let style = 0;
    for (;;) {
      while (ch === 32) ch = xml.charCodeAt(++j);
      if (ch === 62) {
        j++;
        break;
      }
      if (ch === 47) {
        if (xml.charCodeAt(j + 1) !== 62) return -1;
        if (col < 0) col = prevCol + 1;
        if (col > LAST_COL || !rowOk) return -1;
        prevCol = col; // a formatted blank: no value
        return j + 2;
      }
      if (xml.charCodeAt(j + 1) === 61 && xml.charCodeAt(j + 2) === 34) {
        // One-letter attribute: r, s and t are read while finding the closing quote.
        let k = j + 3;
        if (ch === 114) {
          // r="A1": letters then digits (ST_CellRef)
          let c = 0;
          let r = 0;
          for (ch = xml.charCodeAt(k); ch >= 65 && ch <= 90; ch = xml.charCodeAt(++k)) c = c * 26 + ch - 64;
          if (c === 0 || c > LAST_COL + 1) return -1;
          const ds = k;
          for (; ch >= 48 && ch <= 57; ch = xml.charCodeAt(++k)) r = r * 10 + ch - 48;
          if (ch !== 34 || k === ds || k - ds > 7 || r - 1 !== rowIdx) return -1;
          col = c - 1;
        } else if (ch === 115) {
          // s="3": style index
          const ds = k;
          style = 0;
          for (ch = xml.charCodeAt(k); ch >= 48 && ch <= 57; ch = xml.charCodeAt(++k)) style = style * 10 + ch - 48;
          if (ch !== 34 || k === ds || k - ds > 9) return -1;
        } else if (ch === 116) {
          // t: ST_CellType
          ch = xml.charCodeAt(k);
          if (xml.charCodeAt(k + 1) === 34) {
            type = ch === 115 ? "s" : ch === 110 ? "n" : ch === 98 ? "b" : ch === 101 ? "e" : ch === 100 ? "d" : "";
            k++;
          } else if (
            ch === 105 &&
            xml.charCodeAt(k + 1) === 110 &&
            xml.charCodeAt(k + 2) === 108 &&
            xml.charCodeAt(k + 3) === 105 &&
            xml.charCodeAt(k + 4) === 110 &&
            xml.charCodeAt(k + 5) === 101 &&
            xml.charCodeAt(k + 6) === 83 &&
            xml.charCodeAt(k + 7) === 116 &&
            xml.charCodeAt(k + 8) === 114 &&
            xml.charCodeAt(k + 9) === 34
          ) {
            // inlineStr
            type = "inlineStr";
            k += 9;
          } else if (
            ch === 115 &&
            xml.charCodeAt(k + 1) === 116 &&
            xml.charCodeAt(k + 2) === 114 &&
            xml.charCodeAt(k + 3) === 34
          ) {
            type = "str";
            k += 3;
          } else return -1;
          if (type === "") return -1;
        } else {
          k = xml.indexOf('"', k);
          if (k < 0) return -1;
        }
        j = k + 1;
      } else {
        // Any other attribute (cm, vm, ph, or a namespace declaration, which the general path handles).
        const an = j;
        while (ch !== 61 && ch > 32 && ch !== 62 && ch !== 47) ch = xml.charCodeAt(++j);
        if (ch !== 61 || xml.charCodeAt(j + 1) !== 34 || (xml.charCodeAt(an) === 120 && matches(xml, an, "xmlns")))
          return -1;
        const k = xml.indexOf('"', j + 2);
        if (k < 0) return -1;
        j = k + 1;
      }
      ch = xml.charCodeAt(j);
      if (ch !== 32 && ch !== 62 && ch !== 47) return -1;
    }
    // j is just after the start tag. Expect <v> or <is><t> / <is><t xml:space="preserve">,
    // with nothing but whitespace between tags (the general path ignores it there too).
    while (isWs((ch = xml.charCodeAt(j)))) j++;
    if (ch !== 60 || !pfxAt(j + 1)) return -1;
    let k = j + 1 + plen;
    let vs: number;
    let inline = false;
    ch = xml.charCodeAt(k);
    if (ch === 118 && xml.charCodeAt(k + 1) === 62) vs = k + 2;
    else if (ch === 105 && xml.charCodeAt(k + 1) === 115 && xml.charCodeAt(k + 2) === 62) {
      j = k + 3;
      while (isWs((ch = xml.charCodeAt(j)))) j++;
      if (ch !== 60 || !pfxAt(j + 1) || xml.charCodeAt(j + 1 + plen) !== 116) return -1;
      vs = j + 2 + plen;
      ch = xml.charCodeAt(vs);
      if (ch === 62) vs++;
      else if (ch === 32 && matches(xml, vs, ' xml:space="preserve">')) vs += 22;
      else return -1;
      inline = true;
    } else return -1;
    const e = xml.indexOf("<", vs);
    if (e < 0 || xml.charCodeAt(e + 1) !== 47 || !pfxAt(e + 2)) return -1;
    k = e + 2 + plen;
    let end: number;
    if (inline) {
      // </t> </is>
      if (xml.charCodeAt(k) !== 116 || xml.charCodeAt(k + 1) !== 62) return -1;
      end = k + 2;
      while (isWs((ch = xml.charCodeAt(end)))) end++;
      if (ch !== 60 || xml.charCodeAt(end + 1) !== 47 || !pfxAt(end + 2)) return -1;
      k = end + 2 + plen;
      if (xml.charCodeAt(k) !== 105 || xml.charCodeAt(k + 1) !== 115 || xml.charCodeAt(k + 2) !== 62) return -1;
      end = k + 3;
    } else {
      // </v>
      if (xml.charCodeAt(k) !== 118 || xml.charCodeAt(k + 1) !== 62) return -1;
      end = k + 2;
    }
    // </c>
    while (isWs((ch = xml.charCodeAt(end)))) end++;
    if (ch !== 60 || xml.charCodeAt(end + 1) !== 47 || !pfxAt(end + 2)) return -1;
    k = end + 2 + plen;
    if (xml.charCodeAt(k) !== 99 || xml.charCodeAt(k + 1) !== 62) return -1;
    end = k + 2;
    if (col < 0) col = prevCol + 1;
    if (col > LAST_COL || !rowOk) return -1;
    prevCol = col;
    if (inline && type !== "inlineStr") return end; // <is> only counts for inline strings
    let value = spans.text(vs, e);
    if (type !== "n" && type !== "s" && type !== "b" && spans.hasUnderscore(vs, e))
      value = decodeOoxmlEscapes(value, scratch);
    if (scratch.length) flush(cellRef(rowIdx, col));
    cells++;
    onCell(rowIdx, col, type, value, style, lt);
    return end;
  };

  /** The collected text of a <v> or <t> just closed, with ST_Xstring escapes where they apply. */
  const finishText = (ooxml: boolean): string => {
    const s = ooxml && acc.indexOf("_x") >= 0 ? decodeOoxmlEscapes(acc, scratch) : acc;
    acc = "";
    return s;
  };

  for (;;) {
    if ((top & 15) === K_ROW) {
      let lt = tk.pos;
      if (xml.charCodeAt(lt) !== 60) lt = xml.indexOf("<", lt);
      if (lt >= 0 && pfxAt(lt + 1) && xml.charCodeAt(lt + 1 + plen) === 99) {
        const c2 = xml.charCodeAt(lt + 2 + plen);
        if (c2 === 32 || c2 === 62 || c2 === 47) {
          const e = fastCell(lt);
          if (e >= 0) {
            tk.pos = e;
            continue;
          }
        }
      }
    }
    const tok = tk.next();
    if (tok === TOK_START) {
      const ctx = (top >> 4) & 15;
      if (ctx === K_SKIP) {
        if (!tk.selfClosing) {
          stack.push(top);
          top = K_SKIP;
        }
        continue;
      }
      const hasScope = tk.hasXmlns;
      if (hasScope) nst.enter(tk);
      const parentKind = top & 15;
      // Anything after the root element is not part of the document (XML 1.0, 2.1 [1]): skipped, as LibreOffice does.
      const kind = ctx === K_DOC && rootSeen ? K_SKIP : classify(tk, nst, ctx, parentKind, K_WORKSHEET);
      if (ctx === K_DOC) {
        if (rootSeen) report("", "markup after the root element was ignored");
        else if (kind !== K_WORKSHEET)
          report(
            "",
            `the root element <${xml.slice(tk.nameStart, tk.nameEnd)}> is not in the SpreadsheetML namespace; no cells were read`,
          );
        rootSeen = true;
      }
      switch (kind) {
        case K_ROW:
          startRow();
          break;
        case K_CELL:
          startCell();
          break;
        case K_V:
          if (tk.selfClosing) vVal = "";
          else if (tk.simpleContent()) {
            vVal = decodeValue(xml.slice(tk.textStart, tk.textEnd), cText, scratch);
            if (scratch.length) flush(cellRef(cRow, cCol));
            if (hasScope) nst.scope.pop();
            continue;
          } else acc = "";
          break;
        case K_RST:
          if (tk.selfClosing) isVal ??= "";
          break;
        case K_T:
          if (tk.selfClosing) isVal ??= "";
          else if (tk.simpleContent()) {
            const run = decodeValue(xml.slice(tk.textStart, tk.textEnd), true, scratch);
            isVal = isVal === null ? run : isVal + run;
            if (scratch.length) flush(cellRef(cRow, cCol));
            if (hasScope) nst.scope.pop();
            continue;
          } else acc = "";
          break;
        case K_BRANCH:
          if (parentKind === K_ALT) top = (top & ~15) | K_ALT_DONE;
          break;
      }
      if (tk.selfClosing) {
        if (kind === K_CELL) endCell();
        if (hasScope) nst.scope.pop();
      } else {
        stack.push(top);
        top = kind | ((kind === K_ALT || kind === K_BRANCH ? ctx : kind) << 4) | (hasScope ? 256 : 0);
      }
    } else if (tok === TOK_END) {
      const kind = top & 15;
      if (top & 256) nst.scope.pop();
      top = stack.pop() as number;
      switch (kind) {
        case K_V:
          vVal = finishText(cText);
          if (scratch.length) flush(cellRef(cRow, cCol));
          break;
        case K_T: {
          const run = finishText(true);
          isVal = isVal === null ? run : isVal + run;
          if (scratch.length) flush(cellRef(cRow, cCol));
          break;
        }
        case K_RST:
          isVal ??= "";
          break;
        case K_CELL:
          endCell();
          break;
      }
    } else if (tok === TOK_TEXT || tok === TOK_CDATA) {
      const kind = top & 15;
      if (kind === K_V || kind === K_T) {
        const raw = xml.slice(tk.textStart, tk.textEnd);
        acc += tok === TOK_TEXT ? decodeValue(raw, false, scratch) : normalizeEol(raw);
      }
    } else break;
  }
  if (!rootSeen) report("", "the part has no root element; no cells were read");
  return { cells, rows, problems, problemsDropped: dropped };
}

export interface SharedStringsResult {
  /** The decoded text of each `<si>`, in order: index i is shared string i. */
  items: string[];
  /** Problems with the index of the item they were found in (-1 for the part as a whole). */
  problems: { index: number; message: string }[];
  problemsDropped: number;
}

/**
 * Reads the shared string table (ECMA-376 Part 1, 18.4.9 sst): one string per `<si>` (18.4.8
 * si), its `<t>` (18.4.12) and the `<t>` of each `<r>` rich run (18.4.4) joined, phonetic runs
 * `<rPh>` (18.4.6) left out, with XML decoding and ST_Xstring `_xHHHH_` decoding (22.9.2.19)
 * applied to each `<t>`. Namespace handling is as in `readSheetCells`. Throws XmlError if the
 * part is not well-formed XML.
 */
export function readSharedStrings(xml: string, options: { maxProblems?: number } = {}): SharedStringsResult {
  const tk = new Tokenizer(xml);
  const nst = new NsTracker(xml);
  const max = options.maxProblems ?? 1000;
  const items: string[] = [];
  const problems: { index: number; message: string }[] = [];
  let dropped = 0;
  const scratch: string[] = [];
  const flush = (index: number): void => {
    for (const message of scratch) {
      if (problems.length < max) problems.push({ index, message });
      else dropped++;
    }
    scratch.length = 0;
  };
  const stack: number[] = [];
  let top = K_DOC | (K_DOC << 4);
  let rootSeen = false;
  let sstFast = false;
  const spans = new SpanDecoder(xml, scratch);
  // Prefix (with its colon) of the root's name; the fast path expects it on <si> and <t> too.
  let pfx = "";
  let plen = 0;
  let p0 = 0;
  const pfxAt = (pos: number): boolean =>
    plen === 0 ||
    (xml.charCodeAt(pos) === p0 && (plen === 2 ? xml.charCodeAt(pos + 1) === 58 : matches(xml, pos, pfx)));

  /**
   * Fast path for `<si><t>text</t></si>` (also `<t xml:space="preserve">`), written with the
   * root's prefix (or none) and only whitespace between tags. Returns the offset after the item,
   * or -1 having changed nothing for any other form, which the general path then reads.
   */
  const fastItem = (lt: number): number => {
    if (!pfxAt(lt + 1)) return -1;
    let k = lt + 1 + plen;
    if (xml.charCodeAt(k) !== 115 || xml.charCodeAt(k + 1) !== 105 || xml.charCodeAt(k + 2) !== 62) return -1;
    let j = k + 3;
    let ch: number;
    while (isWs((ch = xml.charCodeAt(j)))) j++;
    if (ch !== 60 || !pfxAt(j + 1) || xml.charCodeAt(j + 1 + plen) !== 116) return -1;
    let vs = j + 2 + plen;
    ch = xml.charCodeAt(vs);
    if (ch === 62) vs++;
    else if (ch === 32 && matches(xml, vs, ' xml:space="preserve">')) vs += 22;
    else return -1;
    const e = xml.indexOf("<", vs);
    if (e < 0 || xml.charCodeAt(e + 1) !== 47 || !pfxAt(e + 2)) return -1;
    k = e + 2 + plen;
    if (xml.charCodeAt(k) !== 116 || xml.charCodeAt(k + 1) !== 62) return -1;
    let end = k + 2;
    while (isWs((ch = xml.charCodeAt(end)))) end++;
    if (ch !== 60 || xml.charCodeAt(end + 1) !== 47 || !pfxAt(end + 2)) return -1;
    k = end + 2 + plen;
    if (xml.charCodeAt(k) !== 115 || xml.charCodeAt(k + 1) !== 105 || xml.charCodeAt(k + 2) !== 62) return -1;
    let value = spans.text(vs, e);
    if (spans.hasUnderscore(vs, e)) value = decodeOoxmlEscapes(value, scratch);
    items.push(value);
    if (scratch.length) flush(items.length - 1);
    return k + 3;
  };
  let item = "";
  let acc = "";
  for (;;) {
    if ((top & 15) === K_SST && sstFast) {
      let lt = tk.pos;
      if (xml.charCodeAt(lt) !== 60) lt = xml.indexOf("<", lt);
      const e = lt < 0 ? -1 : fastItem(lt);
      if (e >= 0) {
        tk.pos = e;
        continue;
      }
    }
    const tok = tk.next();
    if (tok === TOK_START) {
      const ctx = (top >> 4) & 15;
      if (ctx === K_SKIP) {
        if (!tk.selfClosing) {
          stack.push(top);
          top = K_SKIP;
        }
        continue;
      }
      const hasScope = tk.hasXmlns;
      if (hasScope) nst.enter(tk);
      const parentKind = top & 15;
      const kind = ctx === K_DOC && rootSeen ? K_SKIP : classify(tk, nst, ctx, parentKind, K_SST);
      if (ctx === K_DOC && !rootSeen) {
        sstFast = kind === K_SST;
        pfx = tk.colon < 0 ? "" : xml.slice(tk.nameStart, tk.colon + 1);
        plen = pfx.length;
        p0 = pfx.charCodeAt(0);
        if (!rootSeen && kind !== K_SST)
          scratch.push(
            `the root element <${xml.slice(tk.nameStart, tk.nameEnd)}> is not in the SpreadsheetML namespace; no strings were read`,
          );
        flush(-1);
        rootSeen = true;
      }
      if (kind === K_RST) item = "";
      else if (kind === K_T && !tk.selfClosing) {
        if (tk.simpleContent()) {
          item += decodeValue(xml.slice(tk.textStart, tk.textEnd), true, scratch);
          if (scratch.length) flush(items.length);
          if (hasScope) nst.scope.pop();
          continue;
        }
        acc = "";
      } else if (kind === K_BRANCH && parentKind === K_ALT) top = (top & ~15) | K_ALT_DONE;
      if (tk.selfClosing) {
        if (kind === K_RST) items.push("");
        if (hasScope) nst.scope.pop();
      } else {
        stack.push(top);
        top = kind | ((kind === K_ALT || kind === K_BRANCH ? ctx : kind) << 4) | (hasScope ? 256 : 0);
      }
    } else if (tok === TOK_END) {
      const kind = top & 15;
      if (top & 256) nst.scope.pop();
      top = stack.pop() as number;
      if (kind === K_T) {
        item += acc.indexOf("_x") >= 0 ? decodeOoxmlEscapes(acc, scratch) : acc;
        acc = "";
        if (scratch.length) flush(items.length);
      } else if (kind === K_RST) {
        items.push(item);
        item = "";
      }
    } else if (tok === TOK_TEXT || tok === TOK_CDATA) {
      if ((top & 15) === K_T) {
        const raw = xml.slice(tk.textStart, tk.textEnd);
        acc += tok === TOK_TEXT ? decodeValue(raw, false, scratch) : normalizeEol(raw);
      }
    } else break;
  }
  if (!rootSeen) {
    scratch.push("the part has no root element; no strings were read");
    flush(-1);
  }
  return { items, problems, problemsDropped: dropped };
}

// ---------------------------------------------------------------------------------------------
// 7. Writing helpers used across the .xlsx host
// ---------------------------------------------------------------------------------------------

/** An attribute value, or element content that is not cell text (forbidden characters become U+FFFD). */
export function escapeXml(s: string): string {
  return escapeXmlAttr(s);
}

/**
 * Cell text (a `<t>`, a chart cache's `<c:v>`): ST_Xstring's `_xHHHH_` escapes for what XML cannot
 * hold, `_x005F_` before a literal escape, then XML escaping, so Excel reads back exactly `s`.
 */
export function xstringXml(s: string): string {
  return escapeXmlText(encodeOoxmlText(s).text);
}
