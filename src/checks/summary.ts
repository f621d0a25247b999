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
      /** Working days; null for done items and items whose schedule cannot be computed. */
      totalFloat: n ? n.totalFloat : null,
      critical: n ? n.critical : false,
      drivers: n ? n.drivers.map((x) => ({ id: x.id, type: x.type, lag: x.lag.value, lagUnit: x.lag.unit })) : [],
      push: n?.push ?? null,
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
    calendar: a.schedule.calendar.kind,
    holidays: a.schedule.calendar.holidays.map((x) => formatDay(x)),
    workstreams: a.rag.workstreams.map((w) => ({ name: w.name, rag: w.overall?.rag ?? null, rule: w.overall?.rule ?? null, because: w.overall?.because ?? null, schedule: w.schedule?.rag ?? null, cost: w.cost?.rag ?? null, reported: w.reported, projects: w.projects })),
    projects: a.programme.projects.map((p) => {
      const r = a.rag.projects.get(p.id)!;
      return {
        id: p.id,
        name: p.name,
        workstream: p.workstream,
        sheet: p.src.sheet,
        row: p.src.row + 1,
        done: r.done,
        reportedRag: p.reportedRag,
        computedRag: r.overall.rag,
        rule: r.overall.rule,
        because: r.overall.because,
        scheduleRag: r.schedule.rag,
        costRag: r.cost?.rag ?? null,
        finishNow: d(r.finishNow),
        slipDays: r.slipDays,
        costVariancePercent: r.costVariancePercent === null ? null : Math.round(r.costVariancePercent * 10) / 10,
        ...sched(p.id),
      };
    }),
    milestones: a.programme.milestones.map((m) => {
      const r = a.rag.milestones.get(m.id)!;
      return { id: m.id, project: m.project, name: m.name, sheet: m.src.sheet, row: m.src.row + 1, done: r.done, computedRag: r.rating.rag, rule: r.rating.rule, because: r.rating.because, finishNow: d(r.finishNow), slipDays: r.slipDays, ...sched(m.id) };
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
