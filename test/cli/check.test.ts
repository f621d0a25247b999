import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readProgramme } from "../../src/core/workbook/read-programme";
import { englandWalesBankHolidays } from "../../src/core/primitives/calendar";
import { ymdFromDay } from "../../src/core/primitives/dates";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { writeNewWorkbook } from "../../src/hosts/xlsx/new-workbook";
import { cli } from "../support/cli";

const SAMPLE = join(__dirname, "../../examples/sample-programme.xlsx");
const dir = mkdtempSync(join(tmpdir(), "pmo-cli-"));

describe("pmo-highlights check", () => {
  it("prints a summary and the findings grouped by sheet, exit 0 when there are no errors", async () => {
    const r = await cli("check", SAMPLE);
    expect(r.code).toBe(0);
    expect(r.out).toContain("As of 31 Jan 2010 (Settings sheet)");
    expect(r.out).toMatch(/Findings: 0 errors, \d+ warnings/);
    expect(r.out).toMatch(/Working in Partnership\s+RED/);
    expect(r.out).toMatch(/^Risk Log \(\d+\)$/m);
    expect(r.out).toMatch(/^ {2}F5 +warning risk-escalation: Risk R02/m);
  });

  it("prints the critical items as chains, an arrow only where a link from one drives the next", async () => {
    const csv = join(dir, "chains.csv");
    writeFileSync(
      csv,
      [
        "ID,Task_Name,Duration,Start_Date,Finish_Date,Predecessors",
        "1,Design,2d,2025-03-03,2025-03-04,",
        "2,Build,3d,2025-03-05,2025-03-07,1",
        "3,Parallel audit,5d,2025-03-03,2025-03-07,",
        "4,Test,3d,2025-03-05,2025-03-07,1",
      ].join("\r\n"),
    );
    const r = await cli("check", csv, "--as-of", "2025-03-01");
    // 2 and 4 both wait for 1 (a fork, the second branch starting again from 1); the audit is linked to neither.
    expect(r.out).toMatch(/^Critical path: 1 → 2; 3; 1 → 4$/m);
    // The sample's critical projects run side by side, unlinked, to the programme's end.
    expect((await cli("check", SAMPLE)).out).toMatch(/^Critical path: P09; P12; M27$/m);
  });

  it("prints JSON with the documented fields, dates as YYYY-MM-DD", async () => {
    const r = await cli("check", SAMPLE, "--json", "--as-of", "2010-02-28");
    const j = JSON.parse(r.out);
    expect(j.asOf).toBe("2010-02-28");
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining([
        "diagnostics",
        "projects",
        "milestones",
        "criticalPath",
        "risks",
        "competencies",
        "workstreams",
      ]),
    );
    expect(j.diagnostics[0]).toEqual({
      severity: expect.any(String),
      code: expect.any(String),
      message: expect.any(String),
      sheet: expect.any(String),
      cell: expect.stringMatching(/^[A-Z]+\d+$|^$/),
      entity: expect.anything(),
    });
    const p = j.projects.find((x: { id: string }) => x.id === "P04");
    expect(p).toMatchObject({
      reportedRag: "Green",
      computedRag: "Red",
      earlyStart: "2009-04-01",
      earlyFinish: "2009-12-31",
      totalFloat: expect.any(Number),
      critical: false,
    });
    expect(p).toMatchObject({
      lateStart: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      lateFinish: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      drivers: expect.any(Array),
      rule: "overdue",
      sheet: "Projects",
      row: 5,
    });
    expect(j.milestones[0]).toEqual(
      expect.objectContaining({
        id: "M01",
        computedRag: "Blue",
        rule: "done",
        earlyStart: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
        critical: false,
        totalFloat: null,
      }),
    );
    expect(j.calendar).toBe("working");
    expect(j.risks.find((x: { id: string }) => x.id === "R05")).toMatchObject({ score: 20, band: "Extreme" });
    expect(j.competencies.find((x: { id: string }) => x.id === "C5")).toMatchObject({
      current: 1,
      target: 3,
      gap: 2,
      rag: "Red",
    });
    expect(j.workstreams.map((w: { name: string }) => w.name)).toContain("Commissioning Competencies");
    expect(Array.isArray(j.criticalPath) && j.criticalPath.length > 0).toBe(true);
    expect(r.err).toBe("");
  });

  it("exits 1 when the workbook has errors", async () => {
    const f = join(dir, "errors.xlsx");
    writeFileSync(
      f,
      await writeNewWorkbook({
        sheets: [
          {
            name: "Projects",
            rows: [
              ["ID", "Name", "Workstream", "Finish"],
              ["P1", "A", "W", "not a date"],
            ],
          },
        ],
      }),
    );
    const r = await cli("check", f);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/D2 +error +bad-date: Finish "not a date" is not a date/);
  });

  it.each([
    [["check", "/no/such/file.xlsx"], /cannot read \/no\/such\/file\.xlsx: no such file/],
    [["check"], /check needs a workbook/],
    [["check", "x.xlsx", "--as-of", "31/01/2010"], /--as-of "31\/01\/2010" is not a date/],
    [["frobnicate"], /unknown command "frobnicate"/],
    [["check", "x.xlsx", "--colour"], /unknown option --colour/],
    [["report", "x.xlsx"], /needs an output file/],
  ])("exits 2 with a one-line reason for %j", async (argv, why) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toMatch(why);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("exits 2 for a file that is not a workbook", async () => {
    const f = join(dir, "not.xlsx");
    writeFileSync(f, "ID,Name\n");
    const r = await cli("check", f);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("not an Excel workbook");
  });
});

describe("pmo-highlights template", () => {
  it("writes a blank workbook whose every input sheet the reader recognises, as tables with drop-downs", async () => {
    const f = join(dir, "blank.xlsx");
    const r = await cli("template", "-o", f);
    expect(r.code).toBe(0);
    const data = readFileSync(f);
    const snapshot = await readWorkbook(data);
    expect(snapshot.sheets.map((s) => s.name)).toEqual([
      "Instructions",
      "Projects",
      "Milestones",
      "Dependencies",
      "Risks",
      "Issues",
      "Assumptions",
      "Dependencies Log",
      "Benefits",
      "Competencies",
      "Governance",
      "Holidays",
      "Workstreams",
      "Commentary",
      "Settings",
    ]);
    expect(snapshot.tables.map((t) => t.name)).toEqual([
      "Projects",
      "Milestones",
      "Dependencies",
      "Risks",
      "Issues",
      "Assumptions",
      "DependenciesLog",
      "Benefits",
      "Competencies",
      "Governance",
      "Holidays",
      "Workstreams",
      "Commentary",
      "Settings",
    ]);
    const { diagnostics, programme } = readProgramme(snapshot);
    expect(diagnostics.filter((d) => d.code === "missing-column" || d.code === "missing-sheet")).toEqual([]);
    // Its Settings rows leave Value blank (the default) with a note beside: the notes are not read as values.
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(programme.sources.map((s) => s.kind).sort()).toEqual([
      "assumptions",
      "benefits",
      "commentary",
      "competencies",
      "dependencies",
      "dependencyLog",
      "governance",
      "holidays",
      "issues",
      "milestones",
      "projects",
      "risks",
      "settings",
      "workstreams",
    ]);
    // England and Wales bank holidays for this year and the next four, as real dates.
    const year = new Date().getFullYear();
    const christmas = englandWalesBankHolidays(year).find((h) => h.name.startsWith("Christmas"))!;
    expect(programme.holidays.map((h) => h.date)).toContain(christmas.date);
    expect(new Set(programme.holidays.map((h) => ymdFromDay(h.date).y))).toEqual(
      new Set([year, year + 1, year + 2, year + 3, year + 4]),
    );
    const zip = await (await import("jszip")).default.loadAsync(data);
    const projects = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(projects).toContain('<formula1>"Red,Amber,Green,Blue"</formula1>');
    const competencies = await zip.file("xl/worksheets/sheet10.xml")!.async("string");
    expect(competencies).toMatch(/type="whole".*<formula1>0<\/formula1><formula2>4<\/formula2>/);
    const deps = await zip.file("xl/worksheets/sheet4.xml")!.async("string");
    expect(deps).toContain('"FS,SS,FF,SF"');
  });
});
