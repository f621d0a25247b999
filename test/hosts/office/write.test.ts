import { checkOpenWorkbook, writeReportToWorkbook } from "../../../src/hosts/office/run";
import { HostError } from "../../../src/hosts/office/errors";
import { headerSections, styleRectangles } from "../../../src/hosts/office/write";
import { serialFromDay } from "../../../src/model/dates";
import { cellOf, cellsOf, FakeExcel, LIMIT, newSheet } from "../../support/fake-excel";
import { bigSnapshot, deps, reportSheets, sampleFake, tempSheets } from "../../support/office";
import { NASTY_TEXT } from "../../support/report-cases";
import { readWorkbook } from "../../../src/hosts/xlsx/read";
import { writeNewWorkbook } from "../../../src/hosts/xlsx/new-workbook";

const inputState = (fake: FakeExcel) => Object.fromEntries(fake.state.sheets.filter((s) => !s.names.some((n) => n.name === "PMOHighlights.Report")).map((s) => [s.name, cellsOf(s)]));

describe("writing the report into the open workbook", () => {
  it("writes every planned cell, marks its sheets, and leaves the input sheets as they were", async () => {
    const fake = await sampleFake();
    const before = inputState(fake);
    const out = await writeReportToWorkbook(deps(fake));
    expect(inputState(fake)).toEqual(before);
    expect(out.written.sheets.map((s) => s.name)).toEqual(out.plan.sheets.map((s) => s.name));
    expect(reportSheets(fake).map((s) => s.name)).toEqual(out.plan.sheets.map((s) => s.name));
    expect(tempSheets(fake)).toEqual([]);
    for (const sheet of out.plan.sheets) {
      const st = fake.sheet(sheet.name);
      expect(st.visibility).toBe("Visible");
      expect(st.names).toEqual([{ name: "PMOHighlights.Report", formula: `="${sheet.key}"`, visible: false }]);
      for (const b of sheet.blocks)
        b.cells.forEach((row, r) =>
          row.forEach((c, k) => {
            const want = c.v === null || c.v === "" ? undefined : typeof c.v === "object" ? serialFromDay(c.v.day, false) : c.v;
            const got = cellOf(st, b.row + r, b.col + k);
            expect({ at: `${sheet.name}!${b.row + r},${b.col + k}`, v: got?.v === "" ? undefined : got?.v, formula: got?.formula }).toEqual({ at: `${sheet.name}!${b.row + r},${b.col + k}`, v: want, formula: undefined });
          }),
        );
    }
  });

  it("uses a constant number of syncs for a normal workbook", async () => {
    const fake = await sampleFake();
    await writeReportToWorkbook(deps(fake));
    // read 3 (+ Excel.run's own), prepare 2, temporary sheets 1, content 1, tables and charts 1, swap 1, table names 2 (+ Excel.run's own)
    expect(fake.syncs).toBeLessThanOrEqual(13);
    expect(fake.maxRequestBytes()).toBeLessThan(LIMIT);
  });

  it("adds native charts with explicit series, colours, positions and a hidden Gantt start series", async () => {
    const fake = await sampleFake();
    const out = await writeReportToWorkbook(deps(fake));
    const charts = fake.sheet("Board Report").charts;
    expect(charts.map((c) => [c.type, c.seriesBy, c.title])).toEqual(out.plan.sheets[0].charts.map((c) => [{ columnStacked: "ColumnStacked", doughnut: "Doughnut", radar: "RadarMarkers", gantt: "BarStacked" }[c.type], "Columns", c.title]));
    const stacked = charts[0];
    expect(stacked.series.map((s) => [s.name, s.fill])).toEqual([["Red", "#C00000"], ["Amber", "#FFC000"], ["Green", "#00B050"], ["Blue", "#0070C0"]]);
    const gantt = charts[3];
    expect(gantt.series[0].fill).toBeNull();
    expect(gantt.axes.category.reversePlotOrder).toBe(true);
    expect(typeof gantt.axes.value.minimum).toBe("number");
    expect(charts[1].series[0].points).toEqual({ 0: "#0070C0", 1: "#00B050", 2: "#FFC000", 3: "#C00000" });
    expect(charts.every((c) => c.position && /^[A-Z]+\d+$/.test(c.position[0]))).toBe(true);
  });

  it("links only to places in the workbook", async () => {
    const fake = await sampleFake();
    await writeReportToWorkbook(deps(fake));
    const links = [...fake.sheet("Exceptions").hyperlinks.values()];
    expect(links.length).toBeGreaterThan(20);
    for (const l of links) {
      expect(l.address).toBeUndefined();
      expect(l.documentReference).toMatch(/^('[^']+'|\w+)!\$?[A-Z]+\$?\d+$/);
    }
  });

  it("formats the Exceptions sheet as a table with conditional formats, frozen header and print titles", async () => {
    const fake = await sampleFake();
    await writeReportToWorkbook(deps(fake));
    const ex = fake.sheet("Exceptions");
    expect(fake.state.tables.find((t) => t.sheet === ex)?.name).toBe("PMOExceptions");
    expect(ex.conditional.map((c) => c.rule)).toEqual([{ formula1: '="error"', operator: "EqualTo" }, { formula1: '="warning"', operator: "EqualTo" }]);
    expect(ex.freezeRows).toBe(4);
    expect(ex.pageLayout).toMatchObject({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: "$4:$4" });
  });

  it("replaces only its own sheets when run again: no duplicate sheets, charts or tables", async () => {
    const fake = await sampleFake();
    const first = await writeReportToWorkbook(deps(fake));
    const count = fake.state.sheets.length;
    const second = await writeReportToWorkbook(deps(fake));
    expect(second.written.replaced).toEqual(first.written.sheets.map((s) => s.name));
    expect(fake.state.sheets).toHaveLength(count);
    expect(fake.state.tables.map((t) => t.name).filter((n) => n.startsWith("PMO"))).toEqual(["PMOExceptions", "PMORagHistory"]);
    expect(fake.sheet("Board Report").charts).toHaveLength(5);
    // The history was read back: a rerun on the same date replaces its rows.
    expect(second.snapshot.reportSheets?.map((r) => r.key)).toContain("history");
  });

  it("never takes over a user's sheet that has a report sheet's name", async () => {
    const fake = await sampleFake();
    const mine = newSheet("Exceptions");
    mine.cells.set(0, new Map([[0, { v: "my own log" }]]));
    fake.state.sheets.push(mine);
    const out = await writeReportToWorkbook(deps(fake));
    expect(out.written.renamed).toEqual([{ wanted: "Exceptions", name: "Exceptions (2)" }]);
    expect(cellsOf(fake.sheet("Exceptions"))).toEqual({ A1: { v: "my own log" } });
    expect(fake.sheet("Exceptions (2)").names[0].formula).toBe('="exceptions"');
  });

  it("writes formula-looking text as text", async () => {
    const data = await writeNewWorkbook({ sheets: [{ name: "Projects", rows: [["ID", "Name", "Workstream", "Lead", "Finish", "Reported RAG"], ...NASTY_TEXT.map((n, i) => [`P${i}`, n, n, n, "2009-01-01", "Green"])] }] });
    const fake = FakeExcel.fromSnapshot(await readWorkbook(data));
    await writeReportToWorkbook(deps(fake));
    const cells = reportSheets(fake).flatMap((s) => Object.values(cellsOf(s)));
    expect(cells.filter((c) => c.formula)).toEqual([]);
    const texts = cells.map((c) => c.v);
    for (const n of NASTY_TEXT.slice(0, 4)) expect(texts).toContain(n);
    expect(cells.filter((c) => typeof c.v === "string" && /^[=+\-@]/.test(c.v)).every((c) => c.fmt === "@")).toBe(true);
  });

  it("keeps every request under the 5 MB limit for a large report", async () => {
    const fake = FakeExcel.fromSnapshot(bigSnapshot(20_000)); // ~20k findings on the Exceptions sheet
    const out = await writeReportToWorkbook(deps(fake));
    expect(out.analysis.diagnostics.length).toBeGreaterThan(10_000);
    expect(fake.maxRequestBytes()).toBeLessThan(LIMIT);
    expect(fake.requests.filter((r) => r.bytes > LIMIT)).toEqual([]);
    expect(reportSheets(fake).map((s) => s.name)).toContain("Exceptions");
  });

  it("runs with delayForCellEdit, so typing in a cell delays rather than fails it", async () => {
    const fake = await sampleFake();
    await writeReportToWorkbook(deps(fake));
    expect(fake.runs.every((r) => r.delayForCellEdit)).toBe(true);
  });

  it("asks for one undo step where Excel supports it, and does without when replacing an earlier report", async () => {
    const fake = await sampleFake();
    await writeReportToWorkbook(deps(fake, { "1.20": true }));
    expect(fake.runs.map((r) => !!r.mergeUndoGroup)).toEqual([false, true]);
    fake.runs = [];
    await writeReportToWorkbook(deps(fake, { "1.20": true }));
    expect(fake.runs.map((r) => !!r.mergeUndoGroup)).toEqual([false, true, false]); // sheet deletion is not undoable
    expect(tempSheets(fake)).toEqual([]);
  });
});

describe("faults while writing", () => {
  const codes = ["AccessDenied", "Conflict", "GeneralException", "ItemAlreadyExists", "InvalidOperationInCellEditMode"];

  it("at every sync, with every kind of error: the input is untouched and one whole report remains", async () => {
    // A clean run first, to count the syncs of a write that replaces an earlier report.
    const probe = await sampleFake();
    await writeReportToWorkbook(deps(probe));
    const syncsFirst = probe.syncs;
    await writeReportToWorkbook(deps(probe));
    const perRun = probe.syncs - syncsFirst;
    const failures: Record<string, number> = {};
    for (const code of codes)
      for (let k = 1; k <= perRun; k++) {
        const fake = await sampleFake();
        const first = await writeReportToWorkbook(deps(fake));
        const before = inputState(fake);
        const oldReport = Object.fromEntries(reportSheets(fake).map((s) => [s.name, cellsOf(s)]));
        fake.faults = [{ sync: fake.syncs + k, code }];
        let error: unknown;
        try {
          await writeReportToWorkbook(deps(fake));
        } catch (e) {
          error = e;
        }
        const where = `${code} at sync ${k}`;
        expect({ where, input: inputState(fake) }).toEqual({ where, input: before });
        expect({ where, temps: tempSheets(fake).map((s) => s.name) }).toEqual({ where, temps: [] });
        const names = reportSheets(fake).map((s) => s.name).sort();
        expect({ where, names }).toEqual({ where, names: first.written.sheets.map((s) => s.name).sort() });
        if (error) {
          failures[code] = (failures[code] ?? 0) + 1;
          expect(error).toBeInstanceOf(HostError);
          expect((error as HostError).message.length).toBeGreaterThan(30);
          // The old report is intact when the failure came before the swap.
          const now = Object.fromEntries(reportSheets(fake).map((s) => [s.name, cellsOf(s)]));
          const unchanged = JSON.stringify(now) === JSON.stringify(oldReport);
          expect({ where, unchangedOrComplete: unchanged || reportSheets(fake).every((s) => s.visibility === "Visible") }).toEqual({ where, unchangedOrComplete: true });
        }
      }
    // A conflict clears on retry; other faults reach the user, explained, except those after the
    // report is in place (naming its tables), which leave a complete report.
    expect(failures.Conflict ?? 0).toBe(0);
    for (const code of codes.filter((c) => c !== "Conflict")) expect({ code, n: failures[code] }).toEqual({ code, n: perRun - 2 });
  }, 120_000);

  it("retries a co-authoring conflict with back-off, then succeeds", async () => {
    const fake = await sampleFake();
    fake.faults = [{ when: (op) => op === "worksheets.add", code: "Conflict", once: true }];
    const out = await writeReportToWorkbook(deps(fake));
    expect(out.written.sheets).toHaveLength(out.plan.sheets.length);
    expect(fake.runs.length).toBe(3); // read, failed write, retried write
  });

  it("explains a conflict that does not clear", async () => {
    const fake = await sampleFake();
    fake.faults = [{ when: (op) => op === "worksheets.add", code: "Conflict" }];
    await expect(writeReportToWorkbook(deps(fake))).rejects.toThrow(/Someone else is editing this workbook/);
    expect(fake.runs.length).toBe(1 + 4);
    expect(tempSheets(fake)).toEqual([]);
  });

  it("explains a protected workbook before changing anything", async () => {
    const fake = await sampleFake();
    fake.state.protectedStructure = true;
    const count = fake.state.sheets.length;
    await expect(writeReportToWorkbook(deps(fake))).rejects.toThrow(/protected/);
    expect(fake.state.sheets).toHaveLength(count);
  });

  it("says which Excel is needed when the requirement set is missing, touching nothing", async () => {
    const fake = await sampleFake();
    await expect(writeReportToWorkbook(deps(fake, { "1.7": false }))).rejects.toThrow(/ExcelApi 1.7.*Excel on the web, Microsoft 365, Excel 2019/);
    expect(fake.syncs).toBe(0);
  });

  it("explains each Excel error code in words", async () => {
    const fake = await sampleFake();
    fake.faults = [{ sync: 1, code: "InvalidOperationInCellEditMode" }];
    await expect(checkOpenWorkbook(deps(fake))).rejects.toThrow(/finish editing a cell|Press Enter or Esc/);
  });
});

describe("helpers", () => {
  it("splits print headers into sections", () => {
    expect(headerSections("&LOD Plan&RBoard report 31 Jan 2010")).toEqual({ left: "OD Plan", center: "", right: "Board report 31 Jan 2010" });
    expect(headerSections("&CPage &P of &N")).toEqual({ left: "", center: "Page &P of &N", right: "" });
  });
  it("groups cells of a style into rectangles", () => {
    const rects = styleRectangles({
      key: "x",
      name: "x",
      widths: [],
      charts: [],
      print: { landscape: true, header: "", footer: "" },
      blocks: [{ row: 0, col: 0, cells: [[{ v: 1, s: "a" }, { v: 1, s: "a" }], [{ v: 1, s: "a" }, { v: 1, s: "a" }], [{ v: 1, s: "b" }, { v: 1, s: "a" }]] }],
    });
    expect(rects.get("a")).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }, { top: 2, left: 1, bottom: 2, right: 1 }]);
    expect(rects.get("b")).toEqual([{ top: 2, left: 0, bottom: 2, right: 0 }]);
  });
});
