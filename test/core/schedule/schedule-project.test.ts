import { analyseWorkbook, type Analysis } from "../../../src/core/analysis/analyse";
import { parseCsv } from "../../../src/core/workbook/csv";
import { dayFromYmd, formatDay } from "../../../src/core/primitives/dates";

/**
 * Plans shaped as Microsoft Project writes them (Export Wizard fields, Project's own Start and Finish
 * entered), whose answers follow Project's rules where they depart from a textbook network:
 *  - a link into a summary task binds each task under it with the link's own type, and a link out of
 *    it leaves from every task under it (FS, FF) or from the earliest of them (SS, SF): "Link tasks in
 *    a project" (Microsoft Support); MPXJ's MicrosoftScheduler reproduces Project the same way
 *    (https://github.com/joniles/mpxj, src/main/java/org/mpxj/cpm/MicrosoftScheduler.java, read, not copied);
 *  - As Late As Possible: "Task occurs as late as possible in the schedule without delaying
 *    subsequent tasks" (PjConstraint enumeration, Microsoft Learn): Project shows it on its late
 *    dates, and its total slack stays LF − EF of its early dates;
 *  - a finish Project writes at 8:00 (a start-to-finish link or an elapsed duration ends there: MPXJ's
 *    junit/data/mspdirelations.xml, task 5, Finish 2006-09-25T08:00) is that day, not the day before.
 * Mon 2 Mar 2026 is a Monday; Project's Standard calendar (Mon–Fri, 8 hours a day).
 */
const HEAD =
  "ID,Task_Name,Duration,Outline_Level,Summary,Milestone,Predecessors,Start_Date,Finish_Date,Constraint_Type";

function plan(...rows: string[]): Analysis {
  const sheet = parseCsv([HEAD, ...rows].join("\r\n"), "Task_Table1");
  return analyseWorkbook({ sheets: [sheet], tables: [], date1904: false }, { asOf: dayFromYmd(2026, 2, 27) });
}
const day = (d: number) => formatDay(dayFromYmd(2026, 3, d));
const dates = (a: Analysis, id: string) => {
  const n = a.schedule.nodes.get(id)!;
  return [formatDay(n.earlyStart), formatDay(n.earlyFinish), n.totalFloat, n.critical];
};
const findings = (a: Analysis) =>
  a.diagnostics.filter((d) => ["slippage-impact", "date-conflict", "constraint-missed"].includes(d.code));

describe("links into and out of summary tasks, as Project schedules them", () => {
  it("an FF link into a summary bounds each subtask's finish, not the summary's start", () => {
    const a = plan(
      '1,Prep,3d,1,No,No,,"March 2, 2026","March 4, 2026",As Soon As Possible',
      '2,Build,2d,1,Yes,No,1FF,"March 3, 2026","March 4, 2026",As Soon As Possible',
      '3,Part A,1d,2,No,No,,"March 4, 2026","March 4, 2026",As Soon As Possible',
      '4,Part B,2d,2,No,No,,"March 3, 2026","March 4, 2026",As Soon As Possible',
    );
    // Each part finishes with Prep (Wed 4): A starts Wed, B Tue. Binding the summary's start at
    // Prep's finish would have moved both to Thursday.
    expect(dates(a, "3")).toEqual([day(4), day(4), 0, true]);
    expect(dates(a, "4")).toEqual([day(3), day(4), 0, true]);
    expect(findings(a)).toEqual([]);
    expect(a.schedule.linkCount).toBe(1);
    expect(a.schedule.nodes.get("3")!.drivers.map((l) => `${l.from}${l.type}`)).toEqual(["1FF"]);
  });

  it("an SS link out of a summary leaves from its earliest subtask, and binds only that one backwards", () => {
    const a = plan(
      '1,Build,3d,1,Yes,No,,"March 2, 2026","March 4, 2026",As Soon As Possible',
      '2,Part A,1d,2,No,No,,"March 2, 2026","March 2, 2026",As Soon As Possible',
      '3,Part B,2d,2,No,No,2,"March 3, 2026","March 4, 2026",As Soon As Possible',
      '4,Test,3d,1,No,No,1SS+1d,"March 3, 2026","March 5, 2026",As Soon As Possible',
    );
    expect(dates(a, "4")).toEqual([day(3), day(5), 0, true]);
    // Test's late start (Tue 3) less the lag binds Part A's start (Mon 2): A is critical. Part B
    // keeps the day to the programme end (Thu 5): the link does not hold the summary's finish.
    expect(dates(a, "2")).toEqual([day(2), day(2), 0, true]);
    expect(dates(a, "3")).toEqual([day(3), day(4), 1, false]);
    expect(findings(a)).toEqual([]);
  });

  it("an SF link into a summary bounds each subtask's finish by the predecessor's start", () => {
    const a = plan(
      '1,Handover,1d,1,No,No,,"March 4, 2026","March 4, 2026",As Soon As Possible',
      '2,Old service,2d,1,Yes,No,1SF,"March 2, 2026","March 3, 2026",As Soon As Possible',
      '3,Run down,2d,2,No,No,,"March 2, 2026","March 3, 2026",As Soon As Possible',
    );
    // SF: the finish may not be before Handover starts (Wed 4 at 8:00, the end of Tue 3).
    expect(dates(a, "3").slice(0, 2)).toEqual([day(2), day(3)]);
    expect(findings(a)).toEqual([]);
  });
});

describe("As Late As Possible, as Project shows it", () => {
  const a = plan(
    '1,Survey,3d,1,No,No,,"March 2, 2026","March 4, 2026",As Soon As Possible',
    '2,Order signs,1d,1,No,No,,"March 4, 2026","March 4, 2026",As Late As Possible',
    '3,Open site,1d,1,No,No,"1,2","March 5, 2026","March 5, 2026",As Soon As Possible',
  );
  it("is scheduled on its late dates, with the slack of its early ones", () => {
    // Early: Mon 2 (no predecessors: the plan's start); late: Wed 4, just before Open site.
    expect(dates(a, "2")).toEqual([day(4), day(4), 2, false]);
    const n = a.schedule.nodes.get("2")!;
    expect([formatDay(n.lateStart!), formatDay(n.lateFinish!)]).toEqual([day(4), day(4)]);
    expect(dates(a, "3")).toEqual([day(5), day(5), 0, true]);
    expect(findings(a)).toEqual([]);
  });
});

describe("a finish Project writes at the first working minute of a day", () => {
  it("a start-to-finish successor ending at 8:00 Monday finishes on Monday, at 8:00", () => {
    const a = plan(
      '1,Cut over,1d,1,No,No,,"March 9, 2026 8:00","March 9, 2026 5:00",As Soon As Possible',
      '2,Freeze,1d,1,No,No,1SF,"March 6, 2026 8:00","March 9, 2026 8:00",As Soon As Possible',
      '3,Ready,0d,1,No,Yes,,"March 9, 2026 8:00","March 9, 2026 8:00",Must Start On',
    );
    const n = a.schedule.nodes.get("2")!;
    expect([formatDay(n.earlyStart), n.times!.earlyStart, formatDay(n.earlyFinish), n.times!.earlyFinish]).toEqual([
      day(6),
      480,
      day(9),
      480,
    ]);
    const m = a.schedule.nodes.get("3")!;
    expect([formatDay(m.earlyFinish), m.times!.earlyStart, m.times!.earlyFinish]).toEqual([day(9), 480, 480]);
    expect(findings(a)).toEqual([]);
  });
});

describe("a task in progress, as Project schedules it", () => {
  it("keeps its actual start: a predecessor still running does not push it", () => {
    const head =
      "ID,Task_Name,Duration,Outline_Level,Predecessors,Start_Date,Finish_Date,Percent_Complete,Actual_Start,Actual_Finish";
    const rows = [
      head,
      '1,Design,5d,1,,"March 2, 2026","March 6, 2026",0.6,"March 2, 2026",NA',
      '2,Build,3d,1,1,"March 5, 2026","March 9, 2026",0.2,"March 5, 2026",NA',
      '3,Test,2d,1,2,"March 10, 2026","March 11, 2026",0,NA,NA',
    ];
    const a = analyseWorkbook(
      { sheets: [parseCsv(rows.join("\r\n"), "Task_Table1")], tables: [], date1904: false },
      { asOf: dayFromYmd(2026, 3, 6) },
    );
    // Build started out of sequence on Thu 5, before Design finishes (Fri 6): Project keeps it there.
    expect(dates(a, "2").slice(0, 2)).toEqual([day(5), day(9)]);
    expect(dates(a, "3").slice(0, 2)).toEqual([day(10), day(11)]);
    expect(findings(a)).toEqual([]);
  });
});

describe("a manually scheduled task (Task Mode, Project 2010 on)", () => {
  it("stays on its entered dates: its late predecessor does not push it", () => {
    const head = "ID,Task_Name,Duration,Task_Mode,Predecessors,Start_Date,Finish_Date";
    const rows = [
      head,
      '1,Design,5d,Auto Scheduled,,"March 2, 2026","March 6, 2026"',
      '2,Workshop,1d,Manually Scheduled,1,"March 4, 2026","March 4, 2026"',
      '3,Write-up,1d,Auto Scheduled,2,"March 5, 2026","March 5, 2026"',
    ];
    const a = analyseWorkbook(
      { sheets: [parseCsv(rows.join("\r\n"), "Task_Table1")], tables: [], date1904: false },
      { asOf: dayFromYmd(2026, 2, 27) },
    );
    expect(a.programme.projects.find((p) => p.id === "2")!.manual).toBe(true);
    expect(dates(a, "2").slice(0, 2)).toEqual([day(4), day(4)]);
    expect(dates(a, "3").slice(0, 2)).toEqual([day(5), day(5)]);
    expect(findings(a)).toEqual([]);
  });
});
