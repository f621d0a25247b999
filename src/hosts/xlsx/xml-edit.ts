import { escapeXml, parseTree, type XmlNode } from "./xml";

/**
 * Edits to the text of a part, located by the offsets of its parsed tree and applied in one
 * pass: everything not edited keeps its exact bytes (the user's prefixes, spacing, unknown
 * elements and extensions). The one helper every structured edit of the .xlsx host goes through.
 */
export class XmlEdit {
  private readonly splices: { start: number; end: number; text: string; seq: number }[] = [];
  /** Children for self-closing elements, opened up once when the edits are applied. */
  private readonly opened = new Map<XmlNode, string>();

  constructor(readonly xml: string) {}

  /** The parsed tree of the text being edited (offsets refer to `xml`). */
  tree(): XmlNode {
    return parseTree(this.xml);
  }

  private splice(start: number, end: number, text: string): void {
    this.splices.push({ start, end, text, seq: this.splices.length });
  }

  insertBefore(node: XmlNode, text: string): void {
    this.splice(node.start, node.start, text);
  }

  insertAfter(node: XmlNode, text: string): void {
    this.splice(node.end, node.end, text);
  }

  /** Replaces an element's content (between its start and end tags) with text as written. */
  replaceContent(node: XmlNode, text: string): void {
    if (!node.selfClosing) this.splice(node.openEnd, node.closeStart, text);
  }

  remove(node: XmlNode): void {
    this.splice(node.start, node.end, "");
  }

  /**
   * Appends children to an element, however it is written: `<x>…</x>` gets them before its end
   * tag, a self-closing `<x/>` (ClosedXML writes `<definedNames/>`) is opened up around them.
   */
  append(node: XmlNode, text: string): void {
    if (!text) return;
    if (!node.selfClosing) return this.splice(node.closeStart, node.closeStart, text);
    this.opened.set(node, (this.opened.get(node) ?? "") + text);
  }

  /** Sets an attribute's value: in place when it is there, otherwise added after the element's name. */
  setAttr(node: XmlNode, local: string, value: string): void {
    const a = node.attrs.find((x) => x.local === local && !x.name.includes(":"));
    if (a) this.splice(a.valueStart, a.valueEnd, escapeXml(value));
    else {
      const at = node.start + 1 + node.name.length;
      this.splice(at, at, ` ${local}="${escapeXml(value)}"`);
    }
  }

  /** The edited text. Splices may not overlap; several inserts at one place keep their order. */
  apply(): string {
    for (const [node, text] of this.opened) {
      let k = node.end - 2; // the "/" of "/>"
      while (k > node.start && /\s/.test(this.xml[k - 1])) k--;
      this.splice(k, node.end, `>${text}</${node.name}>`);
    }
    this.opened.clear();
    const list = [...this.splices].sort((a, b) => a.start - b.start || a.end - b.end || a.seq - b.seq);
    let out = "";
    let at = 0;
    for (const s of list) {
      if (s.start < at) throw new Error("overlapping XML edits");
      out += this.xml.slice(at, s.start) + s.text;
      at = s.end;
    }
    return out + this.xml.slice(at);
  }
}

/** The prefix (with its colon, or "") an element's name is written with, for writing its siblings. */
export function prefixOf(node: XmlNode): string {
  const i = node.name.indexOf(":");
  return i < 0 ? "" : node.name.slice(0, i + 1);
}
