import { flat } from "../primitives/text";
import type { WorkTime } from "../primitives/calendar";
import { CONSTRAINT_NAME } from "./constraint-types";
import { formatDayLong } from "../primitives/dates";
import type { Diagnostic } from "../primitives/diagnostic";
import { linkText } from "../programme/entities";
import type { Net, Shifter, Bindings } from "./network";
import type { Push } from "./schedule";
import {
  CONSTRAINT_OF,
  finishCell,
  finishDay,
  ITEM,
  startCell,
  SUMMARY_FINISH,
  SUMMARY_FINISH_IN,
  SUMMARY_START,
  SUMMARY_START_OUT,
  type Items,
  type Shown,
} from "./schedule-items";

/**
 * Why items move (src/core/schedule/schedule.ts has the rules): the links that bind each early start, the
 * predecessor that pushes an item past its entered finish and the chain's head, and the findings
 * (slippage-impact, date-conflict) that say so.
 */

/** The links whose constraint binds each item's early start (ties included), in link order: `link[start[v]] …`. */
export function bindingLinks(
  n: number,
  net: Net,
  shift: Shifter,
  es: Float64Array,
  ef: Float64Array,
  it: Items,
): Bindings {
  const start = new Int32Array(n + 1);
  const link = new Int32Array(net.into.link.length);
  let len = 0;
  for (let v = 0; v < n; v++) {
    start[v] = len;
    if (it.role[v] === SUMMARY_FINISH || it.role[v] === SUMMARY_START_OUT) continue;
    for (let k = net.into.start[v]; k < net.into.start[v + 1]; k++) {
      const j = net.into.link[k];
      if (shift.constraintStart(net, j, es, ef) === es[v]) link[len++] = j;
    }
  }
  start[n] = len;
  return { start, link };
}

/** Bindings as read: a summary's own start link stands for the links that bind the summary (in waiting order, so a nested summary's are known first). Items no summary binds keep their bindings as they are. */
export function resolveSummaryDrivers(order: Int32Array, it: Items, net: Net, raw: Bindings): Bindings {
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
      else if (it.role[net.from[j]] === SUMMARY_START || it.role[net.from[j]] === SUMMARY_FINISH_IN)
        for (const x of lists.get(net.from[j]) ?? []) if (!out.includes(x)) out.push(x);
    }
    return out;
  };
  const into = (v: number) => it.role[v] === SUMMARY_START || it.role[v] === SUMMARY_FINISH_IN;
  for (const v of order) if (into(v) || viaSummary(v)) lists.set(v, resolve(v));
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
export interface Pushes {
  of: (Push | undefined)[];
  link: Int32Array;
  root: Int32Array;
  inOrder: number[];
}

/** For each open item that finishes later than entered: which binding predecessor pushes it, why, and by how many calendar days. */
export function explainPushes(
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
    const days = finishDay(it, v, ef[v], day) - finishDay(it, v, it.finishPoint[v], day);
    if (days <= 0 && it.minute) continue; // later the same day: not a slip a board counts in days
    out.of[v] = { kind: slip ? "slip" : "conflict", by: it.ids[u], root: it.ids[rootIdx], days };
    out.link[v] = j;
    out.root[v] = rootIdx;
    out.inOrder.push(v);
  }
  return out;
}

export function pushDiagnostics(
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
    asFinish || it.milestone[v] ? finishDay(it, v, t, shown) : shown(t, false);
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
  startConflicts(it, net, es, ef, pushes, drivers, shown, diags);
}

/** Items that start earlier than their links (or their own constraint) allow: one date-conflict each. */
function startConflicts(
  it: Items,
  net: Net,
  es: Float64Array,
  ef: Float64Array,
  pushes: Pushes,
  drivers: Bindings,
  shown: Shown,
  diags: Diagnostic[],
): void {
  // Items that start earlier than their links allow but still finish in time: the start conflicts.
  for (let v = 0; v < it.items; v++) {
    // An As Late As Possible item sits on its late dates by its own constraint: not a conflict.
    if (it.done[v] || it.milestone[v] || it.cType[v] === 1 || pushes.of[v] || es[v] <= it.start[v]) continue;
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
