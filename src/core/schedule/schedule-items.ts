import { flat } from "../primitives/text";
import {
  dayAtIndex,
  indexOnOrAfter,
  indexOnOrBefore,
  isWorkingDay,
  nonWorkingReason,
  timeOnOrAfter,
  timeOnOrBefore,
  workedBefore,
  type WorkCalendar,
  type WorkTime,
} from "../primitives/calendar";
import type { Constraint, ConstraintType } from "./constraint-types";
import { formatDayLong, type Day } from "../primitives/dates";
import type { Diagnostic } from "../primitives/diagnostic";
import {
  cellOf,
  type DateTime,
  type Milestone,
  type Programme,
  type Project,
  type Source,
} from "../programme/entities";
import { isMilestoneDone, isProjectDone } from "../status/done";

/**
 * The schedule's items (src/core/schedule/schedule.ts has the rules): each project and milestone on the
 * working-time index, with its constraint and deadline, then four points per summary task.
 */

export const UNIT_CODE = { wd: 0, ed: 1, pct: 2, wmin: 3, emin: 4 } as const;

export const CONSTRAINT_CODE: Record<ConstraintType, number> = {
  ASAP: 0,
  ALAP: 1,
  SNET: 2,
  SNLT: 3,
  FNET: 4,
  FNLT: 5,
  MSO: 6,
  MFO: 7,
};
export const CONSTRAINT_OF: ConstraintType[] = ["ASAP", "ALAP", "SNET", "SNLT", "FNET", "FNLT", "MSO", "MFO"];

/**
 * Node roles: a project or milestone, and a summary's four points. A link into a summary binds each
 * task under it with the link's own type, a link out of it leaves from every task under it (FS, FF)
 * or from the earliest of them (SS, SF), as Project schedules it (MPXJ's MicrosoftScheduler models
 * Project the same way); the points carry that without a link per pair:
 *  - start: FS and SS links into the summary end here; it starts every task under it (SS);
 *  - finish: every task under it finishes into it (FF); FS and FF links out leave from it;
 *  - finish-in: FF and SF links into the summary end here; it bounds every task's finish (FF);
 *  - start-out: the earliest start under it; SS and SF links out leave from it, and backwards they
 *    bind only that earliest task.
 */
export const ITEM = 0;
export const SUMMARY_START = 1;
export const SUMMARY_FINISH = 2;
export const SUMMARY_FINISH_IN = 3;
export const SUMMARY_START_OUT = 4;
/** Nodes per summary, in the order above from its start point. */
export const SUMMARY_NODES = 4;

export interface Items {
  /** Nodes: the items first (`items` of them), then two per summary. */
  n: number;
  items: number;
  ids: string[];
  role: Uint8Array;
  milestone: Uint8Array;
  done: Uint8Array;
  /** Entered start point (a milestone: its point) and duration, in working minutes. */
  start: Float64Array;
  duration: Float64Array;
  /** Entered finish point (end of the last working day) and planned finish point (the baseline, else entered). */
  finishPoint: Float64Array;
  plannedPoint: Float64Array;
  /** A milestone, or a task's finish, entered at the very start of a working day (Project's 8:00, as it writes a finish an elapsed duration or a start-to-finish link sets): shown on that day while it stays there. */
  atDayStart: Uint8Array;
  /** The constraint (CONSTRAINT_CODE) and its point (a start or a finish as the type says; NaN: none), and the deadline's point. */
  cType: Uint8Array;
  cPoint: Float64Array;
  deadline: Float64Array;
  constraint: (Constraint | null)[];
  deadlineDay: (Day | null)[];
  /** Each item's row and the fields its start and finish were read from (the cells are made only for a finding). */
  src: Source[];
  startField: string[];
  finishField: string[];
  /** Where each item comes from: its position among the programme's projects (≥ 0) or milestones (−1 − position). */
  origin: Int32Array;
  /** True when some date carries a time of day: the plan is scheduled to the minute. */
  minute: boolean;
  /** An open task with an actual start (its start is a fact) or manually scheduled (its dates are the user's): links no longer move it. */
  started: Uint8Array;
  /** A summary's start-out point: the task under it that starts first (−1: none yet). */
  earliest: Int32Array;
}

/** Reads projects and milestones into schedule items on the calendar, noting dates moved onto working days. */
export function buildItems(
  p: Programme,
  cal: WorkCalendar,
  holidayNames: ReadonlyMap<Day, string>,
  diags: Diagnostic[],
): Items {
  const summaries = p.summaries ?? [];
  const it = emptyItems(p.projects.length + p.milestones.length + SUMMARY_NODES * summaries.length);
  it.minute =
    p.projects.some((x) => x.startTime != null || x.finishTime != null) || p.milestones.some((m) => m.time != null);
  const r: Reader = { cal, it, holidayNames, diags };
  for (let pos = 0; pos < p.projects.length; pos++) addProject(r, p.projects[pos], pos);
  for (let pos = 0; pos < p.milestones.length; pos++) addMilestone(r, p.milestones[pos], pos);
  it.items = it.n;
  for (const sm of summaries) {
    for (const role of [SUMMARY_START, SUMMARY_FINISH, SUMMARY_FINISH_IN, SUMMARY_START_OUT]) {
      const i = it.n++;
      it.ids.push(sm.id);
      it.role[i] = role;
      it.start[i] = -Infinity;
      it.finishPoint[i] = -Infinity;
      it.plannedPoint[i] = -Infinity;
      it.constraint.push(null);
      it.deadlineDay.push(null);
      it.src.push(sm.src);
      it.startField.push("start");
      it.finishField.push("finish");
      it.origin[i] = 0;
    }
  }
  return it;
}

function emptyItems(cap: number): Items {
  return {
    n: 0,
    items: 0,
    ids: [],
    role: new Uint8Array(cap),
    milestone: new Uint8Array(cap),
    done: new Uint8Array(cap),
    start: new Float64Array(cap),
    duration: new Float64Array(cap),
    finishPoint: new Float64Array(cap),
    plannedPoint: new Float64Array(cap),
    atDayStart: new Uint8Array(cap),
    cType: new Uint8Array(cap),
    cPoint: new Float64Array(cap).fill(NaN),
    deadline: new Float64Array(cap).fill(NaN),
    constraint: [],
    deadlineDay: [],
    src: [],
    startField: [],
    finishField: [],
    origin: new Int32Array(cap),
    started: new Uint8Array(cap),
    earliest: new Int32Array(cap).fill(-1),
    minute: false,
  };
}

/** What reading an item needs: the calendar, the items so far, and where notes go. */
interface Reader {
  cal: WorkCalendar;
  it: Items;
  holidayNames: ReadonlyMap<Day, string>;
  diags: Diagnostic[];
}

/** A start's point: at its time, or the start of its working day. */
function startAt(cal: WorkCalendar, day: Day, time: number | null | undefined): WorkTime {
  return time != null ? timeOnOrAfter(cal, { day, minute: time }) : indexOnOrAfter(cal, day) * cal.minutesPerDay;
}

/** A finish's point: at its time, or the end of its working day. */
function finishAt(cal: WorkCalendar, day: Day, time: number | null | undefined): WorkTime {
  return time != null && time > 0
    ? timeOnOrBefore(cal, { day, minute: time })
    : (indexOnOrBefore(cal, day) + 1) * cal.minutesPerDay;
}

/** A note for a date on a non-working day, read as the next (a start) or previous (a finish) working day. */
function noteMoved(r: Reader, day: Day, forward: boolean, id: string, what: string, src: Source, field: string): void {
  const { cal } = r;
  if (isWorkingDay(cal, day)) return;
  const to = forward ? dayAtIndex(cal, indexOnOrAfter(cal, day)) : dayAtIndex(cal, indexOnOrBefore(cal, day));
  r.diags.push({
    severity: "info",
    code: "non-working-day",
    message: flat(
      `${id}'s ${what} ${formatDayLong(day)} is ${nonWorkingReason(cal, day, r.holidayNames)}, so the schedule reads it as ${formatDayLong(to)}, the ${forward ? "next" : "previous"} working day.`,
    ),
    sheet: src.sheet,
    cell: cellOf(src, field) ?? "",
    entity: id,
  });
}

/** An item's constraint (its point a start or a finish as the type says) and deadline. */
function constrain(
  r: Reader,
  i: number,
  c: Constraint | null | undefined,
  deadline: DateTime | null | undefined,
  milestone: boolean,
): void {
  const { it, cal } = r;
  it.constraint.push(c ?? null);
  it.deadlineDay.push(deadline?.day ?? null);
  if (c && c.type !== "ASAP") {
    it.cType[i] = CONSTRAINT_CODE[c.type];
    const d = c.date;
    if (d)
      it.cPoint[i] =
        !milestone && (c.type === "SNET" || c.type === "SNLT" || c.type === "MSO")
          ? startAt(cal, d.day, d.time)
          : finishAt(cal, d.day, d.time);
    else if (c.type !== "ALAP") it.cType[i] = 0; // a dated constraint without its date binds nothing
  }
  if (deadline) it.deadline[i] = finishAt(cal, deadline.day, deadline.time);
}

function addProject(r: Reader, pr: Project, pos: number): void {
  const { it, cal } = r;
  const done = isProjectDone(pr);
  const finishDay = (done ? pr.actualFinish : null) ?? pr.finish ?? pr.start;
  const startDay = pr.start ?? finishDay;
  if (finishDay === null || startDay === null) return;
  const startField = pr.src.columns.start !== undefined ? "start" : "finish";
  const finishField = done && pr.actualFinish !== null ? "actualFinish" : "finish";
  if (finishDay < startDay) {
    r.diags.push({
      severity: "error",
      code: "date-conflict",
      message: flat(
        `${pr.id} finishes (${formatDayLong(finishDay)}) before it starts (${formatDayLong(startDay)}). Correct the Start or Finish date.`,
      ),
      sheet: pr.src.sheet,
      cell: cellOf(pr.src, finishField) || cellOf(pr.src, startField) || "",
      entity: pr.id,
    });
  }
  if (pr.start !== null) noteMoved(r, pr.start, true, pr.id, "start", pr.src, startField);
  const s = startAt(cal, startDay, pr.start !== null ? pr.startTime : null);
  const finishTime = finishDay === pr.finish ? pr.finishTime : finishDay === pr.start ? pr.startTime : null;
  const entered = Math.max(s, finishAt(cal, finishDay, finishTime));
  // Dates that hold no working time here (a weekend task from a seven-day plan): the task's Duration from its start.
  const duration = pr.duration ?? 0;
  const byDuration = entered === s && !done && duration > 0;
  const e = byDuration ? s + Math.round(duration * cal.minutesPerUnitDay) : entered;
  if (!byDuration) noteMoved(r, finishDay, false, pr.id, "finish", pr.src, finishField); // else its finish follows from the start
  const i = it.n++;
  it.atDayStart[i] = finishTime === cal.hours[0][0] && dayStartTime(cal, finishDay, finishTime) && e > s ? 1 : 0;
  it.ids.push(pr.id);
  it.done[i] = done ? 1 : 0;
  it.started[i] = !done && (pr.actualStart != null || pr.manual === true) ? 1 : 0;
  it.start[i] = s;
  it.duration[i] = e - s;
  it.finishPoint[i] = e;
  it.plannedPoint[i] = pr.baselineFinish !== null ? finishAt(cal, pr.baselineFinish, null) : e;
  constrain(r, i, pr.constraint, pr.deadline, false);
  it.src.push(pr.src);
  it.startField.push(startField);
  it.finishField.push(finishField);
  it.origin[i] = pos;
}

function addMilestone(r: Reader, m: Milestone, pos: number): void {
  const { it, cal } = r;
  const date = m.actual ?? m.forecast ?? m.baseline;
  if (date === null) return;
  const field = m.actual !== null ? "actual" : m.forecast !== null ? "forecast" : "baseline";
  noteMoved(r, date, false, m.id, "date", m.src, field);
  const time = m.actual === null ? m.time : null;
  const point = dayStartTime(cal, date, time)
    ? timeOnOrAfter(cal, { day: date, minute: time! })
    : finishAt(cal, date, time);
  const i = it.n++;
  it.ids.push(m.id);
  it.milestone[i] = 1;
  it.atDayStart[i] = dayStartTime(cal, date, time) ? 1 : 0;
  it.done[i] = isMilestoneDone(m) ? 1 : 0;
  it.started[i] = !it.done[i] && m.manual === true ? 1 : 0;
  it.start[i] = point;
  it.duration[i] = 0;
  it.finishPoint[i] = point;
  it.plannedPoint[i] = m.baseline !== null ? finishAt(cal, m.baseline, null) : point;
  constrain(r, i, m.constraint, m.deadline, true);
  it.src.push(m.src);
  it.startField.push(field);
  it.finishField.push(field);
  it.origin[i] = -1 - pos;
}

/** True for a time at the first working minute of a working day (Project's 8:00): a moment that is both the end of the previous working day and the start of this one. */
export function dayStartTime(cal: WorkCalendar, day: Day, time: number | null | undefined): boolean {
  return time != null && time > 0 && workedBefore(cal, time) === 0 && isWorkingDay(cal, day);
}

/** An item's start and finish cells, for a finding (made only when one is reported). */
export const startCell = (it: Items, v: number): string => cellOf(it.src[v], it.startField[v]) ?? "";
export const finishCell = (it: Items, v: number): string => cellOf(it.src[v], it.finishField[v]) ?? "";

/** Working days of a span of working minutes: exact for whole days, else to 2 places. */
export const daysOf = (minutes: number, M: number): number => {
  const d = minutes / M;
  return Number.isInteger(d) ? d + 0 : (Math.sign(d) * Math.round(Math.abs(d) * 100)) / 100 + 0;
};

/** A finish (a milestone's point) shows the day it ends (a point at a day boundary is the previous day's end), or, entered at a day's first minute and still there, that day, as Project writes it. */
export function finishDay(it: Items, v: number, point: number, shown: Shown): Day {
  return shown(point, !(it.atDayStart[v] && point === it.finishPoint[v]));
}

export type Shown = (point: WorkTime, asFinish: boolean) => Day;
