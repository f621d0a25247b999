import { a1, type CellValue } from "../../core/primitives/cell";
import type { SheetSnapshot, SnapshotProblem, WorkbookSnapshot } from "../../core/primitives/snapshot";
import { find, findAll, parseTree, XmlError, type XmlNode } from "../xlsx/xml";
import { otherCalendarNote } from "./task-calendars";
import { calendarOf, type ProjectCalendar } from "./calendar";
import { assignmentsByTask, listOf, text } from "./nodes";

/**
 * Microsoft Project's own XML (MSPDI: what Project saves as "XML", and what ProjectLibre and
 * GanttProject exchange), translated into the snapshot of a Project export, so the core reads it
 * as it reads the Export Wizard's Task_Table1 (docs/importing.md, "Project's XML"):
 *  - a Task_Table sheet with the Export Wizard's field names, one row per task in file order
 *    (Project's ID order), Unique_ID on every row so each value traces back to its <Task>;
 *  - a Holidays sheet from the project calendar's non-working exceptions;
 *  - a Settings sheet (the status date; the hours per day and working hours where they are not
 *    Project's default 8:00–12:00, 13:00–17:00).
 * Project's own schedule is kept as the Export Wizard keeps it, to hold the tool's against: its
 * Start and Finish (Start_Date, Finish_Date), EarlyStart … LateFinish (Early_Start … Late_Finish)
 * and TotalSlack (Total_Slack, tenths of a minute written in days: "-1d").
 * Element names and codes: Microsoft, "Project XML Data Interchange Schema Reference" (Task,
 * PredecessorLink, Calendar, Baseline elements; the mspdi_pj12.xsd schema), learned by reading
 * files Project wrote in MPXJ's junit/data (https://github.com/joniles/mpxj).
 */
export class MspdiReadError extends Error {}

export const MSPDI_NS = "http://schemas.microsoft.com/project";

/** True when the text is an MSPDI document: its root is <Project> in Project's namespace. */
export function isMspdi(text: string): boolean {
  const head = text.slice(0, 4096);
  return /<Project\b[^>]*xmlns\s*=\s*["']http:\/\/schemas\.microsoft\.com\/project["']/.test(head);
}

/** The Task_Table columns written, in order (Export Wizard field names, then Project's own dates). */
export const TASK_COLUMNS = [
  "ID",
  "Unique_ID",
  "Task_Name",
  "Outline_Level",
  "Summary",
  "Milestone",
  "Active",
  "Task_Mode",
  "Duration",
  "Start_Date",
  "Finish_Date",
  "Predecessors",
  "Percent_Complete",
  "Actual_Start",
  "Actual_Finish",
  "Baseline_Start",
  "Baseline_Finish",
  "Constraint_Type",
  "Constraint_Date",
  "Deadline",
  "Resource_Names",
  "Notes",
  "Early_Start",
  "Early_Finish",
  "Late_Start",
  "Late_Finish",
  "Total_Slack",
] as const;
type Column = (typeof TASK_COLUMNS)[number];
const COL = new Map<Column, number>(TASK_COLUMNS.map((c, i) => [c, i]));

/** ConstraintType 0–7 (the schema's order) as Project names them. */
export const CONSTRAINT_NAMES = [
  "As Soon As Possible",
  "As Late As Possible",
  "Must Start On",
  "Must Finish On",
  "Start No Earlier Than",
  "Start No Later Than",
  "Finish No Earlier Than",
  "Finish No Later Than",
];
/** PredecessorLink Type: 0 FF, 1 FS, 2 SF, 3 SS. */
const LINK_TYPES = ["FF", "FS", "SF", "SS"];

export function readMspdi(xml: string): WorkbookSnapshot {
  let root: XmlNode;
  try {
    root = parseTree(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml);
  } catch (e) {
    if (e instanceof XmlError)
      throw new MspdiReadError(`it is not well-formed XML (${e.message}). Save it again from Project as XML`);
    throw e;
  }
  if (root.local !== "Project" || root.ns !== MSPDI_NS)
    throw new MspdiReadError(
      `it is XML but not Microsoft Project's (its root is <${root.name}>, not <Project xmlns="${MSPDI_NS}">). Save the plan from Project as XML`,
    );
  const problems: SnapshotProblem[] = [];
  const cal = calendarOf(root, problems);
  const task = taskSheet(root, cal, problems);
  const sheets: SheetSnapshot[] = [task, holidaySheet(cal), settingsSheet(root, cal)].filter(
    (s): s is SheetSnapshot => s !== null,
  );
  return problems.length ? { sheets, tables: [], date1904: false, problems } : { sheets, tables: [], date1904: false };
}

/** An MSPDI dateTime ("2025-02-17T08:00:00") as the text the date reader takes, minutes kept. */
export function dateText(v: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(v);
  return m ? (m[2] ? `${m[1]}T${m[2]}` : m[1]) : null;
}

/** An ISO 8601 duration as MSPDI writes it ("PT8H0M0S", "PT-480H", "P2DT4H") in minutes. */
export function isoMinutes(v: string): number | null {
  const m =
    /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(-?\d+(?:\.\d+)?)H)?(?:(-?\d+(?:\.\d+)?)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/.exec(
      v.trim(),
    );
  if (!m || v.trim() === "P" || v.trim() === "PT") return null;
  const n = (x: string | undefined) => (x ? Number(x) : 0);
  const minutes = n(m[2]) * 1440 + n(m[3]) * 60 + n(m[4]) + n(m[5]) / 60;
  return m[1] ? -minutes : minutes;
}

/**
 * A duration or lag in minutes written in a format's unit, as Project shows it ("8h", "1.5d?",
 * "3ed", "50%"). Formats (DurationFormat, LagFormat): 3 m, 4 em, 5 h, 6 eh, 7 d, 8 ed, 9 w,
 * 10 ew, 11 mo, 12 emo, 19 %, 20 e%; 35–52 the same estimated (+32); 21 and 53 no format (days).
 */
export function unitText(minutes: number, format: number, cal: ProjectCalendar): string {
  const estimated = format >= 35 && format <= 53;
  const f = estimated ? format - 32 : format;
  const units: Record<number, [string, number]> = {
    3: ["m", 1],
    4: ["em", 1],
    5: ["h", 60],
    6: ["eh", 60],
    7: ["d", cal.minutesPerDay],
    8: ["ed", 1440],
    9: ["w", cal.minutesPerWeek],
    10: ["ew", 10080],
    11: ["mo", cal.minutesPerDay * cal.daysPerMonth],
    12: ["emo", 43200],
  };
  const [unit, per] = units[f] ?? ["d", cal.minutesPerDay];
  const value = Math.round((minutes / per) * 100) / 100;
  return `${value}${unit}${estimated ? "?" : ""}`;
}

interface TaskRow {
  uid: string;
  id: string;
  node: XmlNode;
  row: CellValue[];
}

function taskSheet(root: XmlNode, cal: ProjectCalendar, problems: SnapshotProblem[]): SheetSnapshot {
  const tasksNode = find(root, "Tasks");
  const all = tasksNode ? findAll(tasksNode, "Task") : [];
  const rows: TaskRow[] = [];
  for (const node of all) {
    if (text(node, "IsNull") === "1") continue; // a blank row in Project's table
    const uid = text(node, "UID");
    const level = text(node, "OutlineLevel");
    // The project summary task (UID 0, outline level 0) carries the plan's name: kept when it has one.
    if ((uid === "0" || level === "0") && !text(node, "Name")) continue;
    rows.push({ uid, id: text(node, "ID") || uid, node, row: new Array(TASK_COLUMNS.length).fill(null) });
  }
  const idOfUid = new Map(rows.map((t) => [t.uid, t.id]));
  const names = resourceNames(root);
  rows.forEach((t, i) => fillTask(t, i + 1, cal, idOfUid, names.get(t.uid) ?? "", problems));
  const calendars = otherCalendarNote(root, rows);
  if (calendars) problems.push(calendars);
  return { name: "Task_Table", top: 0, left: 0, rows: [[...TASK_COLUMNS], ...rows.map((t) => t.row)] };
}

function fillTask(
  t: TaskRow,
  r: number,
  cal: ProjectCalendar,
  idOfUid: Map<string, string>,
  resources: string,
  problems: SnapshotProblem[],
): void {
  const n = t.node;
  const set = (c: Column, v: CellValue) => (t.row[COL.get(c)!] = v);
  const bad = (c: Column, element: string, v: string, what: string) =>
    problems.push({
      sheet: "Task_Table",
      cell: a1(r, COL.get(c)!),
      message: `Task UID ${t.uid}'s <${element}> "${v.slice(0, 40)}" is not ${what}, so it is left blank`,
    });
  const date = (c: Column, element: string, from: XmlNode = n) => {
    const v = text(from, element);
    if (!v) return;
    const d = dateText(v);
    if (d) set(c, d);
    else bad(c, element, v, "a date");
  };
  const yesNo = (c: Column, element: string) => {
    const v = text(n, element);
    if (v) set(c, v === "1" || v === "true" ? "Yes" : "No");
  };
  set("ID", t.id);
  set("Unique_ID", t.uid);
  set("Task_Name", text(n, "Name"));
  set("Outline_Level", Number(text(n, "OutlineLevel") || "1"));
  yesNo("Summary", "Summary");
  yesNo("Milestone", "Milestone");
  yesNo("Active", "Active");
  const manual = text(n, "Manual");
  if (manual) set("Task_Mode", manual === "1" || manual === "true" ? "Manually Scheduled" : "Auto Scheduled");
  const duration = text(n, "Duration");
  if (duration) {
    const minutes = isoMinutes(duration);
    const format = Number(text(n, "DurationFormat") || cal.durationFormat);
    if (minutes === null || minutes < 0) bad("Duration", "Duration", duration, "an ISO 8601 duration such as PT8H0M0S");
    else set("Duration", unitText(minutes, format === 21 || format === 53 ? cal.durationFormat : format, cal));
  }
  date("Start_Date", "Start");
  date("Finish_Date", "Finish");
  date("Early_Start", "EarlyStart");
  date("Early_Finish", "EarlyFinish");
  date("Late_Start", "LateStart");
  date("Late_Finish", "LateFinish");
  set(
    "Predecessors",
    predecessors(t, cal, idOfUid, (v) => bad("Predecessors", "PredecessorLink", v, "a link to a task in this plan")) ||
      null,
  );
  const pct = text(n, "PercentComplete");
  if (pct) set("Percent_Complete", Number.isFinite(Number(pct)) ? `${Number(pct)}%` : pct);
  progressDates(n, pct, date, (element, v, what) =>
    problems.push({
      sheet: "Task_Table",
      cell: a1(r, COL.get(element === "ActualStart" ? "Actual_Start" : "Actual_Finish")!),
      message: `Task UID ${t.uid}'s <${element}> "${v.slice(0, 40)}" is left blank: ${what}`,
    }),
  );
  const baseline = findAll(n, "Baseline").find((b) => text(b, "Number") === "0" || text(b, "Number") === "");
  if (baseline) {
    date("Baseline_Start", "Start", baseline);
    date("Baseline_Finish", "Finish", baseline);
  }
  constraintCells(n, set, bad, date);
  if (resources) set("Resource_Names", resources);
  const notes = text(n, "Notes");
  if (notes) set("Notes", notes);
  const slack = text(n, "TotalSlack");
  if (slack && Number.isFinite(Number(slack))) set("Total_Slack", unitText(Number(slack) / 10, 7, cal));
}

/** Constraint Type, Constraint Date and Deadline. */
function constraintCells(
  n: XmlNode,
  set: (c: Column, v: string) => void,
  bad: (c: Column, element: string, v: string, what: string) => void,
  date: (c: Column, element: string) => void,
): void {
  const ct = text(n, "ConstraintType");
  if (ct) {
    const name = CONSTRAINT_NAMES[Number(ct)];
    if (name && /^\d$/.test(ct)) set("Constraint_Type", name);
    else bad("Constraint_Type", "ConstraintType", ct, "a constraint type (0–7)");
  }
  // A Constraint Date binds only a dated constraint (types 2–7); writers put a filler in the others ("0001-01-01T00:00:00").
  if (Number(ct) >= 2) date("Constraint_Date", "ConstraintDate");
  date("Deadline", "Deadline");
}

/**
 * Actual Start and Actual Finish as Project keeps them: Actual Finish is "NA" until the task is
 * 100% complete (Microsoft Support, "Actual Finish fields": it "contains NA until there is zero
 * remaining work or you set the task's % Complete … to 100"), so one beside a lower % Complete is
 * not Project's and is left out; beside 0% it is a writer's filler (Aspose writes 2000-01-01 in
 * both), and the Actual Start with it. An Actual Start alone at 0% is Project's own (a task marked
 * started before any work is reported) and is kept.
 */
function progressDates(
  n: XmlNode,
  pct: string,
  date: (c: Column, element: string) => void,
  drop: (element: string, v: string, why: string) => void,
): void {
  const complete = pct === "" ? null : Number(pct);
  const finish = text(n, "ActualFinish");
  const contradicts = finish !== "" && complete !== null && Number.isFinite(complete) && complete < 100;
  if (contradicts && complete === 0 && text(n, "ActualStart")) {
    drop(
      "ActualStart",
      text(n, "ActualStart"),
      "the task is 0% complete and has an Actual Finish, so its actual dates are not Project's",
    );
  } else date("Actual_Start", "ActualStart");
  if (contradicts)
    drop("ActualFinish", finish, `the task is ${complete}% complete, and Project has an Actual Finish only at 100%`);
  else date("Actual_Finish", "ActualFinish");
}

/** A task's PredecessorLinks as Project's Predecessors text: "3", "5SS", "4FS+2d", "7FF-50%". */
function predecessors(
  t: TaskRow,
  cal: ProjectCalendar,
  idOfUid: Map<string, string>,
  bad: (v: string) => void,
): string {
  const out: string[] = [];
  for (const link of findAll(t.node, "PredecessorLink")) {
    const uid = text(link, "PredecessorUID");
    if (text(link, "CrossProject") === "1") continue; // a link to another project's task: not in this plan
    const id = idOfUid.get(uid);
    if (id === undefined) {
      bad(`PredecessorUID ${uid}`);
      continue;
    }
    const type = LINK_TYPES[Number(text(link, "Type") || "1")] ?? "FS";
    const lag = Number(text(link, "LinkLag") || "0");
    const format = Number(text(link, "LagFormat") || "7");
    let lagText = "";
    if (Number.isFinite(lag) && lag !== 0) {
      // LinkLag is in tenths of a minute; a percentage lag (LagFormat 19, 20) is the percentage itself.
      const base = format >= 35 ? format - 32 : format;
      lagText = base === 19 || base === 20 ? `${lag}%` : unitText(lag / 10, format, cal);
      if (!lagText.startsWith("-")) lagText = `+${lagText}`;
    }
    out.push(type === "FS" && !lagText ? id : `${id}${type}${lagText}`);
  }
  return out.join(",");
}

/** Each task's resources by name, from the Assignments (Project's Resource Names column). */
function resourceNames(root: XmlNode): Map<string, string> {
  const byUid = new Map<string, string>();
  for (const r of listOf(root, "Resources", "Resource")) {
    const name = text(r, "Name");
    if (name) byUid.set(text(r, "UID"), name);
  }
  const out = new Map<string, string>();
  for (const [task, resources] of assignmentsByTask(root)) {
    const names = [...new Set(resources.map((r) => byUid.get(r)).filter((n): n is string => !!n))];
    if (names.length) out.set(task, names.join(", "));
  }
  return out;
}

function holidaySheet(cal: ProjectCalendar): SheetSnapshot | null {
  if (!cal.holidays.length) return null;
  return { name: "Holidays", top: 0, left: 0, rows: [["Date", "Name"], ...cal.holidays.map((h) => [h.date, h.name])] };
}

/** Settings rows: the status date, and the working time where it is not Project's default. */
function settingsSheet(root: XmlNode, cal: ProjectCalendar): SheetSnapshot | null {
  const rows: CellValue[][] = [];
  const status = dateText(text(root, "StatusDate"));
  if (status) rows.push(["Reporting date", status.slice(0, 10)]);
  if (cal.minutesPerDay !== 480) rows.push(["Hours per day", cal.minutesPerDay / 60]);
  if (cal.workingHours && cal.workingHours !== "08:00-12:00, 13:00-17:00")
    rows.push(["Working hours", cal.workingHours]);
  return rows.length ? { name: "Settings", top: 0, left: 0, rows: [["Setting", "Value"], ...rows] } : null;
}
