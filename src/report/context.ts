import type { Analysis } from "../checks/analyse";
import type { Day } from "../model/dates";
import type { Diagnostic } from "../model/diagnostic";
import type { Milestone, Project, Risk } from "../model/entities";
import type { RiskResult } from "../checks/risks";
import { lastReport, type HistoryRow } from "./history";

/** What every report sheet needs besides the analysis: the period, the last report, the clock. */
export interface ReportContext {
  a: Analysis;
  /** First day of this reporting period (the day after the last report, or as-of − period + 1). */
  periodStart: Day;
  /** Last day of the next period. */
  nextEnd: Day;
  last: ReturnType<typeof lastReport>;
  history: HistoryRow[];
  generatedAt: Date;
  projectById: Map<string, Project>;
  milestonesByProject: Map<string, Milestone[]>;
  /** Sheet key of each workstream's highlight report. */
  highlightKey: (workstream: string) => string;
  // Look-ups, so that building the report stays linear in the size of the programme.
  riskById: Map<string, Risk>;
  riskResultById: Map<string, RiskResult>;
  milestoneById: Map<string, Milestone>;
  /** The first diagnostic of a code for an entity ("slippage-impact|M41"). */
  diagnosticFor: (code: string, entity: string) => Diagnostic | undefined;
}

export function makeContext(a: Analysis, history: HistoryRow[], generatedAt: Date): ReportContext {
  const last = lastReport(history, a.asOf);
  const period = a.programme.settings.periodDays;
  const periodStart = last.date !== null && a.asOf - last.date <= 3 * period ? last.date + 1 : a.asOf - period + 1;
  const projectById = new Map(a.programme.projects.map((p) => [p.id.toUpperCase(), p]));
  const milestonesByProject = new Map<string, Milestone[]>();
  for (const m of a.programme.milestones) {
    const p = projectById.get(m.project.trim().toUpperCase());
    if (!p) continue;
    const list = milestonesByProject.get(p.id) ?? [];
    list.push(m);
    milestonesByProject.set(p.id, list);
  }
  const byCodeEntity = new Map<string, Diagnostic>();
  for (const d of a.diagnostics) if (d.entity && !byCodeEntity.has(`${d.code}|${d.entity}`)) byCodeEntity.set(`${d.code}|${d.entity}`, d);
  return {
    riskById: new Map(a.programme.risks.map((r) => [r.id, r])),
    riskResultById: new Map(a.risks.map((r) => [r.id, r])),
    milestoneById: new Map(a.programme.milestones.map((m) => [m.id, m])),
    diagnosticFor: (code, entity) => byCodeEntity.get(`${code}|${entity}`),
    a,
    periodStart,
    nextEnd: a.asOf + period,
    last,
    history,
    generatedAt,
    projectById,
    milestonesByProject,
    highlightKey: (ws) => `highlight:${ws}`,
  };
}

export function projectOf(ctx: ReportContext, id: string): Project | undefined {
  return ctx.projectById.get(id.trim().toUpperCase());
}

/** A milestone's current date: actual, else forecast, else baseline. */
export function milestoneDate(m: Milestone): Day | null {
  return m.actual ?? m.forecast ?? m.baseline;
}
