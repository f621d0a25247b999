import { ITEM, SUMMARY_FINISH, SUMMARY_START_OUT, type Items } from "./schedule-items";
import type { Net, Shifter } from "./network";

/**
 * The critical path method's two passes, on Microsoft Project's conventions (src/core/schedule/schedule.ts
 * has the rules and docs/dependencies.md the worked examples): the forward pass gives each item's
 * early start and finish, the backward pass its late finish from the programme end; the constraints
 * and deadlines bind both. Total float (LF − EF) ≤ 0 makes an item critical.
 */

/**
 * A constraint on the early start, after the links ("Set a task start or finish date (constraint)
 * for a task", Microsoft Support; Project's default "Tasks will always honor their constraint
 * dates"): Start/Finish No Earlier Than move the start later; Must Start/Finish On put it on the
 * date; Start/Finish No Later Than hold it at the date when the links would push it past (the
 * conflict is reported, and shows as negative float). As Late As Possible has no date: it takes the
 * start its links give, not its entered one.
 */
export function constrainedStart(it: Items, v: number, start: number): number {
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
export function constrainedLate(it: Items, v: number, late: number): number {
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

export function forward(
  order: Int32Array,
  it: Items,
  net: Net,
  shift: Shifter,
  es: Float64Array,
  ef: Float64Array,
  wanted: Float64Array,
): void {
  const planStart = earliestStart(it);
  for (const v of order) forwardNode(v, it, net, shift, es, ef, wanted, planStart);
}

/** The plan's start: the earliest entered start of its items (Project's project start, where a task without predecessors begins). */
export function earliestStart(it: Items): number {
  let lo = Infinity;
  for (let v = 0; v < it.items; v++) if (it.start[v] < lo) lo = it.start[v];
  return lo;
}

export function forwardNode(
  v: number,
  it: Items,
  net: Net,
  shift: Shifter,
  es: Float64Array,
  ef: Float64Array,
  wanted: Float64Array,
  planStart: number,
): void {
  if (it.role[v] === SUMMARY_FINISH) {
    summaryFinish(v, it, net, es, ef);
    return;
  }
  if (it.role[v] === SUMMARY_START_OUT) {
    summaryStartOut(v, it, net, es, ef);
    return;
  }
  let start = it.start[v];
  // A task in progress starts on its actual start, whatever its links and constraint say (Project:
  // Actual Start replaces Start once work begins); a manually scheduled one stays on its entered
  // dates. MPXJ's MicrosoftScheduler, which reproduces Project's schedule, does both.
  if (!it.done[v] && !it.started[v]) {
    // As Late As Possible: its entered start is Project's late date, so its early start is what its
    // links give, or the plan's start when nothing links into it (as any task without predecessors).
    const alap = it.cType[v] === 1;
    if (alap) start = -Infinity;
    for (let k = net.into.start[v]; k < net.into.start[v + 1]; k++) {
      const c = shift.constraintStart(net, net.into.link[k], es, ef);
      if (c > start) start = c;
    }
    if (alap && start === -Infinity) start = Math.min(it.start[v], planStart);
    wanted[v] = start;
    start = constrainedStart(it, v, start);
  } else wanted[v] = start;
  es[v] = start;
  ef[v] = start + it.duration[v];
}

/**
 * As Late As Possible items are scheduled on their late dates ("Task occurs as late as possible in
 * the schedule without delaying subsequent tasks": PjConstraint, Microsoft Learn): after the backward
 * pass each open one takes LS and LF as its dates, and the items after it are scheduled again from
 * those (a second forward pass), as Project shows them. Returns the early finishes of the first pass
 * (total float stays LF − EF of the early dates), or null when the plan has no open ALAP item.
 */
export function scheduleAlap(
  order: Int32Array,
  it: Items,
  net: Net,
  shift: Shifter,
  es: Float64Array,
  ef: Float64Array,
  lf: Float64Array,
  wanted: Float64Array,
): Float64Array | null {
  const alap = (v: number) =>
    it.role[v] === ITEM && it.cType[v] === 1 && !it.done[v] && !it.started[v] && !Number.isNaN(lf[v]);
  let any = false;
  for (let v = 0; v < it.items && !any; v++) any = alap(v);
  if (!any) return null;
  const early = Float64Array.from(ef);
  const planStart = earliestStart(it);
  const held = Float64Array.from(wanted);
  for (const v of order) {
    if (alap(v)) {
      es[v] = lf[v] - it.duration[v];
      ef[v] = lf[v];
    } else forwardNode(v, it, net, shift, es, ef, wanted, planStart);
  }
  wanted.set(held);
  return early;
}

/** A summary's finish point: the earliest start and the latest finish under it (its children's links into it), and their entered and planned finishes. */
export function summaryFinish(v: number, it: Items, net: Net, es: Float64Array, ef: Float64Array): void {
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

/** A summary's start-out point: the earliest start under it (done children included), and which task that is (the first in plan order on a tie). */
export function summaryStartOut(v: number, it: Items, net: Net, es: Float64Array, ef: Float64Array): void {
  let lo = Infinity;
  let first = -1;
  for (let k = net.into.start[v]; k < net.into.start[v + 1]; k++) {
    const u = net.from[net.into.link[k]];
    if (es[u] < lo || (es[u] === lo && u < first)) [lo, first] = [es[u], u];
  }
  es[v] = ef[v] = first < 0 ? -Infinity : lo;
  it.earliest[v] = first;
}

export function backward(order: Int32Array, it: Items, net: Net, shift: Shifter, end: number, lf: Float64Array): void {
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i];
    if (it.done[v]) continue;
    const d = it.duration[v];
    const vMs = it.milestone[v] === 1;
    let late = end;
    for (let k = net.outOf.start[v]; k < net.outOf.start[v + 1]; k++) {
      const j = net.outOf.link[k];
      const w = net.to[j];
      if (it.role[w] === SUMMARY_START_OUT && it.earliest[w] !== v) continue; // binds the earliest task only
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
