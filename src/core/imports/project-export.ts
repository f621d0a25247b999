import { cellOf } from "../programme/entities";
import { a1 } from "../primitives/cell";
import { asDay, type Day } from "../primitives/dates";
import type { Diagnostic } from "../primitives/diagnostic";
import type { Milestone, Project, Source, SummaryTask } from "../programme/entities";
import { dateTimeOf, readConstraint } from "../schedule/read-constraint";
import { finishAfterWorkingDays, makeCalendar, type WorkCalendar } from "../primitives/calendar";
import type { Rag } from "../rag/scale";
import type { Found } from "../workbook/recognise";
import type { TypedRow } from "../workbook/rows";
import { isCompletePercent } from "../status/done";
import { wholeNumber } from "../primitives/text";

/** Monday to Friday, no holidays: the calendar when none is given. */
const WEEKDAYS = makeCalendar("working");

/**
 * A plan exported from Microsoft Project or Smartsheet, read as projects, milestones and links.
 * The outline is the structure (docs/importing.md):
 *  - a summary row (Outline Level above the next row's, Summary = Yes, or an Excel row-outline
 *    parent) is a grouping, never a schedule item;
 *  - the top-level summaries name the workstreams — or, when one top summary holds everything with
 *    summaries under it, that one names the programme and the next level the workstreams;
 *  - leaf rows with zero duration or Milestone = Yes are milestones (of the project before them
 *    in their group); other leaves are projects;
 *  - a task's ID is its ID column (Project's task ID, what Predecessors refer to), else its row
 *    number (Smartsheet's: the first data row is 1);
 *  - a link to or from a summary is read once, as written, and binds what is under it through the
 *    summary (`summaries`; src/core/schedule/schedule.ts), never copied to each item under it;
 *  - Start and Finish keep their times of day, and Constraint Type, Constraint Date and Deadline
 *    are read as Project writes them (src/core/schedule/read-constraint.ts).
 */
export interface ImportedPlan {
  projects: Project[];
  milestones: Milestone[];
  /** Predecessor cells, each once, as written (a summary's too). */
  refs: { toId: string; text: string; sheet: string; cell: string }[];
  /** The summary tasks, with the IDs of the tasks directly under each. */
  summaries: SummaryTask[];
  /** The one top summary's name, when it holds the whole plan. */
  programmeName: string | null;
}

/** A row of a plan export's task sheet, typed by its schema. */
type TaskRow = TypedRow<"tasks">;

interface Task {
  id: string;
  row: TaskRow;
  name: string;
  level: number;
  summary: boolean;
  milestone: boolean;
  children: Task[];
  parent: Task | null;
}

// A typed field absent (no column) or blank (null) as the item's empty value.
const str = (v: string | null | undefined): string => v ?? "";
const num = (v: number | null | undefined): number | null => v ?? null;
/** The day of a date that may carry a time (a task's Start and Finish are read with their fraction of a day). */
const day = (v: number | null | undefined): Day | null => (typeof v === "number" ? asDay(Math.floor(v)) : null);
/** The time of day of a Start or Finish (read with its fraction of a day), or null. */
const timeOf = (v: number | null | undefined): number | null => dateTimeOf(v)?.time ?? null;

export function importPlan(
  found: Found,
  rows: TypedRow[],
  unassigned: string,
  diags: Diagnostic[],
  calendar: WorkCalendar = WEEKDAYS,
): ImportedPlan {
  const tasks = buildTree(found, rows);
  const summaries = tasks.filter((t) => t.summary);
  const leaves = tasks.filter((t) => !t.summary);
  const { tops, oneRoot, wsLevel } = planShape(tasks);
  const workstreamOf = (t: Task): string => {
    let a: Task | null = t;
    while (a && a.level > wsLevel) a = a.parent;
    if (a && a !== t && a.summary) return a.name;
    return str(t.row.values.workstream) || unassigned;
  };
  const projects: Project[] = [];
  const milestones: Milestone[] = [];
  const projectOfMilestone = new Map<Task, Task | null>();
  const roots = tasks.filter((t) => t.parent === null);
  const near = new Map<Task[], Nearest>();
  for (const t of leaves) if (t.milestone) projectOfMilestone.set(t, nearestProject(t, roots, near));
  for (const t of leaves) {
    if (t.milestone) milestones.push(milestoneOf(t, found, projectOfMilestone.get(t), calendar, diags));
    else projects.push(projectOf(t, found, workstreamOf(t), calendar, diags));
  }
  if (!carriesProgress(found)) noteNoProgress(found, projects, milestones, diags);
  const refs = predecessorRefs(tasks, found);
  const summaryTasks: SummaryTask[] = summaries.map((t) => ({
    id: t.id,
    name: t.name,
    children: t.children.map((c) => c.id),
    src: sourceOf(t, found),
  }));
  diags.push({
    severity: "info",
    code: "recognised-as",
    message: `${found.sheet.name} was recognised as ${sourceName(found)}: ${wholeNumber(tasks.length)} tasks, ${wholeNumber(summaries.length)} summaries (read as ${oneRoot ? `the programme "${tops[0].name}" and its workstreams` : "workstreams"}), ${wholeNumber(milestones.length)} milestones and ${wholeNumber(projects.length)} projects.`,
    sheet: found.sheet.name,
    cell: a1(found.headerRow, found.region.left),
  });
  return { projects, milestones, refs, summaries: summaryTasks, programmeName: oneRoot ? tops[0].name : null };
}

/** The outline's shape: its top level, whether one summary holds the whole plan (the programme), and the level whose summaries are the workstreams. */
function planShape(tasks: Task[]): { tops: Task[]; oneRoot: boolean; wsLevel: number } {
  const top = Math.min(...tasks.map((t) => t.level));
  const tops = tasks.filter((t) => t.level === top);
  const oneRoot =
    tops.length === 1 &&
    tops[0].summary &&
    tops[0].children.some((c) => c.summary) &&
    tops[0].children.length + countBelow(tops[0]) === tasks.length - 1;
  return { tops, oneRoot, wsLevel: oneRoot ? top + 1 : top };
}

/** Task Mode "Manually Scheduled" (Project 2010 on): the task keeps its entered dates. */
function manualOf(t: Task): { manual?: true } {
  return /^manual/i.test(str(t.row.values.taskMode).trim()) ? { manual: true } : {};
}

/** A task's status: its own, or "Complete" at 100 % (the one definition of done). */
function statusOf(t: Task): string {
  const v = t.row.values;
  return str(v.status) || (isCompletePercent(num(v.percentComplete)) ? "Complete" : "");
}

function milestoneOf(
  t: Task,
  found: Found,
  owner: Task | null | undefined,
  calendar: WorkCalendar,
  diags: Diagnostic[],
): Milestone {
  const v = t.row.values;
  const src = sourceOf(t, found);
  // A milestone has no % Complete of its own: 100 % becomes its status.
  const time = day(v.finish) !== null ? timeOf(v.finish) : timeOf(v.start);
  return {
    id: t.id,
    project: owner?.id ?? "",
    name: t.name,
    baseline: day(v.baselineFinish) ?? finishOf(t, calendar),
    forecast: finishOf(t, calendar),
    actual: day(v.actualFinish),
    status: statusOf(t),
    owner: str(v.resources),
    reviewPoint: "",
    time,
    ...readConstraint(v, src, t.id, diags),
    ...manualOf(t),
    src,
  };
}

function projectOf(t: Task, found: Found, workstream: string, calendar: WorkCalendar, diags: Diagnostic[]): Project {
  const v = t.row.values;
  const src = sourceOf(t, found);
  return {
    id: t.id,
    name: t.name,
    workstream,
    lead: str(v.resources),
    // A task in progress keeps its actual start (Project: Actual Start replaces Start once work begins).
    start: day(v.actualStart) ?? day(v.start),
    actualStart: day(v.actualStart),
    finish: finishOf(t, calendar),
    baselineFinish: day(v.baselineFinish),
    actualFinish: day(v.actualFinish),
    budget: null,
    forecastCost: null,
    actualCost: null,
    percentComplete: num(v.percentComplete),
    status: statusOf(t),
    reportedRag: (str(v.rag) || null) as Rag | null,
    scopeRag: null,
    qualityRag: null,
    notes: str(v.notes),
    competencies: [],
    benefits: [],
    startTime: timeOf(v.start),
    finishTime: day(v.finish) !== null ? timeOf(v.finish) : null,
    duration: num(v.duration),
    ...readConstraint(v, src, t.id, diags),
    ...manualOf(t),
    src,
  };
}

/** A plan with no progress columns: one note, and every item "progress not reported" rather than overdue. */
function noteNoProgress(found: Found, projects: Project[], milestones: Milestone[], diags: Diagnostic[]): void {
  for (const x of projects) x.progressNotReported = true;
  for (const x of milestones) x.progressNotReported = true;
  diags.push({
    severity: "info",
    code: "no-progress",
    message: `${found.sheet.name} carries no progress (no % Complete, Actual Start, Actual Finish or Status column), so tasks past their finish are "progress not reported" (Amber), not overdue. Export % Complete and Actual Finish with the plan to have them checked.`,
    sheet: found.sheet.name,
    cell: a1(found.headerRow, found.region.left),
  });
}

/** Progress is a column saying how far each task got: % Complete, an actual date or a status. */
function carriesProgress(found: Found): boolean {
  const keys = new Set(found.columns.values());
  return ["percentComplete", "actualStart", "actualFinish", "status"].some((k) => keys.has(k));
}

function countBelow(t: Task): number {
  return t.children.reduce((n, c) => n + c.children.length + countBelow(c), 0);
}

/** Which tool wrote it, from its sheet name and headers (for the user, and for docs/importing.md's sections). */
function sourceName(found: Found): string {
  const headers = [...found.columns.keys(), ...found.extras.keys()].map((c) =>
    String(found.sheet.rows[found.headerRow - found.sheet.top]?.[c - found.sheet.left] ?? ""),
  );
  if (
    /^task_table\d*$/i.test(found.sheet.name.trim()) ||
    headers.some((h) => /_/.test(h)) ||
    headers.some((h) => /^(task mode|active|outline level|resource names|unique id)$/i.test(h.trim()))
  )
    return "a Microsoft Project export";
  if (headers.some((h) => /^(assigned to|end date)$/i.test(h.trim())) && !headers.some((h) => /^id$/i.test(h.trim())))
    return "a Smartsheet export";
  return "a task list";
}

/** Tasks in sheet order, with their level, parent and whether each is a summary or a milestone. */
function buildTree(found: Found, rows: TaskRow[]): Task[] {
  const hasLevel = [...found.columns.values()].includes("outlineLevel");
  const outline = found.sheet.outline;
  const tasks: Task[] = [];
  for (const row of rows) {
    const v = row.values;
    if (v.active === false) continue; // Microsoft Project: an inactive task is not part of the plan
    const name = str(v.name);
    if (!name) continue;
    const level = hasLevel
      ? (num(v.outlineLevel) ?? 1)
      : outline
        ? (outline[row.src.row - found.sheet.top] ?? 0) + 1
        : 1;
    const id = str(v.id) || String(row.src.row - found.headerRow);
    const duration = num(v.duration);
    const milestone = v.milestone === true || (duration !== null && duration === 0);
    tasks.push({ id, row, name, level, summary: v.summary === true, milestone, children: [], parent: null });
  }
  const stack: Task[] = [];
  tasks.forEach((t, i) => {
    const next = tasks[i + 1];
    if (next && next.level > t.level) t.summary = true;
    while (stack.length && stack[stack.length - 1].level >= t.level) stack.pop();
    t.parent = stack[stack.length - 1] ?? null;
    t.parent?.children.push(t);
    stack.push(t);
  });
  return tasks;
}

/** The finish of a task: its Finish, else its Start plus its duration in working days on the programme's calendar. */
function finishOf(t: Task, cal: WorkCalendar): Day | null {
  const v = t.row.values;
  const finish = day(v.finish);
  if (finish !== null) return finish;
  const start = day(v.start);
  const duration = num(v.duration);
  if (start === null || duration === null) return start;
  return finishAfterWorkingDays(cal, start, Math.ceil(duration));
}

/** The project a milestone belongs to: a project it depends on, else the project before it in its group, else after it. */
function nearestProject(m: Task, roots: Task[], near: Map<Task[], Nearest> = new Map()): Task | null {
  const siblings = m.parent ? m.parent.children : roots;
  let n = near.get(siblings);
  if (!n) near.set(siblings, (n = nearestInGroup(siblings)));
  const i = n.at.get(m)!;
  return n.before[i] ?? n.after[i] ?? (m.parent ? nearestProject(m.parent, roots, near) : null);
}

/** For each task of a group, the nearest project (a leaf that is not a milestone) before it and after it: one walk each way, so a plan of many milestones costs linear time. */
interface Nearest {
  at: Map<Task, number>;
  before: (Task | null)[];
  after: (Task | null)[];
}
function nearestInGroup(siblings: Task[]): Nearest {
  const isProject = (t: Task) => !t.summary && !t.milestone;
  const at = new Map<Task, number>();
  const before: (Task | null)[] = new Array(siblings.length);
  const after: (Task | null)[] = new Array(siblings.length);
  let last: Task | null = null;
  siblings.forEach((t, i) => {
    at.set(t, i);
    before[i] = last;
    if (isProject(t)) last = t;
  });
  last = null;
  for (let i = siblings.length - 1; i >= 0; i--) {
    after[i] = last;
    if (isProject(siblings[i])) last = siblings[i];
  }
  return { at, before, after };
}

/** Predecessor cells as reference lists, one per task that has one (a summary's included), as written. */
function predecessorRefs(tasks: Task[], found: Found): ImportedPlan["refs"] {
  const out: ImportedPlan["refs"] = [];
  for (const t of tasks) {
    const text = str(t.row.values.predecessors);
    if (!text) continue;
    out.push({ toId: t.id, text, sheet: found.sheet.name, cell: cellOf(t.row.src, "predecessors") ?? "" });
  }
  return out;
}

/** The task's row as the source of an item: its columns under our field names, for click-through. */
function sourceOf(t: Task, found: Found): Source {
  const columns = itemColumns(t.row.src.columns);
  return { sheet: found.sheet.name, row: t.row.src.row, columns, failed: t.row.failed };
}

/** A task sheet's columns under the names of a project's and a milestone's fields: worked out once per sheet. */
const itemColumnsOf = new WeakMap<Source["columns"], Source["columns"]>();
function itemColumns(c: Source["columns"]): Source["columns"] {
  const known = itemColumnsOf.get(c);
  if (known) return known;
  const cells: Record<string, string | undefined> = {
    id: c.id ?? c.name,
    name: c.name,
    start: c.start,
    actualStart: c.actualStart,
    finish: c.finish ?? c.start,
    baselineFinish: c.baselineFinish,
    actualFinish: c.actualFinish,
    lead: c.resources,
    owner: c.resources,
    percentComplete: c.percentComplete,
    status: c.status,
    reportedRag: c.rag,
    dependsOn: c.predecessors,
    baseline: c.baselineFinish ?? c.finish,
    forecast: c.finish,
    actual: c.actualFinish,
    notes: c.notes,
    constraintType: c.constraintType,
    constraintDate: c.constraintDate,
    deadline: c.deadline,
  };
  for (const k of Object.keys(cells)) if (cells[k] === undefined) delete cells[k];
  const columns = cells as Record<string, string>;
  itemColumnsOf.set(c, columns);
  return columns;
}
