/**
 * What each element of a worksheet or shared string part is, for the readers' state machines:
 * SpreadsheetML elements by their local name in the main namespace (transitional or Strict, any
 * prefix), other namespaces skipped with their content, and Markup Compatibility alternate content
 * (ECMA-376 Part 3, 7.5-7.7) resolved to the branch a SpreadsheetML reader takes.
 */
import { decodeXmlAttr } from "../xml/decode";
import { isMainNs, MARKUP_COMPATIBILITY_NS, NsScope } from "../xml/namespaces";
import type { Tokenizer } from "../xml/tokenizer";

// Namespace classes of element names.
export const NS_OTHER = 0;
export const NS_MAIN = 1;
export const NS_MC = 2;

function classifyUri(uri: string | undefined): number {
  if (uri === undefined) return NS_OTHER;
  if (isMainNs(uri)) return NS_MAIN;
  return uri === MARKUP_COMPATIBILITY_NS ? NS_MC : NS_OTHER;
}

/** Namespace tracking for the fast readers, with look-ups cached between declarations. */
export class NsTracker {
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
export const K_SKIP = 0; // ignored with its whole subtree
export const K_DOC = 1; // pseudo-parent of the root element
export const K_WORKSHEET = 2;
export const K_SHEETDATA = 3;
export const K_ROW = 4;
export const K_CELL = 5;
export const K_V = 6;
export const K_RST = 7; // <is> or <si>: CT_Rst
export const K_RUN = 8; // <r>
export const K_T = 9; // <t> directly in CT_Rst or in <r>
export const K_SST = 10;
export const K_ALT = 11; // mc:AlternateContent, no Choice selected yet
export const K_ALT_DONE = 12; // mc:AlternateContent after a selected Choice
export const K_BRANCH = 13; // selected mc:Choice or mc:Fallback: transparent

export function localIs(xml: string, ls: number, le: number, word: string): boolean {
  const len = word.length;
  if (le - ls !== len) return false;
  for (let k = 0; k < len; k++) if (xml.charCodeAt(ls + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** True when xml has `word` at offset i. */
export function matches(xml: string, i: number, word: string): boolean {
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
export function classify(tk: Tokenizer, nst: NsTracker, ctx: number, parentKind: number, rootKind: number): number {
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
