import { cellOf } from "../../../src/core/programme/entities";
import { DEFAULT_SETTINGS } from "../../../src/core/programme/entities";
import { lagText } from "../../../src/core/programme/entities";
import { readProgramme } from "../../../src/core/workbook/read-programme";
import { formatDay } from "../../../src/core/primitives/dates";
import { PROJECT_HEADERS, projectRow, serial, snap } from "../../support/snapshot";

const codes = (ds: { code: string }[]) => ds.map((d) => d.code);

describe("finding sheets and columns", () => {
  it("finds sheets by any accepted name, case- and space-insensitive", () => {
    const { programme, diagnostics } = readProgramme(
      snap({
        "priority actions": [
          ["Action No", "Priority Action", "Programme", "Target Date"],
          ["PA1", "Establish OD Partnerships", "Working in Partnership", "31/03/2010"],
        ],
        RISK_LOG: [
          ["Risk Ref", "Risk", "Probability", "Consequence"],
          ["R1", "Post not filled", 3, 4],
        ],
        "Milestone Plan": [
          ["Ref", "Project", "Description", "Baseline"],
          ["M1", "PA1", "Partnership signed", "30/09/2009"],
        ],
      }),
    );
    expect(programme.projects.map((p) => [p.id, p.name, p.workstream, formatDay(p.finish!)])).toEqual([
      ["PA1", "Establish OD Partnerships", "Working in Partnership", "2010-03-31"],
    ]);
    expect(programme.risks[0]).toMatchObject({ id: "R1", likelihood: 3, impact: 4 });
    expect(programme.milestones[0]).toMatchObject({ id: "M1", project: "PA1", name: "Partnership signed" });
    expect(codes(diagnostics)).toEqual([]);
  });

  it("finds an Excel table by its name, ignoring a tbl prefix", () => {
    const s = snap(
      { Data: [["notes"], [], ["ID", "Name", "Workstream", "Finish"], ["P1", "A", "W", "2010-01-01"]] },
      { tables: [{ name: "tblProjects", sheet: "Data", range: { top: 2, left: 0, bottom: 3, right: 3 } }] },
    );
    const { programme } = readProgramme(s);
    expect(programme.projects.map((p) => p.id)).toEqual(["P1"]);
    expect(programme.sources.find((x) => x.kind === "projects")).toMatchObject({
      sheet: "Data",
      table: "tblProjects",
      headerCell: "A3",
      rows: 1,
    });
  });

  it("finds the header row below title rows and skips blank rows", () => {
    const { programme } = readProgramme(
      snap({
        Projects: [
          ["Programme plan 2009/10"],
          ["Owner: PMO", null, "Updated weekly"],
          [],
          ["Project ID", "Project Name", "Work Stream", "Due Date", "Budget (£)", "My notes"],
          ["P1", "A", "W", "2010-01-01", "£12,000", "keep me"],
          [null, null, "  ", null],
          ["P2", "B", "W", "2010-02-01", 5000, null],
        ],
      }),
    );
    expect(programme.projects.map((p) => [p.id, p.budget])).toEqual([
      ["P1", 12000],
      ["P2", 5000],
    ]);
    expect(cellOf(programme.projects[0].src, "budget")).toBe("E5");
    expect(programme.projects[0].src.extra).toEqual({ "My notes": "keep me" });
    expect(programme.sources[0].extraColumns).toEqual(["My notes"]);
  });

  it("reports a missing required column once, naming the header row and how to map one", () => {
    const { diagnostics, programme } = readProgramme(
      snap({
        Projects: [
          ["ID", "Name", "Workstream"],
          ["P1", "A", "W"],
        ],
      }),
    );
    const d = diagnostics.find((x) => x.code === "missing-column")!;
    expect(d).toMatchObject({ severity: "error", sheet: "Projects", cell: "A1" });
    expect(d.message).toContain('"Finish"');
    expect(d.message).toContain("Column map | Projects | your header | Finish");
    expect(programme.projects).toHaveLength(1);
    expect(diagnostics.filter((x) => x.code === "missing-value")).toHaveLength(0);
  });

  it("reads a plan with no Workstream column, every project under Unassigned, with one info", () => {
    const { diagnostics, programme } = readProgramme(
      snap({
        Projects: [
          ["ID", "Name", "Finish"],
          ["P1", "A", "2010-01-01"],
        ],
      }),
    );
    expect(programme.projects[0].workstream).toBe("Unassigned");
    expect(diagnostics.map((x) => [x.code, x.severity])).toEqual([
      ["missing-column", "info"],
      ["missing-sheet", "info"],
      ["missing-sheet", "info"],
    ]);
  });

  it("reports a sheet whose header it cannot recognise", () => {
    const { diagnostics, programme } = readProgramme(
      snap({
        Projects: [
          ["foo", "bar"],
          [1, 2],
        ],
      }),
    );
    expect(programme.projects).toHaveLength(0);
    expect(diagnostics.find((d) => d.code === "missing-column")?.message).toContain("no header row");
  });

  it("reads a workbook of any part; absent parts are an info", () => {
    const { diagnostics } = readProgramme(
      snap({
        "Risk Register": [
          ["Risk ID", "Risk Description", "Likelihood (1-5)", "Consequence (1-5)"],
          ["R1", "Staff leave.", 2, 3],
        ],
      }),
    );
    expect(diagnostics.map((d) => [d.code, d.severity, d.message.split(":")[0]])).toEqual([
      ["missing-sheet", "info", "The workbook has no projects"],
      ["missing-sheet", "info", "The workbook has no milestones"],
    ]);
  });

  it("with nothing it can read, says what each sheet looked like and how to map one", () => {
    const { diagnostics } = readProgramme(
      snap({
        Notes: [["hello"]],
        Tasks: [
          ["Task", "Owner", "Due Date"],
          ["Book venue", "Ann", "2010-01-01"],
        ],
      }),
    );
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: "error", code: "missing-sheet" });
    expect(diagnostics[0].message).toContain('"Tasks" (headers like');
    expect(diagnostics[0].message).toContain("Column map | sheet | header | field");
  });
});

describe("reading values", () => {
  it("names the cell of every unreadable value and reads the rest", () => {
    const { programme, diagnostics } = readProgramme(
      snap({
        Projects: [
          PROJECT_HEADERS,
          projectRow({ id: "P1", finish: "next spring", budget: undefined, rag: "Purple" }),
          ["P2", "B", "W", "L", { error: "#REF!" }, serial(2010, 3, 31), null, "lots", null, 250],
        ],
      }),
    );
    const found = diagnostics.map((d) => `${d.code}@${d.cell}`);
    expect(found).toEqual(
      expect.arrayContaining(["bad-date@F2", "bad-value@L2", "bad-date@E3", "bad-number@H3", "out-of-range@J3"]),
    );
    expect(diagnostics.filter((d) => d.cell === "F2")).toHaveLength(1); // not also "missing value"
    expect(programme.projects.map((p) => p.id)).toEqual(["P1", "P2"]);
    expect(formatDay(programme.projects[1].finish!)).toBe("2010-03-31");
  });

  it("reads % Complete as fractions when the column holds Excel percentages", () => {
    const { programme } = readProgramme(
      snap({
        Projects: [
          PROJECT_HEADERS,
          projectRow({ id: "P1", finish: "2010-01-01", pct: 0.4 }),
          projectRow({ id: "P2", finish: "2010-01-01", pct: 1 }),
        ],
      }),
    );
    expect(programme.projects.map((p) => p.percentComplete)).toEqual([40, 100]);
  });

  it("reads dates in the 1904 system", () => {
    const rows = [
      ["ID", "Name", "Workstream", "Finish"],
      ["P1", "A", "W", serial(2010, 3, 31) - 1462],
    ];
    expect(formatDay(readProgramme(snap({ Projects: rows }, { date1904: true })).programme.projects[0].finish!)).toBe(
      "2010-03-31",
    );
  });

  it("flags duplicate IDs across projects and milestones, naming the first", () => {
    const { diagnostics, programme } = readProgramme(
      snap({
        Projects: [
          PROJECT_HEADERS,
          projectRow({ id: "P1", finish: "2010-01-01" }),
          projectRow({ id: "p1 ", finish: "2010-01-01" }),
        ],
        Milestones: [
          ["ID", "Project", "Milestone", "Baseline Date"],
          ["P1", "P1", "clash", "2009-06-01"],
        ],
      }),
    );
    const dups = diagnostics.filter((d) => d.code === "duplicate-id");
    expect(dups.map((d) => `${d.sheet}!${d.cell}`)).toEqual(["Projects!A3", "Milestones!A2"]);
    expect(dups[0].message).toContain("Projects!A2");
    expect(programme.projects).toHaveLength(1);
    expect(programme.milestones).toHaveLength(0);
  });

  it("reads links from Depends On columns and the Dependencies sheet, reporting unknown IDs", () => {
    const { programme, diagnostics } = readProgramme(
      snap({
        Projects: [
          PROJECT_HEADERS,
          projectRow({ id: "P1", finish: "2010-01-01" }),
          projectRow({ id: "P2", finish: "2010-02-01", deps: "P1FS+10d; X9" }),
        ],
        Milestones: [
          ["ID", "Project", "Milestone", "Baseline Date", "Predecessors"],
          ["M1", "P2", "m", "2010-01-15", "P1SS"],
        ],
        Dependencies: [
          ["Predecessor", "Successor", "Link Type", "Lag (days)"],
          ["P1", "P2", "FS", 10],
          ["M1", "P2", "Finish-to-Finish", -2],
          ["P1", "Q7", null, null],
          ["M1", "P1", "XX", null],
        ],
      }),
    );
    expect(programme.links.map((l) => `${l.from}>${l.to} ${l.type}${lagText(l.lag)}`)).toEqual([
      "P1>P2 FS+10d",
      "P1>M1 SS",
      "M1>P2 FF-2d",
      "M1>P1 FS",
    ]);
    const unknown = diagnostics.filter((d) => d.code === "unknown-reference").map((d) => `${d.sheet}!${d.cell}`);
    expect(unknown).toEqual(["Projects!M3", "Dependencies!B4"]);
    expect(diagnostics.find((d) => d.code === "bad-value")).toMatchObject({ sheet: "Dependencies", cell: "C5" });
  });

  it("reads an ID that ends like a link type whole when it is an ID, and IDs in any case", () => {
    const { programme, diagnostics } = readProgramme(
      snap({
        Projects: [
          PROJECT_HEADERS,
          projectRow({ id: "A", finish: "2010-01-01" }),
          projectRow({ id: "AFS", finish: "2010-01-08" }),
          projectRow({ id: "B", finish: "2010-02-01", deps: "AFS, AFS+2, a ss, afs" }),
        ],
      }),
    );
    // "AFS" and "afs" are the project AFS (once: the same link twice counts once); "AFS+2" is A, FS, two days; "a ss" is A, SS.
    expect(programme.links.map((l) => `${l.from}>${l.to} ${l.type}${lagText(l.lag)}`)).toEqual([
      "AFS>B FS",
      "A>B FS+2d",
      "A>B SS",
    ]);
    expect(diagnostics.filter((d) => d.code === "unknown-reference")).toEqual([]);
  });

  it("reads settings by key, reporting bad values and unknown keys", () => {
    const { programme, diagnostics } = readProgramme(
      snap({
        Settings: [
          ["Setting", "Value"],
          ["Programme name", "OD Plan"],
          ["As of", "31/01/2010"],
          ["Red slip days", 45],
          ["Amber cost variance %", 0.05],
          ["Risk escalation score", 40],
          ["Colour scheme", "blue"],
          ["RAG roll-up rule", "Majority"],
        ],
      }),
    );
    const s = programme.settings;
    expect([
      s.programmeName,
      formatDay(s.reportingDate!),
      s.redSlipDays,
      s.amberCostPercent,
      s.riskEscalationScore,
      s.rollUp,
    ]).toEqual(["OD Plan", "2010-01-31", 45, 5, 15, "majority"]);
    expect(diagnostics.map((d) => `${d.code}@${d.cell}`)).toEqual(
      expect.arrayContaining(["out-of-range@B6", "unknown-setting@A7"]),
    );
  });
});

describe("a Settings sheet with a Value column (Setting | Value | Notes, as the template writes)", () => {
  it("reads values from that column alone: a blank value keeps the default, the note beside it is not a value", () => {
    const { programme, diagnostics } = readProgramme(
      snap({
        Settings: [
          ["Setting", "Value", "Notes"],
          ["Red slip days", "", "Days late before a project is Red."],
          ["Amber slip days", 5, "Days late before Amber."],
        ],
      }),
    );
    expect(diagnostics.filter((d) => d.sheet === "Settings")).toEqual([]);
    expect(programme.settings.amberSlipDays).toBe(5);
    expect(programme.settings.redSlipDays).toBe(DEFAULT_SETTINGS.redSlipDays);
  });
});

describe("spelling slips in headers", () => {
  it("reads a header one slip from a known one, and says so", () => {
    const { programme, diagnostics } = readProgramme(
      snap({
        Risks: [
          ["Risk Ref", "Tilte", "Likelyhood", "Impcat", "Mitgation", "Notes"],
          ["R1", "x", 3, 4, "plan", "n"],
        ],
      }),
    );
    expect(programme.risks[0]).toMatchObject({ title: "x", likelihood: 3, impact: 4, mitigation: "plan" });
    expect(diagnostics.filter((d) => d.code === "guessed-column").map((d) => d.cell)).toEqual(["B1", "C1", "D1", "E1"]);
    expect(programme.risks[0].src.extra).toEqual({ Notes: "n" });
  });
  it("does not guess between two close candidates or for short headers", () => {
    const { diagnostics } = readProgramme(
      snap({
        Projects: [
          ["ID", "Name", "Workstream", "Finish", "Strt", "Budgit"],
          ["P1", "a", "w", "2010-01-01", 1, 2],
        ],
      }),
    );
    expect(diagnostics.filter((d) => d.code === "guessed-column").map((d) => d.message)).toEqual([
      expect.stringContaining('"Budgit" is read as Budget'),
    ]);
  });
});

describe("rows added under a Settings table", () => {
  it("are read: the pane appends settings and Column map rows below the template's table", () => {
    const snapshot = snap({
      Settings: [
        ["Setting", "Value", "Notes"],
        ["Red slip days", 40, ""],
        ["Column map", "Projects", "Accountable", "Lead"],
      ],
      Projects: [
        ["ID", "Name", "Workstream", "Finish", "Accountable"],
        ["P1", "One", "W", "2010-03-31", "Jo Bloggs"],
      ],
    });
    snapshot.tables.push({ name: "Settings", sheet: "Settings", range: { top: 0, left: 0, bottom: 1, right: 2 } });
    const { programme } = readProgramme(snapshot);
    expect(programme.settings.redSlipDays).toBe(40);
    expect(programme.settings.columnMap.map((m) => m.header)).toEqual(["Accountable"]);
    expect(programme.projects[0].lead).toBe("Jo Bloggs");
  });
});
