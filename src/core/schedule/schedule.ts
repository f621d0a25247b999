import { clockAt, type WorkCalendar } from "../primitives/calendar";
import type { Constraint, ConstraintType } from "./constraint-types";
import type { Day } from "../primitives/dates";
import type { Diagnostic } from "../primitives/diagnostic";
import { type Link, type Programme } from "../programme/entities";
import { backward, forward, scheduleAlap } from "./critical-path";
import { constraintViolations } from "./constraints";
import { adjacency, cycleThrough, findCycles, topologicalOrder, type Adjacency } from "./graph";
import { networkLinks, scheduleDays, Shifter, type Bindings, type Net } from "./network";
import { buildItems, daysOf, finishDay, startCell, SUMMARY_NODES, type Items, type Shown } from "./schedule-items";
import { bindingLinks, explainPushes, pushDiagnostics, resolveSummaryDrivers, type Pushes } from "./schedule-pushes";

/**
 * The schedule, on Microsoft Project's conventions (docs/dependencies.md has the rules and worked
 * examples). Time is a working-time index on the programme's calendar (src/core/primitives/calendar.ts):
 * working minutes, working day i occupying [i·M, (i + 1)·M) with M the working minutes of a day. A
 * task from working day s to working day e (Finish is the last day of work) occupies [s·M, (e + 1)·M);
 * a milestone on day m is the point (m + 1)·M, the end of its day. Dates with times (Project's
 * exports) are placed to the minute: a task ending at 10:00 has its FS successor start at 10:00.
 * Lags are working time unless written as elapsed time or a percentage of the predecessor's duration.
 *  - Forward: FS: ES ≥ EF(p) + lag; SS: ES ≥ ES(p) + lag; FF: EF ≥ EF(p) + lag; SF: EF ≥ ES(p) + lag;
 *    EF = ES + duration; the entered start (a milestone's date) is a "no earlier than".
 *  - Backward from the programme end (the latest EF of the open items): FS: LF ≤ LS(s) − lag;
 *    SS: LS ≤ LS(s) − lag; FF: LF ≤ LF(s) − lag; SF: LS ≤ LF(s) − lag; LS = LF − duration.
 *  - Constraints and deadlines bind as Project documents (constrainedStart, constrainedLate in
 *    critical-path.ts); As Late As Possible items are then put on their late dates (scheduleAlap).
 *  - Total float = LF − EF, in working days (fractions below a day); it can be negative, and an
 *    item is critical when it is ≤ 0 ("Negative Slack (task field)": total slack is the smaller of
 *    LF − EF and LS − ES; "Show the critical path of your project": critical when slack ≤ 0).
 *  - Done items are facts: links into them are ignored in both passes; links out still bind. A task
 *    in progress keeps its actual start, a manually scheduled one its entered start.
 *  - A summary task that links name is four points in the network (schedule-items.ts): a link into
 *    it binds every task under it by the link's type, a link out of it leaves from the latest
 *    finish (FS, FF) or the earliest start (SS, SF) under it ("Link tasks in a project": linking a
 *    summary links its subtasks).
 * Files: schedule-items.ts (the items on the calendar), network.ts (the links and lags),
 * critical-path.ts (the two passes), schedule-pushes.ts (what pushes what, and its findings),
 * constraints.ts (constraints and deadlines that cannot be met).
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

export function analyseSchedule(
  p: Programme,
  cal: WorkCalendar,
  diags: Diagnostic[],
  holidayNames: ReadonlyMap<Day, string> = new Map(),
): ScheduleResult {
  const it = buildItems(p, cal, holidayNames, diags);
  const M = cal.minutesPerDay;
  const { net, order, cycles, cycleOf } = buildNetwork(p, it, cal, diags);
  const shift = new Shifter(cal, it);
  const d = passes(order, it, net, shift);
  const { es, ef, lf } = d;
  const drivers = resolveSummaryDrivers(order, it, net, bindingLinks(it.n, net, shift, es, ef, it));
  const shown = scheduleDays(cal, it, es, ef, lf);
  // An ALAP item later than entered has moved to its late dates, not slipped: its pushes are read from its early finish.
  const pushEf = d.early === ef ? ef : ef.map((x, v) => (v < it.items && it.cType[v] === 1 ? d.early[v] : x));
  const pushes = explainPushes(order, it, net, pushEf, drivers, shown);
  const made = scheduleNodes(p, cal, it, net, d, drivers, pushes, cycleOf, shown);
  pushDiagnostics(it, net, es, pushEf, pushes, drivers, shown, diags);
  const violations = constraintViolations(it, net, es, ef, d.wanted, drivers, pushes, M, diags, shown, shift);
  return {
    calendar: cal,
    resolution: it.minute ? "minute" : "day",
    ...made,
    programmeEnd: Number.isFinite(d.end) ? shown(d.end, true) : null,
    cycles,
    violations,
    summaries: summaryNodes(it, d, shown, M),
    linkCount: net.links.length,
  };
}

/** The network of links between the nodes, the cycles reported and left out, and the order the passes take. */
function buildNetwork(p: Programme, it: Items, cal: WorkCalendar, diags: Diagnostic[]) {
  const n = it.n;
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
  return { net, order, cycles, cycleOf };
}

/** Every node's dates in working minutes: early (with the start the links want), late, and the first pass's early finish (an ALAP item's float reads it). */
interface Dates {
  es: Float64Array;
  ef: Float64Array;
  lf: Float64Array;
  wanted: Float64Array;
  early: Float64Array;
  /** The programme end: the latest early finish of the open items. */
  end: number;
}

/** The forward pass, the backward pass from the programme end, then the As Late As Possible items on their late dates. */
function passes(order: Int32Array, it: Items, net: Net, shift: Shifter): Dates {
  const n = it.n;
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  const wanted = new Float64Array(n);
  forward(order, it, net, shift, es, ef, wanted);
  let end = -Infinity;
  for (let v = 0; v < it.items; v++) if (!it.done[v] && ef[v] > end) end = ef[v];
  const lf = new Float64Array(n).fill(NaN);
  if (Number.isFinite(end)) backward(order, it, net, shift, end, lf);
  const early = scheduleAlap(order, it, net, shift, es, ef, lf, wanted) ?? ef;
  return { es, ef, lf, wanted, early, end };
}

/** The items' nodes, by ID and by their place in the programme, and the critical ones in order. */
function scheduleNodes(
  p: Programme,
  cal: WorkCalendar,
  it: Items,
  net: Net,
  d: Dates,
  drivers: Bindings,
  pushes: Pushes,
  cycleOf: Int32Array,
  shown: Shown,
) {
  const nodes = new Map<string, ScheduleNode>();
  const projectNodes: (ScheduleNode | undefined)[] = new Array(p.projects.length);
  const milestoneNodes: (ScheduleNode | undefined)[] = new Array(p.milestones.length);
  const critical: number[] = [];
  const driversOf = (v: number): readonly Link[] => {
    if (drivers.start[v] === drivers.start[v + 1]) return NO_DRIVERS;
    const out: Link[] = [];
    for (let k = drivers.start[v]; k < drivers.start[v + 1]; k++) out.push(net.links[drivers.link[k]]);
    return out;
  };
  for (let v = 0; v < it.items; v++) {
    const node = scheduleNode(cal, it, v, d, cycleOf[v] !== -1, shown, driversOf(v), pushes.of[v] ?? null);
    if (node.critical) critical.push(v);
    nodes.set(it.ids[v], node);
    const at = it.origin[v];
    if (at >= 0) projectNodes[at] = node;
    else milestoneNodes[-1 - at] = node;
  }
  const { es, ef } = d;
  critical.sort((a, b) => es[a] - es[b] || ef[a] - ef[b] || a - b);
  return { nodes, projectNodes, milestoneNodes, criticalPath: critical.map((v) => it.ids[v]) };
}

function scheduleNode(
  cal: WorkCalendar,
  it: Items,
  v: number,
  d: Dates,
  inCycle: boolean,
  shown: Shown,
  drivers: readonly Link[],
  push: Push | null,
): ScheduleNode {
  const { es, ef, lf } = d;
  const M = cal.minutesPerDay;
  const ms = it.milestone[v] === 1;
  const done = it.done[v] === 1;
  const computable = !inCycle;
  const hasLate = !done && computable && !Number.isNaN(lf[v]);
  const floatMinutes = hasLate ? lf[v] - (it.cType[v] === 1 ? d.early[v] : ef[v]) : null;
  const dur = it.duration[v];
  return {
    id: it.ids[v],
    kind: ms ? "milestone" : "project",
    done,
    computable,
    start: ms ? finishDay(it, v, it.start[v], shown) : shown(it.start[v], false),
    finish: finishDay(it, v, it.finishPoint[v], shown),
    duration: daysOf(dur, M),
    earlyStart: ms ? finishDay(it, v, ef[v], shown) : shown(es[v], false),
    earlyFinish: finishDay(it, v, ef[v], shown),
    lateStart: hasLate ? (ms ? finishDay(it, v, lf[v], shown) : shown(lf[v] - dur, false)) : null,
    lateFinish: hasLate ? (ms ? finishDay(it, v, lf[v], shown) : shown(lf[v], true)) : null,
    totalFloat: floatMinutes === null ? null : daysOf(floatMinutes, M),
    totalFloatMinutes: floatMinutes,
    critical: floatMinutes !== null && floatMinutes <= 0,
    drivers,
    push,
    inCycle,
    constraint: it.constraint[v],
    deadline: it.deadlineDay[v],
    times: it.minute ? nodeTimes(cal, it, v, es[v], ef[v], hasLate ? lf[v] : null) : null,
  };
}

/** Each summary by its finish point: the earliest start and latest finish under it. */
function summaryNodes(it: Items, d: Dates, shown: Shown, M: number): Map<string, SummaryNode> {
  const { es, ef, lf } = d;
  const summaries = new Map<string, SummaryNode>();
  for (let v = it.items; v < it.n; v += SUMMARY_NODES) {
    const out = v + 1;
    const has = Number.isFinite(es[out]) && Number.isFinite(ef[out]);
    summaries.set(it.ids[v], {
      id: it.ids[v],
      earlyStart: has ? shown(es[out], false) : null,
      earlyFinish: has ? shown(ef[out], true) : null,
      totalFloat: has && !Number.isNaN(lf[out]) ? daysOf(lf[out] - ef[out], M) : null,
    });
  }
  return summaries;
}

/** Minutes after midnight of a node's dates (a plan scheduled to the minute): the clock time of each point within its working day. */
function nodeTimes(cal: WorkCalendar, it: Items, v: number, es: number, ef: number, lf: number | null): NodeTimes {
  const M = cal.minutesPerDay;
  const ms = it.milestone[v] === 1;
  const dur = it.duration[v];
  const clock = (t: number, asFinish: boolean) => {
    const x = t - Math.floor(t / M) * M;
    return clockAt(cal, x === 0 && asFinish ? M : x, asFinish);
  };
  // A finish entered at a day's first minute and still there reads as that minute (finishDay).
  const finish = (t: number) => clock(t, !(it.atDayStart[v] && t === it.finishPoint[v]));
  return {
    earlyStart: ms ? finish(ef) : clock(es, false),
    earlyFinish: finish(ef),
    lateStart: lf === null ? null : ms ? finish(lf) : clock(lf - dur, false),
    lateFinish: lf === null ? null : finish(lf),
  };
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
