import { formatDay } from "../model/dates";
import { countBySeverity } from "../model/diagnostic";
import type { Analysis } from "./analyse";

/**
 * The analysis as plain JSON (dates as YYYY-MM-DD, float in days): what `check --json`
 * prints and what the task pane shows. Field names are a public interface: keep them stable.
 */
export function toJson(a: Analysis) {
  const d = (x: number | null | undefined) => (x === null || x === undefined ? null : formatDay(x));
  const sched = (id: string) => {
    const n = a.schedule.nodes.get(id);
    return {
      earlyStart: d(n?.earlyStart),
      earlyFinish: d(n?.earlyFinish),
      lateStart: d(n?.lateStart),
      lateFinish: d(n?.lateFinish),
      totalFloat: n ? n.totalFloat : null,
      critical: n ? n.critical : false,
      drivenBy: n?.driver?.id ?? null,
    };
  };
  return {
    programme: a.programme.settings.programmeName,
    asOf: formatDay(a.asOf),
    asOfSource: a.asOfSource,
    overall: a.overall,
    counts: countBySeverity(a.diagnostics),
    sources: a.programme.sources,
    diagnostics: a.diagnostics.map((x) => ({ severity: x.severity, code: x.code, message: x.message, sheet: x.sheet, cell: x.cell, entity: x.entity ?? null })),
    workstreams: a.rag.workstreams.map((w) => ({ name: w.name, rag: w.overall, schedule: w.schedule, cost: w.cost, reported: w.reported, projects: w.projects })),
    projects: a.programme.projects.map((p) => {
      const r = a.rag.projects.get(p.id)!;
      return {
        id: p.id,
        name: p.name,
        workstream: p.workstream,
        reportedRag: p.reportedRag,
        computedRag: r.overall,
        scheduleRag: r.schedule,
        costRag: r.cost,
        slipDays: r.slipDays,
        costVariancePercent: r.costVariancePercent,
        ...sched(p.id),
      };
    }),
    milestones: a.programme.milestones.map((m) => {
      const r = a.rag.milestones.get(m.id)!;
      return { id: m.id, project: m.project, name: m.name, reportedRag: null, computedRag: r.rag, slipDays: r.slipDays, ...sched(m.id) };
    }),
    criticalPath: a.schedule.criticalPath,
    programmeEnd: d(a.schedule.programmeEnd),
    cycles: a.schedule.cycles,
    risks: a.risks.map((r) => ({ id: r.id, score: r.score, band: r.band, residualScore: r.residualScore, residualBand: r.residualBand, open: r.open, escalate: r.escalate })),
    competencies: a.competencies.map((c) => ({ id: c.id, name: c.name, current: c.current, self: c.self, panel: c.panel, target: c.target, targetDate: d(c.targetDate), gap: c.gap, rag: c.rag, projects: c.projects })),
    governance: a.programme.governance.map((g) => ({ element: g.element, rating: g.rating, target: g.target, date: d(g.date) })),
  };
}

export type AnalysisJson = ReturnType<typeof toJson>;
