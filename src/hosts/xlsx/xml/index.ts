/**
 * The XML layer of the .xlsx host (also read by the Project export reader, src/hosts/mspdi):
 * one tokenizer (tokenizer.ts), decoding and escaping, namespaces, a scanner and a small tree.
 * Pure: no fs, no DOM, no dependencies. Nothing here knows SpreadsheetML; that is ../spreadsheetml.
 */
export { isXmlChar } from "./chars";
export { decodeXmlAttr, decodeXmlText } from "./decode";
export { escapeXml, escapeXmlAttr, escapeXmlText } from "./encode";
export { XmlError } from "./errors";
export {
  CONTENT_TYPES_NS,
  isMainNs,
  isRelNs,
  MARKUP_COMPATIBILITY_NS,
  NsScope,
  PACKAGE_RELATIONSHIPS_NS,
  RELATIONSHIPS_NS,
  RELATIONSHIPS_STRICT_NS,
  SPREADSHEETML_NS,
  SPREADSHEETML_STRICT_NS,
  XML_NS,
  XMLNS_NS,
  type ResolvedName,
} from "./namespaces";
export { attrValue, parseAttrs, scanXml, tagAttrValue, type RawAttr, type XmlHandler } from "./scan";
export { find, findAll, findDeep, getAttr, parseTree, type XmlAttr, type XmlNode } from "./tree";
