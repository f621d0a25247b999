import { flat } from "../primitives/text";
import { CONSTRAINT_NAME } from "./constraint-types";
import { formatDayLong } from "../primitives/dates";
import type { Diagnostic } from "../primitives/diagnostic";
import type { Net, Shifter, Bindings } from "./network";
import type { ConstraintViolation } from "./schedule";
import type { Pushes } from "./schedule-pushes";
import { daysOf, finishCell, startCell, type Items, type Shown } from "./schedule-items";

/**
 * Constraints and deadlines the network cannot meet, one finding each, naming the date, how far it
 * is missed in working days and the predecessor (and the chain's head) that drives the item there.
 * Project reports the same as a scheduling conflict on the constraint and a missed-deadline
 * indicator ("Set a deadline for a task", "Constraint Type (task field)", Microsoft Support).
 */
export function constraintViolations(
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
  const cx: Context = { it, net, es, ef, wanted, drivers, pushes, M, diags, shown, shift };
  const out: ConstraintViolation[] = [];
  for (let v = 0; v < it.items; v++) {
    if (it.done[v]) continue;
    constraintMissed(cx, v, out);
    deadlineMissed(cx, v, out);
  }
  return out;
}

interface Context {
  it: Items;
  net: Net;
  es: Float64Array;
  ef: Float64Array;
  wanted: Float64Array;
  drivers: Bindings;
  pushes: Pushes;
  M: number;
  diags: Diagnostic[];
  shown: Shown;
  shift: Shifter;
}

/** The predecessor whose link asks for the start the links want (a held constraint's drivers are not binding at its held date); −1: none. */
function wantedBy(cx: Context, v: number): number {
  const { net, drivers } = cx;
  for (let k = net.into.start[v]; k < net.into.start[v + 1]; k++) {
    const j = net.into.link[k];
    if (cx.shift.constraintStart(net, j, cx.es, cx.ef) !== cx.wanted[v]) continue;
    if (j < net.external) return net.from[j];
    const s = net.from[j]; // a summary's start: what binds the summary
    return drivers.start[s] < drivers.start[s + 1] ? net.from[drivers.link[drivers.start[s]]] : -1;
  }
  return drivers.start[v] < drivers.start[v + 1] ? net.from[drivers.link[drivers.start[v]]] : -1;
}

/** The predecessor that drives an item past its date, and the head of that driving chain. */
function drive(cx: Context, v: number): [string | null, string | null] {
  const { it, net, drivers } = cx;
  const u = wantedBy(cx, v);
  if (u < 0) return [null, null];
  // The head of the driving chain: follow the first binding link back (bounded, for a long chain).
  let r = u;
  for (let steps = 0; steps < 100_000 && drivers.start[r] < drivers.start[r + 1]; steps++)
    r = net.from[drivers.link[drivers.start[r]]];
  return [it.ids[u], cx.pushes.of[v]?.root ?? it.ids[r]];
}

function words(cx: Context, minutes: number): string {
  const d = daysOf(minutes, cx.M);
  return `${d} working day${d === 1 ? "" : "s"}${cx.it.minute && !Number.isInteger(d) ? ` (${Math.round(minutes / 6) / 10} h)` : ""}`;
}

/** A No Later Than or Must constraint the links would push past: held, and reported. */
function constraintMissed(cx: Context, v: number, out: ConstraintViolation[]): void {
  const { it, wanted, M } = cx;
  const t = it.cType[v];
  const d = it.duration[v];
  let missBy = 0;
  if (t === 3 || t === 6)
    missBy = wanted[v] - it.cPoint[v]; // SNLT, MSO: the links want a later start
  else if (t === 5 || t === 7) missBy = wanted[v] + d - it.cPoint[v]; // FNLT, MFO
  const c = it.constraint[v];
  if (!(missBy > 0 && c && c.date)) return;
  const [by, root] = drive(cx, v);
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
  cx.diags.push({
    severity: "warning",
    code: "constraint-missed",
    message: flat(
      `${it.ids[v]}'s ${CONSTRAINT_NAME[type]} constraint (${formatDayLong(c.date.day)}) cannot be met: ${by ? `${by} drives it` : "its dates drive it"}${root && root !== by ? ` (the chain starts at ${root})` : ""}, so it could ${starts ? "start" : "finish"} ${words(cx, missBy)} later at the earliest. The schedule holds the constraint, as Project does, and shows the gap as negative float on the chain. Recover the chain, or agree a new date.`,
    ),
    sheet: it.src[v].sheet,
    cell: startCell(it, v),
    entity: it.ids[v],
  });
}

/** A deadline the early finish passes. */
function deadlineMissed(cx: Context, v: number, out: ConstraintViolation[]): void {
  const { it, ef, M } = cx;
  const dl = it.deadline[v];
  if (Number.isNaN(dl) || ef[v] <= dl) return;
  const [by, root] = drive(cx, v);
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
  cx.diags.push({
    severity: "warning",
    code: "deadline-missed",
    message: flat(
      `${it.ids[v]} misses its deadline of ${formatDayLong(when)}: it finishes ${formatDayLong(cx.shown(ef[v], true))} at the earliest, ${words(cx, miss)} late${by ? `, driven by ${by}` : ""}${root && root !== by ? ` (the chain starts at ${root})` : ""}. Recover the chain, or agree a new deadline.`,
    ),
    sheet: it.src[v].sheet,
    cell: finishCell(it, v),
    entity: it.ids[v],
  });
}
