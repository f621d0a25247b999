import { formatDayLong, type Day } from "../model/dates";
import type { Diagnostic } from "../model/diagnostic";
import type { Link, LinkType, Programme } from "../model/entities";
import { isCompleteStatus } from "../model/status";
import { cycleThrough, findCycles, topologicalOrder } from "./graph";

/**
 * Critical path analysis over projects and milestones, in calendar days.
 * docs/dependencies.md states the rules; in short:
 *  - a milestone has zero duration; a project's duration is Finish − Start;
 *  - forward pass: ES = max(own start, each predecessor's constraint), EF = ES + duration,
 *    FS: ES ≥ EF(p)+lag, SS: ES ≥ ES(p)+lag, FF: EF ≥ EF(p)+lag, SF: EF ≥ ES(p)+lag;
 *  - backward pass from the programme end (latest EF): FS: LF ≤ LS(s)−lag, SS: LS ≤ LS(s)−lag,
 *    FF: LF ≤ LF(s)−lag, SF: LS ≤ LF(s)−lag; LS = LF − duration;
 *  - total float = LF − EF; critical when float ≤ 0.
 * Links inside a cycle are reported and left out; the rest of the network is still analysed.
 */

export interface Driver {
  id: string;
  type: LinkType;
  lag: number;
}

export interface ScheduleNode {
  id: string;
  kind: "project" | "milestone";
  /** The dates as entered (for a milestone: actual, else forecast, else baseline). */
  start: Day;
  finish: Day;
  duration: number;
  earlyStart: Day;
  earlyFinish: Day;
  lateStart: Day;
  lateFinish: Day;
  totalFloat: number;
  critical: boolean;
  /** The predecessor whose constraint set the early start, if any did. */
  driver: Driver | null;
  inCycle: boolean;
}

export interface ScheduleResult {
  nodes: Map<string, ScheduleNode>;
  /** IDs of the driving chain that ends at the programme end, in order. */
  criticalPath: string[];
  programmeEnd: Day | null;
  /** Each cycle as its IDs in order (the last links back to the first). */
  cycles: string[][];
  /** IDs whose finish is pushed past the entered finish, with the root cause of the push. */
  slipped: Map<string, { by: string; root: string; days: number }>;
}

interface Node {
  id: string;
  kind: "project" | "milestone";
  start: Day;
  finish: Day;
  duration: number;
  sheet: string;
  startCell: string;
  finishCell: string;
  /** Done items are facts: predecessors no longer constrain them. */
  done: boolean;
}

export function analyseSchedule(p: Programme, diags: Diagnostic[]): ScheduleResult {
  const nodes: Node[] = [];
  for (const pr of p.projects) {
    const finish = pr.finish ?? pr.start;
    const start = pr.start ?? pr.finish;
    if (finish === null || start === null) continue;
    if (finish < start) {
      diags.push({
        severity: "error",
        code: "date-conflict",
        message: `${pr.id} finishes (${formatDayLong(finish)}) before it starts (${formatDayLong(start)}). Correct the Start or Finish date.`,
        sheet: pr.src.sheet,
        cell: pr.src.cells.finish ?? pr.src.cells.start ?? "",
        entity: pr.id,
      });
    }
    nodes.push({
      id: pr.id,
      kind: "project",
      start,
      finish: Math.max(start, finish),
      duration: Math.max(0, finish - start),
      sheet: pr.src.sheet,
      startCell: pr.src.cells.start ?? pr.src.cells.finish ?? "",
      finishCell: pr.src.cells.finish ?? "",
      done: isCompleteStatus(pr.status) || (pr.percentComplete ?? 0) >= 100,
    });
  }
  for (const m of p.milestones) {
    const date = m.actual ?? m.forecast ?? m.baseline;
    if (date === null) continue;
    const cell = m.actual !== null ? m.src.cells.actual : m.forecast !== null ? m.src.cells.forecast : m.src.cells.baseline;
    nodes.push({ id: m.id, kind: "milestone", start: date, finish: date, duration: 0, sheet: m.src.sheet, startCell: cell ?? "", finishCell: cell ?? "", done: m.actual !== null || isCompleteStatus(m.status) });
  }
  const idx = new Map<string, number>();
  nodes.forEach((n, i) => idx.set(n.id, i));
  const n = nodes.length;
  const succ: number[][] = Array.from({ length: n }, () => []);
  const usable: Link[] = [];
  for (const l of p.links) {
    const a = idx.get(l.from);
    const b = idx.get(l.to);
    if (a === undefined || b === undefined) continue;
    succ[a].push(b);
    usable.push(l);
  }

  // Cycles: report each, then drop the links inside it.
  const cycleComps = findCycles(n, succ);
  const compOf = new Int32Array(n).fill(-1);
  const cycles: string[][] = [];
  cycleComps.forEach((comp, ci) => {
    for (const v of comp) compOf[v] = ci;
    const path = cycleThrough(comp, succ).map((v) => nodes[v].id);
    cycles.push(path);
    const first = nodes[idx.get(path[0])!];
    const closing = usable.find((l) => l.to === path[0] && l.from === path[path.length - 1]);
    diags.push({
      severity: "error",
      code: "dependency-cycle",
      message: `Dependency cycle: ${[...path, path[0]].join(" → ")}. Each waits for the next, so none can start; dates for ${
        path.length === 1 ? "it" : "them"
      } ignore these links until one is removed or reversed.`,
      sheet: closing?.sheet ?? first.sheet,
      cell: closing?.cell ?? first.startCell,
      entity: path[0],
    });
  });
  const inLinks: { from: number; type: LinkType; lag: number }[][] = Array.from({ length: n }, () => []);
  const outLinks: { to: number; type: LinkType; lag: number }[][] = Array.from({ length: n }, () => []);
  const dagSucc: number[][] = Array.from({ length: n }, () => []);
  for (const l of usable) {
    const a = idx.get(l.from)!;
    const b = idx.get(l.to)!;
    if (compOf[a] !== -1 && compOf[a] === compOf[b]) continue;
    inLinks[b].push({ from: a, type: l.type, lag: l.lag });
    outLinks[a].push({ to: b, type: l.type, lag: l.lag });
    dagSucc[a].push(b);
  }
  const order = topologicalOrder(n, dagSucc);

  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  const driver = new Int32Array(n).fill(-1);
  const driverLink: ({ type: LinkType; lag: number } | null)[] = new Array(n).fill(null);
  for (const v of order) {
    const node = nodes[v];
    let start = node.start;
    for (const l of node.done ? [] : inLinks[v]) {
      const d = node.duration;
      const c =
        l.type === "FS" ? ef[l.from] + l.lag : l.type === "SS" ? es[l.from] + l.lag : l.type === "FF" ? ef[l.from] + l.lag - d : es[l.from] + l.lag - d;
      if (c > start) {
        start = c;
        driver[v] = l.from;
        driverLink[v] = { type: l.type, lag: l.lag };
      }
    }
    es[v] = start;
    ef[v] = start + node.duration;
  }
  let end = -Infinity;
  let endNode = -1;
  for (const v of order) {
    if (ef[v] > end) {
      end = ef[v];
      endNode = v;
    }
  }
  const lf = new Float64Array(n);
  const ls = new Float64Array(n);
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i];
    const d = nodes[v].duration;
    let late = end;
    for (const l of outLinks[v]) {
      const c =
        l.type === "FS" ? ls[l.to] - l.lag : l.type === "SS" ? ls[l.to] - l.lag + d : l.type === "FF" ? lf[l.to] - l.lag : lf[l.to] - l.lag + d;
      if (c < late) late = c;
    }
    lf[v] = late;
    ls[v] = late - d;
  }

  const result = new Map<string, ScheduleNode>();
  for (const v of order) {
    const node = nodes[v];
    const float = lf[v] - ef[v];
    result.set(node.id, {
      id: node.id,
      kind: node.kind,
      start: node.start,
      finish: node.finish,
      duration: node.duration,
      earlyStart: es[v],
      earlyFinish: ef[v],
      lateStart: ls[v],
      lateFinish: lf[v],
      totalFloat: float,
      critical: float <= 0,
      driver: driver[v] >= 0 ? { id: nodes[driver[v]].id, ...driverLink[v]! } : null,
      inCycle: compOf[v] !== -1,
    });
  }

  const criticalPath: string[] = [];
  for (let v = endNode; v >= 0; v = driver[v]) {
    criticalPath.push(nodes[v].id);
    if (criticalPath.length > n) break;
  }
  criticalPath.reverse();

  // Date conflicts and slippage passed on from predecessors.
  const slipped = new Map<string, { by: string; root: string; days: number }>();
  // The root cause of each push: the first item of its driving chain (memoised in topological order).
  const root = new Int32Array(n);
  for (const v of order) root[v] = driver[v] >= 0 ? root[driver[v]] : v;
  for (const v of order) {
    if (driver[v] < 0) continue;
    const node = nodes[v];
    const by = nodes[driver[v]];
    const link = driverLink[v]!;
    const how = `${by.id} (${link.type}${link.lag ? (link.lag > 0 ? "+" : "") + link.lag + "d" : ""})`;
    const rootNode = nodes[root[v]];
    const via = rootNode.id !== by.id ? `, itself held up by ${rootNode.id}` : "";
    if (node.kind === "project" && es[v] > node.start) {
      diags.push({
        severity: "warning",
        code: "date-conflict",
        message: `${node.id} is entered to start on ${formatDayLong(node.start)}, but ${how} lets it start on ${formatDayLong(es[v])} at the earliest${via}. Move the start, or agree a change to the dependency.`,
        sheet: node.sheet,
        cell: node.startCell,
        entity: node.id,
      });
    }
    if (ef[v] > node.finish) {
      const days = ef[v] - node.finish;
      slipped.set(node.id, { by: by.id, root: rootNode.id, days });
      diags.push({
        severity: "warning",
        code: "slippage-impact",
        message: `${node.id} cannot finish by ${formatDayLong(node.finish)}: ${how} pushes it to ${formatDayLong(ef[v])} (${days} day${days === 1 ? "" : "s"} late)${via}. Replan ${node.id}, or recover ${by.id}.`,
        sheet: node.sheet,
        cell: node.finishCell,
        entity: node.id,
      });
    }
  }
  return { nodes: result, criticalPath, programmeEnd: Number.isFinite(end) ? end : null, cycles, slipped };
}
