/**
 * A plan in Microsoft Project's XML (MSPDI), built to the schema: Microsoft, "Project XML Data
 * Interchange Schema Reference" (https://learn.microsoft.com/office-project/xml-data-interchange/project-xml-data-interchange-schema-reference):
 * Task (UID, ID, Name, OutlineLevel, Summary, Milestone, Active, IsNull, Duration as ISO 8601
 * with DurationFormat 7 = days, 39 = estimated days, 53 = none, Start, Finish, PercentComplete,
 * ActualStart, ActualFinish, ConstraintType 0–7 and ConstraintDate, Deadline, TotalSlack in
 * tenths of a minute, Baseline Number 0), PredecessorLink (PredecessorUID, Type 0 FF 1 FS 2 SF
 * 3 SS, LinkLag in tenths of a minute, LagFormat), Calendars (WeekDays with DayType 1 = Sunday …
 * 7 = Saturday, WorkingTimes; Project 2007's Exceptions with Type 1 daily) and Assignments. The
 * element order and the shape of each follow files Project itself saved, in MPXJ's junit/data
 * (https://github.com/joniles/mpxj, e.g. junit/data/mspdirelations.xml, baselines.xml,
 * calendar-recurring-exceptions-project2016-mspdi.xml): read, not copied.
 *
 * Start, Finish and TotalSlack are what Project schedules for this plan on its default calendar
 * (8:00–12:00, 13:00–17:00, Monday to Friday) less the Summer bank holiday (25 August 2025),
 * worked by hand with Project's rules ("How Project schedules tasks: Behind the scenes": a
 * finish-to-start successor starts when its predecessor's work ends, the same day when there is
 * working time left; Start No Earlier Than, Must Start On and Deadline as Project documents them —
 * a deadline before the early finish gives negative total slack):
 *   2 Appoint programme team   5d   4 Aug 08:00 –  8 Aug 17:00  done         slack  1d
 *   3 Agree governance         4h  11 Aug 08:00 – 11 Aug 12:00  50 %, 2 FS  slack  1d
 *   4 Draft the case           2h  11 Aug 13:00 – 11 Aug 15:00  3 FS        slack 23.25d
 *   5 Mobilisation complete    0d  11 Aug 15:00                 4 FS        slack 23.25d
 *   7 Engage stakeholders     10d  13 Aug 08:00 – 27 Aug 17:00  3 SS+2d     slack  1d (25 Aug a holiday)
 *   8 Design the pathway       3d   1 Sep 08:00 –  3 Sep 17:00  7 FS, SNET 1 Sep      slack -1d
 *   9 Clinical sign-off        1d?  3 Sep 08:00 –  3 Sep 17:00  8 FF                  slack -1d
 *  10 Design approved          0d   3 Sep 17:00                 9 FS, deadline 2 Sep  slack -1d
 *  11 Go live                  0d  15 Sep 08:00                 10 FS, Must Start On 15 Sep 08:00
 *  12 Old option appraisal    inactive (Active 0), left out
 * The numbers are UIDs. IDs follow the rows, and a blank row (IsNull) before Go live makes Go
 * live ID 12 and the appraisal ID 13, so a reader that confuses UID and ID is caught.
 */

interface T {
  uid: number;
  name: string;
  level: number;
  summary?: boolean;
  milestone?: boolean;
  active?: boolean;
  isNull?: boolean;
  minutes: number;
  format?: number;
  start: string;
  finish: string;
  pct?: number;
  actualStart?: string;
  actualFinish?: string;
  constraint?: [number, string];
  deadline?: string;
  slackDays?: number;
  /** LateStart and LateFinish, worked back from the project's finish, constraints and deadlines. */
  late?: [string, string];
  baseline?: [string, string];
  links?: { uid: number; type: number; lagMinutes?: number; lagFormat?: number }[];
  notes?: string;
}

const D = (s: string) => `2025-${s}:00`;

export const COMMUNITY_TASKS: T[] = [
  {
    uid: 0,
    name: "Community Services Redesign",
    level: 0,
    summary: true,
    minutes: 24 * 480,
    format: 53,
    start: D("08-04T08:00"),
    finish: D("09-15T08:00"),
    slackDays: 0,
  },
  {
    uid: 1,
    name: "Mobilisation",
    level: 1,
    summary: true,
    minutes: 5.75 * 480,
    start: D("08-04T08:00"),
    finish: D("08-11T15:00"),
    slackDays: 23.25,
  },
  {
    uid: 2,
    name: "Appoint programme team",
    level: 2,
    minutes: 5 * 480,
    start: D("08-04T08:00"),
    finish: D("08-08T17:00"),
    pct: 100,
    actualStart: D("08-04T08:00"),
    actualFinish: D("08-08T17:00"),
    late: [D("08-05T08:00"), D("08-11T17:00")],
    slackDays: 1,
    baseline: [D("08-04T08:00"), D("08-08T17:00")],
  },
  {
    uid: 3,
    name: "Agree governance",
    level: 2,
    minutes: 240,
    format: 5,
    start: D("08-11T08:00"),
    finish: D("08-11T12:00"),
    pct: 50,
    actualStart: D("08-11T08:00"),
    late: [D("08-12T08:00"), D("08-12T12:00")],
    slackDays: 1,
    baseline: [D("08-11T08:00"), D("08-11T12:00")],
    links: [{ uid: 2, type: 1 }],
  },
  {
    uid: 4,
    name: "Draft the case for change",
    level: 2,
    minutes: 120,
    format: 5,
    start: D("08-11T13:00"),
    finish: D("08-11T15:00"),
    late: [D("09-12T15:00"), D("09-12T17:00")],
    slackDays: 23.25,
    baseline: [D("08-11T13:00"), D("08-11T15:00")],
    links: [{ uid: 3, type: 1 }],
  },
  {
    uid: 5,
    name: "Mobilisation complete",
    level: 2,
    milestone: true,
    minutes: 0,
    start: D("08-11T15:00"),
    finish: D("08-11T15:00"),
    late: [D("09-12T17:00"), D("09-12T17:00")],
    slackDays: 23.25,
    baseline: [D("08-11T15:00"), D("08-11T15:00")],
    links: [{ uid: 4, type: 1 }],
  },
  {
    uid: 6,
    name: "Service design",
    level: 1,
    summary: true,
    minutes: 16 * 480,
    start: D("08-13T08:00"),
    finish: D("09-03T17:00"),
    slackDays: -1,
  },
  {
    uid: 7,
    name: "Engage stakeholders",
    level: 2,
    minutes: 10 * 480,
    start: D("08-13T08:00"),
    finish: D("08-27T17:00"),
    late: [D("08-14T08:00"), D("08-28T17:00")],
    slackDays: 1,
    baseline: [D("08-13T08:00"), D("08-27T17:00")],
    links: [{ uid: 3, type: 3, lagMinutes: 2 * 480, lagFormat: 7 }],
    notes: "Patient groups, GPs and the council.",
  },
  {
    uid: 8,
    name: "Design the pathway",
    level: 2,
    minutes: 3 * 480,
    start: D("09-01T08:00"),
    finish: D("09-03T17:00"),
    constraint: [4, D("09-01T08:00")],
    late: [D("08-29T08:00"), D("09-02T17:00")],
    slackDays: -1,
    baseline: [D("08-28T08:00"), D("09-01T17:00")],
    links: [{ uid: 7, type: 1 }],
  },
  {
    uid: 9,
    name: "Clinical sign-off",
    level: 2,
    minutes: 480,
    format: 39,
    start: D("09-03T08:00"),
    finish: D("09-03T17:00"),
    late: [D("09-02T08:00"), D("09-02T17:00")],
    slackDays: -1,
    baseline: [D("09-01T08:00"), D("09-01T17:00")],
    links: [{ uid: 8, type: 0 }],
  },
  {
    uid: 10,
    name: "Design approved",
    level: 2,
    milestone: true,
    minutes: 0,
    start: D("09-03T17:00"),
    finish: D("09-03T17:00"),
    deadline: D("09-02T17:00"),
    late: [D("09-02T17:00"), D("09-02T17:00")],
    slackDays: -1,
    baseline: [D("09-01T17:00"), D("09-01T17:00")],
    links: [{ uid: 9, type: 1 }],
  },
  { uid: 13, name: "", level: 1, isNull: true, minutes: 0, start: "", finish: "" },
  {
    uid: 11,
    name: "Go live",
    level: 1,
    milestone: true,
    minutes: 0,
    start: D("09-15T08:00"),
    finish: D("09-15T08:00"),
    constraint: [2, D("09-15T08:00")],
    late: [D("09-15T08:00"), D("09-15T08:00")],
    slackDays: 0,
    baseline: [D("09-15T08:00"), D("09-15T08:00")],
    links: [{ uid: 10, type: 1 }],
  },
  {
    uid: 12,
    name: "Old option appraisal",
    level: 1,
    active: false,
    minutes: 2 * 480,
    start: D("08-04T08:00"),
    finish: D("08-05T17:00"),
    slackDays: 28,
  },
];

const iso = (minutes: number) => `PT${Math.floor(minutes / 60)}H${minutes % 60}M0S`;
const el = (name: string, v: string | number | undefined) =>
  v === undefined || v === "" ? "" : `<${name}>${v}</${name}>`;

function taskXml(t: T, id: number): string {
  if (t.isNull) return `<Task><UID>${t.uid}</UID><ID>${id}</ID><IsNull>1</IsNull></Task>`;
  const links = (t.links ?? [])
    .map(
      (l) =>
        `<PredecessorLink><PredecessorUID>${l.uid}</PredecessorUID><Type>${l.type}</Type><CrossProject>0</CrossProject><LinkLag>${(l.lagMinutes ?? 0) * 10}</LinkLag><LagFormat>${l.lagFormat ?? 7}</LagFormat></PredecessorLink>`,
    )
    .join("");
  const baseline = t.baseline
    ? `<Baseline><Number>0</Number><Start>${t.baseline[0]}</Start><Finish>${t.baseline[1]}</Finish><Duration>${iso(t.minutes)}</Duration><DurationFormat>7</DurationFormat></Baseline>`
    : "";
  return [
    "<Task>",
    el("UID", t.uid),
    el("ID", id),
    el("Name", t.name),
    el("Active", t.active === false ? 0 : 1),
    el("Type", 0),
    el("IsNull", 0),
    el("OutlineNumber", id),
    el("OutlineLevel", t.level),
    el("Start", t.start),
    el("Finish", t.finish),
    el("Duration", iso(t.minutes)),
    el("DurationFormat", t.format ?? 7),
    el("Milestone", t.milestone ? 1 : 0),
    el("Summary", t.summary ? 1 : 0),
    el("EarlyStart", t.start),
    el("EarlyFinish", t.finish),
    el("LateStart", t.late?.[0]),
    el("LateFinish", t.late?.[1]),
    el("TotalSlack", t.slackDays === undefined ? undefined : Math.round(t.slackDays * 4800)),
    el("PercentComplete", t.pct ?? 0),
    el("ActualStart", t.actualStart),
    el("ActualFinish", t.actualFinish),
    el("ConstraintType", t.constraint?.[0] ?? 0),
    el("ConstraintDate", t.constraint?.[1]),
    el("Deadline", t.deadline),
    el("Notes", t.notes),
    links,
    baseline,
    "</Task>",
  ].join("");
}

function weekDay(type: number): string {
  const working = type >= 2 && type <= 6;
  const times = working
    ? "<WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime><WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes>"
    : "";
  return `<WeekDay><DayType>${type}</DayType><DayWorking>${working ? 1 : 0}</DayWorking>${times}</WeekDay>`;
}

export function communityPlanXml(tasks: T[] = COMMUNITY_TASKS): string {
  const calendar = [
    "<Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID>",
    `<WeekDays>${[1, 2, 3, 4, 5, 6, 7].map(weekDay).join("")}</WeekDays>`,
    "<Exceptions>",
    "<Exception><EnteredByOccurrences>0</EnteredByOccurrences><TimePeriod><FromDate>2025-05-05T00:00:00</FromDate><ToDate>2025-05-05T23:59:00</ToDate></TimePeriod><Occurrences>1</Occurrences><Name>Early May bank holiday</Name><Type>1</Type><DayWorking>0</DayWorking></Exception>",
    "<Exception><EnteredByOccurrences>0</EnteredByOccurrences><TimePeriod><FromDate>2025-08-25T00:00:00</FromDate><ToDate>2025-08-25T23:59:00</ToDate></TimePeriod><Occurrences>1</Occurrences><Name>Summer bank holiday</Name><Type>1</Type><DayWorking>0</DayWorking></Exception>",
    "</Exceptions></Calendar>",
  ].join("");
  const resources = ["Programme Director", "Engagement Lead", "Clinical Lead"]
    .map((n, i) => `<Resource><UID>${i + 1}</UID><ID>${i + 1}</ID><Name>${n}</Name><Type>1</Type></Resource>`)
    .join("");
  const assignments = [
    [2, 1],
    [7, 2],
    [8, 3],
    [9, 3],
  ]
    .map(
      ([t, r], i) =>
        `<Assignment><UID>${i + 1}</UID><TaskUID>${t}</TaskUID><ResourceUID>${r}</ResourceUID></Assignment>`,
    )
    .join("");
  let id = 0;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Project xmlns="http://schemas.microsoft.com/project">',
    "<SaveVersion>14</SaveVersion><Name>community-services.xml</Name><Title>Community Services Redesign</Title>",
    "<ScheduleFromStart>1</ScheduleFromStart><StartDate>2025-08-04T08:00:00</StartDate><FinishDate>2025-09-15T08:00:00</FinishDate>",
    "<CalendarUID>1</CalendarUID><DefaultStartTime>08:00:00</DefaultStartTime><DefaultFinishTime>17:00:00</DefaultFinishTime>",
    "<MinutesPerDay>480</MinutesPerDay><MinutesPerWeek>2400</MinutesPerWeek><DaysPerMonth>20</DaysPerMonth><DurationFormat>7</DurationFormat>",
    "<StatusDate>2025-08-20T17:00:00</StatusDate><CurrentDate>2025-08-20T08:00:00</CurrentDate>",
    `<Calendars>${calendar}</Calendars>`,
    `<Tasks>${tasks.map((t) => taskXml(t, t.uid === 0 ? 0 : ++id)).join("\n")}</Tasks>`,
    `<Resources>${resources}</Resources><Assignments>${assignments}</Assignments>`,
    "</Project>",
  ].join("\n");
}
