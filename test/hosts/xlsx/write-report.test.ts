import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { readWorkbook } from "../../../src/hosts/xlsx/read";
import { STYLE, writeNewWorkbook } from "../../../src/hosts/xlsx/new-workbook";
import { writeReport } from "../../../src/hosts/xlsx/write-report";
import { dayFromSerial, serialFromDay } from "../../../src/core/primitives/dates";
import { buildReportPlan } from "../../../src/core/report/build";
import type { PlanValue } from "../../../src/core/report/plan";
import { equalBytes, openingTags, parts, sameButUnselected, text } from "../../support/parts";
import { NASTY_TEXT } from "../../support/report-cases";
import { LO_RICH, planFor } from "../../support/sample";

async function report(data: Uint8Array) {
  const snapshot = await readWorkbook(data);
  const plan = buildReportPlan(analyseWorkbook(snapshot));
  return { plan, result: await writeReport(data, plan) };
}

describe("writing the report into a copy of the workbook", () => {
  it("puts every planned cell where the plan put it (read back with the reader)", async () => {
    const { data, plan } = await planFor();
    const result = await writeReport(data, plan);
    const back = await readWorkbook(result.data);
    const expected = (v: PlanValue) =>
      v !== null && typeof v === "object" ? serialFromDay(v.day, back.date1904) : v === "" ? undefined : v;
    let checked = 0;
    for (const s of plan.sheets) {
      const name = result.sheets.find((x) => x.key === s.key)!.name;
      const sheet = back.sheets.find((x) => x.name === name)!;
      for (const b of s.blocks)
        b.cells.forEach((row, r) =>
          row.forEach((c, k) => {
            const got = sheet.rows[b.row + r]?.[b.col + k];
            expect({ at: `${name}!${b.row + r},${b.col + k}`, v: got === null ? undefined : got }).toEqual({
              at: `${name}!${b.row + r},${b.col + k}`,
              v: c.v === null ? undefined : expected(c.v),
            });
            checked++;
          }),
        );
    }
    expect(checked).toBeGreaterThan(1000);
    expect(back.reportSheets!.map((r) => r.key)).toEqual(plan.sheets.map((s) => s.key));
  });

  it("keeps every part of the user's workbook: charts, image, pivot table, validation, names, comments", async () => {
    const input = new Uint8Array(readFileSync(LO_RICH));
    const { result } = await report(input);
    const before = await parts(input);
    const after = await parts(result.data);
    const edited = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];
    for (const [name, bytes] of before) {
      expect(after.has(name)).toBe(true);
      if (edited.includes(name)) {
        // Insertion only: every element that was there is still there.
        const was = openingTags(Buffer.from(bytes).toString("utf8"));
        const now = new Set(openingTags(Buffer.from(after.get(name)!).toString("utf8")));
        for (const t of was) expect({ name, t, kept: now.has(t) }).toEqual({ name, t, kept: true });
      } else expect({ name, same: sameButUnselected(bytes, after.get(name)!) }).toEqual({ name, same: true });
    }
    for (const p of [
      "xl/charts/chart1.xml",
      "xl/media/image1.png",
      "xl/pivotTables/pivotTable1.xml",
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "xl/comments1.xml",
    ])
      expect(before.has(p)).toBe(true);
    const wb = await text(result.data, "xl/workbook.xml");
    expect(wb).toContain('name="BudgetColumn"');
    expect(wb).toContain("<pivotCaches>");
  });

  it("keeps untouched parts byte-identical in the zip too (no recompression)", async () => {
    const input = new Uint8Array(readFileSync(LO_RICH));
    const { result } = await report(input);
    const raw = async (d: Uint8Array, n: string) => {
      const z = await JSZip.loadAsync(d);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (z.file(n) as any)._data?.compressedContent as Uint8Array | undefined;
    };
    const a = await raw(input, "xl/charts/chart1.xml");
    const b = await raw(result.data, "xl/charts/chart1.xml");
    expect(a && b && equalBytes(a, b)).toBe(true);
  });

  it("replaces only its own sheets when run again: no duplicate sheets, charts or names", async () => {
    const input = new Uint8Array(readFileSync(LO_RICH));
    const first = (await report(input)).result;
    const second = (await report(first.data)).result;
    expect(second.replaced).toEqual(first.sheets.map((s) => s.name));
    const p1 = [...(await parts(first.data)).keys()].sort();
    const p2 = [...(await parts(second.data)).keys()].sort();
    expect(p2).toEqual(p1);
    const names = (x: string) => [...x.matchAll(/<definedName [^>]*>/g)].length;
    expect(names(await text(second.data, "xl/workbook.xml"))).toBe(names(await text(first.data, "xl/workbook.xml")));
    const sheets = (await readWorkbook(second.data)).sheets.map((s) => s.name);
    expect(new Set(sheets).size).toBe(sheets.length);
    // The user's parts are still those of the original file.
    const orig = await parts(input);
    const now = await parts(second.data);
    expect(sameButUnselected(orig.get("xl/worksheets/sheet1.xml")!, now.get("xl/worksheets/sheet1.xml")!)).toBe(true);
  });

  it("never takes over a user's sheet that has a report sheet's name", async () => {
    const user = await writeNewWorkbook({
      sheets: [
        {
          name: "Projects",
          rows: [
            ["ID", "Name", "Workstream", "Finish"],
            ["P1", "A", "W", "2010-03-31"],
          ],
        },
        { name: "Exceptions", rows: [["My own exceptions log"], ["keep me"]] },
        { name: "Board Report", rows: [["My board notes"]] },
      ],
    });
    const { result } = await report(user);
    expect(result.renamed).toEqual([
      { wanted: "Board Report", name: "Board Report (2)" },
      { wanted: "Exceptions", name: "Exceptions (2)" },
    ]);
    const back = await readWorkbook(result.data);
    expect(back.sheets.find((s) => s.name === "Exceptions")!.rows).toEqual([["My own exceptions log"], ["keep me"]]);
    expect((await parts(result.data)).get("xl/worksheets/sheet2.xml")).toEqual(
      (await parts(user)).get("xl/worksheets/sheet2.xml"),
    );
    // And the next run still finds its own sheets by their marker, not by name.
    const again = (await report(result.data)).result;
    expect(again.replaced).toEqual(result.sheets.map((s) => s.name));
    expect(again.sheets.map((s) => s.name)).toEqual(result.sheets.map((s) => s.name));
  });

  it("writes text that looks like a formula as text", async () => {
    const nasty = NASTY_TEXT;
    const user = await writeNewWorkbook({
      sheets: [
        {
          name: "Projects",
          rows: [
            ["ID", "Name", "Workstream", "Lead", "Finish", "Reported RAG"],
            ...nasty.map((n, i) => [`P${i}`, n, n, n, "2009-01-01", "Green"]),
          ],
        },
        {
          name: "Risks",
          rows: [
            ["ID", "Title", "Owner", "Likelihood", "Impact", "Mitigation"],
            ["R1", nasty[0], nasty[3], 5, 5, nasty[1]],
          ],
        },
      ],
    });
    const { result } = await report(user);
    const back = await readWorkbook(result.data);
    const all = await parts(result.data);
    for (const [name, bytes] of all) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
      expect({ name, formulas: /<f[\s>]/.test(Buffer.from(bytes).toString("utf8")) }).toEqual({
        name,
        formulas: false,
      });
    }
    const board = back.sheets.find((s) => s.name === "Board Report")!;
    const flat = board.rows.flatMap((r) => r ?? []);
    expect(flat).toContain(nasty[0]);
    const hr = back.sheets.filter((s) => s.name.startsWith("HR ")).flatMap((s) => s.rows.flatMap((r) => r ?? []));
    for (const n of nasty.slice(0, 4)) expect(hr).toContain(n);
  });

  it("links only to cells in the workbook, never to a web address", async () => {
    const { data, plan } = await planFor();
    const result = await writeReport(data, plan);
    const all = await parts(result.data);
    let links = 0;
    for (const [name, bytes] of all) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
      for (const m of Buffer.from(bytes)
        .toString("utf8")
        .matchAll(/<hyperlink [^>]*>/g)) {
        links++;
        expect(m[0]).toMatch(/ location="[^"]+!\$?[A-Z]+\$?\d+"/);
        expect(m[0]).not.toMatch(/r:id=/);
      }
      if (/_rels/.test(name)) expect(Buffer.from(bytes).toString("utf8")).not.toContain('TargetMode="External"');
    }
    expect(links).toBeGreaterThan(30);
  });

  it("writes dates in the workbook's own date system", async () => {
    const d1904 = await writeNewWorkbook({
      date1904: true,
      sheets: [
        {
          name: "Projects",
          rows: [
            ["ID", "Name", "Workstream", "Finish"],
            ["P1", "A", "W", { v: 40268 - 1462, s: STYLE.date }],
          ],
        },
        { name: "Settings", rows: [["Reporting date", "2010-01-31"]] },
      ],
    });
    const { result, plan } = await report(d1904);
    const back = await readWorkbook(result.data);
    expect(back.date1904).toBe(true);
    const hr = back.sheets.find((s) => s.name === plan.sheets[1].name)!;
    const finishes = hr.rows.flatMap((r) => r ?? []).filter((v): v is number => typeof v === "number" && v > 30000);
    expect(finishes.map((v) => dayFromSerial(v, true))).toContain(dayFromSerial(40268, false));
  });

  it("adds a styles part to a workbook that has none", async () => {
    const zip = await JSZip.loadAsync(
      await writeNewWorkbook({
        sheets: [
          {
            name: "Projects",
            rows: [
              ["ID", "Name", "Workstream", "Finish"],
              ["P1", "A", "W", "2010-01-01"],
            ],
          },
        ],
      }),
    );
    zip.remove("xl/styles.xml");
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace(
      /<Relationship [^>]*styles[^>]*\/>/,
      "",
    );
    zip.file("xl/_rels/workbook.xml.rels", rels);
    const ct = (await zip.file("[Content_Types].xml")!.async("string")).replace(
      /<Override PartName="\/xl\/styles.xml"[^>]*\/>/,
      "",
    );
    zip.file("[Content_Types].xml", ct);
    const bare = await zip.generateAsync({ type: "uint8array" });
    const { result } = await report(bare);
    expect(await text(result.data, "xl/styles.xml")).toContain("<cellXfs");
    expect(await text(result.data, "[Content_Types].xml")).toContain('PartName="/xl/styles.xml"');
  });

  it("is deterministic for a fixed clock", async () => {
    const { data, plan } = await planFor();
    const a = await writeReport(data, plan);
    const b = await writeReport(data, plan);
    const h = (x: Uint8Array) => createHash("sha1").update(x).digest("hex");
    const pa = await parts(a.data);
    const pb = await parts(b.data);
    expect([...pa.keys()]).toEqual([...pb.keys()]);
    for (const [k, v] of pa) expect(h(v)).toBe(h(pb.get(k)!));
  });
});

describe("what survives besides charts and pivots", () => {
  it("keeps formulas, tables, styles and custom document properties", async () => {
    const zip = await JSZip.loadAsync(readFileSync(require("../../support/sample").SAMPLE_PATH));
    // Add a formula cell and custom properties, as a user's Excel file would have.
    const s1 = (await zip.file("xl/worksheets/sheet1.xml")!.async("string")).replace(
      "</sheetData>",
      '<row r="40"><c r="H40"><f>SUM(H2:H16)</f><v>1215000</v></c></row></sheetData>',
    );
    zip.file("xl/worksheets/sheet1.xml", s1);
    zip.file(
      "docProps/custom.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Classification"><vt:lpwstr>OFFICIAL</vt:lpwstr></property></Properties>',
    );
    const rels = (await zip.file("_rels/.rels")!.async("string")).replace(
      "</Relationships>",
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
    );
    zip.file("_rels/.rels", rels);
    const ct = (await zip.file("[Content_Types].xml")!.async("string")).replace(
      "</Types>",
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
    );
    zip.file("[Content_Types].xml", ct);
    const input = await zip.generateAsync({ type: "uint8array" });
    const { result } = await report(input);
    const before = await parts(input);
    const after = await parts(result.data);
    for (const p of [
      "xl/worksheets/sheet1.xml",
      "xl/tables/table1.xml",
      "docProps/custom.xml",
      "_rels/.rels",
      "xl/worksheets/sheet2.xml",
    ])
      expect({ p, same: sameButUnselected(before.get(p)!, after.get(p)!) }).toEqual({ p, same: true });
    expect(Buffer.from(after.get("xl/worksheets/sheet1.xml")!).toString()).toContain("<f>SUM(H2:H16)</f>");
  });
});
