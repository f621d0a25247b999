/**
 * A small tree for small parts (workbook.xml, styles.xml, [Content_Types].xml, .rels, a
 * Project export), with exact offsets so edits can splice the original text, and names resolved
 * through their namespace declarations.
 */
import { decodeXmlAttr, decodeXmlText, normalizeEol } from "./decode";
import { fail } from "./errors";
import { NsScope, XMLNS_NS } from "./namespaces";
import { TOK_CDATA, TOK_END, TOK_START, TOK_TEXT, Tokenizer } from "./tokenizer";

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
