import fc from "fast-check";
import { a1 as cellRef, columnLetters as columnName } from "../../../src/model/cell";
import { readSheetCells, type RowInfo } from "../../../src/hosts/xlsx/spreadsheetml/cells";
import { readSharedStrings } from "../../../src/hosts/xlsx/spreadsheetml/shared-strings";
import { decodeOoxmlEscapes, encodeOoxmlText } from "../../../src/hosts/xlsx/spreadsheetml/xstring";
import {
  attrValue,
  CONTENT_TYPES_NS,
  decodeXmlAttr,
  decodeXmlText,
  escapeXmlAttr,
  escapeXmlText,
  find,
  findAll,
  findDeep,
  getAttr,
  isMainNs,
  isRelNs,
  isXmlChar,
  MARKUP_COMPATIBILITY_NS,
  NsScope,
  PACKAGE_RELATIONSHIPS_NS,
  parseAttrs,
  parseTree,
  RELATIONSHIPS_NS,
  RELATIONSHIPS_STRICT_NS,
  scanXml,
  SPREADSHEETML_NS,
  SPREADSHEETML_STRICT_NS,
  tagAttrValue,
  XML_NS,
  XmlError,
  type XmlNode,
} from "../../../src/hosts/xlsx/xml";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

type Event = [string, ...(string | number | boolean)[]];

/** Every scanner event, with names and text slices, for compact assertions. */
function events(xml: string): Event[] {
  const out: Event[] = [];
  scanXml(xml, {
    start: (name, as, ae, sc, ts, te) => out.push(["start", name, xml.slice(as, ae), sc, ts, te]),
    end: (name, ts, te) => out.push(["end", name, ts, te]),
    text: (s, e) => out.push(["text", xml.slice(s, e)]),
    cdata: (s, e) => out.push(["cdata", xml.slice(s, e)]),
  });
  return out;
}

function startNames(xml: string): string[] {
  const names: string[] = [];
  scanXml(xml, { start: (name) => names.push(name) });
  return names;
}

/** Catches the XmlError a function throws (fails the test if it throws nothing or something else). */
function xmlError(fn: () => unknown): XmlError {
  try {
    fn();
  } catch (e) {
    if (e instanceof XmlError) return e;
    throw e;
  }
  throw new Error("expected an XmlError");
}

const MAIN = SPREADSHEETML_NS;
const STRICT = SPREADSHEETML_STRICT_NS;

interface Cell {
  row: number;
  col: number;
  type: string;
  value: string;
  style: number;
}

function cellsOf(
  xml: string,
  opts: Parameters<typeof readSheetCells>[2] = {},
): { cells: Cell[]; problems: { ref: string; message: string }[]; rows: number } {
  const cells: Cell[] = [];
  const r = readSheetCells(xml, (row, col, type, value, style) => cells.push({ row, col, type, value, style }), opts);
  return { cells, problems: r.problems, rows: r.rows };
}

/** A worksheet around some sheetData content, default namespace SpreadsheetML. */
function sheet(body: string, ns = MAIN): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}"><sheetData>${body}</sheetData></worksheet>`;
}

/** Small deterministic PRNG (mulberry32) for plain random generation. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDFFF]/u.test(s);
}

// Pieces that stress the OOXML escape rules when joined in any order.
const PIECES = [
  "a",
  "Z",
  " ",
  "_",
  "x",
  "X",
  "0",
  "4",
  "5F",
  "D800",
  "_x",
  "_x0041_",
  "_x005F_",
  "_x005f_",
  "_x00e9_",
  "_xD83D__xDE00_",
  "_x0041",
  "x0041_",
  "\u0000",
  "\u0001",
  "\u0008",
  "\u000B",
  "\u000C",
  "\u001F",
  "\t",
  "\n",
  "\r",
  "\r\n",
  "\uFFFE",
  "\uFFFF",
  "\uFFFD",
  "😀",
  "é",
  "&",
  "<",
  ">",
  '"',
  "'",
  "]]>",
  "&amp;",
];

function randomPieces(next: () => number, maxPieces: number): string {
  const n = Math.floor(next() * maxPieces);
  let s = "";
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

/** Every code point of s is one XML 1.0 allows (section 2.2). */
function allXmlChars(s: string): boolean {
  for (const ch of s) if (!isXmlChar(ch.codePointAt(0) as number)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// 1. Scanner
// ---------------------------------------------------------------------------------------------

describe("scanXml", () => {
  test("reports start and end tags with offsets, attributes span, self-closing flag", () => {
    const xml = '<x:row r="1"><x:c r="A1"/></x:row>';
    expect(events(xml)).toEqual([
      ["start", "x:row", ' r="1"', false, 0, 13],
      ["start", "x:c", ' r="A1"', true, 13, 26],
      ["end", "x:c", 13, 26],
      ["end", "x:row", 26, 34],
    ]);
    expect(xml.slice(26, 34)).toBe("</x:row>");
  });

  test("tagEnd is just after '>' and text is reported raw", () => {
    const xml = "<a>x &amp; y</a>";
    expect(events(xml)).toEqual([
      ["start", "a", "", false, 0, 3],
      ["text", "x &amp; y"],
      ["end", "a", 12, 16],
    ]);
  });

  test("a comment holding <row> and <c> tokens is not an element", () => {
    const xml = '<sheetData><!-- <row r="1"><c r="A1"><v>1</v></c></row> --></sheetData>';
    expect(startNames(xml)).toEqual(["sheetData"]);
  });

  test("comments before, between and after elements, with quotes and '>' inside", () => {
    const xml = '<!-- it\'s > here --><a><!-- "x" --><b/><!----></a><!-- end -->';
    expect(startNames(xml)).toEqual(["a", "b"]);
  });

  test("processing instructions anywhere, the XML declaration included", () => {
    const xml = '<?xml version="1.0"?><?pi before?><a><?pi <b/> inside?><c/>text<?x?></a><?pi after?>';
    const a = xml.indexOf("<a>");
    const c = xml.indexOf("<c/>");
    const endA = xml.indexOf("</a>");
    expect(events(xml)).toEqual([
      ["start", "a", "", false, a, a + 3],
      ["start", "c", "", true, c, c + 4],
      ["end", "c", c, c + 4],
      ["text", "text"],
      ["end", "a", endA, endA + 4],
    ]);
  });

  test("CDATA is reported via cdata with its literal content", () => {
    const xml = "<v><![CDATA[1 < 2 && <row> ]] ]]></v>";
    expect(events(xml)).toEqual([
      ["start", "v", "", false, 0, 3],
      ["cdata", "1 < 2 && <row> ]] "],
      ["end", "v", 33, 37],
    ]);
  });

  test("DOCTYPE with an internal subset (billion laughs) is skipped, nothing is expanded", () => {
    const lol = [
      '<?xml version="1.0"?>',
      "<!DOCTYPE lolz [",
      ' <!ENTITY lol "lol">',
      " <!ELEMENT lolz (#PCDATA)>",
      ' <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
      ' <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">',
      ' <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">',
      "]>",
      "<lolz>&lol9;</lolz>",
    ].join("\n");
    expect(events(lol)).toEqual([
      ["start", "lolz", "", false, lol.indexOf("<lolz>"), lol.indexOf("<lolz>") + 6],
      ["text", "&lol9;"],
      ["end", "lolz", lol.indexOf("</lolz>"), lol.length],
    ]);
    const problems: string[] = [];
    expect(decodeXmlText("&lol9;", problems)).toBe("&lol9;");
    expect(problems).toEqual([expect.stringContaining("&lol9;")]);
  });

  test("DOCTYPE internal subset with ']' and '>' inside quotes, comments and PIs", () => {
    const xml = `<!DOCTYPE a [<!ENTITY e "]>x"><!-- ]> it's --><?pi ]> ?><!ENTITY f 'say "]>"'>]><a/>`;
    expect(startNames(xml)).toEqual(["a"]);
  });

  test("DOCTYPE with an external id and no internal subset", () => {
    expect(
      startNames('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://www.w3.org/TR/x>.dtd"><html/>'),
    ).toEqual(["html"]);
  });

  test("XXE: an external entity is never read, the reference stays literal", () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>';
    const tree = parseTree(xml);
    expect(tree.text).toBe("&xxe;");
    const problems: string[] = [];
    parseTree(xml, problems);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/&xxe;.*literal/);
  });

  test("quoted attribute values may hold '>', '<' and the other quote", () => {
    const xml = `<a x="1>2" y='say "hi"' z="it's <b>"><b/></a>`;
    const ev = events(xml);
    expect(ev[0][1]).toBe("a");
    expect(ev[1][1]).toBe("b");
    const [, , attrs] = ev[0];
    expect(attrs).toBe(` x="1>2" y='say "hi"' z="it's <b>"`);
    const start = xml.indexOf(" ");
    const end = xml.indexOf('">') + 1;
    expect(parseAttrs(xml, start, end).map((a) => [a.name, a.value])).toEqual([
      ["x", "1>2"],
      ["y", 'say "hi"'],
      ["z", "it's <b>"],
    ]);
  });

  test("whitespace and newlines inside tags", () => {
    const xml = "<a\n\tx = \"1\"\r\n  y='2'\n/><b\n></b\n  >";
    const names: string[] = [];
    const attrs: string[] = [];
    scanXml(`<r>${xml}</r>`, {
      start: (name, as, ae) => {
        names.push(name);
        if (name === "a") attrs.push(...parseAttrs(`<r>${xml}</r>`, as, ae).map((a) => `${a.name}=${a.value}`));
      },
    });
    expect(names).toEqual(["r", "a", "b"]);
    expect(attrs).toEqual(["x=1", "y=2"]);
  });

  test("a byte order mark at the start is skipped", () => {
    expect(events("\uFEFF<a/>")).toEqual([
      ["start", "a", "", true, 1, 5],
      ["end", "a", 1, 5],
    ]);
  });

  test("text outside the root element is tolerated and not reported", () => {
    expect(events("junk <a>in</a> more junk\n")).toEqual([
      ["start", "a", "", false, 5, 8],
      ["text", "in"],
      ["end", "a", 10, 14],
    ]);
  });

  test("non-ASCII element and attribute names", () => {
    expect(startNames('<données clé="1"><ß/></données>')).toEqual(["données", "ß"]);
  });

  test("mismatched end tag: XmlError with the offset of the end tag", () => {
    const xml = "<row><c></row></c>";
    const e = xmlError(() => scanXml(xml, {}));
    expect(e.offset).toBe(8);
    expect(e.message).toContain("</row>");
    expect(e.message).toContain("<c>");
    expect(e.name).toBe("XmlError");
    expect(e).toBeInstanceOf(Error);
  });

  test("XmlError gives line and column", () => {
    const e = xmlError(() => scanXml("<a>\n  <b>\n</a>", {}));
    expect([e.offset, e.line, e.column]).toEqual([10, 3, 1]);
    expect(e.message).toMatch(/line 3, column 1/);
  });

  test.each([
    ["unterminated comment", "<a><!-- no end </a>", 3, /comment/],
    ["unterminated CDATA", "<a><![CDATA[ no end </a>", 3, /CDATA/],
    ["unterminated PI", "<a><?pi </a>", 3, /processing instruction/],
    ["unterminated start tag", '<a><b x="1"', 3, /never closed/],
    ["unterminated end tag", "<a></a", 3, /end tag/],
    ["unterminated attribute quote", '<a x="1>text</a>', 5, /quote/],
    ["unquoted attribute value", "<a x=1/>", 5, /quotes/],
    ["attribute without value", "<a x/>", 3, /no '='/],
    ["attributes not separated", '<a x="1"y="2"/>', 8, /separated/],
    ["unclosed element at EOF", "<a><b></b>", 0, /<a> is never closed/],
    ["unclosed inner element at EOF", "<a><b>", 3, /<b> is never closed/],
    ["end tag without start", "<a/></b>", 4, /no matching start tag/],
    ["'<' followed by a space", "<a>1 < 2</a>", 5, /not followed by an element name/],
    ["'/' without '>'", "<a / >", 3, /'\/'/],
    ["DOCTYPE after the root", "<a/><!DOCTYPE a>", 4, /DOCTYPE/],
    ["unterminated DOCTYPE subset", "<!DOCTYPE a [<!ENTITY x 'y'>", 0, /internal subset/],
    ["unknown <! markup", "<a><!ENTITY x 'y'></a>", 3, /'<!'/],
  ])("%s throws XmlError at the right offset", (_label, xml, offset, message) => {
    const e = xmlError(() => scanXml(xml, {}));
    expect(e.offset).toBe(offset);
    expect(e.message).toMatch(message);
  });

  test("linear-time sanity: 200,000 commented-out rows yield no elements", () => {
    const xml = "<sheetData>" + "<!-- <row> -->".repeat(200000) + "</sheetData>";
    let starts = 0;
    let texts = 0;
    scanXml(xml, { start: () => starts++, text: () => texts++ });
    expect(starts).toBe(1);
    expect(texts).toBe(0);
    expect(cellsOf(sheet("<!-- <row><c><v>1</v></c></row> -->".repeat(200000))).cells).toHaveLength(0);
  });

  test("deep nesting (100,000 levels) needs no recursion", () => {
    const depth = 100000;
    const xml = "<a>".repeat(depth) + "</a>".repeat(depth);
    let ends = 0;
    scanXml(xml, { end: () => ends++ });
    expect(ends).toBe(depth);
    expect(parseTree("<r>" + "<a>".repeat(20000) + "<b/>" + "</a>".repeat(20000) + "</r>").children).toHaveLength(1);
  });

  test("many '&' without ';' decode in linear time and stay literal", () => {
    const raw = "&".repeat(100000) + "&a".repeat(100000) + "&#1".repeat(100000);
    const problems: string[] = [];
    expect(decodeXmlText(raw, problems)).toBe(raw);
    expect(problems).toHaveLength(300000);
  });
});

// ---------------------------------------------------------------------------------------------
// Attributes
// ---------------------------------------------------------------------------------------------

describe("parseAttrs, attrValue, tagAttrValue", () => {
  const xml = `<sheet name="Q&amp;A &quot;1&quot;" sheetId='2' r:id="rId1" xmlns:r="${RELATIONSHIPS_NS}"/>`;
  const start = 6;
  const end = xml.length - 2;

  test("raw values and offsets", () => {
    const attrs = parseAttrs(xml, start, end);
    expect(attrs.map((a) => a.name)).toEqual(["name", "sheetId", "r:id", "xmlns:r"]);
    expect(attrs[0].value).toBe("Q&amp;A &quot;1&quot;");
    for (const a of attrs) expect(xml.slice(a.valueStart, a.valueEnd)).toBe(a.value);
  });

  test("attrValue decodes and ignores the prefix", () => {
    expect(attrValue(xml, start, end, "name")).toBe('Q&A "1"');
    expect(attrValue(xml, start, end, "id")).toBe("rId1");
    expect(attrValue(xml, start, end, "sheetId")).toBe("2");
    expect(attrValue(xml, start, end, "missing")).toBeNull();
  });

  test("namespace declarations are not matched as attributes", () => {
    expect(attrValue(xml, start, end, "r")).toBeNull();
    expect(attrValue('<a xmlns="urn:x"/>', 2, 16, "xmlns")).toBeNull();
  });

  test("tagAttrValue finds the tag extent itself, '>' in values included", () => {
    const doc = `<root><c r="B2" s="7" x="a>b"><v>1</v></c></root>`;
    expect(tagAttrValue(doc, 6, "s")).toBe("7");
    expect(tagAttrValue(doc, 6, "x")).toBe("a>b");
    expect(() => tagAttrValue(doc, 7, "s")).toThrow(RangeError);
    expect(() => tagAttrValue(doc, doc.indexOf("</c>"), "s")).toThrow(RangeError);
  });

  test("attribute-value normalisation: literal whitespace becomes spaces, references survive", () => {
    const doc = '<a v="1\t2\n3\r\n4&#9;5&#10;6&#13;"/>';
    expect(attrValue(doc, 2, doc.length - 2, "v")).toBe("1 2 3 4\t5\n6\r");
  });

  test("a duplicate attribute is an XmlError", () => {
    const doc = '<a x="1" y="2" x="3"/>';
    expect(xmlError(() => parseAttrs(doc, 2, doc.length - 2)).offset).toBe(15);
    expect(() => parseTree(doc)).toThrow(XmlError);
  });

  test("malformed attribute text is an XmlError", () => {
    expect(() => parseAttrs('<a x="1/>', 2, 7)).toThrow(XmlError);
    expect(() => parseAttrs("<a x>", 2, 4)).toThrow(XmlError);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Decoding
// ---------------------------------------------------------------------------------------------

describe("decodeXmlText", () => {
  test("the five predefined entities", () => {
    expect(decodeXmlText("&lt;&gt;&amp;&quot;&apos;")).toBe(`<>&"'`);
    expect(decodeXmlText("&amp;lt;")).toBe("&lt;");
  });

  test("decimal and hexadecimal character references", () => {
    expect(decodeXmlText("&#123;&#x7B;&#X7B;&#x7b;")).toBe("{{&#X7B;{");
    expect(decodeXmlText("&#x1F600; &#128512;")).toBe("😀 😀");
    expect(decodeXmlText("&#x0000000041;")).toBe("A");
    expect(decodeXmlText("&#9;&#10;&#13;")).toBe("\t\n\r");
  });

  test.each([
    ["&#x110000;", "character reference &#x110000; is not a valid character"],
    ["&#0;", "character reference &#0; is not a valid character"],
    ["&#xD800;", "character reference &#xD800; is not a valid character"],
    ["&#xDFFF;", "character reference &#xDFFF; is not a valid character"],
    ["&#xFFFE;", "character reference &#xFFFE; is not a valid character"],
    ["&#xFFFF;", "character reference &#xFFFF; is not a valid character"],
    ["&#1;", "character reference &#1; is not a valid character"],
    ["&#x1F;", "character reference &#x1F; is not a valid character"],
    ["&#99999999999999999999999;", "character reference &#99999999999999999999999; is not a valid character"],
  ])("invalid code point %s becomes U+FFFD with a problem", (ref, message) => {
    const problems: string[] = [];
    expect(decodeXmlText(`a${ref}b`, problems)).toBe("a\uFFFDb");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  test("unknown named entities stay literal with a problem", () => {
    const problems: string[] = [];
    expect(decodeXmlText("x &foo; &nbsp; &lol9; y", problems)).toBe("x &foo; &nbsp; &lol9; y");
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain("&foo;");
  });

  test("object-prototype names are not entities", () => {
    const problems: string[] = [];
    expect(decodeXmlText("&constructor;&__proto__;&toString;", problems)).toBe("&constructor;&__proto__;&toString;");
    expect(problems).toHaveLength(3);
  });

  test.each(["a & b", "&;", "&#;", "&#x;", "&#12a;", "&#xG1;", "&amp", "& amp;", "&#-1;", "&"])(
    "malformed reference %j stays literal with a problem",
    (raw) => {
      const problems: string[] = [];
      expect(decodeXmlText(raw, problems)).toBe(raw);
      expect(problems.length).toBeGreaterThan(0);
    },
  );

  test("end-of-line handling: CR LF and lone CR become LF, &#13; stays CR", () => {
    expect(decodeXmlText("a\r\nb\rc\n")).toBe("a\nb\nc\n");
    expect(decodeXmlText("a&#13;\nb&amp;\r\n")).toBe("a\r\nb&\n");
  });

  test("problems are optional and nothing throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        decodeXmlText(s);
        decodeXmlText(s, []);
        decodeXmlAttr(s, []);
        decodeOoxmlEscapes(s, []);
      }),
      { numRuns: 500 },
    );
  });

  test("text without references is returned as is", () => {
    const s = "plain text";
    expect(decodeXmlText(s)).toBe(s);
  });
});

describe("decodeOoxmlEscapes (ECMA-376 Part 1, 22.9.2.19 ST_Xstring)", () => {
  test.each([
    ["_x000B_", "\u000B"],
    ["_x0041_", "A"],
    ["_x005F_x0041_", "_x0041_"],
    ["_x005F_", "_"],
    ["_x005f_x0041_", "_x0041_"],
    ["_x00e9_t_x00E9_", "été"],
    ["a_x000D__x000A_b", "a\r\nb"],
    ["_xD83D__xDE00_", "😀"],
    ["_x0000_", "\u0000"],
    ["_xFFFF_", "\uFFFF"],
    ["_x0041__x0042_", "AB"],
    ["__x0041_", "_A"],
    ["_x_x0041_", "_xA"],
  ])("%j decodes to %j", (raw, decoded) => {
    const problems: string[] = [];
    expect(decodeOoxmlEscapes(raw, problems)).toBe(decoded);
    expect(problems).toEqual([]);
  });

  test.each(["_x41_", "_x00G1_", "_x0041", "x0041_", "_X0041_", "_x 041_", "_x00411_", "plain"])(
    "%j is not an escape",
    (raw) => {
      expect(decodeOoxmlEscapes(raw)).toBe(raw);
    },
  );

  test.each([
    ["_xD800_", "\uFFFD", "U+D800"],
    ["_xDE00_", "\uFFFD", "U+DE00"],
    ["a_xD83D_b", "a\uFFFDb", "U+D83D"],
    ["_xDE00__xD83D_", "\uFFFD\uFFFD", "U+DE00"],
    ["x\uD800y", "x\uFFFDy", "U+D800"],
  ])("lone surrogate in %j becomes U+FFFD with a problem", (raw, decoded, mention) => {
    const problems: string[] = [];
    expect(decodeOoxmlEscapes(raw, problems)).toBe(decoded);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toContain(mention);
  });

  test("an escaped high surrogate pairs with a following literal low surrogate", () => {
    expect(decodeOoxmlEscapes("_xD83D_\uDE00")).toBe("😀");
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Encoding
// ---------------------------------------------------------------------------------------------

describe("escapeXmlText and escapeXmlAttr", () => {
  test("text: &, <, >, and CR as a reference", () => {
    expect(escapeXmlText(`a&b<c>d"e'f\tg\nh\ri`)).toBe(`a&amp;b&lt;c&gt;d"e'f\tg\nh&#13;i`);
    expect(escapeXmlText("]]>")).toBe("]]&gt;");
  });

  test('attribute: also ", tab, LF, CR', () => {
    expect(escapeXmlAttr(`a&b<c>d"e'f\tg\nh\ri`)).toBe("a&amp;b&lt;c&gt;d&quot;e'f&#9;g&#10;h&#13;i");
  });

  test("unchanged strings are returned as is", () => {
    const s = "Plain text, 😀 é";
    expect(escapeXmlText(s)).toBe(s);
    expect(escapeXmlAttr(s)).toBe(s);
  });

  test("characters XML cannot carry become U+FFFD so the output stays well-formed", () => {
    expect(escapeXmlText("a\u0000b\u000Bc\uFFFEd\uD800e")).toBe("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
    expect(escapeXmlAttr("\u0001😀")).toBe("\uFFFD😀");
  });

  test("property: decoding undoes escaping (text and attribute)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (s) => {
        fc.pre(allXmlChars(s));
        expect(decodeXmlText(escapeXmlText(s))).toBe(s);
        expect(decodeXmlAttr(escapeXmlAttr(s))).toBe(s);
        const doc = `<a v="${escapeXmlAttr(s)}">${escapeXmlText(s)}</a>`;
        const tree = parseTree(doc);
        expect(tree.text).toBe(s);
        expect(getAttr(tree, "v")).toBe(s);
      }),
      { numRuns: 400 },
    );
  });
});

describe("encodeOoxmlText", () => {
  test("forbidden characters become uppercase _xHHHH_ escapes", () => {
    const r = encodeOoxmlText("a\u0000b\u0001c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFF");
    expect(r.text).toBe("a_x0000_b_x0001_c_x000B_d_x000C_e_x001F_f_xFFFE_g_xFFFF_");
    expect(r.changed).toBe(true);
    expect(r.problems).toEqual([]);
  });

  test("tab, LF and CR are kept; ordinary text is unchanged", () => {
    const r = encodeOoxmlText("a\tb\nc\rd 😀 é & <");
    expect(r).toEqual({ text: "a\tb\nc\rd 😀 é & <", changed: false, problems: [] });
  });

  test("a literal _xHHHH_ is protected with _x005F_", () => {
    expect(encodeOoxmlText("_x0041_").text).toBe("_x005F_x0041_");
    expect(encodeOoxmlText("_x005F_").text).toBe("_x005F_x005F_");
    expect(encodeOoxmlText("_x00e9_").text).toBe("_x005F_x00e9_");
    expect(encodeOoxmlText("_x0041_x0042_").text).toBe("_x005F_x0041_x005F_x0042_");
    expect(encodeOoxmlText("a_b _x _x41_ _x0041").text).toBe("a_b _x _x41_ _x0041");
  });

  test("an underscore completed into an escape by a following escaped character is protected", () => {
    const s = "_x0041\u000B";
    const r = encodeOoxmlText(s);
    expect(r.text).toBe("_x005F_x0041_x000B_");
    expect(decodeOoxmlEscapes(r.text)).toBe(s);
  });

  test("lone surrogates become U+FFFD with a problem", () => {
    const r = encodeOoxmlText("a\uD800b\uDC00");
    expect(r.text).toBe("a\uFFFDb\uFFFD");
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toContain("U+D800");
  });

  test("output holds only XML characters", () => {
    const r = encodeOoxmlText("\u0000\u0001\uFFFE\uFFFF\uD800");
    expect(allXmlChars(r.text)).toBe(true);
  });

  test("round trip over generated strings (plain random generation)", () => {
    const next = rng(20240601);
    for (let i = 0; i < 5000; i++) {
      const s = randomPieces(next, 12);
      const r = encodeOoxmlText(s);
      expect(r.problems).toEqual([]);
      expect(allXmlChars(r.text)).toBe(true);
      const problems: string[] = [];
      expect(decodeOoxmlEscapes(r.text, problems)).toBe(s);
      expect(problems).toEqual([]);
      // Through XML as well: what a <t> element holds after escaping, read back.
      expect(decodeOoxmlEscapes(decodeXmlText(escapeXmlText(r.text)))).toBe(s);
    }
  });

  test("round trip, property-based (fast-check): pieces and arbitrary code points", () => {
    const pieces = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((a) => a.join(""));
    const any = fc.string({ unit: "binary", maxLength: 40 });
    const units = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 20 })
      .map((a) => String.fromCharCode(...a));
    fc.assert(
      fc.property(fc.oneof(pieces, any, units), (s) => {
        fc.pre(!hasLoneSurrogate(s));
        const r = encodeOoxmlText(s);
        expect(r.problems).toEqual([]);
        expect(allXmlChars(r.text)).toBe(true);
        expect(decodeOoxmlEscapes(r.text)).toBe(s);
        expect(r.changed).toBe(r.text !== s);
      }),
      { numRuns: 3000 },
    );
  });

  test("round trip through a worksheet and the shared string table", () => {
    const next = rng(7);
    const strings: string[] = [];
    for (let i = 0; i < 300; i++) strings.push(randomPieces(next, 10));
    const body = strings
      .map(
        (s, i) =>
          `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t xml:space="preserve">${escapeXmlText(encodeOoxmlText(s).text)}</t></is></c></row>`,
      )
      .join("");
    const { cells, problems } = cellsOf(sheet(body));
    expect(problems).toEqual([]);
    expect(cells.map((c) => c.value)).toEqual(strings);
    const sst = `<sst xmlns="${MAIN}">${strings.map((s) => `<si><t>${escapeXmlText(encodeOoxmlText(s).text)}</t></si>`).join("")}</sst>`;
    expect(readSharedStrings(sst).items).toEqual(strings);
  });
});

// ---------------------------------------------------------------------------------------------
// 4. Namespaces
// ---------------------------------------------------------------------------------------------

describe("NsScope and namespace constants", () => {
  test("constants and helpers", () => {
    expect(isMainNs(SPREADSHEETML_NS)).toBe(true);
    expect(isMainNs(SPREADSHEETML_STRICT_NS)).toBe(true);
    expect(isMainNs(RELATIONSHIPS_NS)).toBe(false);
    expect(isRelNs(RELATIONSHIPS_NS)).toBe(true);
    expect(isRelNs(RELATIONSHIPS_STRICT_NS)).toBe(true);
    expect(isRelNs(SPREADSHEETML_NS)).toBe(false);
    expect(SPREADSHEETML_STRICT_NS).toBe("http://purl.oclc.org/ooxml/spreadsheetml/main");
    expect(RELATIONSHIPS_STRICT_NS).toBe("http://purl.oclc.org/ooxml/officeDocument/relationships");
  });

  test("declarations are scoped to their element", () => {
    const s = new NsScope();
    s.enter([{ name: "xmlns", value: MAIN }]);
    expect(s.resolve("sheets")).toEqual({ ns: MAIN, local: "sheets", prefix: "", bound: true });
    s.enter([{ name: "xmlns:r", value: RELATIONSHIPS_NS }]);
    expect(s.resolve("r:id", true).ns).toBe(RELATIONSHIPS_NS);
    s.leave();
    expect(s.resolve("r:id", true)).toEqual({ ns: "", local: "id", prefix: "r", bound: false });
    s.leave();
    expect(s.resolve("sheets").ns).toBe("");
    expect(() => s.pop()).toThrow();
  });

  test("the same prefix re-declared to another URI in a nested scope", () => {
    const s = new NsScope();
    s.enter([{ name: "xmlns:x", value: "urn:outer" }]);
    s.enter([{ name: "xmlns:x", value: "urn:inner" }]);
    expect(s.uri("x")).toBe("urn:inner");
    s.leave();
    expect(s.uri("x")).toBe("urn:outer");
  });

  test("default namespace changes and undeclaring", () => {
    const s = new NsScope();
    s.enter([{ name: "xmlns", value: "urn:a" }]);
    s.enter([{ name: "xmlns", value: "" }]);
    expect(s.resolve("e").ns).toBe("");
    s.leave();
    expect(s.resolve("e").ns).toBe("urn:a");
  });

  test("unprefixed attributes have no namespace; xml prefix is predeclared", () => {
    const s = new NsScope();
    s.enter([{ name: "xmlns", value: "urn:a" }]);
    expect(s.resolve("id", true).ns).toBe("");
    expect(s.resolve("xml:space", true).ns).toBe(XML_NS);
    s.declare("xml", "urn:evil");
    expect(s.uri("xml")).toBe(XML_NS);
  });

  test("fed from scanXml: resolves names with declarations made on inner elements", () => {
    const xml = `<workbook xmlns="${MAIN}"><sheets><sheet xmlns:r="${RELATIONSHIPS_NS}" r:id="rId1"/><r:sheet xmlns:r="urn:x"/></sheets><r:other/></workbook>`;
    const scope = new NsScope();
    const seen: string[] = [];
    scanXml(xml, {
      start(name, as, ae) {
        const attrs = parseAttrs(xml, as, ae).map((a) => ({ name: a.name, value: decodeXmlAttr(a.value) }));
        scope.enter(attrs);
        const el = scope.resolve(name);
        const ids = attrs
          .filter((a) => !a.name.startsWith("xmlns"))
          .map((a) => `${scope.resolve(a.name, true).ns}|${scope.resolve(a.name, true).local}`);
        seen.push(`${el.ns}|${el.local}|${el.bound}${ids.length ? " " + ids.join(",") : ""}`);
      },
      end() {
        scope.leave();
      },
    });
    expect(seen).toEqual([
      `${MAIN}|workbook|true`,
      `${MAIN}|sheets|true`,
      `${MAIN}|sheet|true ${RELATIONSHIPS_NS}|id`,
      "urn:x|sheet|true",
      "|other|false",
    ]);
    expect(scope.depth).toBe(0);
  });

  test("version changes with the bindings", () => {
    const s = new NsScope();
    const v0 = s.version;
    s.push();
    s.pop();
    expect(s.version).toBe(v0);
    s.enter([{ name: "xmlns:a", value: "urn:a" }]);
    expect(s.version).not.toBe(v0);
  });
});

// ---------------------------------------------------------------------------------------------
// 5. Tree
// ---------------------------------------------------------------------------------------------

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${MAIN}" xmlns:mc="${MARKUP_COMPATIBILITY_NS}">
  <bookViews><workbookView/></bookViews>
  <sheets>
    <sheet name="Plan &amp; Risks" sheetId="1" xmlns:r="${RELATIONSHIPS_NS}" r:id="rId1"/>
    <sheet name="Data" sheetId="2" r:id="rId2" xmlns:r="${RELATIONSHIPS_NS}"></sheet>
    <sheet name="Other" sheetId="3" xmlns:r="urn:not-relationships" r:id="rId3"/>
  </sheets>
  <definedNames/>
  <calcPr calcId="191029"/>
</workbook>`;

describe("parseTree", () => {
  test("elements, resolved namespaces and attributes declared on inner elements", () => {
    const root = parseTree(WORKBOOK);
    expect(root.local).toBe("workbook");
    expect(isMainNs(root.ns)).toBe(true);
    const sheets = find(root, "sheets") as XmlNode;
    const list = findAll(sheets, "sheet", isMainNs);
    expect(list.map((s) => getAttr(s, "name"))).toEqual(["Plan & Risks", "Data", "Other"]);
    expect(list.map((s) => getAttr(s, "id", isRelNs))).toEqual(["rId1", "rId2", null]);
    expect(list[2].attrs.find((a) => a.name === "r:id")?.ns).toBe("urn:not-relationships");
    expect(getAttr(list[0], "r")).toBeNull(); // xmlns:r is a declaration, not an attribute
  });

  test("offsets: self-closing and long-hand elements", () => {
    const root = parseTree(WORKBOOK);
    const [first, second] = findAll(find(root, "sheets") as XmlNode, "sheet");
    expect(first.selfClosing).toBe(true);
    expect(first.closeStart).toBe(first.openEnd);
    expect(first.end).toBe(first.openEnd);
    expect(WORKBOOK.slice(first.start, first.end)).toMatch(/^<sheet name="Plan &amp; Risks".*\/>$/);
    expect(second.selfClosing).toBe(false);
    expect(WORKBOOK.slice(second.start, second.openEnd)).toMatch(/^<sheet name="Data".*">$/);
    expect(WORKBOOK.slice(second.closeStart, second.end)).toBe("</sheet>");
  });

  test("splice: open a self-closing <definedNames/> and add a definedName", () => {
    const root = parseTree(WORKBOOK);
    const dn = find(root, "definedNames") as XmlNode;
    const inner = `<definedName name="Report">Plan!$A$1</definedName>`;
    const edited = WORKBOOK.slice(0, dn.start) + `<definedNames>${inner}</definedNames>` + WORKBOOK.slice(dn.end);
    const again = find(parseTree(edited), "definedNames") as XmlNode;
    expect(again.selfClosing).toBe(false);
    expect(findAll(again, "definedName").map((n) => n.text)).toEqual(["Plan!$A$1"]);
    // Then insert a second one before its close tag.
    const edited2 =
      edited.slice(0, again.closeStart) + `<definedName name="Two">X</definedName>` + edited.slice(again.closeStart);
    expect(
      findAll(find(parseTree(edited2), "definedNames") as XmlNode, "definedName").map((n) => getAttr(n, "name")),
    ).toEqual(["Report", "Two"]);
  });

  test("splice: insert before an element's closeStart", () => {
    const root = parseTree(WORKBOOK);
    const sheets = find(root, "sheets") as XmlNode;
    const edited =
      WORKBOOK.slice(0, sheets.closeStart) +
      `<sheet name="New" sheetId="4" r:id="rId9" xmlns:r="${RELATIONSHIPS_NS}"/>` +
      WORKBOOK.slice(sheets.closeStart);
    const names = findAll(find(parseTree(edited), "sheets") as XmlNode, "sheet").map((s) => getAttr(s, "name"));
    expect(names).toEqual(["Plan & Risks", "Data", "Other", "New"]);
  });

  test("splice: remove elements written self-closing or long-hand", () => {
    const root = parseTree(WORKBOOK);
    const list = findAll(find(root, "sheets") as XmlNode, "sheet");
    for (const victim of [list[0], list[1]]) {
      const edited = WORKBOOK.slice(0, victim.start) + WORKBOOK.slice(victim.end);
      const left = findAll(find(parseTree(edited), "sheets") as XmlNode, "sheet").map((s) => getAttr(s, "name"));
      expect(left).toEqual(["Plan & Risks", "Data", "Other"].filter((n) => n !== getAttr(victim, "name")));
    }
  });

  test("splice: replace an attribute value at its offsets", () => {
    const root = parseTree(WORKBOOK);
    const first = findAll(find(root, "sheets") as XmlNode, "sheet")[0];
    const name = first.attrs.find((a) => a.name === "name");
    if (!name) throw new Error("no name");
    const edited =
      WORKBOOK.slice(0, name.valueStart) + escapeXmlAttr('Q1 "plan" & <risks>') + WORKBOOK.slice(name.valueEnd);
    expect(getAttr(findAll(find(parseTree(edited), "sheets") as XmlNode, "sheet")[0], "name")).toBe(
      'Q1 "plan" & <risks>',
    );
  });

  test("Strict namespaces", () => {
    const xml = `<workbook xmlns="${STRICT}" xmlns:r="${RELATIONSHIPS_STRICT_NS}"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const root = parseTree(xml);
    expect(root.ns).toBe(STRICT);
    const sheet = findAll(find(root, "sheets", isMainNs) as XmlNode, "sheet")[0];
    expect(getAttr(sheet, "id", isRelNs)).toBe("rId1");
  });

  test("prefixed main namespace and a nested re-declaration of the prefix", () => {
    const xml = `<x:workbook xmlns:x="${MAIN}"><x:sheets xmlns:x="urn:other"><x:sheet/></x:sheets><x:calcPr/></x:workbook>`;
    const root = parseTree(xml);
    expect(root.ns).toBe(MAIN);
    expect(find(root, "sheets")?.ns).toBe("urn:other");
    expect(find(root, "sheets", MAIN)).toBeUndefined();
    expect(find(root, "calcPr", MAIN)?.ns).toBe(MAIN);
  });

  test("default namespace changes on an inner element", () => {
    const xml = `<workbook xmlns="${MAIN}"><extLst><ext xmlns="urn:ext"><sheets/></ext></extLst><sheets/></workbook>`;
    const root = parseTree(xml);
    const all = findDeep(root, "sheets");
    expect(all.map((n) => n.ns)).toEqual(["urn:ext", MAIN]);
    expect(findDeep(root, "sheets", isMainNs)).toHaveLength(1);
  });

  test("text: decoded, CDATA included, child elements left out, CR LF normalised", () => {
    const xml = "<a>x &amp; <![CDATA[<y> &amp;]]>\r\n<b>skip</b>z</a>";
    expect(parseTree(xml).text).toBe("x & <y> &amp;\nz");
  });

  test("content types and relationships parts", () => {
    const ct = `<?xml version="1.0"?><Types xmlns="${CONTENT_TYPES_NS}"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
    const types = parseTree(ct);
    expect(types.ns).toBe(CONTENT_TYPES_NS);
    expect(findAll(types, "Override").map((o) => getAttr(o, "PartName"))).toEqual(["/xl/workbook.xml"]);
    const rels = `<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NS}"><Relationship Id="rId1" Type="${RELATIONSHIPS_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
    const r = parseTree(rels);
    expect(findAll(r, "Relationship").map((x) => [getAttr(x, "Id"), getAttr(x, "Target")])).toEqual([
      ["rId1", "worksheets/sheet1.xml"],
    ]);
  });

  test("errors: no root, two roots, mismatched tags", () => {
    expect(() => parseTree("<?xml version='1.0'?><!-- nothing -->")).toThrow(XmlError);
    expect(() => parseTree("<a/><b/>")).toThrow(/second root/);
    expect(xmlError(() => parseTree("<a><b></a>")).offset).toBe(6);
  });

  test("billion laughs in a small part: parsed instantly, nothing expanded", () => {
    const xml = `<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><workbook xmlns="${MAIN}" title="&c;">&c;</workbook>`;
    const problems: string[] = [];
    const root = parseTree(xml, problems);
    expect(root.text).toBe("&c;");
    expect(getAttr(root, "title")).toBe("&c;");
    expect(problems).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------------------------
// 6. Worksheet reader
// ---------------------------------------------------------------------------------------------

describe("readSheetCells", () => {
  test("numbers, shared string indexes, booleans, errors, formulas, inline strings", () => {
    const xml = sheet(
      '<row r="1" spans="1:6"><c r="A1"><v>42</v></c><c r="B1" t="s"><v>3</v></c><c r="C1" t="b"><v>1</v></c>' +
        '<c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="str"><f>A1&amp;"x"</f><v>42x</v></c>' +
        '<c r="F1" s="4" t="inlineStr"><is><t>Hello</t></is></c><c r="G1" t="d"><v>2024-01-31T00:00:00</v></c></row>',
    );
    expect(cellsOf(xml).cells).toEqual([
      { row: 0, col: 0, type: "n", value: "42", style: 0 },
      { row: 0, col: 1, type: "s", value: "3", style: 0 },
      { row: 0, col: 2, type: "b", value: "1", style: 0 },
      { row: 0, col: 3, type: "e", value: "#N/A", style: 0 },
      { row: 0, col: 4, type: "str", value: "42x", style: 0 },
      { row: 0, col: 5, type: "inlineStr", value: "Hello", style: 4 },
      { row: 0, col: 6, type: "d", value: "2024-01-31T00:00:00", style: 0 },
    ]);
  });

  test("rich inline text: runs joined, phonetic runs left out", () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and plain</t></r>' +
        '<rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1"/></is></c></row>',
    );
    expect(cellsOf(xml).cells.map((c) => c.value)).toEqual(["Bold and plain"]);
  });

  test("missing r attributes continue from the previous cell and row, as Excel does", () => {
    const xml = sheet(
      '<row><c><v>1</v></c><c><v>2</v></c></row><row r="5"><c r="C5"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>',
    );
    expect(cellsOf(xml).cells.map((c) => [cellRef(c.row, c.col), c.value])).toEqual([
      ["A1", "1"],
      ["B1", "2"],
      ["C5", "3"],
      ["D5", "4"],
      ["A6", "5"],
    ]);
  });

  test("formatted blanks are not reported but advance the column", () => {
    const xml = sheet('<row r="2"><c r="A2" s="3"/><c s="3"/><c><v>7</v></c><c r="E2" s="1"></c></row>');
    expect(cellsOf(xml).cells).toEqual([{ row: 1, col: 2, type: "n", value: "7", style: 0 }]);
  });

  test("onRow: outline level and hidden", () => {
    const rows: [number, RowInfo][] = [];
    const xml = sheet(
      '<row r="2" outlineLevel="1" hidden="1"/><row r="3" outlineLevel="2" hidden="true"><c r="A3"><v>1</v></c></row><row r="4" hidden="0"/>',
    );
    const r = readSheetCells(xml, () => undefined, { onRow: (row, info) => rows.push([row, info]) });
    expect(rows.map(([row, i]) => [row, i.outlineLevel, i.hidden])).toEqual([
      [1, 1, true],
      [2, 2, true],
      [3, 0, false],
    ]);
    expect(r.rows).toBe(3);
    expect(tagAttrValue(xml, rows[0][1].at, "outlineLevel")).toBe("1");
  });

  test("the at offset lets callers read other attributes", () => {
    const xml = sheet('<row r="1"><c r="A1" s="2" cm="1"><v>1</v></c></row>');
    const seen: string[] = [];
    readSheetCells(xml, (_r, _c, _t, _v, _s, at) => seen.push(tagAttrValue(xml, at, "cm") ?? "none"));
    expect(seen).toEqual(["1"]);
  });

  test("prefixed SpreadsheetML names (x:) and the Strict namespace", () => {
    const prefixed = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>p</x:t></x:is></x:c><x:c r="B1"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(cellsOf(prefixed).cells.map((c) => c.value)).toEqual(["p", "2"]);
    const strict = sheet('<row r="1"><c r="A1"><v>9</v></c></row>', STRICT);
    expect(cellsOf(strict).cells.map((c) => c.value)).toEqual(["9"]);
  });

  test("elements in other namespaces are ignored with their content", () => {
    const xml =
      `<worksheet xmlns="${MAIN}" xmlns:o="urn:other"><sheetData><row r="1"><c r="A1"><v>1</v></c><o:c r="B1"><v>2</v></o:c>` +
      `<c r="C1" xmlns="urn:other"><v>3</v></c><c r="D1"><o:v>4</o:v><v>5</v></c></row><o:row r="2"><c r="A2"><v>6</v></c></o:row></sheetData></worksheet>`;
    expect(cellsOf(xml).cells.map((c) => [cellRef(c.row, c.col), c.value])).toEqual([
      ["A1", "1"],
      ["D1", "5"],
    ]);
  });

  test("namespace scoping inside a sheet: a prefix re-declared on a cell, a default namespace changed on a row", () => {
    const xml = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1" xmlns:x="urn:other"><x:v>2</x:v></x:c><x:c r="C1"><x:v>3</x:v></x:c></x:row><row r="2" xmlns="urn:other"><c r="A2"><v>4</v></c></row><x:row r="3"><c r="A3"><v>5</v></c><x:c r="B3"><x:v>6</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(cellsOf(xml).cells.map((c) => [cellRef(c.row, c.col), c.value])).toEqual([
      ["A1", "1"],
      ["C1", "3"],
      ["B3", "6"],
    ]);
  });

  test("a root element outside SpreadsheetML yields no cells and a problem", () => {
    const r = cellsOf('<worksheet xmlns="urn:not-excel"><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>');
    expect(r.cells).toEqual([]);
    expect(r.problems[0].message).toMatch(/not in the SpreadsheetML namespace/);
  });

  test("mc:AlternateContent: a Choice requiring an unknown namespace is skipped, the Fallback read", () => {
    const xml = `<worksheet xmlns="${MAIN}" xmlns:mc="${MARKUP_COMPATIBILITY_NS}" xmlns:x14="urn:x14"><sheetData><mc:AlternateContent><mc:Choice Requires="x14"><row r="1"><c r="A1"><v>choice</v></c></row></mc:Choice><mc:Fallback><row r="1"><c r="A1" t="str"><v>fallback</v></c></row></mc:Fallback></mc:AlternateContent></sheetData></worksheet>`;
    expect(cellsOf(xml).cells.map((c) => c.value)).toEqual(["fallback"]);
  });

  test("mc:AlternateContent: a Choice requiring only SpreadsheetML is taken and the Fallback skipped", () => {
    const xml = `<worksheet xmlns="${MAIN}" xmlns:mc="${MARKUP_COMPATIBILITY_NS}" xmlns:s="${MAIN}"><sheetData><row r="1"><mc:AlternateContent><mc:Choice Requires="s"><c r="A1"><v>1</v></c></mc:Choice><mc:Fallback><c r="A1"><v>2</v></c></mc:Fallback></mc:AlternateContent></row></sheetData></worksheet>`;
    expect(cellsOf(xml).cells.map((c) => c.value)).toEqual(["1"]);
  });

  test("comments with <row>/<c> tokens inside sheetData, rows, cells and values", () => {
    const xml = sheet(
      '<!-- <row r="9"><c r="A9"><v>9</v></c></row> --><row r="1"><!-- <c r="Z1"><v>0</v></c> --><c r="A1"><!-- c --><v>1<!-- <v>2</v> -->2</v></c></row>',
    );
    expect(cellsOf(xml).cells.map((c) => [cellRef(c.row, c.col), c.value])).toEqual([["A1", "12"]]);
  });

  test("CDATA in <v> and <t>", () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="str"><v><![CDATA[a < b & c]]></v></c><c r="B1" t="inlineStr"><is><t><![CDATA[x]]>&amp;<![CDATA[<y>]]></t></is></c><c r="C1"><v><![CDATA[1.5]]></v></c></row>',
    );
    expect(cellsOf(xml).cells.map((c) => c.value)).toEqual(["a < b & c", "x&<y>", "1.5"]);
  });

  test("processing instructions inside rows and values", () => {
    const xml = sheet('<row r="1"><?pi x?><c r="A1"><v>1<?pi?>0</v></c></row>');
    expect(cellsOf(xml).cells.map((c) => c.value)).toEqual(["10"]);
  });

  test("XML references decoded in every value; _xHHHH_ only in text values", () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="str"><v>a&amp;b&#x41;_x0042_</v></c><c r="B1" t="s"><v>_x0031_</v></c><c r="C1"><v>&#49;_x0032_</v></c>' +
        '<c r="D1" t="inlineStr"><is><t>_x000B_|_x005F_x0041_</t></is></c><c r="E1" t="e"><v>#DIV/0!_x0021_</v></c></row>',
    );
    expect(cellsOf(xml).cells.map((c) => c.value)).toEqual([
      "a&bAB",
      "_x0031_",
      "1_x0032_",
      "\u000B|_x0041_",
      "#DIV/0!!",
    ]);
  });

  test("each <t> run is decoded on its own", () => {
    const xml = sheet('<row r="1"><c r="A1" t="inlineStr"><is><r><t>_x00</t></r><r><t>41_</t></r></is></c></row>');
    expect(cellsOf(xml).cells.map((c) => c.value)).toEqual(["_x0041_"]);
  });

  test("decoding problems carry the cell reference", () => {
    const xml = sheet(
      '<row r="3"><c r="B3" t="inlineStr"><is><t>_xD800_ &#0; &foo;</t></is></c><c r="C3" t="str"><v>&#xFFFE;</v></c></row>',
    );
    const { cells, problems } = cellsOf(xml);
    expect(cells.map((c) => c.value)).toEqual(["\uFFFD \uFFFD &foo;", "\uFFFD"]);
    expect(problems.map((p) => p.ref)).toEqual(["B3", "B3", "B3", "C3"]);
    expect(problems.map((p) => p.message).join("\n")).toMatch(/&#0;[\s\S]*&foo;[\s\S]*U\+D800[\s\S]*&#xFFFE;/);
  });

  test("billion laughs in a worksheet: literal text, a problem, no expansion", () => {
    const xml =
      `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>` +
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`;
    const { cells, problems } = cellsOf(xml);
    expect(cells.map((c) => c.value)).toEqual(["&lol2;"]);
    expect(problems).toEqual([{ ref: "A1", message: expect.stringContaining("&lol2;") }]);
  });

  test("BOM, XML declaration and whitespace-indented (pretty-printed) XML", () => {
    const xml = `\uFEFF<?xml version="1.0"?>\n<worksheet xmlns="${MAIN}">\n  <sheetData>\n    <row r="1">\n      <c r="A1" t="inlineStr">\n        <is>\n          <t>x</t>\n        </is>\n      </c>\n      <c r="B1">\n        <v>1</v>\n      </c>\n    </row>\n  </sheetData>\n</worksheet>\n`;
    expect(cellsOf(xml).cells.map((c) => c.value)).toEqual(["x", "1"]);
  });

  test("inline string edge cases", () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="inlineStr"><is/></c><c r="B1" t="inlineStr"><is><t/></is></c><c r="C1" t="inlineStr"><v>v only</v></c><c r="D1" t="n"><is><t>ignored</t></is></c><c r="E1" t="inlineStr"><is><t></t></is></c></row>',
    );
    expect(cellsOf(xml).cells.map((c) => [cellRef(c.row, c.col), c.value])).toEqual([
      ["A1", ""],
      ["B1", ""],
      ["C1", "v only"],
      ["E1", ""],
    ]);
  });

  test("problems: bad references, cells outside their row, beyond XFD or row 1048576, unknown types", () => {
    const xml = sheet(
      '<row r="2"><c r="1A"><v>1</v></c><c r="B7"><v>2</v></c><c r="XFE2"><v>3</v></c><c r="C2" t="x"><v>4</v></c></row><row r="1048577"><c><v>5</v></c></row>',
    );
    const { cells, problems } = cellsOf(xml);
    expect(cells.map((c) => [cellRef(c.row, c.col), c.type, c.value])).toEqual([
      ["A2", "n", "1"],
      ["B7", "n", "2"],
      ["C2", "x", "4"],
    ]);
    expect(problems.map((p) => p.ref)).toEqual(["A2", "B7", "XFE2", "C2", "1048577"]);
    expect(problems[0].message).toMatch(/not an A1 reference/);
    expect(problems[1].message).toMatch(/inside row 2/);
    expect(problems[2].message).toMatch(/beyond/);
    expect(problems[3].message).toMatch(/not one of/);
    expect(problems[4].message).toMatch(/beyond Excel's last row/);
  });

  test("a row number that is not a number: reported, the next row is used", () => {
    const { cells, problems } = cellsOf(
      sheet('<row r="3"/><row r="abc"><c><v>6</v></c></row><row r="0"><c><v>7</v></c></row>'),
    );
    expect(cells.map((c) => [cellRef(c.row, c.col), c.value])).toEqual([
      ["A4", "6"],
      ["A5", "7"],
    ]);
    expect(problems.map((p) => p.ref)).toEqual(["4", "5"]);
  });

  test("maxProblems caps the list and counts the rest", () => {
    const body =
      '<row r="1">' +
      Array.from({ length: 50 }, (_, i) => `<c r="${columnName(i)}1" t="str"><v>&bad;</v></c>`).join("") +
      "</row>";
    const r = readSheetCells(sheet(body), () => undefined, { maxProblems: 10 });
    expect(r.problems).toHaveLength(10);
    expect(r.problemsDropped).toBe(40);
  });

  test("malformed worksheets throw XmlError", () => {
    expect(() => readSheetCells(sheet('<row r="1"><c r="A1"><v>1</c></row>'), () => undefined)).toThrow(XmlError);
    expect(() => readSheetCells(sheet('<row r="1"><c r="A1"><v>1</v>'), () => undefined)).toThrow(XmlError);
    expect(() => readSheetCells(sheet('<row r="1"><c r="A1 t="s"><v>1</v></c></row>'), () => undefined)).toThrow(
      XmlError,
    );
  });

  test("attributes with entities and single quotes go through the general path", () => {
    const xml = sheet(
      `<row r='1'><c r='A1' t='inlineStr'><is><t>q</t></is></c><c r="&#66;1" t="&#115;"><v>4</v></c></row>`,
    );
    expect(cellsOf(xml).cells.map((c) => [cellRef(c.row, c.col), c.type, c.value])).toEqual([
      ["A1", "inlineStr", "q"],
      ["B1", "s", "4"],
    ]);
  });

  test("fast and general paths agree on generated sheets", () => {
    const next = rng(99);
    const types = ["", "n", "s", "b", "e", "str", "inlineStr", "d"];
    for (let round = 0; round < 60; round++) {
      // One logical sheet, serialised four ways: compact and indented (fast path), prefixed and
      // with comments between tags (general path).
      const rows: {
        r?: number;
        cells: { ref?: string; t: string; s?: number; kind: "v" | "is" | "rich" | "blank" | "f"; text: string }[];
      }[] = [];
      let rowNo = 0;
      for (let i = 0; i < 8; i++) {
        rowNo += 1 + Math.floor(next() * 3);
        const cells: (typeof rows)[number]["cells"] = [];
        let col = 0;
        for (let j = 0; j < 6; j++) {
          col += 1 + Math.floor(next() * 2);
          const t = types[Math.floor(next() * types.length)];
          const kinds = ["v", "is", "rich", "blank", "f"] as const;
          const kind = kinds[Math.floor(next() * kinds.length)];
          const text = escapeXmlText(encodeOoxmlText(randomPieces(next, 5)).text);
          cells.push({
            ref: next() < 0.8 ? `${columnName(col - 1)}${rowNo}` : undefined,
            t: kind === "is" || kind === "rich" ? (next() < 0.9 ? "inlineStr" : t) : t,
            s: next() < 0.5 ? Math.floor(next() * 20) : undefined,
            kind,
            text,
          });
        }
        rows.push({ r: next() < 0.8 ? rowNo : undefined, cells });
      }
      const render = (p: string, nl: string): string =>
        rows
          .map((row) => {
            const cells = row.cells
              .map((c) => {
                const attrs =
                  (c.ref ? ` r="${c.ref}"` : "") +
                  (c.s !== undefined ? ` s="${c.s}"` : "") +
                  (c.t ? ` t="${c.t}"` : "");
                const body =
                  c.kind === "v"
                    ? `<${p}v>${c.text}</${p}v>`
                    : c.kind === "is"
                      ? `<${p}is><${p}t xml:space="preserve">${c.text}</${p}t></${p}is>`
                      : c.kind === "rich"
                        ? `<${p}is><${p}r><${p}t>${c.text}</${p}t></${p}r><${p}r><${p}t>!</${p}t></${p}r></${p}is>`
                        : c.kind === "f"
                          ? `<${p}f>1+1</${p}f><${p}v>${c.text}</${p}v>`
                          : "";
                return body ? `${nl}<${p}c${attrs}>${nl}${body}${nl}</${p}c>` : `${nl}<${p}c${attrs}/>`;
              })
              .join("");
            return `${nl}<${p}row${row.r ? ` r="${row.r}"` : ""}>${cells}${nl}</${p}row>`;
          })
          .join("");
      const compact = sheet(render("", ""));
      const indented = sheet(render("", "\n  "));
      const prefixed = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData>${render("x:", "")}</x:sheetData></x:worksheet>`;
      const commented = sheet(render("", "<!-- -->"));
      const a = cellsOf(compact);
      expect(cellsOf(indented)).toEqual(a);
      expect(cellsOf(prefixed)).toEqual(a);
      expect(cellsOf(commented)).toEqual(a);
    }
  });

  test("a 50,000-row x 12-column sheet of inline strings and numbers", () => {
    const parts: string[] = [];
    for (let r = 1; r <= 50000; r++) {
      let row = `<row r="${r}" spans="1:12">`;
      for (let c = 0; c < 12; c++) {
        const ref = columnName(c) + r;
        row +=
          c % 2 === 0
            ? `<c r="${ref}" t="inlineStr"><is><t>Item ${r}-${c} &amp; more</t></is></c>`
            : `<c r="${ref}" s="1"><v>${r * 100 + c}</v></c>`;
      }
      parts.push(row + "</row>");
    }
    const xml = sheet(parts.join(""));
    let count = 0;
    let sum = 0;
    let last = "";
    const res = readSheetCells(xml, (row, col, type, value) => {
      count++;
      if (type === "n") sum += Number(value);
      if (row === 49999 && col === 10) last = value;
    });
    expect(count).toBe(600000);
    expect(res.rows).toBe(50000);
    expect(res.problems).toEqual([]);
    expect(last).toBe("Item 50000-10 & more");
    let expected = 0;
    for (let r = 1; r <= 50000; r++) for (let c = 1; c < 12; c += 2) expected += r * 100 + c;
    expect(sum).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Shared strings
// ---------------------------------------------------------------------------------------------

describe("readSharedStrings", () => {
  test("plain, rich and phonetic items", () => {
    const xml = `<?xml version="1.0"?><sst xmlns="${MAIN}" count="5" uniqueCount="5"><si><t>plain</t></si><si><r><rPr><b/></rPr><t>rich</t></r><r><t xml:space="preserve"> text</t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si><si/><si><t/></si></sst>`;
    expect(readSharedStrings(xml)).toEqual({
      items: ["plain", "rich text", "東京", "", ""],
      problems: [],
      problemsDropped: 0,
    });
  });

  test("decoding: entities, _xHHHH_, CDATA, comments; problems per item index", () => {
    const xml = `<sst xmlns="${MAIN}"><si><t>a&amp;b_x000D__x000A_c</t></si><si><t><![CDATA[<x>]]><!-- c -->_x0041_</t></si><si><t>_xD800_</t></si><si><t>&#0;</t></si></sst>`;
    const r = readSharedStrings(xml);
    expect(r.items).toEqual(["a&b\r\nc", "<x>A", "\uFFFD", "\uFFFD"]);
    expect(r.problems.map((p) => p.index)).toEqual([2, 3]);
  });

  test("prefixed and Strict namespaces; foreign elements ignored", () => {
    const prefixed = `<x:sst xmlns:x="${MAIN}" xmlns:o="urn:o"><x:si><x:t>one</x:t><o:t>not this</o:t></x:si><o:si><x:t>skip</x:t></o:si><x:si><x:r><x:t>two</x:t></x:r></x:si></x:sst>`;
    expect(readSharedStrings(prefixed).items).toEqual(["one", "two"]);
    expect(readSharedStrings(`<sst xmlns="${STRICT}"><si><t>s</t></si></sst>`).items).toEqual(["s"]);
  });

  test("not a shared string table: no items, a problem", () => {
    const r = readSharedStrings(`<sst xmlns="urn:x"><si><t>a</t></si></sst>`);
    expect(r.items).toEqual([]);
    expect(r.problems[0].index).toBe(-1);
  });

  test("fast and general paths agree", () => {
    const next = rng(5);
    const strings: string[] = [];
    for (let i = 0; i < 500; i++) strings.push(escapeXmlText(encodeOoxmlText(randomPieces(next, 8)).text));
    const compact = `<sst xmlns="${MAIN}">${strings.map((s, i) => (i % 3 ? `<si><t>${s}</t></si>` : `<si><t xml:space="preserve">${s}</t></si>`)).join("")}</sst>`;
    const indented = `<sst xmlns="${MAIN}">\n${strings.map((s) => `<si>\n <t>${s}</t>\n</si>`).join("\n")}</sst>`;
    const prefixed = `<x:sst xmlns:x="${MAIN}">${strings.map((s) => `<x:si><x:t>${s}</x:t></x:si>`).join("")}</x:sst>`;
    const general = `<sst xmlns="${MAIN}">${strings.map((s) => `<si><!----><t>${s}</t></si>`).join("")}</sst>`;
    const a = readSharedStrings(compact);
    expect(readSharedStrings(indented)).toEqual(a);
    expect(readSharedStrings(prefixed)).toEqual(a);
    expect(readSharedStrings(general)).toEqual(a);
    expect(a.items).toHaveLength(500);
  });

  test("malformed tables throw XmlError", () => {
    expect(() => readSharedStrings(`<sst xmlns="${MAIN}"><si><t>a</si></sst>`)).toThrow(XmlError);
  });
});

describe("cell references", () => {
  test("columnName and cellRef", () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnName)).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
    expect(cellRef(0, 0)).toBe("A1");
    expect(cellRef(1048575, 16383)).toBe("XFD1048576");
  });
});
