import type { RagResult } from "../rag/rag";
import type { ScheduleResult } from "./schedule";
import { dayCount } from "../status/slip";

/**
 * Findings by root cause. One late item at the head of a chain pushes everything downstream, and
 * the schedule gives each pushed item its own `slippage-impact` finding (the Exceptions sheet and
 * `check --format json` keep every one, each naming its root). A PMO officer needs the root: how
 * late it is, how many items it pushes and which milestones and critical items it moves. This
 * groups the schedule's pushes (`ScheduleNode.push`, kind "slip") by their root, worst first:
 * by the furthest push it causes, then by how many items it pushes, then by ID.
 */
export interface SlipRoot {
  /** The item where the slip starts. */
  root: string;
  /** The root's own slip (calendar days against its baseline, src/core/status/slip.ts); null when it has none to measure. */
  rootSlipDays: number | null;
  /** Every item it pushes, furthest pushed first. */
  pushed: { id: string; days: number }[];
  /** The furthest any of them is pushed past its entered finish (calendar days). */
  worstDays: number;
  /** The pushed items that are milestones, and those on the critical path (float ≤ 0), in the order of `pushed`. */
  milestones: string[];
  critical: string[];
}

export function slipRoots(schedule: ScheduleResult, rag: Pick<RagResult, "projects" | "milestones">): SlipRoot[] {
  const byRoot = new Map<string, SlipRoot>();
  for (const n of schedule.nodes.values()) {
    const p = n.push;
    if (!p || p.kind !== "slip") continue;
    let r = byRoot.get(p.root);
    if (!r) {
      const st = rag.projects.get(p.root) ?? rag.milestones.get(p.root);
      r = { root: p.root, rootSlipDays: st?.slipDays ?? null, pushed: [], worstDays: 0, milestones: [], critical: [] };
      byRoot.set(p.root, r);
    }
    r.pushed.push({ id: n.id, days: p.days });
    if (p.days > r.worstDays) r.worstDays = p.days;
  }
  const out = [...byRoot.values()];
  for (const r of out) {
    r.pushed.sort((x, y) => y.days - x.days || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    for (const { id } of r.pushed) {
      const n = schedule.nodes.get(id)!;
      if (n.kind === "milestone") r.milestones.push(id);
      if (n.critical) r.critical.push(id);
    }
  }
  return out.sort(
    (x, y) =>
      y.worstDays - x.worstDays ||
      y.pushed.length - x.pushed.length ||
      (x.root < y.root ? -1 : x.root > y.root ? 1 : 0),
  );
}

/** A list of IDs, the first few named and the rest counted: "M14, M20 and 3 more". */
export function someIds(ids: readonly string[], label: (id: string) => string = (id) => id, max = 5): string {
  const shown = ids.slice(0, max).map(label);
  const more = ids.length - shown.length;
  if (more > 0) return `${shown.join(", ")} and ${more} more`;
  return shown.length <= 1 ? shown.join("") : `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

/** One root in a sentence, for `check`'s text, the pane and the board: how late, how far it reaches, what it moves. */
export function slipRootSentence(r: SlipRoot, label: (id: string) => string = (id) => id): string {
  const late =
    r.rootSlipDays !== null && r.rootSlipDays > 0
      ? `${label(r.root)} is ${dayCount(r.rootSlipDays)} late`
      : `${label(r.root)} finishes later than its successors allow`;
  const n = r.pushed.length;
  const moves = [
    r.milestones.length
      ? `${r.milestones.length === 1 ? "milestone" : `${r.milestones.length} milestones`} ${someIds(r.milestones, label, 3)}`
      : "",
    r.critical.length
      ? `${r.critical.length === 1 ? "the critical item" : `${r.critical.length} critical items`} ${someIds(r.critical, label, 3)}`
      : "",
  ].filter(Boolean);
  return `${late} and pushes ${n} item${n === 1 ? "" : "s"} (up to ${dayCount(r.worstDays)})${moves.length ? `; it moves ${moves.join(" and ")}` : ""}.`;
}
