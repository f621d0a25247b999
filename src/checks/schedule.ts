import { flat } from "../model/text";
import {
  dayAtIndex,
  dayLookup,
  indexOnOrAfter,
  indexOnOrBefore,
  isWorkingDay,
  nonWorkingReason,
  type WorkCalendar,
  type WorkIndex,
} from "../model/calendar";
import { formatDayLong, type Day } from "../model/dates";
import type { Diagnostic } from "../model/diagnostic";
import { cellOf, LINK_TYPE_NUMBER, linkText, type Link, type Programme, type Source } from "../model/entities";
import { isMilestoneDone, isProjectDone } from "../model/status";
import { adjacency, cycleThrough, findCycles, topologicalOrder, type Adjacency } from "./graph";

/**
 * The schedule, on Microsoft Project's conventions (docs/dependencies.md has the rules and a
 * worked example). Time is an index of working days on the programme's calendar: a task from
 * working day s to working day e (Finish is the last day of work) occupies [s, e + 1); a
 * milestone on day m is the point m + 1, the end of its day. Lags are working days unless
 * written as elapsed (calendar) days or a percentage of the predecessor's duration.
 *  - Forward: FS: ES ≥ EF(p) + lag; SS: ES ≥ ES(p) + lag; FF: EF ≥ EF(p) + lag; SF: EF ≥ ES(p) + lag;
 *    EF = ES + duration; the entered start (a milestone's date) is a "no earlier than".
 *  - Backward from the programme end (the latest EF of the open items): FS: LF ≤ LS(s) − lag;
 *    SS: LS ≤ LS(s) − lag; FF: LF ≤ LF(s) − lag; SF: LS ≤ LF(s) − lag; LS = LF − duration.
 *  - Total float = LF − EF in working days; critical when ≤ 0.
 *  - Done items are facts: links into them are ignored in both passes; links out still bind.
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

export interface ScheduleNode {
  id: string;
  kind: "project" | "milestone";
  done: boolean;
  /** False when the item sits in a dependency cycle: its dates ignore the links in the cycle. */
  computable: boolean;
  /** The dates as entered, moved onto working days (a milestone: actual, else forecast, else baseline). */
  start: Day;
  finish: Day;
  /** Working days, Start to Finish inclusive (0 for a milestone). */
  duration: number;
  /** Shown dates: the working day of the early start and of the early finish. */
  earlyStart: Day;
  earlyFinish: Day;
  /** Null for done items and items in a cycle. */
  lateStart: Day | null;
  lateFinish: Day | null;
  /** Working days; null for done items and items in a cycle. */
  totalFloat: number | null;
  critical: boolean;
  /** The links whose constraint binds the early start (ties included), as read: each names its predecessor in `from`. */
  drivers: readonly Link[];
  push: Push | null;
  inCycle: boolean;
}

export interface ScheduleResult {
  calendar: WorkCalendar;
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
}

/** Shared by every item no link binds (most of a plan): one empty list, frozen. */
const NO_DRIVERS: readonly Link[] = Object.freeze([]);

const UNIT_CODE = { wd: 0, ed: 1, pct: 2 } as const;

interface Items {
  n: number;
  ids: string[];
  milestone: Uint8Array;
  done: Uint8Array;
  /** Entered start index (a milestone: its point) and duration in working days. */
  start: Float64Array;
  duration: Float64Array;
  /** Entered finish point (end of the last working day) and planned finish point (the baseline, else entered). */
  finishPoint: Float64Array;
  plannedPoint: Float64Array;
  /** Each item's row and the fields its start and finish were read from (the cells are made only for a finding). */
  src: Source[];
  startField: string[];
  finishField: string[];
  /** Where each item comes from: its position among the programme's projects (≥ 0) or milestones (−1 − position). */
  origin: Int32Array;
}

/** Reads projects and milestones into schedule items on the calendar, noting dates moved onto working days. */
function buildItems(p: Programme, cal: WorkCalendar, holidayNames: ReadonlyMap<Day, string>, diags: Diagnostic[]): Items {
  const cap = p.projects.length + p.milestones.length;
  const it: Items = {
    n: 0,
    ids: [],
    milestone: new Uint8Array(cap),
    done: new Uint8Array(cap),
    start: new Float64Array(cap),
    duration: new Float64Array(cap),
    finishPoint: new Float64Array(cap),
    plannedPoint: new Float64Array(cap),
    src: [],
    startField: [],
    finishField: [],
    origin: new Int32Array(cap),
  };
  const moved = (day: Day, forward: boolean, id: string, what: string, src: Source, field: string): void => {
    if (isWorkingDay(cal, day)) return;
    const to = forward ? dayAtIndex(cal, indexOnOrAfter(cal, day)) : dayAtIndex(cal, indexOnOrBefore(cal, day));
    diags.push({
      severity: "info",
      code: "non-working-day",
      message: flat(`${id}'s ${what} ${formatDayLong(day)} is ${nonWorkingReason(cal, day, holidayNames)}, so the schedule reads it as ${formatDayLong(to)}, the ${forward ? "next" : "previous"} working day.`),
      sheet: src.sheet,
      cell: cellOf(src, field) ?? "",
      entity: id,
    });
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
        message: flat(`${pr.id} finishes (${formatDayLong(finishDay)}) before it starts (${formatDayLong(startDay)}). Correct the Start or Finish date.`),
        sheet: pr.src.sheet,
        cell: cellOf(pr.src, finishField) || cellOf(pr.src, startField) || "",
        entity: pr.id,
      });
    }
    if (pr.start !== null) moved(pr.start, true, pr.id, "start", pr.src, startField);
    moved(finishDay, false, pr.id, "finish", pr.src, finishField);
    const s = indexOnOrAfter(cal, startDay);
    const e = Math.max(s, indexOnOrBefore(cal, finishDay));
    const i = it.n++;
    it.ids.push(pr.id);
    it.done[i] = done ? 1 : 0;
    it.start[i] = s;
    it.duration[i] = e - s + 1;
    it.finishPoint[i] = e + 1;
    it.plannedPoint[i] = pr.baselineFinish !== null ? indexOnOrBefore(cal, pr.baselineFinish) + 1 : e + 1;
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
    const point = indexOnOrBefore(cal, date) + 1;
    const i = it.n++;
    it.ids.push(m.id);
    it.milestone[i] = 1;
    it.done[i] = isMilestoneDone(m) ? 1 : 0;
    it.start[i] = point;
    it.duration[i] = 0;
    it.finishPoint[i] = point;
    it.plannedPoint[i] = m.baseline !== null ? indexOnOrBefore(cal, m.baseline) + 1 : point;
    it.src.push(m.src);
    it.startField.push(field);
    it.finishField.push(field);
    it.origin[i] = -1 - pos;
  }
  return it;
}

/** The links between known items, in compressed arrays: by successor (in) and by predecessor (out). */
interface Net {
  from: Int32Array;
  to: Int32Array;
  type: Uint8Array;
  unit: Uint8Array;
  lag: Float64Array;
  /** The links as read, by number. */
  links: readonly Link[];
  /** The links that bind (not in a cycle, not into a done item), by successor and by predecessor. */
  into: Adjacency;
  outOf: Adjacency;
}

/** The links whose constraint binds each item's early start, by item (Adjacency without the far ends). */
type Bindings = Pick<Adjacency, "start" | "link">;

/** An item's start and finish cells, for a finding (made only when one is reported). */
const startCell = (it: Items, v: number): string => cellOf(it.src[v], it.startField[v]) ?? "";
const finishCell = (it: Items, v: number): string => cellOf(it.src[v], it.finishField[v]) ?? "";

export function analyseSchedule(p: Programme, cal: WorkCalendar, diags: Diagnostic[], holidayNames: ReadonlyMap<Day, string> = new Map()): ScheduleResult {
  const it = buildItems(p, cal, holidayNames, diags);
  const n = it.n;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(it.ids[i], i);

  const from: number[] = [];
  const to: number[] = [];
  const links: Link[] = [];
  for (const l of p.links) {
    const a = index.get(l.from);
    const b = index.get(l.to);
    if (a === undefined || b === undefined) continue;
    from.push(a);
    to.push(b);
    links.push(l);
  }
  const succ = adjacency(n, from, to);

  const cycleOf = new Int32Array(n).fill(-1);
  const cycles = reportCycles(findCycles(n, succ), succ, it, from, to, links, cycleOf, diags);

  const inCycleLink = (j: number) => cycleOf[from[j]] !== -1 && cycleOf[from[j]] === cycleOf[to[j]];
  // Links into done items do not bind them (nor, backwards, their predecessors).
  const binds = (j: number) => !inCycleLink(j) && !it.done[to[j]];
  const net: Net = {
    from: Int32Array.from(from),
    to: Int32Array.from(to),
    type: Uint8Array.from(links.map((l) => LINK_TYPE_NUMBER[l.type])),
    unit: Uint8Array.from(links.map((l) => UNIT_CODE[l.lag.unit])),
    lag: Float64Array.from(links.map((l) => l.lag.value)),
    links,
    into: adjacency(n, to, from, binds),
    outOf: adjacency(n, from, to, binds),
  };
  const order = topologicalOrder(n, adjacency(n, from, to, (j) => !inCycleLink(j)));

  const shift = new Shifter(cal, it);
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  forward(order, it, net, shift, es, ef);
  let end = -Infinity;
  for (let v = 0; v < n; v++) if (!it.done[v] && ef[v] > end) end = ef[v];
  const lf = new Float64Array(n).fill(NaN);
  if (Number.isFinite(end)) backward(order, it, net, shift, end, lf);

  const drivers = bindingLinks(n, net, shift, es, ef);
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
  for (let v = 0; v < n; v++) {
    const ms = it.milestone[v] === 1;
    const done = it.done[v] === 1;
    const push = pushes.of[v];
    const inCycle = cycleOf[v] !== -1;
    const computable = !inCycle;
    const hasLate = !done && computable && !Number.isNaN(lf[v]);
    const float = hasLate ? lf[v] - ef[v] : null;
    const isCritical = float !== null && float <= 0;
    if (isCritical) critical.push(v);
    const dur = it.duration[v];
    const node: ScheduleNode = {
      id: it.ids[v],
      kind: ms ? "milestone" : "project",
      done,
      computable,
      start: shown(ms ? it.start[v] - 1 : it.start[v]),
      finish: shown(it.finishPoint[v] - 1),
      duration: dur,
      earlyStart: shown(ms ? ef[v] - 1 : es[v]),
      earlyFinish: shown(ef[v] - 1),
      lateStart: hasLate ? shown(ms ? lf[v] - 1 : lf[v] - dur) : null,
      lateFinish: hasLate ? shown(lf[v] - 1) : null,
      totalFloat: float,
      critical: isCritical,
      drivers: driversOf(v),
      push: push ?? null,
      inCycle,
    };
    nodes.set(it.ids[v], node);
    const at = it.origin[v];
    if (at >= 0) projectNodes[at] = node;
    else milestoneNodes[-1 - at] = node;
  }
  critical.sort((a, b) => es[a] - es[b] || ef[a] - ef[b] || a - b);
  pushDiagnostics(it, net, es, ef, pushes, drivers, shown, diags);
  return {
    calendar: cal,
    nodes,
    projectNodes,
    milestoneNodes,
    criticalPath: critical.map((v) => it.ids[v]),
    programmeEnd: Number.isFinite(end) ? shown(end - 1) : null,
    cycles,
  };
}

/**
 * Moves a point on the working-day index by a lag. Working-day lags are index arithmetic;
 * elapsed lags go through calendar time (a start point is the midnight before its day, a
 * finish point the midnight after), then back to the first (forward) or last (backward)
 * point of the wanted kind that satisfies the constraint.
 */
class Shifter {
  constructor(
    private cal: WorkCalendar,
    private it: Items,
  ) {}

  /** Working days a lag stands for, from predecessor v (a percentage of its duration). */
  private working(unit: number, lag: number, v: number): number {
    return unit === 2 ? Math.round((lag / 100) * this.it.duration[v]) : lag;
  }

  private instant(point: WorkIndex, finishKind: boolean): Day {
    return finishKind ? dayAtIndex(this.cal, point - 1) + 1 : dayAtIndex(this.cal, point);
  }

  /** Earliest point of the target kind at or after `point` + lag. */
  later(point: WorkIndex, pointIsFinish: boolean, unit: number, lag: number, pred: number, targetIsFinish: boolean): WorkIndex {
    if (unit !== 1) return point + this.working(unit, lag, pred);
    const t = this.instant(point, pointIsFinish) + lag;
    return targetIsFinish ? indexOnOrAfter(this.cal, t - 1) + 1 : indexOnOrAfter(this.cal, t);
  }

  /** Latest point of the target kind at or before `point` − lag. */
  earlier(point: WorkIndex, pointIsFinish: boolean, unit: number, lag: number, pred: number, targetIsFinish: boolean): WorkIndex {
    if (unit !== 1) return point - this.working(unit, lag, pred);
    const t = this.instant(point, pointIsFinish) - lag;
    return targetIsFinish ? indexOnOrBefore(this.cal, t - 1) + 1 : indexOnOrBefore(this.cal, t);
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

function forward(order: Int32Array, it: Items, net: Net, shift: Shifter, es: Float64Array, ef: Float64Array): void {
  for (const v of order) {
    let start = it.start[v];
    if (!it.done[v]) {
      for (let k = net.into.start[v]; k < net.into.start[v + 1]; k++) {
        const c = shift.constraintStart(net, net.into.link[k], es, ef);
        if (c > start) start = c;
      }
    }
    es[v] = start;
    ef[v] = start + it.duration[v];
  }
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
    lf[v] = late;
  }
}

/** Working-day index → day for every date the schedule shows, looked up over the span its points cover. */
function scheduleDays(cal: WorkCalendar, it: Items, es: Float64Array, ef: Float64Array, lf: Float64Array): (point: WorkIndex) => Day {
  let lo = Infinity;
  let hi = -Infinity;
  const see = (x: number) => {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  };
  for (let v = 0; v < it.n; v++) {
    see(it.start[v] - 1);
    see(it.finishPoint[v] - 1);
    see(es[v]);
    see(ef[v] - 1);
    if (!Number.isNaN(lf[v])) {
      see(lf[v] - 1);
      see(lf[v] - it.duration[v]);
    }
  }
  return dayLookup(cal, lo, hi);
}

/** The links whose constraint binds each item's early start (ties included), in link order: `link[start[v]] …`. */
function bindingLinks(n: number, net: Net, shift: Shifter, es: Float64Array, ef: Float64Array): Bindings {
  const start = new Int32Array(n + 1);
  const link = new Int32Array(net.into.link.length);
  let len = 0;
  for (let v = 0; v < n; v++) {
    start[v] = len;
    for (let k = net.into.start[v]; k < net.into.start[v + 1]; k++) {
      const j = net.into.link[k];
      if (shift.constraintStart(net, j, es, ef) === es[v]) link[len++] = j;
    }
  }
  start[n] = len;
  return { start, link };
}

/** The pushes by item (undefined: not pushed; the node shows this object), with the binding link and the item at the head of each chain, and the pushed items in waiting (topological) order. */
interface Pushes {
  of: (Push | undefined)[];
  link: Int32Array;
  root: Int32Array;
  inOrder: number[];
}

/** For each open item that finishes later than entered: which binding predecessor pushes it, why, and by how many calendar days. */
function explainPushes(order: Int32Array, it: Items, net: Net, ef: Float64Array, drivers: Bindings, day: (point: WorkIndex) => Day): Pushes {
  const out: Pushes = { of: new Array(it.n), link: new Int32Array(it.n), root: new Int32Array(it.n), inOrder: [] };
  const lateAgainstPlan = (u: number) => ef[u] > it.finishPoint[u] || ef[u] > it.plannedPoint[u];
  for (const v of order) {
    if (it.done[v] || ef[v] <= it.finishPoint[v]) continue;
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
    const days = day(ef[v] - 1) - day(it.finishPoint[v] - 1);
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
  day: (point: WorkIndex) => Day,
  diags: Diagnostic[],
): void {
  for (const v of pushes.inOrder) {
    const push = pushes.of[v]!;
    const j = pushes.link[v];
    const u = net.from[j];
    const id = it.ids[v];
    const entered = day(it.finishPoint[v] - 1);
    const now = day(ef[v] - 1);
    const link = linkText(net.links[j]);
    const w = it.src[v];
    const late = `${push.days} day${push.days === 1 ? "" : "s"} late`;
    if (push.kind === "slip") {
      const root = push.root !== push.by ? `; the chain starts at ${push.root}` : "";
      diags.push({
        severity: "warning",
        code: "slippage-impact",
        message: flat(`${id} cannot finish by ${formatDayLong(entered)}: ${push.by} finishes later than planned (${formatDayLong(day(ef[u] - 1))}) and, through the ${link} link, pushes ${id} to ${formatDayLong(now)} (${late})${root}. Replan ${id}, or recover ${push.by}.`),
        sheet: w.sheet,
        cell: finishCell(it, v),
        entity: id,
      });
    } else {
      const startNow = it.milestone[v] ? now : day(es[v]);
      diags.push({
        severity: "warning",
        code: "date-conflict",
        message: flat(`${id}'s dates conflict with its dependency on ${push.by} (${link}): ${push.by} is on plan to finish ${formatDayLong(day(ef[u] - 1))}, so ${id} can start ${formatDayLong(startNow)} at the earliest and finish ${formatDayLong(now)}, ${push.days} day${push.days === 1 ? "" : "s"} after its entered finish. Nothing has slipped: correct ${id}'s dates, or agree a change to the dependency.`),
        sheet: w.sheet,
        cell: startCell(it, v),
        entity: id,
      });
    }
  }
  // Items that start earlier than their links allow but still finish in time: the start conflicts.
  for (let v = 0; v < it.n; v++) {
    if (it.done[v] || it.milestone[v] || pushes.of[v] || es[v] <= it.start[v]) continue;
    const j = drivers.start[v] < drivers.start[v + 1] ? drivers.link[drivers.start[v]] : undefined;
    const by = j !== undefined ? `${it.ids[net.from[j]]} (${linkText(net.links[j])})` : "its predecessors";
    diags.push({
      severity: "warning",
      code: "date-conflict",
      message: flat(`${it.ids[v]} is entered to start on ${formatDayLong(day(it.start[v]))}, but its dependency on ${by} lets it start on ${formatDayLong(day(es[v]))} at the earliest (it can still finish as entered). Move the start, or agree a change to the dependency.`),
      sheet: it.src[v].sheet,
      cell: startCell(it, v),
      entity: it.ids[v],
    });
  }
}

function reportCycles(
  comps: number[][],
  succ: Adjacency,
  it: Items,
  from: number[],
  to: number[],
  links: { sheet: string; cell: string }[],
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
    for (let k = preds.start[waiting[0]]; k < preds.start[waiting[0] + 1] && closing < 0; k++) if (preds.node[k] === waiting[1 % waiting.length]) closing = preds.link[k];
    const words = ids.length === 1 ? `${ids[0]} waits for itself` : ids.map((id, i) => (i === 0 ? `${id} waits for ${ids[1]}` : i < ids.length - 1 ? `which waits for ${ids[i + 1]}` : `which waits for ${ids[0]}`)).join(", ");
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
