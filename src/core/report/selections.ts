import type { Day } from "../primitives/dates";
import type { Milestone } from "../programme/entities";
import { milestoneStatus, type ReportContext } from "./context";

/**
 * What "completed this period" and "due by the end of next period" hold, for the board and every
 * highlight report alike: both read the one reporting period and the one status of each milestone.
 */
export function milestonesCompleted(ctx: ReportContext, only?: (m: Milestone) => boolean): Milestone[] {
  const a = ctx.a;
  return a.programme.milestones
    .filter(
      (m): m is Milestone & { actual: Day } =>
        (!only || only(m)) &&
        milestoneStatus(ctx, m.id).done &&
        m.actual !== null &&
        m.actual >= a.period.start &&
        m.actual <= a.asOf,
    )
    .sort((x, y) => x.actual - y.actual);
}

/** Open milestones whose finish now falls after the as-of date and by the end of next period. */
export function milestonesDueNext(ctx: ReportContext, only?: (m: Milestone) => boolean): Milestone[] {
  const a = ctx.a;
  return a.programme.milestones
    .flatMap((m) => {
      const st = milestoneStatus(ctx, m.id);
      return (!only || only(m)) &&
        !st.done &&
        st.finishNow !== null &&
        st.finishNow >= a.asOf &&
        st.finishNow <= a.period.nextEnd
        ? [{ m, finishNow: st.finishNow }]
        : [];
    })
    .sort((x, y) => x.finishNow - y.finishNow)
    .map(({ m }) => m);
}

export interface RaidLine {
  type: "Risks" | "Assumptions" | "Issues" | "Dependencies";
  open: number;
  overdue: number;
  flagged: number;
  note: string;
}

/**
 * Open counts by RAID type, for the programme (workstream null) or one workstream (items whose
 * Project names one of its projects or the workstream itself). Null when the workbook keeps no RAID
 * log (no assumptions or external dependencies, and not both risks and issues).
 */
export function raidCounts(ctx: ReportContext, workstream: string | null): RaidLine[] | null {
  const a = ctx.a;
  const p = a.programme;
  if (!p.assumptions.length && !p.dependencyLog.length && !(p.risks.length && p.issues.length)) return null;
  const mine = (project: string) => {
    if (workstream === null) return true;
    const t = project.trim();
    return t.toLowerCase() === workstream.toLowerCase() || ctx.workstreamOf(t) === workstream;
  };
  const risks = p.risks.map((r, k) => ({ r, x: a.risks[k] })).filter(({ r, x }) => x.open && mine(r.project));
  const issues = p.issues.map((i, k) => ({ i, x: a.issues[k] })).filter(({ i, x }) => x.open && mine(i.project));
  const assumptions = p.assumptions
    .map((s, k) => ({ s, x: a.assumptions[k] }))
    .filter(({ s, x }) => x.open && mine(s.project));
  const deps = p.dependencyLog
    .map((d, k) => ({ d, x: a.dependencyLog[k] }))
    .filter(({ d, x }) => !x.met && mine(d.project));
  return [
    {
      type: "Risks",
      open: risks.length,
      overdue: risks.filter(({ x }) => x.stale).length,
      flagged: risks.filter(({ x }) => x.escalate).length,
      note: "Overdue: past their review date. Flagged: at or above the escalation score.",
    },
    {
      type: "Assumptions",
      open: assumptions.length,
      overdue: assumptions.filter(({ x }) => x.overdue).length,
      flagged: 0,
      note: "Overdue: not validated by their due date.",
    },
    {
      type: "Issues",
      open: issues.length,
      overdue: issues.filter(({ x }) => x.overdue).length,
      flagged: issues.filter(({ x }) => x.priorityRank <= 2).length,
      note: "Flagged: high or critical priority.",
    },
    {
      type: "Dependencies",
      open: deps.length,
      overdue: deps.filter(({ x }) => x.overdue).length,
      flagged: deps.filter(({ x }) => x.atRisk).length,
      note: "External dependencies not yet met. Flagged: at risk or blocked.",
    },
  ];
}
