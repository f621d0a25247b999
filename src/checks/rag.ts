import { formatDayLong, type Day } from "../model/dates";
import type { Diagnostic } from "../model/diagnostic";
import type { Milestone, Programme, Project, Settings } from "../model/entities";
import { isBetter, majorityRag, worstRag, type Rag } from "../model/rag";
import { isCompleteStatus } from "../model/status";
import type { ScheduleResult } from "./schedule";

/**
 * RAG rules (defaults overridable in Settings; docs/rag-rules.md explains them to users):
 *  - milestone: Blue when complete (status Complete or an actual date); Red when not complete
 *    and its date (forecast, else baseline) is before the as-of date; otherwise by slip =
 *    forecast − baseline: above the red slip days Red, above the amber slip days Amber, else Green;
 *    at least Amber when a predecessor's slippage reaches it;
 *  - project schedule: the worst of its own slip (Finish − Baseline Finish, same thresholds,
 *    Red when overdue) and its milestones, at least Amber when a predecessor's slippage reaches it;
 *  - project cost: (forecast − budget) / budget above red % Red, above amber % Amber, else Green;
 *  - overall: the worst of schedule and cost; workstreams and the programme roll up their members
 *    by the worst (or, by setting, the majority).
 */

export interface MilestoneRag {
  id: string;
  rag: Rag;
  slipDays: number | null;
  overdue: boolean;
  reasons: string[];
}

export interface ProjectRag {
  id: string;
  schedule: Rag;
  cost: Rag | null;
  overall: Rag;
  slipDays: number | null;
  costVariancePercent: number | null;
  complete: boolean;
  overdue: boolean;
  reasons: string[];
}

export interface WorkstreamRag {
  name: string;
  projects: string[];
  leads: string[];
  schedule: Rag | null;
  cost: Rag | null;
  overall: Rag | null;
  reported: Rag | null;
}

export interface RagResult {
  milestones: Map<string, MilestoneRag>;
  projects: Map<string, ProjectRag>;
  workstreams: WorkstreamRag[];
  overall: Rag | null;
}

export function slipRag(slip: number, s: Settings): Rag {
  if (slip > s.redSlipDays) return "Red";
  if (slip > s.amberSlipDays) return "Amber";
  return "Green";
}

export function costRag(variancePercent: number, s: Settings): Rag {
  if (variancePercent > s.redCostPercent) return "Red";
  if (variancePercent > s.amberCostPercent) return "Amber";
  return "Green";
}

const atLeastAmber = (r: Rag): Rag => (r === "Blue" || r === "Green" ? "Amber" : r);

export function milestoneRag(m: Milestone, asOf: Day, s: Settings, slippedBy: string | null): MilestoneRag {
  if (m.actual !== null || isCompleteStatus(m.status)) return { id: m.id, rag: "Blue", slipDays: slip(m), overdue: false, reasons: [] };
  const date = m.forecast ?? m.baseline;
  const reasons: string[] = [];
  if (date !== null && date < asOf) {
    reasons.push(`${m.id} was due ${formatDayLong(date)} and is not complete`);
    return { id: m.id, rag: "Red", slipDays: slip(m), overdue: true, reasons };
  }
  const sd = slip(m);
  let rag: Rag = sd === null ? "Green" : slipRag(sd, s);
  if (sd !== null && sd > s.amberSlipDays) reasons.push(`${m.id} forecast ${sd} days after its baseline`);
  if (slippedBy) {
    if (rag === "Green") reasons.push(`${m.id} is held up by ${slippedBy}`);
    rag = atLeastAmber(rag);
  }
  return { id: m.id, rag, slipDays: sd, overdue: false, reasons };
}

function slip(m: Milestone): number | null {
  const current = m.actual ?? m.forecast;
  return current !== null && m.baseline !== null ? current - m.baseline : null;
}

export function isProjectComplete(p: Project): boolean {
  return isCompleteStatus(p.status) || (p.percentComplete !== null && p.percentComplete >= 100);
}

export function projectRag(p: Project, milestones: MilestoneRag[], asOf: Day, s: Settings, slippedBy: string | null): ProjectRag {
  const reasons: string[] = [];
  const complete = isProjectComplete(p);
  const slipDays = p.finish !== null && p.baselineFinish !== null ? p.finish - p.baselineFinish : null;
  let schedule: Rag;
  let overdue = false;
  if (complete) schedule = "Blue";
  else if (p.finish !== null && p.finish < asOf) {
    schedule = "Red";
    overdue = true;
    reasons.push(`due ${formatDayLong(p.finish)} and not complete`);
  } else {
    schedule = slipDays === null ? "Green" : slipRag(slipDays, s);
    if (slipDays !== null && slipDays > s.amberSlipDays) reasons.push(`finish ${slipDays} days after baseline`);
    const worstMs = worstRag(milestones.map((m) => m.rag));
    if (worstMs && isBetter(schedule, worstMs)) {
      schedule = worstMs;
      for (const m of milestones) if (m.rag === worstMs) reasons.push(...m.reasons);
    }
    if (slippedBy) {
      if (schedule === "Green") reasons.push(`held up by ${slippedBy}`);
      schedule = atLeastAmber(schedule);
    }
  }
  let cost: Rag | null = null;
  let costVariancePercent: number | null = null;
  if (p.budget !== null && p.budget > 0) {
    const forecast = p.forecastCost !== null || p.actualCost !== null ? Math.max(p.forecastCost ?? -Infinity, p.actualCost ?? -Infinity) : null;
    if (forecast !== null) {
      costVariancePercent = Math.round(((forecast - p.budget) / p.budget) * 1000) / 10;
      cost = costRag(costVariancePercent, s);
      if (cost !== "Green") reasons.push(`cost forecast ${costVariancePercent}% over budget`);
    }
  }
  // A finished project stays Blue unless its cost overran: Green cost is no concern on done work.
  const overall = complete && (cost === null || cost === "Green") ? "Blue" : (worstRag([schedule, cost]) ?? schedule);
  return { id: p.id, schedule, cost, overall, slipDays, costVariancePercent, complete, overdue, reasons };
}

export function rollUp(rags: (Rag | null)[], s: Settings): Rag | null {
  return s.rollUp === "majority" ? majorityRag(rags) : worstRag(rags);
}

export function analyseRag(p: Programme, schedule: ScheduleResult, asOf: Day, diags: Diagnostic[]): RagResult {
  const s = p.settings;
  const msByProject = new Map<string, MilestoneRag[]>();
  const milestones = new Map<string, MilestoneRag>();
  const projectIds = new Map(p.projects.map((x) => [x.id.toUpperCase(), x.id]));
  for (const m of p.milestones) {
    const slippedBy = schedule.slipped.get(m.id)?.root ?? null;
    const r = milestoneRag(m, asOf, s, slippedBy);
    milestones.set(m.id, r);
    const owner = projectIds.get(m.project.trim().toUpperCase());
    if (owner) {
      const list = msByProject.get(owner) ?? [];
      list.push(r);
      msByProject.set(owner, list);
    }
    if (r.overdue) {
      const date = (m.forecast ?? m.baseline)!;
      diags.push({
        severity: "warning",
        code: "overdue-milestone",
        message: `Milestone ${m.id} "${m.name}" was due on ${formatDayLong(date)} (${asOf - date} days ago) and has no Actual Date. Enter the date it was met, or a new Forecast Date.`,
        sheet: m.src.sheet,
        cell: (m.forecast !== null ? m.src.cells.forecast : m.src.cells.baseline) ?? "",
        entity: m.id,
      });
    }
  }
  const projects = new Map<string, ProjectRag>();
  for (const pr of p.projects) {
    const slippedBy = schedule.slipped.get(pr.id)?.root ?? null;
    const r = projectRag(pr, msByProject.get(pr.id) ?? [], asOf, s, slippedBy);
    projects.set(pr.id, r);
    if (r.overdue) {
      diags.push({
        severity: "warning",
        code: "overdue-project",
        message: `${pr.id} "${pr.name}" was due to finish on ${formatDayLong(pr.finish!)} and is not marked complete. Mark it complete, or enter a new Finish date.`,
        sheet: pr.src.sheet,
        cell: pr.src.cells.finish ?? "",
        entity: pr.id,
      });
    }
    if (pr.reportedRag && isBetter(pr.reportedRag, r.overall)) {
      diags.push({
        severity: "warning",
        code: "rag-mismatch",
        message: `${pr.id} is reported ${pr.reportedRag} but the plan says ${r.overall}${r.reasons.length ? ": " + dedupe(r.reasons).slice(0, 3).join("; ") : ""}. Challenge the workstream, then update the reported RAG or the plan.`,
        sheet: pr.src.sheet,
        cell: pr.src.cells.reportedRag ?? "",
        entity: pr.id,
      });
    }
  }
  const byWs = new Map<string, Project[]>();
  for (const pr of p.projects) {
    const list = byWs.get(pr.workstream) ?? [];
    list.push(pr);
    byWs.set(pr.workstream, list);
  }
  const workstreams: WorkstreamRag[] = [...byWs.entries()].map(([name, list]) => {
    const rs = list.map((x) => projects.get(x.id)!);
    return {
      name,
      projects: list.map((x) => x.id),
      leads: dedupe(list.map((x) => x.lead).filter(Boolean)),
      schedule: rollUp(rs.map((r) => r.schedule), s),
      cost: rollUp(rs.map((r) => r.cost), s),
      overall: rollUp(rs.map((r) => r.overall), s),
      reported: worstRag(list.map((x) => x.reportedRag)),
    };
  });
  return { milestones, projects, workstreams, overall: rollUp(workstreams.map((w) => w.overall), s) };
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
