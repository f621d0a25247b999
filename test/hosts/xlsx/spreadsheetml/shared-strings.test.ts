import { readSharedStrings } from "../../../../src/hosts/xlsx/spreadsheetml/shared-strings";
import { encodeOoxmlText } from "../../../../src/hosts/xlsx/spreadsheetml/xstring";
import { escapeXmlText, XmlError } from "../../../../src/hosts/xlsx/xml";
import { MAIN, STRICT, rng, randomPieces } from "../xml-helpers";

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
