import { checkOpenWorkbook, writeReportToWorkbook } from "../../../src/hosts/office/run";
import { explain, HostError } from "../../../src/hosts/office/errors";
import { headerSections, styleRectangles } from "../../../src/hosts/office/write";
import { serialFromDay } from "../../../src/core/primitives/dates";
import { parseMarker, textHash } from "../../../src/core/report/plan";
import { cellOf, cellsOf, cloneState, FakeExcel, LIMIT, newSheet } from "../../support/fake-excel";
import { bigSnapshot, fastDeps as deps, reportSheets, sampleFake, tempSheets } from "../../support/office";
import { NASTY_TEXT } from "../../support/report-cases";
import { readWorkbook } from "../../../src/hosts/xlsx/read";
import { writeNewWorkbook } from "../../../src/hosts/xlsx/new-workbook";

import { before, expectWhole, inputState, states, STRESS } from "./expect-whole";

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
      expect(st.names).toHaveLength(1);
      expect(st.names[0]).toMatchObject({ name: "PMOHighlights.Report", visible: false });
      // The file host's marker: key, name fingerprint, content fingerprint.
      expect(parseMarker(st.names[0].formula)).toEqual({
        key: sheet.key,
        nameHash: textHash(sheet.name),
        contentHash: expect.stringMatching(/^[0-9a-f]{8}$/),
      });
      for (const b of sheet.blocks)
        b.cells.forEach((row, r) =>
          row.forEach((c, k) => {
            const planned =
              c.v === null || c.v === "" ? undefined : typeof c.v === "object" ? serialFromDay(c.v.day, false) : c.v;
            // A link's textToDisplay is stored as text (the fake's model of issue 26, item 11): a linked number reads back as its text.
            const want = c.link && typeof planned === "number" ? String(planned) : planned;
            const got = cellOf(st, b.row + r, b.col + k);
            expect({
              at: `${sheet.name}!${b.row + r},${b.col + k}`,
              v: got?.v === "" ? undefined : got?.v,
              formula: got?.formula,
            }).toEqual({ at: `${sheet.name}!${b.row + r},${b.col + k}`, v: want, formula: undefined });
          }),
        );
    }
  });

  it("uses a constant number of syncs for a normal workbook", async () => {
    const fake = await sampleFake();
    await writeReportToWorkbook(deps(fake));
    // read 3 (+ Excel.run's own); layout 3, with the workbook's hold checked twice (+1); the hold and the sheets 1,
    // the hold confirmed 1, content 1–2, tables 1, charts 1, markers and places 1, view and print settings 1,
    // table names 2, hold released and board activated 1 (+ Excel.run's own)
    expect(fake.syncs).toBeLessThanOrEqual(20);
    expect(fake.maxRequestBytes()).toBeLessThan(LIMIT);
  });

  it("adds native charts with explicit series, colours, positions and a hidden Gantt start series", async () => {
    const fake = await sampleFake();
    const out = await writeReportToWorkbook(deps(fake));
    const charts = fake.sheet("Board Report").charts;
    expect(charts.map((c) => [c.type, c.seriesBy, c.title])).toEqual(
      out.plan.sheets[0].charts.map((c) => [
        {
          columnStacked: "ColumnStacked",
          doughnut: "Doughnut",
          radar: "RadarMarkers",
          gantt: "BarStacked",
          line: "LineMarkers",
        }[c.type],
        "Columns",
        c.title,
      ]),
    );
    const stacked = charts[0];
    expect(stacked.series.map((s) => [s.name, s.fill])).toEqual([
      ["Red", "#C00000"],
      ["Amber", "#FFC000"],
      ["Green", "#00B050"],
      ["Blue", "#0070C0"],
    ]);
    const gantt = charts[3];
    // No fill: the API has only ChartFill.clear(), so the border goes too (see write.ts noFill).
    expect(gantt.series[0]).toMatchObject({ fill: "cleared", lineStyle: "None" });
    expect(gantt.series.slice(1).every((s) => /^#[0-9A-F]{6}$/i.test(s.fill ?? ""))).toBe(true);
    // As the file host's chart: gap 40, overlap 100, dates on the axis, crossing at the maximum category.
    expect(gantt.series[0]).toMatchObject({ gapWidth: 40, overlap: 100 });
    expect(gantt.axes.category).toMatchObject({ reversePlotOrder: true, position: "Maximum" });
    expect(gantt.axes.value).toMatchObject({ numberFormat: "mmm yy" });
    expect(typeof gantt.axes.value.minimum).toBe("number");
    expect(stacked.series[0]).toMatchObject({ gapWidth: 60, overlap: 100 });
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
    expect(ex.conditional.map((c) => c.rule)).toEqual([
      { formula1: '="error"', operator: "EqualTo" },
      { formula1: '="warning"', operator: "EqualTo" },
    ]);
    expect(ex.freezeRows).toBe(4);
    expect(ex.pageLayout).toMatchObject({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$4:$4",
    });
  });

  it("replaces only its own sheets when run again: no duplicate sheets, charts or tables", async () => {
    const fake = await sampleFake();
    const first = await writeReportToWorkbook(deps(fake));
    const count = fake.state.sheets.length;
    const second = await writeReportToWorkbook(deps(fake));
    expect(second.written.replaced).toEqual(first.written.sheets.map((s) => s.name));
    expect(fake.state.sheets).toHaveLength(count);
    expect(fake.state.tables.map((t) => t.name).filter((n) => n.startsWith("PMO"))).toEqual([
      "PMOExceptions",
      "PMORagHistory",
      "PMOPlanSnapshots",
    ]);
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
    expect(parseMarker(fake.sheet("Exceptions (2)").names[0].formula)?.key).toBe("exceptions");
  });

  it("writes formula-looking text as text", async () => {
    const data = await writeNewWorkbook({
      sheets: [
        {
          name: "Projects",
          rows: [
            ["ID", "Name", "Workstream", "Lead", "Finish", "Reported RAG"],
            ...NASTY_TEXT.map((n, i) => [`P${i}`, n, n, n, "2009-01-01", "Green"]),
          ],
        },
      ],
    });
    const fake = FakeExcel.fromSnapshot(await readWorkbook(data));
    await writeReportToWorkbook(deps(fake));
    const cells = reportSheets(fake).flatMap((s) => Object.values(cellsOf(s)));
    expect(cells.filter((c) => c.formula)).toEqual([]);
    const texts = cells.map((c) => c.v);
    for (const n of NASTY_TEXT.slice(0, 4)) expect(texts).toContain(n);
    expect(cells.filter((c) => typeof c.v === "string" && /^[=+\-@]/.test(c.v)).every((c) => c.fmt === "@")).toBe(true);
  });

  it("keeps every request under the 5 MB limit for a report several times that size, suspending screen updating once", async () => {
    const fake = FakeExcel.fromSnapshot(bigSnapshot(6_000)); // ~6k findings on the Exceptions sheet
    const out = await writeReportToWorkbook(deps(fake));
    expect(out.analysis.diagnostics.length).toBeGreaterThan(3_000);
    const written = fake.requests.filter((r) => r.ops.includes("range.values"));
    expect(written.reduce((n, r) => n + r.bytes, 0)).toBeGreaterThan(LIMIT); // so it had to be split
    expect(fake.requests.filter((r) => r.bytes > LIMIT)).toEqual([]);
    expect(reportSheets(fake).map((s) => s.name)).toContain("Exceptions");
    // Once per job: "Repeated calls will cause the Excel window to flicker" (reference, ExcelApi 1.9).
    expect(fake.requests.flatMap((r) => r.ops).filter((o) => o === "suspendScreenUpdating")).toHaveLength(1);
    // Every link's proxy released (untrack).
    expect(fake.untracked).toBeGreaterThanOrEqual(fake.sheet("Exceptions").hyperlinks.size);
  });

  it("runs with delayForCellEdit, so typing in a cell delays rather than fails it", async () => {
    const fake = await sampleFake();
    await writeReportToWorkbook(deps(fake));
    expect(fake.runs.every((r) => r.delayForCellEdit)).toBe(true);
  });

  it.each(["web", "windows", "mac"] as const)(
    "on %s: a first report is one undo step, a regeneration asks for none; each is written once",
    async (platform) => {
      const fake = await sampleFake();
      fake.platform = platform;
      const adds = () => fake.requests.flatMap((r) => r.ops).filter((o) => o === "worksheets.add").length;
      const first = await writeReportToWorkbook({ ...deps(fake, { "1.20": true }), platform });
      expect(first.undoable).toBe(true);
      expect(fake.runs.map((r) => !!r.mergeUndoGroup)).toEqual([false, false, true]); // read, layout, write
      expect(fake.undoCleared).toEqual([]); // nothing non-undoable: the user's undo stack is intact
      expect(adds()).toBe(first.plan.sheets.length);
      const names = first.plan.sheets.map((s) => s.name);
      // Moving sheets is undoable on the web only: elsewhere the report stays at the end, and opens on the board.
      const order = fake.state.sheets.map((s) => s.name);
      if (platform === "web") expect(order.slice(0, names.length)).toEqual(names);
      else expect(order.slice(-names.length)).toEqual(names);
      expect(fake.state.active?.name).toBe("Board Report");
      fake.runs = [];
      const second = await writeReportToWorkbook({ ...deps(fake, { "1.20": true }), platform });
      expect(second.undoable).toBe(false);
      expect(fake.runs.map((r) => !!r.mergeUndoGroup)).toEqual([false, false, false]);
      expect(adds()).toBe(2 * first.plan.sheets.length);
      expect(fake.undoCleared).toContain("worksheet.delete"); // honestly not undoable: Excel cannot undo a sheet deletion
      expect(tempSheets(fake)).toEqual([]);
      expect(fake.state.sheets.map((s) => s.name)).toEqual(order); // in the old report's place
    },
  );

  it("without the undo group, puts a first report first in tab order, as the file host does", async () => {
    const fake = await sampleFake();
    const out = await writeReportToWorkbook(deps(fake));
    expect(out.undoable).toBe(false);
    expect(fake.state.sheets.slice(0, out.plan.sheets.length).map((s) => s.name)).toEqual(
      out.plan.sheets.map((s) => s.name),
    );
  });

  it("keeps a report sheet the user edited or copied, and writes a new one beside it", async () => {
    const fake = await sampleFake();
    await writeReportToWorkbook(deps(fake));
    const ex = fake.sheet("Exceptions");
    ex.cells.get(0)!.set(0, { v: "My notes on the exceptions" }); // edited: the content fingerprint no longer matches
    const board = fake.sheet("Board Report");
    const copy = { ...board, id: 999_999, name: "Board Report (2)", names: board.names.map((n) => ({ ...n })) }; // Move or Copy carries the marker
    fake.state.sheets.push(copy);
    const out = await writeReportToWorkbook(deps(fake));
    const kept = out.written.kept.slice().sort();
    expect(kept).toHaveLength(2);
    expect(kept[0]).toMatch(/^Board Report – \w{3} \d{4}$/); // a report name, so renamed with its period
    expect(kept[1]).toMatch(/^Exceptions – \w{3} \d{4}$/);
    expect(out.written.replaced).not.toContain("Exceptions");
    expect(cellOf(fake.sheet(kept[1]), 0, 0)?.v).toBe("My notes on the exceptions");
    expect(out.written.sheets.find((s) => s.key === "exceptions")?.name).toBe("Exceptions");
    expect(
      fake.state.sheets
        .slice(-2)
        .map((s) => s.name)
        .sort(),
    ).toEqual(kept); // moved after the report
    expect(out.written.sheets.find((s) => s.key === "board")?.name).toBe("Board Report"); // the untouched original was replaced
  });

  it("applies view and print settings after the sheets are visible, and a refusal costs only that setting", async () => {
    const fake = await sampleFake();
    fake.faults = [{ when: (op, d) => op === "pageLayout" && d.p === "printArea", code: "GeneralException" }];
    const out = await writeReportToWorkbook(deps(fake));
    expect(out.written.skipped.length).toBeGreaterThan(0);
    expect(out.written.skipped.every((s) => /print area/.test(s))).toBe(true);
    const board = fake.sheet("Board Report");
    const planned = out.plan.sheets.find((s) => s.key === "board")!;
    expect(board.freezeRows).toBe(planned.freezeRows ?? 0); // the refused print area cost only itself
    expect(board.pageLayout.orientation).toBe(planned.print.landscape ? "Landscape" : "Portrait");
    expect(board.pageLayout.rowBreaks ?? []).toEqual(planned.rowBreaks ?? []);
    expect(fake.sheet("Exceptions").freezeRows).toBe(4); // frozen although written hidden when replacing: after the swap
  });

  it("sets the print area and page breaks the plan carries", async () => {
    const fake = await sampleFake();
    const out = await writeReportToWorkbook(deps(fake));
    for (const s of out.plan.sheets.filter((p) => p.printArea)) {
      const a = s.printArea!;
      expect(fake.sheet(s.name).pageLayout.printArea).toBe(
        `${String.fromCharCode(65 + a.left)}${a.top + 1}:${String.fromCharCode(65 + a.right)}${a.bottom + 1}`,
      );
    }
  });

  it("adds each table on its own sheet whichever sheet is active", async () => {
    const fake = await sampleFake();
    fake.state.active = fake.sheet("Projects");
    await writeReportToWorkbook(deps(fake));
    await writeReportToWorkbook(deps(fake)); // again, into hidden temporary sheets
    expect(fake.state.tables.find((t) => t.name === "PMOExceptions")?.sheet.name).toBe("Exceptions");
    expect(fake.state.tables.filter((t) => t.sheet.name === "Projects").map((t) => t.name)).toEqual(
      fake.state.tables.filter((t) => t.sheet.name === "Projects" && !t.name.startsWith("PMO")).map((t) => t.name),
    );
  });
});

describe("faults while writing", () => {
  // A failure Excel explains (GeneralException: also what another workbook in front causes) and one that
  // clears on retry (Conflict), at every sync; the other codes each take the same paths (see the error tests).
  const codes = ["GeneralException", "Conflict"];

  it.each([
    ["a first report", "fresh"],
    ["a regeneration", "done"],
  ] as const)(
    "%s, with a failure at every sync of the write: no orphan, no half report, the input untouched",
    async (_, which) => {
      const st = await states(STRESS);
      const probe = new FakeExcel(cloneState(st[which]));
      await writeReportToWorkbook(deps(probe), STRESS);
      const perRun = probe.syncs;
      const failures: Record<string, number> = {};
      for (const code of codes)
        for (let k = 1; k <= perRun; k++) {
          const fake = new FakeExcel(cloneState(st[which]));
          const was = before(fake);
          fake.faults = [{ sync: k, code }];
          const error = await writeReportToWorkbook(deps(fake), STRESS).then(
            () => undefined,
            (e: unknown) => e,
          );
          expectWhole(fake, `${code} at sync ${k}`, was, st.planned);
          if (error) {
            failures[code] = (failures[code] ?? 0) + 1;
            expect(error).toBeInstanceOf(HostError);
            expect((error as HostError).message.length).toBeGreaterThan(30);
          }
        }
      // A conflict clears on retry; a GeneralException reaches the user, explained, except after the
      // report is in place (view and print settings, its tables' names, opening the board) and in the read.
      expect(failures.Conflict ?? 0).toBe(0);
      expect(failures.GeneralException).toBeGreaterThan(perRun / 2);
    },
    60_000,
  );

  it("retries a co-authoring conflict with back-off, then succeeds", async () => {
    const fake = await sampleFake();
    fake.faults = [{ when: (op) => op === "worksheets.add", code: "Conflict", once: true }];
    const out = await writeReportToWorkbook(deps(fake));
    expect(out.written.sheets).toHaveLength(out.plan.sheets.length);
    expect(fake.runs.length).toBe(6); // read; layout, failed write, its clean-up; layout, write
  });

  it("explains a conflict that does not clear", async () => {
    const fake = await sampleFake();
    fake.faults = [{ when: (op) => op === "worksheets.add", code: "Conflict" }];
    await expect(writeReportToWorkbook(deps(fake))).rejects.toThrow(/Someone else is editing this workbook/);
    expect(fake.runs.length).toBe(1 + 4 * 3); // read, then four attempts of layout, write and clean-up
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
    await expect(writeReportToWorkbook(deps(fake, { "1.8": false }))).rejects.toThrow(
      /ExcelApi 1.8.*Excel on the web, Excel for Microsoft 365 on Windows or Mac, or Excel 2021 or later/,
    );
    expect(fake.syncs).toBe(0);
  });

  it("explains each Excel error code in words", async () => {
    const fake = await sampleFake();
    fake.faults = [{ sync: 1, code: "InvalidOperationInCellEditMode" }];
    await expect(checkOpenWorkbook(deps(fake))).rejects.toThrow(/finish editing a cell|Press Enter or Esc/);
  });

  it("gives every error a user can meet a plain message and a next step, Excel's own words only as details", () => {
    const cases: [string, RegExp][] = [
      ["InactiveWorkbook", /Another workbook is in front\. Click back into this workbook and try again/],
      ["GeneralException", /click back into this workbook and try again/],
      ["InvalidSelection", /Another workbook is in front/],
      ["ItemAlreadyExists", /Try again; it will choose other names/],
      ["AccessDenied", /protected.*Unprotect/],
      ["InvalidOperationInCellEditMode", /Press Enter or Esc/],
      ["Conflict", /Someone else is editing/],
      ["UnsupportedFeature", /holds a feature Excel's add-in interface cannot work with/],
      ["ApiNotFound", /Excel 2021 or later/],
      ["MergedRangeConflict", /Unmerge/],
    ];
    for (const [code, want] of cases) {
      const h = explain(Object.assign(new Error("Le message localisé d'Excel"), { code }));
      expect({ code, message: h.message }).toEqual({ code, message: expect.stringMatching(want) });
      expect(h.message).not.toContain("localisé");
      expect(h.details).toBe(`${code}: Le message localisé d'Excel`);
    }
  });
});

describe("helpers", () => {
  it("splits print headers into sections", () => {
    expect(headerSections("&LOD Plan&RBoard report 31 Jan 2010")).toEqual({
      left: "OD Plan",
      center: "",
      right: "Board report 31 Jan 2010",
    });
    expect(headerSections("&CPage &P of &N")).toEqual({ left: "", center: "Page &P of &N", right: "" });
  });
  it("groups cells of a style into rectangles", () => {
    const rects = styleRectangles({
      key: "x",
      name: "x",
      widths: [],
      charts: [],
      print: { landscape: true, header: "", footer: "" },
      blocks: [
        {
          row: 0,
          col: 0,
          cells: [
            [
              { v: 1, s: "a" },
              { v: 1, s: "a" },
            ],
            [
              { v: 1, s: "a" },
              { v: 1, s: "a" },
            ],
            [
              { v: 1, s: "b" },
              { v: 1, s: "a" },
            ],
          ],
        },
      ],
    });
    expect(rects.get("a")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 1, bottom: 2, right: 1 },
    ]);
    expect(rects.get("b")).toEqual([{ top: 2, left: 0, bottom: 2, right: 0 }]);
  });
});
