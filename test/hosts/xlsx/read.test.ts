import { cellOf } from "../../../src/core/programme/entities";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readProgramme } from "../../../src/core/workbook/read-programme";
import { parseSheet, readWorkbook, XlsxReadError } from "../../../src/hosts/xlsx/read";
import { STYLE, tableRange, writeNewWorkbook } from "../../../src/hosts/xlsx/new-workbook";
import { formatDay } from "../../../src/core/primitives/dates";

/** Workbooks made by ExcelJS: a producer independent of our own writer. */
async function excelJsWorkbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("reading real .xlsx files", () => {
  it("reads an Excel table and a plain range under title rows, with dates, shared strings and blank rows", async () => {
    const data = await excelJsWorkbook((wb) => {
      const ps = wb.addWorksheet("Portfolio");
      ps.addTable({
        name: "tblProjects",
        ref: "B3",
        headerRow: true,
        columns: [
          { name: "Project Ref" },
          { name: "Project Name" },
          { name: "Programme" },
          { name: "Start Date" },
          { name: "Due" },
          { name: "Budget (£)" },
          { name: "RAG" },
        ],
        rows: [
          [
            "P01",
            "Establish OD Partnerships",
            "Working in Partnership",
            new Date(Date.UTC(2009, 3, 1)),
            new Date(Date.UTC(2010, 2, 31)),
            40000,
            "green",
          ],
          ["P02", "Improve local partnerships", "Working in Partnership", "01/04/2009", "31/03/2010", "£60,000", "A"],
        ],
      });
      ps.getCell("A1").value = "OD Plan portfolio";
      const rs = wb.addWorksheet("Programme Risk Log");
      rs.getCell("A1").value = "Programme Risk Log";
      rs.addRow([]);
      rs.addRow(["Risk No.", "Risk Title", "Owner", "Likelihood (1-5)", "Impact (1-5)", "Mitigating Actions"]);
      rs.addRow(["R1", "Director of OD post not filled", "CEO", 3, 4, "Interim cover"]);
      rs.addRow([]);
      rs.addRow([
        "R2",
        { richText: [{ text: "Knowledge " }, { font: { bold: true }, text: "management" }, { text: " over budget" }] },
        "DoF",
        "4 - Likely",
        4,
        "Re-scope",
      ]);
      rs.addRow(["R3", "Bad cell", "DoF", { error: "#N/A" }, 2, "x"]);
    });
    const snapshot = await readWorkbook(data);
    expect(snapshot.tables).toEqual([
      { name: "tblProjects", sheet: "Portfolio", range: { top: 2, left: 1, bottom: 4, right: 7 } },
    ]);
    const { programme, diagnostics } = readProgramme(snapshot);
    expect(
      programme.projects.map((p) => [
        p.id,
        p.workstream,
        formatDay(p.start!),
        formatDay(p.finish!),
        p.budget,
        p.reportedRag,
        cellOf(p.src, "finish"),
      ]),
    ).toEqual([
      ["P01", "Working in Partnership", "2009-04-01", "2010-03-31", 40000, "Green", "F4"],
      ["P02", "Working in Partnership", "2009-04-01", "2010-03-31", 60000, "Amber", "F5"],
    ]);
    expect(programme.risks.map((r) => [r.id, r.title, r.likelihood, r.impact])).toEqual([
      ["R1", "Director of OD post not filled", 3, 4],
      ["R2", "Knowledge management over budget", 4, 4],
      ["R3", "Bad cell", null, 2],
    ]);
    expect(diagnostics.find((d) => d.entity === "R3")).toMatchObject({
      sheet: "Programme Risk Log",
      cell: "D7",
      code: "bad-value",
    });
    expect(diagnostics.find((d) => d.entity === "R3")!.message).toContain("#N/A");
  });

  it("reads the 1904 date system from the workbook", async () => {
    const data = await excelJsWorkbook((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("Projects");
      ws.addRow(["ID", "Name", "Workstream", "Finish"]);
      ws.addRow(["P1", "A", "W", new Date(Date.UTC(2010, 2, 31))]);
    });
    const snapshot = await readWorkbook(data);
    expect(snapshot.date1904).toBe(true);
    expect(formatDay(readProgramme(snapshot).programme.projects[0].finish!)).toBe("2010-03-31");
  });

  it("reads a workbook written by our own writer, tables and inline strings included", async () => {
    const data = await writeNewWorkbook({
      sheets: [
        {
          name: "Milestones",
          rows: [
            [{ v: "ID", s: STYLE.header }, "Project", "Milestone", "Baseline Date"],
            ["M1", "P1", "  spaced  ", { v: 40268, s: STYLE.date }],
            ["M2", "P1", "=SUM(A1)", 40269],
          ],
          table: { name: "Milestones", range: tableRange(0, 0, 4, 2) },
        },
      ],
      date1904: false,
    });
    const s = await readWorkbook(data);
    expect(s.sheets[0].rows[1]).toEqual(["M1", "P1", "  spaced  ", 40268]);
    expect(s.sheets[0].rows[2][2]).toBe("=SUM(A1)"); // text stays text
    expect(s.tables[0]).toMatchObject({ name: "Milestones", sheet: "Milestones" });
  });

  it("tolerates namespace prefixes and cells without addresses", () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>ID_x000D_</x:t></x:is></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row><x:row r="3"><x:c r="B3" t="b"><x:v>1</x:v></x:c><x:c r="C3" t="e"><x:v>#REF!</x:v></x:c><x:c r="D3" t="str"><x:f>A1</x:f><x:v>a &amp; b</x:v></x:c><x:c r="E3"><x:v>1.5</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const rows = parseSheet(xml, { items: ["Name"], problems: new Map() }, "S", { cells: 0, max: 100 }, []).rows;
    expect(rows[0]).toEqual(["ID\r", "Name"]);
    expect(rows[2]).toEqual([undefined, true, { error: "#REF!" }, "a & b", 1.5]);
  });

  it.each([
    ["a CSV file", new TextEncoder().encode("ID,Name\nP1,A\n"), /not an Excel workbook/],
    [
      "an old .xls or protected file",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]),
      /old-format \.xls .* password-protected/,
    ],
    ["a truncated zip", new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), /damaged/],
    ["an empty file", new Uint8Array(0), /not an Excel workbook/],
  ])("gives a clear reason for %s", async (_name, bytes, why) => {
    await expect(readWorkbook(bytes)).rejects.toThrow(XlsxReadError);
    await expect(readWorkbook(bytes)).rejects.toThrow(why);
  });

  it("refuses a zip that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file("hello.txt", "hi");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    await expect(readWorkbook(bytes)).rejects.toThrow(/no workbook part/);
  });
});
