/**
 * Namespaces in XML 1.0 (sections 3 and 6) and the namespace URIs the .xlsx host knows:
 * SpreadsheetML and the office relationships namespace in their transitional and Strict forms,
 * Markup Compatibility (ECMA-376 Part 3), and the OPC roots of .rels and [Content_Types].xml.
 */
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
