import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { parseCsv } from "../../../src/core/workbook/csv";
import { dayFromYmd, formatDay } from "../../../src/core/primitives/dates";
import { isDone } from "../../../src/core/status/done";
import { buildReportPlan } from "../../../src/core/report/build";
import type { WorkbookSnapshot } from "../../../src/core/primitives/snapshot";

// Export Wizard CSV as Project writes it (/work/shared/reference/msproject-export-facts.md):
// Percent_Complete a fraction (1 = 100 %), small ones in exponent notation; Actual_Start and
// Actual_Finish in the short form "2/17/25 8:00" on a 12-hour clock without AM/PM; NA for no date.
const WIZARD = [
  "ID,Unique_ID,Task_Name,Duration,Outline_Level,Summary,Start_Date,Finish_Date,Predecessors,Percent_Complete,Actual_Start,Actual_Finish",
  '1,1,Deployment,20d,1,Yes,"February 17, 2025 8:00","March 14, 2025 5:00",,0.5,2/17/25 8:00,NA',
  '2,2,Plan the cut-over,5d,2,No,"February 17, 2025 8:00","February 21, 2025 5:00",,1,2/17/25 8:00,2/21/25 5:00',
  '3,3,Build the interfaces,10d,2,No,"February 24, 2025 8:00","March 7, 2025 5:00",2,0.25,2/24/25 1:00,NA',
  '4,4,Train the users,5d,2,No,"March 10, 2025 8:00","March 14, 2025 5:00",3,2.9999999999999999E-2,NA,NA',
  '5,5,Go live,0d,2,No,"March 14, 2025 5:00","March 14, 2025 5:00",4,0,NA,NA',
].join("\r\n");

// Project's "Excel template" export: Task_Table without % Complete or Actual columns.
const TEMPLATE = [
  "ID,Active,Task Mode,Name,Duration,Start,Finish,Predecessors,Outline Level,Notes",
  'Yes,Auto Scheduled,Deployment,20 days,"February 17, 2025 8:00","March 14, 2025 5:00",,1,',
  'Yes,Auto Scheduled,Plan the cut-over,5 days,"February 17, 2025 8:00","February 21, 2025 5:00",,2,',
  'Yes,Auto Scheduled,Build the interfaces,10 days,"February 24, 2025 8:00","March 7, 2025 5:00",2,2,',
  'Yes,Auto Scheduled,Go live,0 days,"March 7, 2025 5:00","March 7, 2025 5:00",3,2,',
]
  .map((l, i) => (i === 0 ? l : `${i},${l}`))
  .join("\r\n");

const book = (csv: string, name: string): WorkbookSnapshot => ({
  sheets: [parseCsv(csv, name)],
  tables: [],
  date1904: false,
});

describe("progress as Project writes it", () => {
  const a = analyseWorkbook(book(WIZARD, "Task_Table1"), { asOf: dayFromYmd(2025, 3, 3) });
  const project = (id: string) => a.programme.projects.find((p) => p.id === id)!;

  it("reads Percent_Complete as a fraction, exponent notation included, and refuses none", () => {
    expect(a.diagnostics.filter((d) => d.code === "bad-number" || d.code === "out-of-range")).toEqual([]);
    expect([project("2").percentComplete, project("3").percentComplete, project("4").percentComplete]).toEqual([
      100, 25, 3,
    ]);
  });

  it("a task 100% complete is done (one definition) and rated Blue", () => {
    expect(isDone(project("2"))).toBe(true);
    expect(a.rag.projects.get("2")!.schedule.rule).toBe("done");
    expect(isDone({ status: "", percentComplete: 99.5 })).toBe(false);
  });

  it("reads Actual_Start and Actual_Finish, NA as no date; a task in progress keeps its actual start", () => {
    expect(formatDay(project("2").actualFinish!)).toBe(formatDay(dayFromYmd(2025, 2, 21)));
    expect(project("3").actualStart).toBe(dayFromYmd(2025, 2, 24));
    expect(project("3").start).toBe(dayFromYmd(2025, 2, 24));
    expect(project("4").actualStart).toBeNull();
    expect(project("4").actualFinish).toBeNull();
    expect(a.diagnostics.filter((d) => d.code === "bad-date" && d.severity !== "info")).toEqual([]);
    expect(a.diagnostics.some((d) => d.code === "no-progress")).toBe(false);
  });
});

describe("a plan that carries no progress", () => {
  const a = analyseWorkbook(book(TEMPLATE, "Task_Table"), { asOf: dayFromYmd(2025, 4, 1) });

  it("says so once, as an info note at the sheet", () => {
    const notes = a.diagnostics.filter((d) => d.code === "no-progress");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: "info", sheet: "Task_Table" });
    expect(notes[0].message).toContain("carries no progress");
  });

  it("calls tasks past their finish progress not reported, not overdue", () => {
    expect(a.diagnostics.filter((d) => d.code === "overdue-project" || d.code === "overdue-milestone")).toEqual([]);
    const rules = [...a.rag.projects.values()].map((r) => r.schedule.rule);
    expect(rules.length).toBeGreaterThan(0);
    expect(new Set(rules)).toEqual(new Set(["progress-not-reported"]));
    expect(a.rag.projects.get("2")!.schedule.because).toContain("progress not reported");
    expect(a.rag.projects.get("2")!.schedule.rag).toBe("Amber");
    expect(a.rag.milestones.get("4")!.rating.rule).toBe("progress-not-reported");
  });

  it("the Board Report's data-quality section says so", () => {
    const board = buildReportPlan(a).sheets.find((x) => x.key === "board")!;
    const texts = board.blocks.flatMap((b) => b.cells.flat().map((c) => c.v));
    const at = texts.indexOf("Data quality: what this report cannot show");
    expect(at).toBeGreaterThan(-1);
    expect(texts[at + 1]).toEqual(
      expect.stringContaining(
        'Task_Table carries no % Complete or actual dates: its tasks past their finish are "progress not reported"',
      ),
    );
  });
});

describe("a short date that reads either way, as the Export Wizard writes it", () => {
  // Export Wizard CSV: long US Start/Finish beside short Actual_Start dates that are all ambiguous
  // (4 January 2016 is "1/4/16"), as MPXJ's assignment-assignments files written again as CSV give.
  const csv = (start: string, finish: string) =>
    [
      "ID,Unique_ID,Task_Name,Duration,Start_Date,Finish_Date,Percent_Complete,Actual_Start,Actual_Finish",
      `1,1,Build,10d,${start},${finish},0.25,1/4/16 8:00,NA`,
    ].join("\r\n");
  const read = (start: string, finish: string) =>
    analyseWorkbook(book(csv(start, finish), "Task_Table1"), { asOf: dayFromYmd(2016, 1, 6) });

  it("is read month first when the sheet writes US long dates, and says so once at its header", () => {
    const a = read('"January 4, 2016 8:00"', '"January 15, 2016 5:00"');
    expect(formatDay(a.programme.projects[0].actualStart!)).toBe("2016-01-04");
    const said = a.diagnostics.filter((d) => d.code === "bad-date");
    expect(said.map((d) => [d.severity, d.cell])).toEqual([["info", "H1"]]);
    expect(said[0].message).toMatch(/dates read either way \(such as 1\/4\/16\), so it is read month first/);
  });

  it("stays day first (the Settings' default) when the sheet's other dates are day first", () => {
    const a = read("01/04/2016 08:00", "15/04/2016 17:00");
    expect(formatDay(a.programme.projects[0].actualStart!)).toBe("2016-04-01");
    expect(a.diagnostics.filter((d) => d.code === "bad-date")).toEqual([]);
  });
});

describe("a date column that can be read neither way throughout", () => {
  it("is not switched to the sheet's order: its own dates decide, row by row, as the Settings say", () => {
    const csv = [
      "ID,Unique_ID,Task_Name,Duration,Start_Date,Finish_Date,Actual_Start",
      '1,1,A,1d,"January 4, 2016 8:00","January 4, 2016 5:00",13/1/16 8:00',
      '2,2,B,1d,"January 4, 2016 8:00","January 4, 2016 5:00",1/13/16 8:00',
    ].join("\r\n");
    const a = analyseWorkbook(book(csv, "Task_Table1"), { asOf: dayFromYmd(2016, 1, 6) });
    expect(a.diagnostics.filter((d) => /read either way/.test(d.message))).toEqual([]);
  });
});
