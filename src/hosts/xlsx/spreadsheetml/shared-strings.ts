/**
 * The shared string table (ECMA-376 Part 1, 18.4.9 sst), read in one linear pass: a shortcut
 * past the tokenizer for items that are one plain `<t>`, the tokenizer for the rest.
 */
import { isWs } from "../xml/chars";
import { normalizeEol } from "../xml/decode";
import { SpanDecoder } from "../xml/spans";
import { TOK_CDATA, TOK_END, TOK_START, TOK_TEXT, Tokenizer } from "../xml/tokenizer";
import { classify, K_ALT, K_ALT_DONE, K_BRANCH, K_DOC, K_RST, K_SKIP, K_SST, K_T, matches, NsTracker } from "./kinds";
import { closeTag, Prefix } from "./prefix";
import { decodeOoxmlEscapes, decodeValue } from "./xstring";

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
  const reader = new SstReader(xml, options.maxProblems ?? 1000);
  reader.run();
  return reader.result();
}

const SCOPED = 256; // as in cells.ts: kind | ctx << 4 | SCOPED when the element declares namespaces

/** The state of one readSharedStrings pass. */
class SstReader {
  private readonly tk: Tokenizer;
  private readonly nst: NsTracker;
  private readonly items: string[] = [];
  private readonly problems: { index: number; message: string }[] = [];
  private dropped = 0;
  private readonly scratch: string[] = [];
  private readonly spans: SpanDecoder;
  private readonly stack: number[] = [];
  private top = K_DOC | (K_DOC << 4);
  private rootSeen = false;
  /** The root is a SpreadsheetML sst, so its items may be read by the shortcut. */
  private sstFast = false;
  /** The root's prefix: the shortcut expects it on <si> and <t> too. */
  private readonly prefix = new Prefix();
  private item = "";
  private acc = "";

  constructor(
    private readonly xml: string,
    private readonly max: number,
  ) {
    this.tk = new Tokenizer(xml);
    this.nst = new NsTracker(xml);
    this.spans = new SpanDecoder(xml, this.scratch);
  }

  result(): SharedStringsResult {
    if (!this.rootSeen) {
      this.scratch.push("the part has no root element; no strings were read");
      this.flush(-1);
    }
    return { items: this.items, problems: this.problems, problemsDropped: this.dropped };
  }

  private flush(index: number): void {
    for (const message of this.scratch) {
      if (this.problems.length < this.max) this.problems.push({ index, message });
      else this.dropped++;
    }
    this.scratch.length = 0;
  }

  run(): void {
    const { tk, xml } = this;
    for (;;) {
      if ((this.top & 15) === K_SST && this.sstFast && this.shortcut()) continue;
      const tok = tk.next();
      if (tok === TOK_START) this.start();
      else if (tok === TOK_END) this.end();
      else if (tok === TOK_TEXT || tok === TOK_CDATA) {
        if ((this.top & 15) === K_T) {
          const raw = xml.slice(tk.textStart, tk.textEnd);
          this.acc += tok === TOK_TEXT ? decodeValue(raw, false, this.scratch) : normalizeEol(raw);
        }
      } else break;
    }
  }

  /**
   * Reads `<si><t>text</t></si>` (also `<t xml:space="preserve">`), written with the root's
   * prefix (or none) and only whitespace between tags, past the tokenizer. False, having changed
   * nothing, for any other form, which the tokenizer then reads.
   */
  private shortcut(): boolean {
    const { xml, prefix: p } = this;
    let lt = this.tk.pos;
    if (xml.charCodeAt(lt) !== 60) lt = xml.indexOf("<", lt);
    if (lt < 0 || !p.at(xml, lt + 1) || !matches(xml, lt + 1 + p.length, "si>")) return false;
    let j = lt + 4 + p.length;
    let ch: number;
    while (isWs((ch = xml.charCodeAt(j)))) j++;
    if (ch !== 60 || !p.at(xml, j + 1) || xml.charCodeAt(j + 1 + p.length) !== 116) return false;
    let vs = j + 2 + p.length;
    ch = xml.charCodeAt(vs);
    if (ch === 62) vs++;
    else if (ch === 32 && matches(xml, vs, ' xml:space="preserve">')) vs += 22;
    else return false;
    const e = xml.indexOf("<", vs);
    const tEnd = e < 0 ? -1 : closeTag(xml, e, p, 116); // </t>
    const end = tEnd < 0 ? -1 : closeTag(xml, tEnd, p, 115, 105); // </si>
    if (end < 0) return false;
    let value = this.spans.text(vs, e);
    if (this.spans.hasUnderscore(vs, e)) value = decodeOoxmlEscapes(value, this.scratch);
    this.items.push(value);
    if (this.scratch.length) this.flush(this.items.length - 1);
    this.tk.pos = end;
    return true;
  }

  /** A start tag from the tokenizer. */
  private start(): void {
    const { tk, xml } = this;
    const ctx = (this.top >> 4) & 15;
    if (ctx === K_SKIP) {
      if (!tk.selfClosing) {
        this.stack.push(this.top);
        this.top = K_SKIP;
      }
      return;
    }
    const hasScope = tk.hasXmlns;
    if (hasScope) this.nst.enter(tk);
    const parentKind = this.top & 15;
    const kind = ctx === K_DOC && this.rootSeen ? K_SKIP : classify(tk, this.nst, ctx, parentKind, K_SST);
    if (ctx === K_DOC && !this.rootSeen) this.checkRoot(kind);
    if (kind === K_RST) this.item = "";
    else if (kind === K_T && !tk.selfClosing) {
      if (tk.simpleContent()) {
        this.item += decodeValue(xml.slice(tk.textStart, tk.textEnd), true, this.scratch);
        if (this.scratch.length) this.flush(this.items.length);
        if (hasScope) this.nst.scope.pop();
        return;
      }
      this.acc = "";
    } else if (kind === K_BRANCH && parentKind === K_ALT) this.top = (this.top & ~15) | K_ALT_DONE;
    if (tk.selfClosing) {
      if (kind === K_RST) this.items.push("");
      if (hasScope) this.nst.scope.pop();
    } else {
      this.stack.push(this.top);
      this.top = kind | ((kind === K_ALT || kind === K_BRANCH ? ctx : kind) << 4) | (hasScope ? SCOPED : 0);
    }
  }

  private checkRoot(kind: number): void {
    const tk = this.tk;
    this.sstFast = kind === K_SST;
    this.prefix.set(this.xml, tk.nameStart, tk.colon);
    if (kind !== K_SST)
      this.scratch.push(
        `the root element <${this.xml.slice(tk.nameStart, tk.nameEnd)}> is not in the SpreadsheetML namespace; no strings were read`,
      );
    this.flush(-1);
    this.rootSeen = true;
  }

  /** An end tag from the tokenizer. */
  private end(): void {
    const kind = this.top & 15;
    if (this.top & SCOPED) this.nst.scope.pop();
    this.top = this.stack.pop() as number;
    if (kind === K_T) {
      this.item += this.acc.indexOf("_x") >= 0 ? decodeOoxmlEscapes(this.acc, this.scratch) : this.acc;
      this.acc = "";
      if (this.scratch.length) this.flush(this.items.length);
    } else if (kind === K_RST) {
      this.items.push(this.item);
      this.item = "";
    }
  }
}
