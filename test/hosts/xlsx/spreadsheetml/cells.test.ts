import { a1 as cellRef, columnLetters as columnName } from "../../../../src/core/primitives/cell";
import { readSheetCells, type RowInfo } from "../../../../src/hosts/xlsx/spreadsheetml/cells";
import { encodeOoxmlText } from "../../../../src/hosts/xlsx/spreadsheetml/xstring";
import { escapeXmlText, MARKUP_COMPATIBILITY_NS, tagAttrValue, XmlError } from "../../../../src/hosts/xlsx/xml";
import { MAIN, STRICT, cellsOf, sheet, rng, randomPieces } from "../xml-helpers";

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
