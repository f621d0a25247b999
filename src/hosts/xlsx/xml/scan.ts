/**
 * A callback scanner over the tokenizer, and attribute reading for it: what the writers use to
 * find their way around a part without building a tree.
 */
import { ATTR_NAME, isWs } from "./chars";
import { decodeXmlAttr } from "./decode";
import { fail } from "./errors";
import { TOK_CDATA, TOK_END, TOK_START, TOK_TEXT, Tokenizer } from "./tokenizer";

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
