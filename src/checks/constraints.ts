import { flat } from "../model/text";
import { CONSTRAINT_NAME } from "../model/constraint";
import { formatDayLong } from "../model/dates";
import type { Diagnostic } from "../model/diagnostic";
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
