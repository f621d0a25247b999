/**
 * Each shape issue 17 found in real or crafted workbooks, reproduced (test/support/hostile.ts)
 * and run through the file host as `check` and `report` do: read as Excel reads it, reported
 * into a valid copy, or refused in one plain line. Jest's per-test timeout bounds each case, so
 * a shape that made the reader hang or grow quadratically fails here rather than in a user's hands.
 */
import { deflateSync } from "fflate";
import { analyseWorkbook } from "../../src/core/analysis/analyse";
import { readPackage, readWorkbook, XlsxReadError } from "../../src/hosts/xlsx/read";
import { openPackage } from "../../src/hosts/xlsx/package";
import { ReportWriteError, writeReport } from "../../src/hosts/xlsx/write-report";
import { readSheetCells } from "../../src/hosts/xlsx/spreadsheetml/cells";
import { parseTree, type XmlNode } from "../../src/hosts/xlsx/xml";
import { crc32, openZip } from "../../src/hosts/xlsx/zip";
import { buildReportPlan } from "../../src/core/report/build";
import { cli } from "../support/cli";
import {
  baseWorkbook,
  entry,
  manyRows,
  pack,
  projectRows,
  sheetWith,
  strictWorkbook,
  t,
  unpack,
  withSharedText,
} from "../support/hostile";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

jest.setTimeout(30_000);

async function report(data: Uint8Array) {
  const snapshot = await readWorkbook(data);
  const analysis = analyseWorkbook(snapshot);
  const result = await writeReport(data, buildReportPlan(analysis));
  return { snapshot, analysis, result };
}

/** Every prefixed element and attribute name resolves to a namespace (what LibreOffice refused). */
function unbound(node: XmlNode, out: string[] = []): string[] {
  if (node.name.includes(":") && !node.ns) out.push(node.name);
  for (const a of node.attrs)
    if (a.name.includes(":") && !a.name.startsWith("xmlns:") && !a.ns) out.push(`${node.name}@${a.name}`);
  for (const c of node.children) unbound(c, out);
  return out;
}

/** Every XML part of a package is well-formed, with every prefix bound. */
function expectWellFormed(data: Uint8Array): void {
  for (const e of openZip(data).entries) {
    if (e.isDirectory || !/\.(xml|rels)$/.test(e.name)) continue;
    const xml = e.readText();
    if (/worksheets\/sheet/.test(e.name)) readSheetCells(xml, () => undefined);
    else expect({ part: e.name, unbound: unbound(parseTree(xml)) }).toEqual({ part: e.name, unbound: [] });
  }
}

const workstreamSheets = (names: string[]) => names.filter((n) => n.startsWith("HR ") || n.startsWith("WS"));

describe("workbook.xml as producers write it", () => {
  it("an empty <definedNames/> (ClosedXML): markers go into it and the report is written", async () => {
    const parts = await baseWorkbook();
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace("</sheets>", "</sheets><definedNames/>");
    const { result } = await report(pack(parts));
    expectWellFormed(result.data);
    const back = await readWorkbook(result.data);
    expect(back.reportSheets!.map((r) => r.key)).toContain("board");
  });

  it("xmlns:r declared on each <sheet> and not on the root: the output is well-formed", async () => {
    const parts = await baseWorkbook();
    const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"]
      .replace(` xmlns:r="${R}"`, "")
      .replace("<sheet ", `<sheet xmlns:r="${R}" `);
    expect(parts["xl/workbook.xml"]).not.toMatch(/<workbook[^>]*xmlns:r/);
    const { result } = await report(pack(parts));
    expectWellFormed(result.data);
  });

  it("<sheet> written long-hand and a '>' inside a name: markers land on the report's sheets, sheet ids stay unique", async () => {
    const parts = await baseWorkbook();
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
      /<sheet ([^>]*)\/>/,
      '<sheet $1></sheet><sheet name="Notes &gt; 2010" sheetId="7" r:id="rId50"></sheet>'.replace("$1", "$1"),
    );
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
      "</Relationships>",
      '<Relationship Id="rId50" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/notes.xml"/></Relationships>',
    );
    parts["xl/worksheets/notes.xml"] = sheetWith(`<row r="1">${t("A1", "Notes")}</row>`);
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace('name="Notes &gt; 2010"', 'name="Notes > 2010"');
    const { result } = await report(pack(parts));
    expectWellFormed(result.data);
    const pkg = openPackage(result.data);
    const ids = pkg.allSheets.map((s) => s.sheetId);
    expect(new Set(ids).size).toBe(ids.length);
    const back = readPackage(pkg);
    expect(back.reportSheets!.map((r) => r.sheet)).toEqual(result.sheets.map((s) => s.name));
    expect(back.reportSheets!.map((r) => r.sheet)).not.toContain("Notes > 2010");
    expect(back.sheets.find((s) => s.name === "Notes > 2010")!.rows[0][0]).toBe("Notes");
  });

  it("an empty <styleSheet/>: Excel's defaults first, then the report's styles", async () => {
    const parts = await baseWorkbook();
    parts["xl/styles.xml"] =
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`;
    const { result } = await report(pack(parts));
    expectWellFormed(result.data);
    const styles = parseTree(openZip(result.data).get("xl/styles.xml")!.readText());
    const xfs = styles.children.find((c) => c.local === "cellXfs")!;
    expect(xfs.children[0].attrs.find((a) => a.local === "fontId")!.value).toBe("0");
    expect(xfs.children.length).toBeGreaterThan(10);
    expect(styles.children.map((c) => c.local)).toEqual(
      ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "dxfs"].filter((l) =>
        styles.children.some((c) => c.local === l),
      ),
    );
  });
});

describe("text that XML cannot hold, as Excel stores it", () => {
  const names = ["HR\u000BWS", "_x0041_ literal", "NUL\u0000here", "Odd\uFFFEname", "Lone\uD800half"];

  it("control characters, a literal _x…_, U+FFFE and NUL round-trip; a lone surrogate becomes U+FFFD with a warning at its cell", async () => {
    const parts = await withSharedText([
      "HR_x000B_WS",
      "_x005F_x0041_ literal",
      "NUL_x0000_here",
      "Odd_xFFFE_name",
      "Lone_xD800_half",
    ]);
    const rows = names.map(
      (_, i) =>
        `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>P${i + 1}</t></is></c><c r="B${i + 2}" t="s"><v>${i}</v></c><c r="C${i + 2}" t="s"><v>${i}</v></c><c r="D${i + 2}" t="s"><v>${i}</v></c></row>`,
    );
    parts["xl/worksheets/sheet1.xml"] = sheetWith(projectRows([]) + rows.join(""));
    const { snapshot, analysis, result } = await report(pack(parts));
    expect(snapshot.sheets[0].rows.slice(1).map((r) => r[1])).toEqual([
      "HR\u000BWS",
      "_x0041_ literal",
      "NUL\u0000here",
      "Odd\uFFFEname",
      "Lone\uFFFDhalf",
    ]);
    expect(analysis.diagnostics).toContainEqual(
      expect.objectContaining({ code: "unreadable-cell", sheet: "Projects", cell: "B6" }),
    );
    expectWellFormed(result.data);
    const back = await readWorkbook(result.data);
    const board = back.sheets.find((s) => s.name === "Board Report")!;
    const texts = new Set(board.rows.flatMap((r) => r ?? []).filter((v): v is string => typeof v === "string"));
    for (const n of ["HR\u000BWS", "_x0041_ literal", "NUL\u0000here", "Odd\uFFFEname", "Lone\uFFFDhalf"])
      expect({ n, on: texts.has(n) }).toEqual({ n, on: true });
  });

  it("a workstream name cut to 31 characters inside an emoji: the sheet name ends before it", async () => {
    const ws = `${"x".repeat(27)}😀 and more`; // "HR " + 27 letters: the 31st unit is the emoji's first half
    const parts = await baseWorkbook([["P1", "One", ws, "Lead", "2009-04-01", "2010-03-31", "Green"]]);
    const { result } = await report(pack(parts));
    const hl = workstreamSheets(result.sheets.map((s) => s.name));
    expect(hl).toEqual([`HR ${"x".repeat(27)}`]);
    expectWellFormed(result.data);
  });

  it("an invalid character reference (&#x110000;) is a warning at its cell, not a refused workbook", async () => {
    const parts = await baseWorkbook();
    parts["xl/worksheets/sheet1.xml"] = sheetWith(
      projectRows([["P1", "Bad &#x110000; name", "WS", "Lead", "2009-04-01", "2010-03-31", "Green"]]),
    );
    const { snapshot, analysis } = await report(pack(parts));
    expect(snapshot.sheets[0].rows[1][1]).toBe("Bad \uFFFD name");
    expect(analysis.diagnostics).toContainEqual(
      expect.objectContaining({ code: "unreadable-cell", sheet: "Projects", cell: "B2" }),
    );
  });
});

describe("read as Excel reads it", () => {
  it("a <row> inside a comment is not data; CDATA is text", async () => {
    const parts = await baseWorkbook();
    const commented = `<!-- <row r="3">${t("A3", "P9")}</row> -->`;
    parts["xl/worksheets/sheet1.xml"] = sheetWith(
      projectRows([["P1", "<![CDATA[Fish & <chips>]]>", "WS", "Lead", "2009-04-01", "2010-03-31", "Green"]]) +
        commented,
    );
    const snap = await readWorkbook(pack(parts));
    expect(snap.sheets[0].rows[1][1]).toBe("Fish & <chips>");
    expect(snap.sheets[0].rows[2]).toBeUndefined();
  });

  it("a shadow entry (xl/worksheets/../worksheets/sheet1.xml) before the real part: the real part is read and written", async () => {
    const parts = await baseWorkbook();
    const shadow = entry(
      "xl/worksheets/../worksheets/sheet1.xml",
      sheetWith(projectRows([["SHADOW", "Shadow", "WS", "Lead", "2009-04-01", "2010-03-31", "Green"]])),
    );
    const data = (await import("../hosts/xlsx/zip-helpers")).buildRawZip([
      shadow,
      ...Object.entries(parts).map(([n, v]) => entry(n, v)),
    ]);
    const snap = await readWorkbook(data);
    expect(snap.sheets[0].rows[1][0]).toBe("P1");
    const { result } = await report(data);
    const names = openZip(result.data).entries.map((e) => e.name);
    expect(names.filter((n) => /sheet1\.xml$/.test(n))).toEqual(["xl/worksheets/sheet1.xml"]);
  });

  it("two plain spellings of one part (case only) are refused in one line", async () => {
    const parts = await baseWorkbook();
    const data = pack({ ...parts, "XL/worksheets/sheet1.xml": parts["xl/worksheets/sheet1.xml"] });
    await expect(readWorkbook(data)).rejects.toThrow(/holds the part .* twice/);
  });

  it("Strict Open XML is read; the report is refused in one line that says how to save as .xlsx", async () => {
    const data = strictWorkbook();
    const snap = await readWorkbook(data);
    expect(snap.sheets[0].rows[1][0]).toBe("P1");
    await expect(writeReport(data, buildReportPlan(analyseWorkbook(snap)))).rejects.toThrow(ReportWriteError);
    const dir = mkdtempSync(join(tmpdir(), "pmo-strict-"));
    writeFileSync(join(dir, "strict.xlsx"), data);
    const r = await cli("report", join(dir, "strict.xlsx"), "-o", join(dir, "out.xlsx"), "--quiet");
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/Strict Open XML.*Excel Workbook \(\.xlsx\)/);
  });
});

describe("bounded work and memory", () => {
  it("one value in XFD1048576 costs one cell, not a box", async () => {
    const parts = await baseWorkbook();
    parts["xl/worksheets/sheet1.xml"] = sheetWith(
      projectRows([["P1", "One", "WS", "Lead", "2009-04-01", "2010-03-31", "Green"]]) +
        `<row r="1048576">${t("XFD1048576", "far away")}</row>`,
    );
    const { analysis } = await report(pack(parts));
    expect(analysis.programme.projects.map((p) => p.id)).toEqual(["P1"]);
  });

  it("a comment holding a million <row> tokens is skipped in one pass", async () => {
    const parts = await baseWorkbook();
    parts["xl/worksheets/sheet1.xml"] = sheetWith(
      projectRows([["P1", "One", "WS", "Lead", "2009-04-01", "2010-03-31", "Green"]]) +
        `<!--${"<row>".repeat(1_000_000)}-->`,
    );
    const snap = await readWorkbook(pack(parts));
    expect(snap.sheets[0].rows.filter(Boolean)).toHaveLength(2);
  });

  it("a 380 KB zip inflating to 156 MB of tiny rows: one pass, rows past Excel's last left out with a note", async () => {
    const parts = await baseWorkbook();
    const sheet = new TextEncoder().encode(sheetWith("<row><c><v>1</v></c></row>".repeat(6_000_000)));
    const snap = await readWorkbook(pack({ ...parts, "xl/worksheets/sheet1.xml": sheet }));
    expect(snap.sheets[0].rows.length).toBe(1_048_576);
    expect(snap.problems!.length).toBeLessThan(100);
  });

  it("more cells than the limit: refused in one line before memory runs out", async () => {
    const parts = await baseWorkbook();
    const data = pack({ ...parts, "xl/worksheets/sheet1.xml": manyRows(2_000) });
    await expect(readWorkbook(data, { limits: { maxCells: 1_000 } })).rejects.toThrow(
      /more than 1,000 cells with values/,
    );
  });

  it("a zip bomb declaring more than a part may hold is refused before inflating", async () => {
    const parts = await baseWorkbook();
    // The declared size is what is refused, before any inflating (the zip tests inflate real bombs).
    const small = new Uint8Array(1024);
    const bomb = {
      name: "xl/worksheets/sheet1.xml",
      body: deflateSync(small),
      method: 8,
      crc: crc32(small),
      uncompressed: 300 * 1024 * 1024,
    };
    const rest = Object.entries(parts)
      .filter(([n]) => n !== "xl/worksheets/sheet1.xml")
      .map(([n, v]) => entry(n, v));
    const data = (await import("../hosts/xlsx/zip-helpers")).buildRawZip([...rest, bomb]);
    await expect(readWorkbook(data)).rejects.toThrow(XlsxReadError);
    await expect(readWorkbook(data)).rejects.toThrow(/larger than this tool reads/);
  });

  it("a part that lies about its size stops inflating at the declared size", async () => {
    const parts = await baseWorkbook();
    const big = new Uint8Array(50 * 1024 * 1024);
    const liar = {
      name: "xl/worksheets/sheet1.xml",
      body: deflateSync(big, { level: 1 }),
      method: 8,
      crc: crc32(big),
      uncompressed: 1000,
    };
    const rest = Object.entries(parts)
      .filter(([n]) => n !== "xl/worksheets/sheet1.xml")
      .map(([n, v]) => entry(n, v));
    const data = (await import("../hosts/xlsx/zip-helpers")).buildRawZip([...rest, liar]);
    await expect(readWorkbook(data)).rejects.toThrow(/damaged|larger than/);
  });
});

describe("report sheets are ours only while they are ours", () => {
  /** Adds a copy of a sheet (as Excel's Move or Copy does: the part, and its sheet-scoped names). */
  function copySheet(data: Uint8Array, from: string, to: string, edit?: (xml: string) => string): Uint8Array {
    const parts = unpack(data);
    const pkg = openPackage(data);
    const src = pkg.allSheets.find((s) => s.name === from)!;
    const wb = parts["xl/workbook.xml"];
    const newIndex = pkg.allSheets.length;
    const names = [...wb.matchAll(/<definedName [^>]*localSheetId="(\d+)"[^>]*>[^<]*<\/definedName>/g)]
      .filter((m) => Number(m[1]) === src.index)
      .map((m) => m[0].replace(/localSheetId="\d+"/, `localSheetId="${newIndex}"`).replace(/'[^']*'!/, `'${to}'!`));
    parts["xl/worksheets/copied.xml"] = edit ? edit(parts[src.path]) : parts[src.path];
    parts["xl/workbook.xml"] = wb
      .replace("</sheets>", `<sheet name="${to}" sheetId="999" r:id="rId999"/></sheets>`)
      .replace("</definedNames>", `${names.join("")}</definedNames>`);
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
      "</Relationships>",
      '<Relationship Id="rId999" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/copied.xml"/></Relationships>',
    );
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
      "</Types>",
      '<Override PartName="/xl/worksheets/copied.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    );
    return pack(parts);
  }

  it("a copied report sheet (same marker, another name) is the user's: kept with what they typed", async () => {
    const first = (await report(pack(await baseWorkbook()))).result;
    const withCopy = copySheet(first.data, "Board Report", "Board Report March");
    const second = (await report(withCopy)).result;
    expect(second.kept).toEqual(["Board Report March"]);
    expect(second.replaced).toContain("Board Report");
    const back = await readWorkbook(second.data);
    expect(back.sheets.map((s) => s.name)).toContain("Board Report March");
    expectWellFormed(second.data);
  });

  it("a report sheet the user typed in is theirs: kept, renamed with its period and moved after the report; the new one takes the usual name", async () => {
    const first = (await report(pack(await baseWorkbook()))).result;
    const parts = unpack(first.data);
    const board = openPackage(first.data).allSheets.find((s) => s.name === "Board Report")!;
    parts[board.path] = parts[board.path].replace(
      "</sheetData>",
      `<row r="200">${t("A200", "Our notes for the board")}</row></sheetData>`,
    );
    const second = (await report(pack(parts))).result;
    expect(second.kept).toHaveLength(1);
    const keptName = second.kept[0];
    expect(keptName).toMatch(/^Board Report – \w{3} \d{4}$/);
    expect(second.sheets.find((s) => s.key === "board")!.name).toBe("Board Report");
    const back = await readWorkbook(second.data);
    expect(back.sheets.find((s) => s.name === keptName)!.rows[199][0]).toBe("Our notes for the board");
    const names = openPackage(second.data).allSheetNames;
    expect(names[names.length - 1]).toBe(keptName); // out of the pack's print order
    const wb = unpack(second.data)["xl/workbook.xml"];
    expect(wb).not.toMatch(/'Board Report'!\$A\$1:\$[A-Z]+\$\d+<\/definedName>[^]*'Board Report'!\$A\$1/); // one print area per name
    expectWellFormed(second.data);
  });

  it("a part the user's sheet shares with an old report sheet survives the old sheet's removal", async () => {
    const first = (await report(pack(await baseWorkbook()))).result;
    const parts = unpack(first.data);
    const board = openPackage(first.data).allSheets.find((s) => s.name === "Board Report")!;
    const boardRels = parts[board.path.replace(/([^/]+)$/, "_rels/$1.rels")];
    const drawing = /Target="([^"]*drawing[^"]*)"/.exec(boardRels)![1];
    // The user's Projects sheet now uses the same drawing (as a shared image would be).
    parts["xl/worksheets/_rels/sheet1.xml.rels"] =
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="${drawing}"/></Relationships>`;
    const second = (await report(pack(parts))).result;
    const zip = openZip(second.data);
    expect(zip.get(`xl/drawings/${drawing.split("/").pop()}`)).toBeDefined();
    expectWellFormed(second.data);
  });

  it("an unchanged report sheet from an earlier run is replaced, in its place in the tab order", async () => {
    const parts = await baseWorkbook();
    const first = (await report(pack(parts))).result;
    const pkg1 = openPackage(first.data);
    expect(pkg1.allSheetNames[0]).toBe("Board Report"); // first in the tab order
    const second = (await report(first.data)).result;
    expect(second.kept).toEqual([]);
    expect(openPackage(second.data).allSheetNames).toEqual(pkg1.allSheetNames);
  });
});

describe("parts as other writers store them", () => {
  const BOM = "\ufeff";
  const selected = (xml: string) =>
    xml.replace(/<sheetView [^>]*\/>/, '<sheetView tabSelected="1" workbookViewId="0"/>');

  it("backslashes in part names (poi 49609.xlsx): read, and the copy names every part with '/'", async () => {
    const parts = await baseWorkbook();
    const renamed: Record<string, string> = {};
    for (const [name, xml] of Object.entries(parts))
      renamed[name === "[Content_Types].xml" ? name : name.replace(/\//g, "\\")] = xml;
    const { analysis, result } = await report(pack(renamed));
    expect(analysis.programme.projects.map((p) => p.id)).toEqual(["P1"]);
    const names = openZip(result.data).entries.map((e) => e.name);
    expect(names.filter((n) => n.includes("\\"))).toEqual([]);
    expect(names).toContain("xl/worksheets/sheet1.xml");
    expectWellFormed(result.data);
  });

  it("a byte-order mark on the sheet the writer edits (ClosedXML): kept, and only tabSelected changes", async () => {
    const parts = await baseWorkbook();
    const sheet = BOM + selected(parts["xl/worksheets/sheet1.xml"]);
    const input = pack({ ...parts, "xl/worksheets/sheet1.xml": sheet });
    const { result } = await report(input);
    const out = openZip(result.data).get("xl/worksheets/sheet1.xml")!.read();
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(out)).toBe(
      sheet.replace('tabSelected="1"', 'tabSelected="0"'),
    );
  });

  it("a UTF-16 sheet the writer edits stays UTF-16, as its declaration says", async () => {
    const parts = await baseWorkbook();
    const xml = selected(parts["xl/worksheets/sheet1.xml"]).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = xml.charCodeAt(i) >> 8;
    }
    const { snapshot, result } = await report(pack({ ...parts, "xl/worksheets/sheet1.xml": utf16 }));
    expect(snapshot.sheets.find((s) => s.name === "Projects")!.rows.length).toBe(2);
    const out = openZip(result.data).get("xl/worksheets/sheet1.xml")!;
    expect([...out.read().subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(out.readText()).toBe(xml.replace('tabSelected="1"', 'tabSelected="0"'));
  });
});
