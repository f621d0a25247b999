import {
  asWorkIndex,
  dayAtIndex,
  dayLookup,
  indexOnOrAfter,
  indexOnOrBefore,
  momentAt,
  minutesOf,
  momentOfMinutes,
  timeOnOrAfter,
  timeOnOrBefore,
  type WorkCalendar,
  type WorkTime,
} from "../primitives/calendar";
import { addDays, asDay, type Day } from "../primitives/dates";
import { cellOf, exactLag, LINK_TYPE_NUMBER, type Link, type Programme } from "../programme/entities";
import type { Adjacency } from "./graph";
import { SUMMARY_NODES, UNIT_CODE, type Items } from "./schedule-items";

/**
 * The schedule's network (src/core/schedule/schedule.ts has the rules): the links read once each, a
 * summary's own links to its four points, lags in the engine's units, and the arithmetic that moves
 * a point on the working-time index by a lag.
 */

/** The links between known nodes, in compressed arrays: by successor (in) and by predecessor (out). Links from `external` on are a summary's own (its start to each child, each child to its finish). */
export interface Net {
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
export type Bindings = Pick<Adjacency, "start" | "link">;

/**
 * The network's links: each link as read once (a link naming a summary stays one link, to or from
 * the summary's start or finish point), then each summary's own links, start → child (SS) and
 * child → finish (FF), which carry its constraint to what is under it and its dates out.
 */
export function networkLinks(p: Programme, it: Items, cal: WorkCalendar) {
  const index = new Map<string, number>();
  for (let i = 0; i < it.items; i++) index.set(it.ids[i], i);
  const summaryAt = new Map<string, number>();
  for (let v = it.items; v < it.n; v += SUMMARY_NODES) summaryAt.set(it.ids[v], v);
  const from: number[] = [];
  const to: number[] = [];
  const links: Link[] = [];
  const lagOf: number[] = [];
  const types: number[] = [];
  const units: number[] = [];
  const cells: { sheet: string; cell: string }[] = [];
  for (const l of p.links) {
    const fromStart = l.type === "SS" || l.type === "SF";
    const toFinish = l.type === "FF" || l.type === "SF";
    let a = index.get(l.from);
    if (a === undefined) {
      // Out of a summary: FS and FF from its finish point, SS and SF from its start-out point.
      const sf = summaryAt.get(l.from);
      a = sf === undefined ? undefined : sf + (fromStart ? 3 : 1);
    }
    let b = index.get(l.to);
    if (b === undefined) {
      // Into a summary: FS and SS to its start point, FF and SF to its finish-in point.
      const st = summaryAt.get(l.to);
      b = st === undefined ? undefined : st + (toFinish ? 2 : 0);
    }
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
      // start → child (SS), child → finish (FF), finish-in → child (FF), child → start-out (SS);
      // a nested summary's points stand for the child.
      from.push(v, item ?? sub! + 1, v + 2, item ?? sub! + 3);
      to.push(item ?? sub!, v + 1, item ?? sub! + 2, v + 3);
      types.push(LINK_TYPE_NUMBER.SS, LINK_TYPE_NUMBER.FF, LINK_TYPE_NUMBER.FF, LINK_TYPE_NUMBER.SS);
      units.push(UNIT_CODE.wd, UNIT_CODE.wd, UNIT_CODE.wd, UNIT_CODE.wd);
      lagOf.push(0, 0, 0, 0);
      cells.push(cell, cell, cell, cell);
    }
  }
  return { from, to, links, lagOf, types, units, cells };
}

/** lagIn's second answer (the lag's value in its unit), kept in one place so that no pair is made per link. */
export const LAG_VALUE = { value: 0 };

/** A link's lag as the engine uses it: the whole-day reading for a plan in days (as before), the exact amount for a plan with times. Returns the unit code; the value is left in LAG_VALUE. */
export function lagIn(l: Link, minute: boolean, cal: WorkCalendar): number {
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
export class Shifter {
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

/** Working-time point → day for every date the schedule shows, looked up over the span of working days its points cover. */
export function scheduleDays(
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
