import { MONTH_NAMES } from "../../src/core/primitives/dates";
import { addDays, serialFromDay, dayFromYmd } from "../../src/core/primitives/dates";
import { STYLE, writeNewWorkbook } from "../../src/hosts/xlsx/new-workbook";
import type { CellOut } from "../../src/hosts/xlsx/sheet-xml";

/**
 * Plans exported from Microsoft Project and Smartsheet, built to each tool's documented layout, and
 * the same plan typed by hand. Sources for every header and form (research notes: docs/importing.md):
 *  - Microsoft Project, Save As → Excel Workbook → Export Wizard → "Project Excel Template": sheets
 *    Task_Table, Resource_Table, Assignment_Table; task columns ID, Active, Task Mode, Name, Duration,
 *    Start, Finish, Predecessors, Outline Level, Notes (Aspose's conversion guide, "Convert MS
 *    Project MPP to Excel", and code reading such exports; the template's column list is not
 *    published by Microsoft).
 *  - The Export Wizard's "Selected Data" map: sheet Task_Table1, field names with underscores —
 *    Unique_ID, ID, Task_Name, Duration, Start_Date, Finish_Date, Predecessors, Outline_Level,
 *    Resource_Names, Percent_Complete, Baseline_Start, Baseline_Finish, Milestone, Summary,
 *    Total_Slack, Actual_Finish (VBA MapEdit ... TableName:="Task_Table1", FieldName:="Unique ID",
 *    ExternalFieldName:="Unique_ID" in AronGahagan/cpt-dev; parsers of real exports).
 *  - Predecessors as Project writes them: "3", "7FS+2 days", "5,8" (Microsoft, "Predecessors (task
 *    field)": task ID, then FS/SS/FF/SF and a signed lag; a bare ID is FS with no lag; Project 98's
 *    own MPX output: 1, 3FS+1d, 7FS+1w, 11SF+2d).
 *  - Durations "10 days", "0 days", "1 wk", "6 hrs" (Project's Duration field labels; `?` for estimates).
 *  - Yes/No for Milestone and Summary; dates as Project shows them: "January 5, 2026 8:00" and
 *    "Mon 1/5/26" (month first, in the US locale), "NA" for none.
 *  - Smartsheet's export: Task Name, Start Date, End Date, Duration, Predecessors by row number
 *    ("7FS +2d": a space before the sign, as its API's display values), % Complete, Assigned To,
 *    Status, RAG (Red/Yellow/Green/Gray); no ID column; hierarchy as Excel row outline grouping
 *    (Smartsheet help, "Backup data formatted wrong": indented rows export as outline groups).
 *
 * The plan: one programme summary; workstreams Estates, Workforce and Go-live; five tasks and two
 * milestones, from Monday 5 January 2026. Train team waits two working days after Recruit team;
 * Open hub waits for both Hub ready and Train team, so the critical path is 7, 8, 10, 11.
 */
interface PlanTask {
  id: number;
  level: number;
  name: string;
  days: number;
  start: [number, number, number];
  finish: [number, number, number];
  preds: string;
  who: string;
  summary?: boolean;
}

export const PLAN: PlanTask[] = [
  {
    id: 1,
    level: 1,
    name: "Community Services Redesign",
    days: 36,
    start: [2026, 1, 5],
    finish: [2026, 2, 24],
    preds: "",
    who: "",
    summary: true,
  },
  {
    id: 2,
    level: 2,
    name: "Estates",
    days: 25,
    start: [2026, 1, 5],
    finish: [2026, 2, 6],
    preds: "",
    who: "",
    summary: true,
  },
  {
    id: 3,
    level: 3,
    name: "Survey buildings",
    days: 10,
    start: [2026, 1, 5],
    finish: [2026, 1, 16],
    preds: "",
    who: "Estates Lead",
  },
  {
    id: 4,
    level: 3,
    name: "Refurbish hub",
    days: 15,
    start: [2026, 1, 19],
    finish: [2026, 2, 6],
    preds: "3",
    who: "Estates Lead",
  },
  {
    id: 5,
    level: 3,
    name: "Hub ready",
    days: 0,
    start: [2026, 2, 6],
    finish: [2026, 2, 6],
    preds: "4",
    who: "Estates Lead",
  },
  {
    id: 6,
    level: 2,
    name: "Workforce",
    days: 32,
    start: [2026, 1, 5],
    finish: [2026, 2, 17],
    preds: "",
    who: "",
    summary: true,
  },
  {
    id: 7,
    level: 3,
    name: "Recruit team",
    days: 20,
    start: [2026, 1, 5],
    finish: [2026, 1, 30],
    preds: "",
    who: "HR Business Partner",
  },
  {
    id: 8,
    level: 3,
    name: "Train team",
    days: 10,
    start: [2026, 2, 4],
    finish: [2026, 2, 17],
    preds: "7FS+2 days",
    who: "Clinical Educator",
  },
  {
    id: 9,
    level: 2,
    name: "Go-live",
    days: 5,
    start: [2026, 2, 18],
    finish: [2026, 2, 24],
    preds: "",
    who: "",
    summary: true,
  },
  {
    id: 10,
    level: 3,
    name: "Open hub",
    days: 5,
    start: [2026, 2, 18],
    finish: [2026, 2, 24],
    preds: "5,8",
    who: "Service Manager",
  },
  {
    id: 11,
    level: 3,
    name: "Service live",
    days: 0,
    start: [2026, 2, 24],
    finish: [2026, 2, 24],
    preds: "10",
    who: "Service Manager",
  },
];

export const CRITICAL = ["7", "8", "10", "11"];

const MONTHS = MONTH_NAMES;
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const day = (d: [number, number, number]) => dayFromYmd(...d);
const serial = (d: [number, number, number]) => ({ v: serialFromDay(day(d), false), s: STYLE.date }) as CellOut;
const longDate = ([y, m, d]: [number, number, number], time: string) => `${MONTHS[m - 1]} ${d}, ${y} ${time}`;
const shortUs = ([y, m, d]: [number, number, number]) =>
  `${WEEKDAYS[(((day([y, m, d]) - 4) % 7) + 7) % 7]} ${m}/${d}/${String(y).slice(2)}`;
const duration = (t: PlanTask) => (t.days === 5 && !t.summary ? "1 wk" : `${t.days} days`);

/** Project Excel Template: Task_Table with spaced headers and long text dates, plus the other two tables. */
export async function projectTemplate(): Promise<Uint8Array> {
  const head = [
    "ID",
    "Active",
    "Task Mode",
    "Name",
    "Duration",
    "Start",
    "Finish",
    "Predecessors",
    "Outline Level",
    "Notes",
  ];
  const rows = PLAN.map(
    (t) =>
      [
        t.id,
        "Yes",
        "Auto Scheduled",
        t.name,
        duration(t),
        longDate(t.start, "8:00"),
        longDate(t.finish, "17:00"),
        t.preds || null,
        t.level,
        null,
      ] as CellOut[],
  );
  return writeNewWorkbook({
    sheets: [
      { name: "Task_Table", rows: [head, ...rows] },
      {
        name: "Resource_Table",
        rows: [
          ["ID", "Name", "Type", "Max Units"],
          [1, "Estates Lead", "Work", "100%"],
        ],
      },
      {
        name: "Assignment_Table",
        rows: [
          ["Task Name", "Resource Name", "Work"],
          ["Survey buildings", "Estates Lead", "80 hrs"],
        ],
      },
    ],
  });
}

/** The Export Wizard's map: Task_Table1, underscore field names, US short dates, Yes/No flags. */
export function wizardRows(): (string | number | null)[][] {
  const head = [
    "Unique_ID",
    "ID",
    "Task_Name",
    "Duration",
    "Start_Date",
    "Finish_Date",
    "Predecessors",
    "Outline_Level",
    "Resource_Names",
    "Percent_Complete",
    "Baseline_Start",
    "Baseline_Finish",
    "Milestone",
    "Summary",
    "Total_Slack",
    "Actual_Finish",
  ];
  return [
    head,
    ...PLAN.map((t) => [
      100 + t.id,
      t.id,
      t.name,
      duration(t),
      shortUs(t.start),
      shortUs(t.finish),
      t.preds || null,
      t.level,
      t.who || null,
      t.id === 3 ? "100%" : "0%",
      shortUs(t.start),
      shortUs(t.finish),
      t.days === 0 && !t.summary ? "Yes" : "No",
      t.summary ? "Yes" : "No",
      "0 days",
      t.id === 3 ? shortUs(t.finish) : "NA",
    ]),
  ];
}

export async function projectWizard(): Promise<Uint8Array> {
  return writeNewWorkbook({ sheets: [{ name: "Task_Table1", rows: wizardRows() as CellOut[][] }] });
}

/** Project's CSV export of the same map. */
export function projectCsv(): string {
  const q = (v: string | number | null) =>
    v === null ? "" : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  return (
    wizardRows()
      .map((r) => r.map(q).join(","))
      .join("\r\n") + "\r\n"
  );
}

/** Smartsheet: no ID column, predecessors by row number, hierarchy as row grouping, real dates, RYG. */
export async function smartsheet(): Promise<Uint8Array> {
  const head = [
    "Task Name",
    "Start Date",
    "End Date",
    "Duration",
    "Predecessors",
    "% Complete",
    "Assigned To",
    "Status",
    "RAG",
  ];
  const pred = (p: string) => p.replace(/FS\+2 days/, "FS +2d").replace(/,/g, ", ");
  const rows = PLAN.map(
    (t) =>
      [
        t.name,
        serial(t.start),
        serial(t.finish),
        t.summary ? `${t.days}d` : t.days === 0 ? "0" : `${t.days}d`,
        t.preds ? pred(t.preds) : null,
        { v: t.id === 3 ? 1 : 0, s: STYLE.percent },
        t.who || null,
        t.id === 3 ? "Complete" : "Not Started",
        t.summary ? null : t.id === 8 ? "Yellow" : t.id === 3 ? "Gray" : "Green",
      ] as CellOut[],
  );
  // Row 1 (index 0) is the header; Smartsheet's top level is ungrouped, children one level per indent.
  const outline = [0, ...PLAN.map((t) => t.level - 1)];
  return writeNewWorkbook({ sheets: [{ name: "Community Services Redesign", rows: [head, ...rows], outline }] });
}

/** The same plan typed by hand on our own sheets. */
export async function typedByHand(): Promise<Uint8Array> {
  const ws = (t: PlanTask) => PLAN.filter((x) => x.level === 2 && x.id < t.id).pop()!.name;
  const leaves = PLAN.filter((t) => !t.summary);
  const projects = leaves
    .filter((t) => t.days > 0)
    .map(
      (t) =>
        [
          String(t.id),
          t.name,
          ws(t),
          t.who,
          serial(t.start),
          serial(t.finish),
          t.preds.replace(/,/g, ", "),
        ] as CellOut[],
    );
  const milestones = leaves
    .filter((t) => t.days === 0)
    .map((t) => [String(t.id), String(t.id - 1), t.name, serial(t.finish), t.preds] as CellOut[]);
  return writeNewWorkbook({
    sheets: [
      { name: "Projects", rows: [["ID", "Name", "Workstream", "Lead", "Start", "Finish", "Depends On"], ...projects] },
      { name: "Milestones", rows: [["ID", "Project", "Milestone", "Baseline Date", "Depends On"], ...milestones] },
      { name: "Settings", rows: [["Programme name", "Community Services Redesign"]] },
    ],
  });
}

/**
 * A real-sized export: `workstreams` summaries of `groups` summaries of `tasks` tasks each (every
 * fifth a milestone), chained within each group, with outline levels: 2,000+ tasks.
 */
export async function bigProjectExport(
  workstreams = 10,
  groups = 20,
  tasks = 10,
): Promise<{ data: Uint8Array; counts: { tasks: number; summaries: number; milestones: number } }> {
  const head = ["ID", "Name", "Duration", "Start", "Finish", "Predecessors", "Outline Level", "Resource Names"];
  const rows: CellOut[][] = [head];
  let id = 0;
  let summaries = 0;
  let milestones = 0;
  const base = dayFromYmd(2026, 1, 5);
  for (let w = 0; w < workstreams; w++) {
    rows.push([++id, `Workstream ${w + 1}`, "100 days", serial([2026, 1, 5]), null, null, 1, null]);
    summaries++;
    for (let g = 0; g < groups; g++) {
      rows.push([++id, `Group ${w + 1}.${g + 1}`, "50 days", serial([2026, 1, 5]), null, null, 2, null]);
      summaries++;
      let prev = 0;
      for (let t = 0; t < tasks; t++) {
        const ms = t % 5 === 4;
        if (ms) milestones++;
        const start = addDays(base, 7 * t);
        rows.push([
          ++id,
          ms ? `Gate ${w + 1}.${g + 1}.${t + 1}` : `Task ${w + 1}.${g + 1}.${t + 1}`,
          ms ? "0 days" : "5 days",
          { v: serialFromDay(start, false), s: STYLE.date },
          { v: serialFromDay(ms ? start : addDays(start, 4), false), s: STYLE.date },
          prev ? String(prev) : null,
          3,
          `Lead ${w + 1}`,
        ]);
        prev = id;
      }
    }
  }
  return {
    data: await writeNewWorkbook({ sheets: [{ name: "Task_Table", rows }] }),
    counts: { tasks: id, summaries, milestones },
  };
}
