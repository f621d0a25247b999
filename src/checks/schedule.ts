import { flat } from "../model/text";
import {
  clockAt,
  dayAtIndex,
  dayLookup,
  indexOnOrAfter,
  indexOnOrBefore,
  isWorkingDay,
  momentAt,
  minutesOf,
  momentOfMinutes,
  nonWorkingReason,
  timeOnOrAfter,
  timeOnOrBefore,
  workedBefore,
  asWorkIndex,
  type WorkCalendar,
  type WorkTime,
} from "../model/calendar";
import { CONSTRAINT_NAME, type Constraint, type ConstraintType } from "../model/constraint";
import { addDays, asDay, formatDayLong, type Day } from "../model/dates";
import type { Diagnostic } from "../model/diagnostic";
import {
  cellOf,
  exactLag,
  LINK_TYPE_NUMBER,
  linkText,
  type DateTime,
  type Link,
  type Programme,
  type Source,
} from "../model/entities";
import { isMilestoneDone, isProjectDone } from "../model/status";
import { adjacency, cycleThrough, findCycles, topologicalOrder, type Adjacency } from "./graph";

/**
 * The schedule, on Microsoft Project's conventions (docs/dependencies.md has the rules and worked
 * examples). Time is a working-time index on the programme's calendar (src/model/calendar.ts):
 * working minutes, working day i occupying [i·M, (i + 1)·M) with M the working minutes of a day. A
 * task from working day s to working day e (Finish is the last day of work) occupies [s·M, (e + 1)·M);
 * a milestone on day m is the point (m + 1)·M, the end of its day. Dates with times (Project's
 * exports) are placed to the minute: a task ending at 10:00 has its FS successor start at 10:00.
 * Lags are working time unless written as elapsed time or a percentage of the predecessor's duration.
 *  - Forward: FS: ES ≥ EF(p) + lag; SS: ES ≥ ES(p) + lag; FF: EF ≥ EF(p) + lag; SF: EF ≥ ES(p) + lag;
 *    EF = ES + duration; the entered start (a milestone's date) is a "no earlier than".
 *  - Backward from the programme end (the latest EF of the open items): FS: LF ≤ LS(s) − lag;
 *    SS: LS ≤ LS(s) − lag; FF: LF ≤ LF(s) − lag; SF: LS ≤ LF(s) − lag; LS = LF − duration.
 *  - Constraints and deadlines bind as Project documents (constraintStart, constraintLate below).
 *  - Total float = LF − EF, in working days (fractions below a day); it can be negative, and an
 *    item is critical when it is ≤ 0 ("Negative Slack (task field)": total slack is the smaller of
 *    LF − EF and LS − ES; "Show the critical path of your project": critical when slack ≤ 0).
 *  - Done items are facts: links into them are ignored in both passes; links out still bind.
 *  - A summary task that links name is two points in the network, its start and its finish: a link
 *    into it binds the start of everything under it, a link out of it leaves from the earliest start
 *    or the latest finish under it ("Link tasks in a project": linking a summary links its subtasks).
 * A plan whose dates carry no times is scheduled in whole days, exactly as before (lags in hours
 * round up to days); one with times is scheduled to the minute (`resolution`).
 * Links inside a cycle are reported and left out; the rest of the network is still analysed.
 */

/** Why an open item finishes later than entered. */
export interface Push {
  /** `slip`: the predecessor finishes later than planned and pushes this item; `conflict`: nothing slipped, this item's dates conflict with its link. */
  kind: "slip" | "conflict";
  /** The predecessor whose constraint binds. */
  by: string;
  /** The item where the trouble starts: a slipped or conflicting item at the head of the chain. */
  root: string;
  /** Calendar days past the entered finish (board language: "57 days late"). */
  days: number;
}

/** Minutes after midnight of a node's four dates, for a plan scheduled to the minute. */
export interface NodeTimes {
  earlyStart: number;
  earlyFinish: number;
  lateStart: number | null;
  lateFinish: number | null;
}

export interface ScheduleNode {
  id: string;
  kind: "project" | "milestone";
  done: boolean;
  /** False when the item sits in a dependency cycle: its dates ignore the links in the cycle. */
  computable: boolean;
  /** The dates as entered, moved onto working days (a milestone: actual, else forecast, else baseline). */
  start: Day;
  finish: Day;
  /** Working days, Start to Finish inclusive (0 for a milestone; a fraction for work below a day: 2 h is 0.25). */
  duration: number;
  /** Shown dates: the working day of the early start and of the early finish. */
  earlyStart: Day;
  earlyFinish: Day;
  /** Null for done items and items in a cycle. */
  lateStart: Day | null;
  lateFinish: Day | null;
  /** Working days (fractions below a day, to 2 places), negative when a constraint or deadline cannot be met; null for done items and items in a cycle. */
  totalFloat: number | null;
  /** The same in working minutes (exact). */
  totalFloatMinutes: number | null;
  /** Total float ≤ 0, as Project marks a task critical. */
  critical: boolean;
  /** The links whose constraint binds the early start (ties included), as read: each names its predecessor in `from` (a link into a summary binds what is under it). */
  drivers: readonly Link[];
  push: Push | null;
  inCycle: boolean;
  /** The item's constraint and deadline as read (null: As Soon As Possible, no deadline). */
  constraint: Constraint | null;
  deadline: Day | null;
  /** The times of day of the four dates when the plan is scheduled to the minute, else null. */
  times: NodeTimes | null;
}

/** A constraint or deadline the network cannot meet: one per item, for findings and the board's critical path. */
export interface ConstraintViolation {
  id: string;
  /** The constraint type, or "deadline". */
  kind: ConstraintType | "deadline";
  /** The Constraint Date or Deadline. */
  date: Day;
  /** How far it is missed, in working days (fractions below a day) and working minutes. */
  workingDays: number;
  minutes: number;
  /** The predecessor whose link drives the item past the date (null: its own dates), and the item at the head of that driving chain. */
  drivenBy: string | null;
  root: string | null;
}

/** A summary task as the schedule sees it: the earliest start and latest finish under it. */
export interface SummaryNode {
  id: string;
  earlyStart: Day | null;
  earlyFinish: Day | null;
  totalFloat: number | null;
}

export interface ScheduleResult {
  calendar: WorkCalendar;
  /** "day": every date is a whole day, scheduled as before; "minute": the plan carries times. */
  resolution: "day" | "minute";
  nodes: Map<string, ScheduleNode>;
  /** The same nodes by the position of their project or milestone in the programme (undefined: no dates), for callers that walk the programme. */
  projectNodes: (ScheduleNode | undefined)[];
  milestoneNodes: (ScheduleNode | undefined)[];
  /** Every open item with float ≤ 0, in order of early start, then early finish. */
  criticalPath: string[];
  /** The latest early finish of the open items. */
  programmeEnd: Day | null;
  /** Each cycle as its IDs in waiting order: [A, C, B] means A waits for C, C for B, B for A. */
  cycles: string[][];
  /** Constraints and deadlines that cannot be met, in item order. */
  violations: ConstraintViolation[];
  /** The summary tasks links name, by ID. */
  summaries: Map<string, SummaryNode>;
  /** Links read (each Predecessors reference once, summaries included). */
  linkCount: number;
}

/** Shared by every item no link binds (most of a plan): one empty list, frozen. */
const NO_DRIVERS: readonly Link[] = Object.freeze([]);

const UNIT_CODE = { wd: 0, ed: 1, pct: 2, wmin: 3, emin: 4 } as const;
const CONSTRAINT_CODE: Record<ConstraintType, number> = {
  ASAP: 0,
  ALAP: 1,
  SNET: 2,
  SNLT: 3,
  FNET: 4,
  FNLT: 5,
  MSO: 6,
  MFO: 7,
};
const CONSTRAINT_OF: ConstraintType[] = ["ASAP", "ALAP", "SNET", "SNLT", "FNET", "FNLT", "MSO", "MFO"];

/** Node roles: a project or milestone, a summary's start point, a summary's finish point. */
const ITEM = 0;
const SUMMARY_START = 1;
const SUMMARY_FINISH = 2;

interface Items {
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
  /** A milestone entered at the very start of a working day (Project's 8:00): shown on that day while it stays there. */
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
}

/** Reads projects and milestones into schedule items on the calendar, noting dates moved onto working days. */
function buildItems(
  p: Programme,
  cal: WorkCalendar,
  holidayNames: ReadonlyMap<Day, string>,
  diags: Diagnostic[],
): Items {
  const summaries = p.summaries ?? [];
  const cap = p.projects.length + p.milestones.length + 2 * summaries.length;
  const it: Items = {
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
    minute:
      p.projects.some((x) => x.startTime != null || x.finishTime != null) || p.milestones.some((m) => m.time != null),
  };
  const M = cal.minutesPerDay;
  const startAt = (day: Day, time: number | null | undefined): WorkTime =>
    time != null ? timeOnOrAfter(cal, { day, minute: time }) : indexOnOrAfter(cal, day) * M;
  const finishAt = (day: Day, time: number | null | undefined): WorkTime =>
    time != null && time > 0 ? timeOnOrBefore(cal, { day, minute: time }) : (indexOnOrBefore(cal, day) + 1) * M;
  const moved = (day: Day, forward: boolean, id: string, what: string, src: Source, field: string): void => {
    if (isWorkingDay(cal, day)) return;
    const to = forward ? dayAtIndex(cal, indexOnOrAfter(cal, day)) : dayAtIndex(cal, indexOnOrBefore(cal, day));
    diags.push({
      severity: "info",
      code: "non-working-day",
      message: flat(
        `${id}'s ${what} ${formatDayLong(day)} is ${nonWorkingReason(cal, day, holidayNames)}, so the schedule reads it as ${formatDayLong(to)}, the ${forward ? "next" : "previous"} working day.`,
      ),
      sheet: src.sheet,
      cell: cellOf(src, field) ?? "",
      entity: id,
    });
  };
  const constrain = (
    i: number,
    c: Constraint | null | undefined,
    deadline: DateTime | null | undefined,
    milestone: boolean,
  ): void => {
    it.constraint.push(c ?? null);
    it.deadlineDay.push(deadline?.day ?? null);
    if (c && c.type !== "ASAP") {
      it.cType[i] = CONSTRAINT_CODE[c.type];
      const d = c.date;
      if (d)
        it.cPoint[i] =
          !milestone && (c.type === "SNET" || c.type === "SNLT" || c.type === "MSO")
            ? startAt(d.day, d.time)
            : finishAt(d.day, d.time);
      else if (c.type !== "ALAP") it.cType[i] = 0; // a dated constraint without its date binds nothing
    }
    if (deadline) it.deadline[i] = finishAt(deadline.day, deadline.time);
  };
  for (let pos = 0; pos < p.projects.length; pos++) {
    const pr = p.projects[pos];
    const done = isProjectDone(pr);
    const finishDay = (done ? pr.actualFinish : null) ?? pr.finish ?? pr.start;
    const startDay = pr.start ?? finishDay;
    if (finishDay === null || startDay === null) continue;
    const startField = pr.src.columns.start !== undefined ? "start" : "finish";
    const finishField = done && pr.actualFinish !== null ? "actualFinish" : "finish";
    if (finishDay < startDay) {
      diags.push({
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
    if (pr.start !== null) moved(pr.start, true, pr.id, "start", pr.src, startField);
    moved(finishDay, false, pr.id, "finish", pr.src, finishField);
    const s = startAt(startDay, pr.start !== null ? pr.startTime : null);
    const finishTime = finishDay === pr.finish ? pr.finishTime : finishDay === pr.start ? pr.startTime : null;
    const e = Math.max(s, finishAt(finishDay, finishTime));
    const i = it.n++;
    it.ids.push(pr.id);
    it.done[i] = done ? 1 : 0;
    it.start[i] = s;
    it.duration[i] = e - s;
    it.finishPoint[i] = e;
    it.plannedPoint[i] = pr.baselineFinish !== null ? finishAt(pr.baselineFinish, null) : e;
    constrain(i, pr.constraint, pr.deadline, false);
    it.src.push(pr.src);
    it.startField.push(startField);
    it.finishField.push(finishField);
    it.origin[i] = pos;
  }
  for (let pos = 0; pos < p.milestones.length; pos++) {
    const m = p.milestones[pos];
    const date = m.actual ?? m.forecast ?? m.baseline;
    if (date === null) continue;
    const field = m.actual !== null ? "actual" : m.forecast !== null ? "forecast" : "baseline";
    moved(date, false, m.id, "date", m.src, field);
    const time = m.actual === null ? m.time : null;
    const point =
      time != null && time > 0 && workedBefore(cal, time) === 0 && isWorkingDay(cal, date)
        ? timeOnOrAfter(cal, { day: date, minute: time })
        : finishAt(date, time);
    const i = it.n++;
    it.ids.push(m.id);
    it.milestone[i] = 1;
    it.atDayStart[i] = time != null && time > 0 && workedBefore(cal, time) === 0 && isWorkingDay(cal, date) ? 1 : 0;
    it.done[i] = isMilestoneDone(m) ? 1 : 0;
    it.start[i] = point;
    it.duration[i] = 0;
    it.finishPoint[i] = point;
    it.plannedPoint[i] = m.baseline !== null ? finishAt(m.baseline, null) : point;
    constrain(i, m.constraint, m.deadline, true);
    it.src.push(m.src);
    it.startField.push(field);
    it.finishField.push(field);
    it.origin[i] = -1 - pos;
  }
  it.items = it.n;
  for (const sm of summaries) {
    for (const role of [SUMMARY_START, SUMMARY_FINISH]) {
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

/** The links between known nodes, in compressed arrays: by successor (in) and by predecessor (out). Links from `external` on are a summary's own (its start to each child, each child to its finish). */
interface Net {
  from: Int32Array;
  to: Int32Array;
  type: Uint8Array;
  unit: Uint8Array;
  /** The lag in the unit: working minutes (wd, wmin), elapsed minutes (ed, emin), or percent. */
  lag: Float64Array;
  /** The links as read, by number (the first `external`). */
  links: readonly Link[];
  external: number;
  /** The links that bind (not in a cycle, not into a done item), by successor and by predecessor. */
  into: Adjacency;
  outOf: Adjacency;
}

/** The links whose constraint binds each item's early start, by item (Adjacency without the far ends). */
type Bindings = Pick<Adjacency, "start" | "link">;

/** An item's start and finish cells, for a finding (made only when one is reported). */
const startCell = (it: Items, v: number): string => cellOf(it.src[v], it.startField[v]) ?? "";
const finishCell = (it: Items, v: number): string => cellOf(it.src[v], it.finishField[v]) ?? "";

/** Working days of a span of working minutes: exact for whole days, else to 2 places. */
const daysOf = (minutes: number, M: number): number => {
  const d = minutes / M;
  return Number.isInteger(d) ? d + 0 : (Math.sign(d) * Math.round(Math.abs(d) * 100)) / 100 + 0;
};

export function analyseSchedule(
  p: Programme,
  cal: WorkCalendar,
  diags: Diagnostic[],
  holidayNames: ReadonlyMap<Day, string> = new Map(),
): ScheduleResult {
  const it = buildItems(p, cal, holidayNames, diags);
  const n = it.n;
  const M = cal.minutesPerDay;
  const { from, to, links, lagOf, types, units, cells } = networkLinks(p, it, cal);
  const succ = adjacency(n, from, to);

  const cycleOf = new Int32Array(n).fill(-1);
  const cycles = reportCycles(findCycles(n, succ), succ, it, from, to, cells, cycleOf, diags);

  const inCycleLink = (j: number) => cycleOf[from[j]] !== -1 && cycleOf[from[j]] === cycleOf[to[j]];
  // Links into done items do not bind them (nor, backwards, their predecessors).
  const binds = (j: number) => !inCycleLink(j) && !it.done[to[j]];
  const net: Net = {
    from: Int32Array.from(from),
    to: Int32Array.from(to),
    type: Uint8Array.from(types),
    unit: Uint8Array.from(units),
    lag: Float64Array.from(lagOf),
    links,
    external: links.length,
    into: adjacency(n, to, from, binds),
    outOf: adjacency(n, from, to, binds),
  };
  const order = topologicalOrder(
    n,
    adjacency(n, from, to, (j) => !inCycleLink(j)),
  );

  const shift = new Shifter(cal, it);
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  const wanted = new Float64Array(n);
  forward(order, it, net, shift, es, ef, wanted);
  let end = -Infinity;
  for (let v = 0; v < it.items; v++) if (!it.done[v] && ef[v] > end) end = ef[v];
  const lf = new Float64Array(n).fill(NaN);
  if (Number.isFinite(end)) backward(order, it, net, shift, end, lf);

  const drivers = resolveSummaryDrivers(order, it, net, bindingLinks(n, net, shift, es, ef, it));
  const shown = scheduleDays(cal, it, es, ef, lf);
  const pushes = explainPushes(order, it, net, ef, drivers, shown);

  const nodes = new Map<string, ScheduleNode>();
  const projectNodes: (ScheduleNode | undefined)[] = new Array(p.projects.length);
  const milestoneNodes: (ScheduleNode | undefined)[] = new Array(p.milestones.length);
  const critical: number[] = [];
  const driversOf = (v: number): readonly Link[] => {
    if (drivers.start[v] === drivers.start[v + 1]) return NO_DRIVERS;
    const out: Link[] = [];
    for (let k = drivers.start[v]; k < drivers.start[v + 1]; k++) out.push(links[drivers.link[k]]);
    return out;
  };
  for (let v = 0; v < it.items; v++) {
    const ms = it.milestone[v] === 1;
    const done = it.done[v] === 1;
    const push = pushes.of[v];
    const inCycle = cycleOf[v] !== -1;
    const computable = !inCycle;
    const hasLate = !done && computable && !Number.isNaN(lf[v]);
    const floatMinutes = hasLate ? lf[v] - ef[v] : null;
    const isCritical = floatMinutes !== null && floatMinutes <= 0;
    if (isCritical) critical.push(v);
    const dur = it.duration[v];
    const node: ScheduleNode = {
      id: it.ids[v],
      kind: ms ? "milestone" : "project",
      done,
      computable,
      start: ms ? msDay(it, v, it.start[v], shown) : shown(it.start[v], false),
      finish: ms ? msDay(it, v, it.finishPoint[v], shown) : shown(it.finishPoint[v], true),
      duration: daysOf(dur, M),
      earlyStart: ms ? msDay(it, v, ef[v], shown) : shown(es[v], false),
      earlyFinish: ms ? msDay(it, v, ef[v], shown) : shown(ef[v], true),
      lateStart: hasLate ? (ms ? msDay(it, v, lf[v], shown) : shown(lf[v] - dur, false)) : null,
      lateFinish: hasLate ? (ms ? msDay(it, v, lf[v], shown) : shown(lf[v], true)) : null,
      totalFloat: floatMinutes === null ? null : daysOf(floatMinutes, M),
      totalFloatMinutes: floatMinutes,
      critical: isCritical,
      drivers: driversOf(v),
      push: push ?? null,
      inCycle,
      constraint: it.constraint[v],
      deadline: it.deadlineDay[v],
      times: it.minute ? nodeTimes(cal, ms, es[v], ef[v], hasLate ? lf[v] : null, dur) : null,
    };
    nodes.set(it.ids[v], node);
    const at = it.origin[v];
    if (at >= 0) projectNodes[at] = node;
    else milestoneNodes[-1 - at] = node;
  }
  critical.sort((a, b) => es[a] - es[b] || ef[a] - ef[b] || a - b);
  pushDiagnostics(it, net, es, ef, pushes, drivers, shown, diags);
  const violations = constraintViolations(it, net, es, ef, wanted, drivers, pushes, M, diags, shown, shift);
  const summaries = new Map<string, SummaryNode>();
  for (let v = it.items; v < n; v += 2) {
    const out = v + 1;
    const has = Number.isFinite(es[out]) && Number.isFinite(ef[out]);
    summaries.set(it.ids[v], {
      id: it.ids[v],
      earlyStart: has ? shown(es[out], false) : null,
      earlyFinish: has ? shown(ef[out], true) : null,
      totalFloat: has && !Number.isNaN(lf[out]) ? daysOf(lf[out] - ef[out], M) : null,
    });
  }
  return {
    calendar: cal,
    resolution: it.minute ? "minute" : "day",
    nodes,
    projectNodes,
    milestoneNodes,
    criticalPath: critical.map((v) => it.ids[v]),
    programmeEnd: Number.isFinite(end) ? shown(end, true) : null,
    cycles,
    violations,
    summaries,
    linkCount: links.length,
  };
}

/** A milestone shows the day of its point as a finish (the end of its day), or, entered at a day's first minute and still there, that day. */
function msDay(it: Items, v: number, point: number, shown: Shown): Day {
  return shown(point, !(it.atDayStart[v] && point === it.start[v]));
}

/** Minutes after midnight of a node's dates (a plan scheduled to the minute): the clock time of each point within its working day. */
function nodeTimes(cal: WorkCalendar, ms: boolean, es: number, ef: number, lf: number | null, dur: number): NodeTimes {
  const M = cal.minutesPerDay;
  const clock = (t: number, asFinish: boolean) => {
    const x = t - Math.floor(t / M) * M;
    return clockAt(cal, x === 0 && asFinish ? M : x, asFinish);
  };
  return {
    earlyStart: clock(ms ? ef : es, ms),
    earlyFinish: clock(ef, true),
    lateStart: lf === null ? null : clock(ms ? lf : lf - dur, ms),
    lateFinish: lf === null ? null : clock(lf, true),
  };
}

/**
 * The network's links: each link as read once (a link naming a summary stays one link, to or from
 * the summary's start or finish point), then each summary's own links, start → child (SS) and
 * child → finish (FF), which carry its constraint to what is under it and its dates out.
 */
function networkLinks(p: Programme, it: Items, cal: WorkCalendar) {
  const index = new Map<string, number>();
  for (let i = 0; i < it.items; i++) index.set(it.ids[i], i);
  const summaryAt = new Map<string, number>();
  for (let v = it.items; v < it.n; v += 2) summaryAt.set(it.ids[v], v);
  const from: number[] = [];
  const to: number[] = [];
  const links: Link[] = [];
  const lagOf: number[] = [];
  const types: number[] = [];
  const units: number[] = [];
  const cells: { sheet: string; cell: string }[] = [];
  for (const l of p.links) {
    let a = index.get(l.from);
    if (a === undefined) {
      const sf = summaryAt.get(l.from);
      a = sf === undefined ? undefined : sf + 1; // a link out of a summary leaves from its finish point
    }
    const b = index.get(l.to) ?? summaryAt.get(l.to);
    if (a === undefined || b === undefined) continue;
    from.push(a);
    to.push(b);
    links.push(l);
    units.push(lagIn(l, it.minute, cal));
    lagOf.push(LAG_VALUE.value);
    types.push(LINK_TYPE_NUMBER[l.type]);
    cells.push(l);
  }
  for (const sm of p.summaries ?? []) {
    const v = summaryAt.get(sm.id);
    if (v === undefined) continue;
    const cell = { sheet: sm.src.sheet, cell: cellOf(sm.src, "id") ?? "" };
    for (const c of sm.children) {
      const item = index.get(c);
      const sub = item === undefined ? summaryAt.get(c) : undefined;
      if (item === undefined && sub === undefined) continue;
      from.push(v, item ?? sub! + 1);
      to.push(item ?? sub!, v + 1);
      types.push(LINK_TYPE_NUMBER.SS, LINK_TYPE_NUMBER.FF);
      units.push(UNIT_CODE.wd, UNIT_CODE.wd);
      lagOf.push(0, 0);
      cells.push(cell, cell);
    }
  }
  return { from, to, links, lagOf, types, units, cells };
}

/** lagIn's second answer (the lag's value in its unit), kept in one place so that no pair is made per link. */
const LAG_VALUE = { value: 0 };

/** A link's lag as the engine uses it: the whole-day reading for a plan in days (as before), the exact amount for a plan with times. Returns the unit code; the value is left in LAG_VALUE. */
function lagIn(l: Link, minute: boolean, cal: WorkCalendar): number {
  let unit: number = UNIT_CODE.pct;
  let value: number;
  if (!minute) {
    value = l.lag.value;
    if (l.lag.unit === "wd") [unit, value] = [UNIT_CODE.wd, value * cal.minutesPerDay];
    else if (l.lag.unit === "ed") [unit, value] = [UNIT_CODE.ed, value * 1440];
  } else {
    const x = exactLag(l.lag);
    value = x.value;
    if (x.unit === "wd") [unit, value] = [UNIT_CODE.wd, Math.round(x.value * cal.minutesPerUnitDay)];
    else if (x.unit === "wmin") [unit, value] = [UNIT_CODE.wd, Math.round(x.value)];
    else if (x.unit === "ed") [unit, value] = [UNIT_CODE.emin, x.value * 1440];
    else if (x.unit === "emin") unit = UNIT_CODE.emin;
  }
  LAG_VALUE.value = value;
  return unit;
}

/**
 * Moves a point on the working-time index by a lag. Working lags are index arithmetic; elapsed
 * lags go through calendar time. Whole-day elapsed lags (`ed`, a plan in days) keep the working-day
 * rule: a start point is the midnight before its day, a finish point the midnight after, then back
 * to the first (forward) or last (backward) point of the wanted kind that satisfies the constraint.
 * Elapsed lags to the minute (`emin`, a plan with times) count from the clock time of the point
 * (a finish at 17:00 + 15eh is 8:00 the next day) to the first working minute at or after it
 * (forward) or the last at or before it (backward), as Project counts elapsed time (24 h a day, 7 days a week).
 */
class Shifter {
  private M: number;
  constructor(
    private cal: WorkCalendar,
    private it: Items,
  ) {
    this.M = cal.minutesPerDay;
  }

  /** Working minutes a lag stands for, from predecessor v (a percentage of its duration: whole days for a plan in days, as before). */
  private working(unit: number, lag: number, v: number): number {
    if (unit !== UNIT_CODE.pct) return lag;
    if (this.it.minute) return Math.round((lag / 100) * this.it.duration[v]);
    return Math.round((lag / 100) * (this.it.duration[v] / this.M)) * this.M;
  }

  private instant(point: WorkTime, finishKind: boolean): Day {
    const k = point / this.M;
    return finishKind ? addDays(dayAtIndex(this.cal, asWorkIndex(k - 1)), 1) : dayAtIndex(this.cal, asWorkIndex(k));
  }

  /** Earliest point of the target kind at or after `point` + lag. */
  later(
    point: WorkTime,
    pointIsFinish: boolean,
    unit: number,
    lag: number,
    pred: number,
    targetIsFinish: boolean,
  ): WorkTime {
    if (!Number.isFinite(point)) return point;
    if (unit === UNIT_CODE.emin)
      return timeOnOrAfter(this.cal, momentOfMinutes(minutesOf(momentAt(this.cal, point, pointIsFinish)) + lag));
    if (unit !== UNIT_CODE.ed) return point + this.working(unit, lag, pred);
    const t = this.instant(point, pointIsFinish) + lag / 1440;
    return (targetIsFinish ? indexOnOrAfter(this.cal, asDay(t - 1)) + 1 : indexOnOrAfter(this.cal, asDay(t))) * this.M;
  }

  /** Latest point of the target kind at or before `point` − lag. */
  earlier(
    point: WorkTime,
    pointIsFinish: boolean,
    unit: number,
    lag: number,
    pred: number,
    targetIsFinish: boolean,
  ): WorkTime {
    if (!Number.isFinite(point)) return point;
    if (unit === UNIT_CODE.emin)
      return timeOnOrBefore(this.cal, momentOfMinutes(minutesOf(momentAt(this.cal, point, pointIsFinish)) - lag));
    if (unit !== UNIT_CODE.ed) return point - this.working(unit, lag, pred);
    const t = this.instant(point, pointIsFinish) - lag / 1440;
    return (
      (targetIsFinish ? indexOnOrBefore(this.cal, asDay(t - 1)) + 1 : indexOnOrBefore(this.cal, asDay(t))) * this.M
    );
  }

  /** The early start that link j asks of its successor. */
  constraintStart(net: Net, j: number, es: Float64Array, ef: Float64Array): number {
    const u = net.from[j];
    const v = net.to[j];
    const type = net.type[j];
    const uMs = this.it.milestone[u] === 1;
    const vMs = this.it.milestone[v] === 1;
    const fromFinish = type === 0 || type === 2; // FS, FF
    const anchor = fromFinish ? ef[u] : es[u];
    const toFinish = type >= 2; // FF, SF constrain the successor's finish
    const c = this.later(anchor, fromFinish || uMs, net.unit[j], net.lag[j], u, toFinish || vMs);
    return toFinish ? c - this.it.duration[v] : c;
  }
}

/**
 * A constraint on the early start, after the links ("Set a task start or finish date (constraint)
 * for a task", Microsoft Support; Project's default "Tasks will always honor their constraint
 * dates"): Start/Finish No Earlier Than move the start later; Must Start/Finish On put it on the
 * date; Start/Finish No Later Than hold it at the date when the links would push it past (the
 * conflict is reported, and shows as negative float). As Late As Possible has no date: it takes the
 * start its links give, not its entered one.
 */
function constrainedStart(it: Items, v: number, start: number): number {
  const c = it.cPoint[v];
  const d = it.duration[v];
  switch (it.cType[v]) {
    case 2: // SNET
      return Math.max(start, c);
    case 3: // SNLT
      return Math.min(start, c);
    case 4: // FNET
      return Math.max(start, c - d);
    case 5: // FNLT
      return Math.min(start, c - d);
    case 6: // MSO
      return c;
    case 7: // MFO
      return c - d;
    default:
      return start;
  }
}

/**
 * A constraint or deadline on the late finish: Start/Finish No Later Than and Must Start/Finish On
 * cap it at the date; so does a Deadline ("Deadline (task field)": a missed deadline gives negative
 * slack; "Set a deadline date for a task"). No Earlier Than constraints leave the late dates alone.
 */
function constrainedLate(it: Items, v: number, late: number): number {
  const c = it.cPoint[v];
  const d = it.duration[v];
  let out = late;
  const t = it.cType[v];
  if (t === 3 || t === 6)
    out = Math.min(out, c + d); // SNLT, MSO: LS ≤ date
  else if (t === 5 || t === 7) out = Math.min(out, c); // FNLT, MFO: LF ≤ date
  const dl = it.deadline[v];
  if (!Number.isNaN(dl)) out = Math.min(out, dl);
  return out;
}

function forward(
  order: Int32Array,
  it: Items,
  net: Net,
  shift: Shifter,
  es: Float64Array,
  ef: Float64Array,
  wanted: Float64Array,
): void {
  for (const v of order) {
    if (it.role[v] === SUMMARY_FINISH) {
      summaryFinish(v, it, net, es, ef);
      continue;
    }
    let start = it.start[v];
    if (!it.done[v]) {
      const alap = it.cType[v] === 1 && net.into.start[v] < net.into.start[v + 1];
      if (alap) start = -Infinity;
      for (let k = net.into.start[v]; k < net.into.start[v + 1]; k++) {
        const c = shift.constraintStart(net, net.into.link[k], es, ef);
        if (c > start) start = c;
      }
      if (alap && start === -Infinity) start = it.start[v];
      wanted[v] = start;
      start = constrainedStart(it, v, start);
    } else wanted[v] = start;
    es[v] = start;
    ef[v] = start + it.duration[v];
  }
}

/** A summary's finish point: the earliest start and the latest finish under it (its children's links into it), and their entered and planned finishes. */
function summaryFinish(v: number, it: Items, net: Net, es: Float64Array, ef: Float64Array): void {
  let lo = Infinity;
  let hi = -Infinity;
  let entered = -Infinity;
  let planned = -Infinity;
  for (let k = net.into.start[v]; k < net.into.start[v + 1]; k++) {
    const u = net.from[net.into.link[k]];
    if (es[u] < lo) lo = es[u];
    if (ef[u] > hi) hi = ef[u];
    if (it.finishPoint[u] > entered) entered = it.finishPoint[u];
    if (it.plannedPoint[u] > planned) planned = it.plannedPoint[u];
  }
  // Done children do not bind it either way (links out of them still do): their finishes count.
  if (hi === -Infinity) lo = -Infinity;
  es[v] = lo;
  ef[v] = hi;
  it.duration[v] = Number.isFinite(lo) && Number.isFinite(hi) ? hi - lo : 0;
  it.finishPoint[v] = entered;
  it.plannedPoint[v] = planned;
}

function backward(order: Int32Array, it: Items, net: Net, shift: Shifter, end: number, lf: Float64Array): void {
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i];
    if (it.done[v]) continue;
    const d = it.duration[v];
    const vMs = it.milestone[v] === 1;
    let late = end;
    for (let k = net.outOf.start[v]; k < net.outOf.start[v + 1]; k++) {
      const j = net.outOf.link[k];
      const w = net.to[j];
      const type = net.type[j];
      const wMs = it.milestone[w] === 1;
      const toFinish = type >= 2; // FF, SF: the successor's finish is constrained
      const anchor = toFinish ? lf[w] : lf[w] - it.duration[w];
      const fromFinish = type === 0 || type === 2; // FS, FF: this item's finish constrains
      const c = shift.earlier(anchor, toFinish || wMs, net.unit[j], net.lag[j], v, fromFinish || vMs);
      const asFinish = fromFinish ? c : c + d;
      if (asFinish < late) late = asFinish;
    }
    lf[v] = constrainedLate(it, v, late);
  }
}

/** Working-time point → day for every date the schedule shows, looked up over the span of working days its points cover. */
function scheduleDays(
  cal: WorkCalendar,
  it: Items,
  es: Float64Array,
  ef: Float64Array,
  lf: Float64Array,
): (point: WorkTime, asFinish: boolean) => Day {
  const M = cal.minutesPerDay;
  let lo = Infinity;
  let hi = -Infinity;
  const see = (x: number) => {
    if (!Number.isFinite(x)) return;
    const k = Math.floor(x / M);
    if (k - 1 < lo) lo = k - 1;
    if (k > hi) hi = k;
  };
  for (let v = 0; v < it.n; v++) {
    see(it.start[v]);
    see(it.finishPoint[v]);
    see(es[v]);
    see(ef[v]);
    if (!Number.isNaN(lf[v])) {
      see(lf[v]);
      see(lf[v] - it.duration[v]);
    }
  }
  const look = dayLookup(cal, asWorkIndex(lo), asWorkIndex(hi));
  return (t, asFinish) => {
    const k = Math.floor(t / M);
    return look(asWorkIndex(asFinish && t === k * M ? k - 1 : k));
  };
}

/** The links whose constraint binds each item's early start (ties included), in link order: `link[start[v]] …`. */
function bindingLinks(n: number, net: Net, shift: Shifter, es: Float64Array, ef: Float64Array, it: Items): Bindings {
  const start = new Int32Array(n + 1);
  const link = new Int32Array(net.into.link.length);
  let len = 0;
  for (let v = 0; v < n; v++) {
    start[v] = len;
    if (it.role[v] === SUMMARY_FINISH) continue;
    for (let k = net.into.start[v]; k < net.into.start[v + 1]; k++) {
      const j = net.into.link[k];
      if (shift.constraintStart(net, j, es, ef) === es[v]) link[len++] = j;
    }
  }
  start[n] = len;
  return { start, link };
}

/** Bindings as read: a summary's own start link stands for the links that bind the summary (in waiting order, so a nested summary's are known first). Items no summary binds keep their bindings as they are. */
function resolveSummaryDrivers(order: Int32Array, it: Items, net: Net, raw: Bindings): Bindings {
  if (it.n === it.items) return raw;
  const viaSummary = (v: number) => {
    for (let k = raw.start[v]; k < raw.start[v + 1]; k++) if (raw.link[k] >= net.external) return true;
    return false;
  };
  const lists = new Map<number, number[]>();
  const resolve = (v: number): number[] => {
    const out: number[] = [];
    for (let k = raw.start[v]; k < raw.start[v + 1]; k++) {
      const j = raw.link[k];
      if (j < net.external) out.push(j);
      else if (it.role[net.from[j]] === SUMMARY_START)
        for (const x of lists.get(net.from[j]) ?? []) if (!out.includes(x)) out.push(x);
    }
    return out;
  };
  for (const v of order) if (it.role[v] === SUMMARY_START || viaSummary(v)) lists.set(v, resolve(v));
  const start = new Int32Array(it.n + 1);
  const link: number[] = [];
  for (let v = 0; v < it.n; v++) {
    start[v] = link.length;
    const l = lists.get(v);
    if (l) for (const j of l) link.push(j);
    else for (let k = raw.start[v]; k < raw.start[v + 1]; k++) if (raw.link[k] < net.external) link.push(raw.link[k]);
  }
  start[it.n] = link.length;
  return { start, link: Int32Array.from(link) };
}

/** The pushes by item (undefined: not pushed; the node shows this object), with the binding link and the item at the head of each chain, and the pushed items in waiting (topological) order. */
interface Pushes {
  of: (Push | undefined)[];
  link: Int32Array;
  root: Int32Array;
  inOrder: number[];
}

type Shown = (point: WorkTime, asFinish: boolean) => Day;

/** For each open item that finishes later than entered: which binding predecessor pushes it, why, and by how many calendar days. */
function explainPushes(
  order: Int32Array,
  it: Items,
  net: Net,
  ef: Float64Array,
  drivers: Bindings,
  day: Shown,
): Pushes {
  const out: Pushes = { of: new Array(it.n), link: new Int32Array(it.n), root: new Int32Array(it.n), inOrder: [] };
  const lateAgainstPlan = (u: number) => ef[u] > it.finishPoint[u] || ef[u] > it.plannedPoint[u];
  for (const v of order) {
    if (it.role[v] !== ITEM || it.done[v] || ef[v] <= it.finishPoint[v]) continue;
    const first = drivers.start[v];
    const end = drivers.start[v + 1];
    if (first === end) continue;
    // Prefer a driver that itself finishes later than planned: that is the story of the push.
    let j = drivers.link[first];
    for (let k = first; k < end; k++) {
      if (lateAgainstPlan(net.from[drivers.link[k]])) {
        j = drivers.link[k];
        break;
      }
    }
    const u = net.from[j];
    const slip = lateAgainstPlan(u);
    const rootIdx = slip && out.of[u] ? out.root[u] : slip ? u : v;
    const days = day(ef[v], true) - day(it.finishPoint[v], true);
    if (days <= 0 && it.minute) continue; // later the same day: not a slip a board counts in days
    out.of[v] = { kind: slip ? "slip" : "conflict", by: it.ids[u], root: it.ids[rootIdx], days };
    out.link[v] = j;
    out.root[v] = rootIdx;
    out.inOrder.push(v);
  }
  return out;
}

function pushDiagnostics(
  it: Items,
  net: Net,
  es: Float64Array,
  ef: Float64Array,
  pushes: Pushes,
  drivers: Bindings,
  shown: Shown,
  diags: Diagnostic[],
): void {
  const day = (t: WorkTime, v: number, asFinish = true) =>
    it.milestone[v] ? shown(t, !(it.atDayStart[v] && t === it.start[v])) : shown(t, asFinish);
  for (const v of pushes.inOrder) {
    const push = pushes.of[v]!;
    const j = pushes.link[v];
    const u = net.from[j];
    const id = it.ids[v];
    const entered = day(it.finishPoint[v], v);
    const now = day(ef[v], v);
    const link = linkText(net.links[j]);
    const w = it.src[v];
    const late = `${push.days} day${push.days === 1 ? "" : "s"} late`;
    if (push.kind === "slip") {
      const root = push.root !== push.by ? `; the chain starts at ${push.root}` : "";
      diags.push({
        severity: "warning",
        code: "slippage-impact",
        message: flat(
          `${id} cannot finish by ${formatDayLong(entered)}: ${push.by} finishes later than planned (${formatDayLong(day(ef[u], u))}) and, through the ${link} link, pushes ${id} to ${formatDayLong(now)} (${late})${root}. Replan ${id}, or recover ${push.by}.`,
        ),
        sheet: w.sheet,
        cell: finishCell(it, v),
        entity: id,
      });
    } else {
      const startNow = it.milestone[v] ? now : day(es[v], v, false);
      diags.push({
        severity: "warning",
        code: "date-conflict",
        message: flat(
          `${id}'s dates conflict with its dependency on ${push.by} (${link}): ${push.by} is on plan to finish ${formatDayLong(day(ef[u], u))}, so ${id} can start ${formatDayLong(startNow)} at the earliest and finish ${formatDayLong(now)}, ${push.days} day${push.days === 1 ? "" : "s"} after its entered finish. Nothing has slipped: correct ${id}'s dates, or agree a change to the dependency.`,
        ),
        sheet: w.sheet,
        cell: startCell(it, v),
        entity: id,
      });
    }
  }
  // Items that start earlier than their links allow but still finish in time: the start conflicts.
  for (let v = 0; v < it.items; v++) {
    if (it.done[v] || it.milestone[v] || pushes.of[v] || es[v] <= it.start[v]) continue;
    if (ef[v] > it.finishPoint[v]) {
      // Moved past its entered finish by its own constraint, not by a link: say so once.
      const t = it.cType[v];
      if (
        drivers.start[v] === drivers.start[v + 1] &&
        (t === 2 || t === 4 || t === 6 || t === 7) &&
        shown(ef[v], true) > shown(it.finishPoint[v], true)
      ) {
        const c = it.constraint[v]!;
        diags.push({
          severity: "warning",
          code: "date-conflict",
          message: flat(
            `${it.ids[v]}'s ${CONSTRAINT_NAME[c.type]} constraint (${formatDayLong(c.date!.day)}) lets it start on ${formatDayLong(shown(es[v], false))} at the earliest, so it finishes ${formatDayLong(shown(ef[v], true))}, after its entered finish ${formatDayLong(shown(it.finishPoint[v], true))}. Correct its dates, or the constraint.`,
          ),
          sheet: it.src[v].sheet,
          cell: startCell(it, v),
          entity: it.ids[v],
        });
      }
      continue; // otherwise: finishing later the same day (a plan with times), or its finish says it
    }
    if (it.minute && shown(es[v], false) === shown(it.start[v], false)) continue; // later the same day
    const j = drivers.start[v] < drivers.start[v + 1] ? drivers.link[drivers.start[v]] : undefined;
    const by =
      j !== undefined
        ? `${it.ids[net.from[j]]} (${linkText(net.links[j])})`
        : it.cType[v]
          ? `its ${CONSTRAINT_NAME[CONSTRAINT_OF[it.cType[v]]]} constraint`
          : "its predecessors";
    diags.push({
      severity: "warning",
      code: "date-conflict",
      message: flat(
        `${it.ids[v]} is entered to start on ${formatDayLong(shown(it.start[v], false))}, but its dependency on ${by} lets it start on ${formatDayLong(shown(es[v], false))} at the earliest (it can still finish as entered). Move the start, or agree a change to the dependency.`,
      ),
      sheet: it.src[v].sheet,
      cell: startCell(it, v),
      entity: it.ids[v],
    });
  }
}

/**
 * Constraints and deadlines the network cannot meet, one finding each, naming the date, how far it
 * is missed in working days and the predecessor (and the chain's head) that drives the item there.
 * Project reports the same as a scheduling conflict on the constraint and a missed-deadline
 * indicator ("Set a deadline for a task", "Constraint Type (task field)", Microsoft Support).
 */
function constraintViolations(
  it: Items,
  net: Net,
  es: Float64Array,
  ef: Float64Array,
  wanted: Float64Array,
  drivers: Bindings,
  pushes: Pushes,
  M: number,
  diags: Diagnostic[],
  shown: Shown,
  shift: Shifter,
): ConstraintViolation[] {
  const out: ConstraintViolation[] = [];
  // The predecessor whose link asks for the start the links want (a held constraint's drivers are not binding at its held date).
  const wantedBy = (v: number): number => {
    for (let k = net.into.start[v]; k < net.into.start[v + 1]; k++) {
      const j = net.into.link[k];
      if (shift.constraintStart(net, j, es, ef) !== wanted[v]) continue;
      if (j < net.external) return net.from[j];
      const s = net.from[j]; // a summary's start: what binds the summary
      return drivers.start[s] < drivers.start[s + 1] ? net.from[drivers.link[drivers.start[s]]] : -1;
    }
    return drivers.start[v] < drivers.start[v + 1] ? net.from[drivers.link[drivers.start[v]]] : -1;
  };
  const drive = (v: number): [string | null, string | null] => {
    const u = wantedBy(v);
    if (u < 0) return [null, null];
    // The head of the driving chain: follow the first binding link back (bounded, for a long chain).
    let r = u;
    for (let steps = 0; steps < 100_000 && drivers.start[r] < drivers.start[r + 1]; steps++)
      r = net.from[drivers.link[drivers.start[r]]];
    return [it.ids[u], pushes.of[v]?.root ?? it.ids[r]];
  };
  const words = (minutes: number) => {
    const d = daysOf(minutes, M);
    return `${d} working day${d === 1 ? "" : "s"}${it.minute && !Number.isInteger(d) ? ` (${Math.round(minutes / 6) / 10} h)` : ""}`;
  };
  for (let v = 0; v < it.items; v++) {
    if (it.done[v]) continue;
    const t = it.cType[v];
    const d = it.duration[v];
    let missBy = 0;
    if (t === 3 || t === 6)
      missBy = wanted[v] - it.cPoint[v]; // SNLT, MSO: the links want a later start
    else if (t === 5 || t === 7) missBy = wanted[v] + d - it.cPoint[v]; // FNLT, MFO
    const c = it.constraint[v];
    if (missBy > 0 && c && c.date) {
      const [by, root] = drive(v);
      const type = c.type;
      out.push({
        id: it.ids[v],
        kind: type,
        date: c.date.day,
        workingDays: daysOf(missBy, M),
        minutes: missBy,
        drivenBy: by,
        root,
      });
      const starts = type === "SNLT" || type === "MSO";
      diags.push({
        severity: "warning",
        code: "constraint-missed",
        message: flat(
          `${it.ids[v]}'s ${CONSTRAINT_NAME[type]} constraint (${formatDayLong(c.date.day)}) cannot be met: ${by ? `${by} drives it` : "its dates drive it"}${root && root !== by ? ` (the chain starts at ${root})` : ""}, so it could ${starts ? "start" : "finish"} ${words(missBy)} later at the earliest. The schedule holds the constraint, as Project does, and shows the gap as negative float on the chain. Recover the chain, or agree a new date.`,
        ),
        sheet: it.src[v].sheet,
        cell: startCell(it, v),
        entity: it.ids[v],
      });
    }
    const dl = it.deadline[v];
    if (!Number.isNaN(dl) && ef[v] > dl) {
      const [by, root] = drive(v);
      const miss = ef[v] - dl;
      const when = it.deadlineDay[v]!;
      out.push({
        id: it.ids[v],
        kind: "deadline",
        date: when,
        workingDays: daysOf(miss, M),
        minutes: miss,
        drivenBy: by,
        root,
      });
      diags.push({
        severity: "warning",
        code: "deadline-missed",
        message: flat(
          `${it.ids[v]} misses its deadline of ${formatDayLong(when)}: it finishes ${formatDayLong(shown(ef[v], true))} at the earliest, ${words(miss)} late${by ? `, driven by ${by}` : ""}${root && root !== by ? ` (the chain starts at ${root})` : ""}. Recover the chain, or agree a new deadline.`,
        ),
        sheet: it.src[v].sheet,
        cell: finishCell(it, v),
        entity: it.ids[v],
      });
    }
  }
  return out;
}

function reportCycles(
  comps: number[][],
  succ: Adjacency,
  it: Items,
  from: number[],
  to: number[],
  links: readonly { sheet: string; cell: string }[],
  cycleOf: Int32Array,
  diags: Diagnostic[],
): string[][] {
  const cycles: string[][] = [];
  if (!comps.length) return cycles;
  const preds = adjacency(cycleOf.length, to, from);
  comps.forEach((comp, ci) => {
    for (const v of comp) cycleOf[v] = ci;
    // cycleThrough follows predecessor → successor; waiting order is the reverse.
    const path = cycleThrough(comp, succ);
    const waiting = [path[0], ...path.slice(1).reverse()];
    const ids = waiting.map((v) => it.ids[v]);
    cycles.push(ids);
    // The link that closes the cycle: the first written from the second item to the first.
    let closing = -1;
    for (let k = preds.start[waiting[0]]; k < preds.start[waiting[0] + 1] && closing < 0; k++)
      if (preds.node[k] === waiting[1 % waiting.length]) closing = preds.link[k];
    const words =
      ids.length === 1
        ? `${ids[0]} waits for itself`
        : ids
            .map((id, i) =>
              i === 0
                ? `${id} waits for ${ids[1]}`
                : i < ids.length - 1
                  ? `which waits for ${ids[i + 1]}`
                  : `which waits for ${ids[0]}`,
            )
            .join(", ");
    diags.push({
      severity: "error",
      code: "dependency-cycle",
      message: `Dependency cycle: ${words}. None of them can start, so their dates ignore these links until one is removed or reversed.`,
      sheet: closing >= 0 ? links[closing].sheet : it.src[waiting[0]].sheet,
      cell: closing >= 0 ? links[closing].cell : startCell(it, waiting[0]),
      entity: ids[0],
    });
  });
  return cycles;
}
