import { analyseWorkbook, type Analysis } from "../../../src/core/analysis/analyse";
import { parseCsv } from "../../../src/core/workbook/csv";
import {
  momentAt,
  makeCalendar,
  timeOnOrAfter,
  timeOnOrBefore,
  dayOfTime,
} from "../../../src/core/primitives/calendar";
import type { CellValue } from "../../../src/core/primitives/cell";
import { dayFromYmd, formatDay, timeOfDayText } from "../../../src/core/primitives/dates";
import { parseWorkingHours } from "../../../src/core/workbook/settings";
import { EXPECTED, projectHoursCsv } from "../../../scripts/fixtures/project-hours";
import { PROJECT_HEADERS, projectRow, snap } from "../../support/snapshot";

const AS_OF = dayFromYmd(2026, 2, 2);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

function wizard(): Analysis {
  const sheet = parseCsv(projectHoursCsv(), "Task_Table1");
  return analyseWorkbook({ sheets: [sheet], tables: [], date1904: false }, { asOf: AS_OF });
}

describe("a Project Export Wizard plan in hours, with constraints, a deadline and summary links (scripts/fixtures/project-hours.ts)", () => {
  const a = wizard();
  const n = (id: string) => a.schedule.nodes.get(id)!;
  it("is scheduled to the minute", () => expect(a.schedule.resolution).toBe("minute"));
  it.each(Object.entries(EXPECTED))("task %s has the hand-worked early dates, slack and criticality", (id, want) => {
    const x = n(id);
    expect(`${formatDay(x.earlyStart)} ${hhmm(x.times!.earlyStart)}`).toBe(want.es);
    expect(`${formatDay(x.earlyFinish)} ${hhmm(x.times!.earlyFinish)}`).toBe(want.ef);
    expect(x.totalFloatMinutes).toBe(want.slackMinutes);
    expect(x.totalFloat).toBe({ [-60]: -0.13, 0: 0, 60: 0.13 }[want.slackMinutes]); // 1 h of an 8-hour day, to 2 places
    expect(x.critical).toBe(want.critical);
  });
  it("reads one link per Predecessors reference, a summary's included", () => {
    expect(a.programme.links.length).toBe(5);
    expect(a.schedule.linkCount).toBe(5);
    expect(n("7").drivers.map((l) => l.from)).toEqual(["1"]); // through the summary link Rollout ← Go-live
  });
  it("says which constraint and deadline cannot be met, by how much and what drives it", () => {
    // Projects first, then milestones (T5 is a milestone).
    expect(a.schedule.violations).toEqual([
      {
        id: "8",
        kind: "deadline",
        date: dayFromYmd(2026, 3, 4),
        workingDays: 0.13,
        minutes: 60,
        drivenBy: null,
        root: null,
      },
      { id: "5", kind: "FNLT", date: dayFromYmd(2026, 3, 3), workingDays: 0.13, minutes: 60, drivenBy: "4", root: "2" },
    ]);
    const missed = a.diagnostics.filter((d) => d.code === "constraint-missed" || d.code === "deadline-missed");
    const byCode = (c: string) => missed.filter((d) => d.code === c).map((d) => d.entity);
    expect([byCode("deadline-missed"), byCode("constraint-missed")]).toEqual([["8"], ["5"]]);
    const text = (c: string) => missed.find((d) => d.code === c)!.message;
    expect(text("deadline-missed")).toContain(
      "8 misses its deadline of 4 Mar 2026: it finishes 4 Mar 2026 at the earliest, 0.13 working days (1 h) late",
    );
    expect(text("constraint-missed")).toContain(
      "Finish No Later Than constraint (3 Mar 2026) cannot be met: 4 drives it (the chain starts at 2)",
    );
    expect(text("constraint-missed")).toContain("0.13 working days (1 h)");
  });
  it("gives the summaries the earliest start and latest finish under them", () => {
    const live = a.schedule.summaries.get("1")!;
    expect([formatDay(live.earlyStart!), formatDay(live.earlyFinish!)]).toEqual(["2026-03-02", "2026-03-03"]);
  });
  it("finds no slip where Project's own dates show none", () => {
    expect(a.diagnostics.filter((d) => d.code === "slippage-impact" || d.code === "date-conflict")).toEqual([]);
  });
});

describe("times of day as Project writes them", () => {
  it.each([
    ["March 2, 2026 8:00", 480],
    ["March 2, 2026 5:00", 1020], // the Export Wizard's 12-hour clock without PM
    ["3/2/26 1:00", 780],
    ["3/2/26 1:00 AM", 60],
    ["2026-03-02T05:00:00", 300], // ISO is a 24-hour clock
    ["2/17/25 12:00 PM", 720],
    ["March 2, 2026", null],
  ])("%s", (text, want) => expect(timeOfDayText(text)).toBe(want));
});

describe("the working-time index", () => {
  const cal = makeCalendar("working", [dayFromYmd(2026, 4, 3)]);
  const thu = dayFromYmd(2026, 4, 2);
  it("puts a day's working minutes between its day boundaries, lunch excluded", () => {
    const at10 = timeOnOrAfter(cal, { day: thu, minute: 600 });
    expect(timeOnOrAfter(cal, { day: thu, minute: 480 }) + 120).toBe(at10);
    expect(timeOnOrAfter(cal, { day: thu, minute: 780 })).toBe(timeOnOrAfter(cal, { day: thu, minute: 720 })); // 12:00–13:00 is lunch
    expect(momentAt(cal, at10 + 360, true)).toEqual({ day: thu, minute: 1020 }); // 10:00 + 6 working hours = 17:00
    // The same point read as a start: Monday 8:00, after Good Friday (a holiday here) and the weekend.
    expect(momentAt(cal, at10 + 360, false)).toEqual({ day: dayFromYmd(2026, 4, 6), minute: 480 });
    expect(dayOfTime(cal, at10 + 360, true)).toBe(thu);
    expect(timeOnOrBefore(cal, { day: dayFromYmd(2026, 4, 4), minute: 600 })).toBe(at10 + 360); // a Saturday: the end of Thursday
  });
  it("takes other working hours and hours per day from Settings", () => {
    const hours = parseWorkingHours("09:00-12:30, 13:30-17:00");
    const c = makeCalendar("working", [], { hours, hoursPerDay: 7.5 });
    expect([c.minutesPerDay, c.minutesPerUnitDay]).toEqual([420, 450]);
  });
});

describe("a plan typed in days stays in days; one with times goes to the minute", () => {
  const rows = (deps: string): CellValue[][] => [
    PROJECT_HEADERS,
    projectRow({ id: "X", start: "2026-04-06", finish: "2026-04-09" }),
    projectRow({ id: "Y", start: "2026-04-06", finish: "2026-04-06", deps }),
  ];
  it("rounds an hour lag up to a day in a plan of whole days (as before)", () => {
    const a = analyseWorkbook(snap({ Projects: rows("XFS+6h") }), { asOf: AS_OF });
    expect(a.schedule.resolution).toBe("day");
    expect(formatDay(a.schedule.nodes.get("Y")!.earlyStart)).toBe("2026-04-13");
  });
  it("starts an FS successor at the predecessor's finish time the same day, on Settings' working hours", () => {
    const csv = [
      "ID,Task_Name,Duration,Predecessors,Start_Date,Finish_Date",
      "1,A,3h,,April 6 2026 9:00,April 6 2026 12:30",
      "2,B,2h,1,April 6 2026 1:30,April 6 2026 3:30",
      "3,C,1h,2FS+2h,April 7 2026 9:00,April 7 2026 10:00",
    ].join("\r\n");
    const settings = {
      name: "Settings",
      top: 0,
      left: 0,
      rows: [
        ["Setting", "Value"],
        ["Working hours", "09:00-12:30, 13:30-17:00"],
        ["Hours per day", 7],
      ] as CellValue[][],
    };
    const a = analyseWorkbook(
      { sheets: [parseCsv(csv, "Task_Table1"), settings], tables: [], date1904: false },
      { asOf: AS_OF },
    );
    const b = a.schedule.nodes.get("2")!;
    expect([b.times!.earlyStart, b.times!.earlyFinish]).toEqual([810, 930]); // 13:30 → 15:30
    const c = a.schedule.nodes.get("3")!;
    // 15:30 + 2 working hours: 1.5 h to 17:00, then 0.5 h of Tuesday: 9:30 → 10:30.
    expect([formatDay(c.earlyStart), c.times!.earlyStart, c.times!.earlyFinish]).toEqual(["2026-04-07", 570, 630]);
  });
});

describe("docs/dependencies.md's worked example with a Start No Earlier Than and a deadline (whole days)", () => {
  const d = (m: number, day: number) => formatDay(dayFromYmd(2026, m, day));
  const a = analyseWorkbook(
    snap({
      Projects: [
        ["ID", "Name", "Workstream", "Start", "Finish", "Depends On", "Constraint Type", "Constraint Date"],
        ["P1", "Draft business case", "W", d(3, 23), d(4, 2), null, null, null],
        ["P2", "Public consultation", "W", d(4, 7), d(4, 20), "P1", null, null],
        ["P3", "Procure booking system", "W", d(3, 30), d(4, 10), "P1SS+5d", "SNET", d(4, 1)],
        ["P4", "Train staff", "W", d(4, 23), d(4, 29), "M1FS+2d", null, null],
      ],
      Milestones: [
        ["ID", "Project", "Milestone", "Baseline Date", "Depends On", "Deadline"],
        ["M1", "P2", "Board approves", d(4, 20), "P2, P3", null],
        ["M2", "P4", "Service live", d(4, 29), "P4", d(4, 28)],
      ],
      Holidays: [
        ["Date", "Name"],
        [d(4, 3), "Good Friday"],
        [d(4, 6), "Easter Monday"],
        [d(5, 4), "Early May"],
      ],
    }),
    { asOf: dayFromYmd(2026, 3, 20) },
  );
  const n = (id: string) => a.schedule.nodes.get(id)!;
  it("stays in whole days", () => expect(a.schedule.resolution).toBe("day"));
  it("moves P3 to its constraint date and gives the deadline's chain a float of −1", () => {
    expect([formatDay(n("P3").earlyStart), formatDay(n("P3").earlyFinish), n("P3").totalFloat]).toEqual([
      d(4, 1),
      d(4, 14),
      3,
    ]);
    for (const id of ["P1", "P2", "M1", "P4", "M2"])
      expect([id, n(id).totalFloat, n(id).critical]).toEqual([id, -1, true]);
    expect(formatDay(n("P1").lateStart!)).toBe(d(3, 20));
    expect(a.schedule.criticalPath).toEqual(["P1", "P2", "M1", "P4", "M2"]);
  });
  it("reports the missed deadline once, with what drives it, and P3's move by its constraint", () => {
    expect(a.schedule.violations).toEqual([
      {
        id: "M2",
        kind: "deadline",
        date: dayFromYmd(2026, 4, 28),
        workingDays: 1,
        minutes: 480,
        drivenBy: "P4",
        root: "P1",
      },
    ]);
    expect(a.diagnostics.find((x) => x.code === "deadline-missed")?.message).toBe(
      "M2 misses its deadline of 28 Apr 2026: it finishes 29 Apr 2026 at the earliest, 1 working day late, driven by P4 (the chain starts at P1). Recover the chain, or agree a new deadline.",
    );
    expect(a.diagnostics.filter((x) => x.code === "date-conflict").map((x) => x.entity)).toEqual(["P3"]);
  });
  it("refuses an unknown constraint type at its cell and reads it as As Soon As Possible", () => {
    const b = analyseWorkbook(
      snap({
        Projects: [
          ["ID", "Name", "Start", "Finish", "Constraint Type", "Constraint Date"],
          ["X", "X", d(4, 7), d(4, 8), "Sometime soon", d(4, 9)],
        ],
      }),
      { asOf: AS_OF },
    );
    expect(b.diagnostics.filter((x) => x.code === "bad-value").map((x) => x.cell)).toEqual(["E2"]);
    expect(b.schedule.nodes.get("X")!.constraint).toBeNull();
  });
});
