import { find, type XmlNode } from "../xlsx/xml";

/** The text of a child element, trimmed; "" when absent. */
export function text(node: XmlNode, local: string): string {
  return find(node, local)?.text.trim() ?? "";
}
