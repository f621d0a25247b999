import { decodeCore, referenceEnd, refText } from "./decode";

/**
 * Decodes plain-text spans of one document for the fast paths. It remembers the offsets of
 * the next '&', CR and '_' (the length when none); each only moves forward and is searched
 * for again only once passed, so all searches together read the document about once, and a
 * span is known to need no decoding without reading it.
 */
export class SpanDecoder {
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
