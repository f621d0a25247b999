import fc from "fast-check";
import { readSharedStrings } from "../../../../src/hosts/xlsx/spreadsheetml/shared-strings";
import { decodeOoxmlEscapes, encodeOoxmlText } from "../../../../src/hosts/xlsx/spreadsheetml/xstring";
import { decodeXmlText, escapeXmlText } from "../../../../src/hosts/xlsx/xml";
import { MAIN, cellsOf, sheet, rng, hasLoneSurrogate, PIECES, randomPieces, allXmlChars } from "../xml-helpers";

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
