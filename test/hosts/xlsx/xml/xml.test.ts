import fc from "fast-check";
import { decodeOoxmlEscapes } from "../../../../src/hosts/xlsx/spreadsheetml/xstring";
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
} from "../../../../src/hosts/xlsx/xml";
import { events, startNames, xmlError, MAIN, STRICT, cellsOf, sheet, allXmlChars } from "../xml-helpers";

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
