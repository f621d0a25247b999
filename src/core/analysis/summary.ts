import { formatDay, type Day } from "../primitives/dates";
import { countBySeverity } from "../primitives/diagnostic";
import { exactLag, type Source } from "../programme/entities";
import type { Analysis } from "./analyse";
import { slipRoots, slipRootSentence } from "../schedule/slip-roots";

/**
 * The analysis as plain JSON (dates as YYYY-MM-DD, float in days): what `check --json`
 * prints and what the task pane shows. Field names are a public interface: keep them stable.
 */
export function toJson(a: Analysis) {
  return {
    ...headJson(a),
    ...deliveryJson(a),
    ...networkJson(a),
    ...registersJson(a),
    ...othersJson(a),
  };
}

const d = (x: Day | null | undefined) => (x === null || x === undefined ? null : formatDay(x));
const at = (src: Source) => ({ sheet: src.sheet, row: src.row + 1 });
const hm = (m: number | null) =>
  m === null ? null : `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** An item's computed schedule: early and late dates, float, drivers, push, times, constraint. */
function scheduleJson(a: Analysis, id: string) {
  const n = a.schedule.nodes.get(id);
  return {
    earlyStart: d(n?.earlyStart),
    earlyFinish: d(n?.earlyFinish),
    lateStart: d(n?.lateStart),
    lateFinish: d(n?.lateFinish),
    /** Working days; null for done items and items whose schedule cannot be computed. */
    totalFloat: n ? n.totalFloat : null,
    critical: n ? n.critical : false,
    // `exact`: the lag to the minute, when its whole-day reading rounds it (6h, 1.5w), which a plan with times is scheduled with.
    drivers: n
      ? n.drivers.map((x) => ({
          id: x.from,
          type: x.type,
          lag: x.lag.value,
          lagUnit: x.lag.unit,
          ...(exactLag(x.lag) !== x.lag ? { exact: exactLag(x.lag) } : {}),
        }))
      : [],
    push: n?.push ?? null,
    // Present only when there is something to say (a plan with times; a constraint; a deadline), so whole-day output is as before.
    ...(n?.times
      ? {
          times: {
            earlyStart: hm(n.times.earlyStart),
            earlyFinish: hm(n.times.earlyFinish),
            lateStart: hm(n.times.lateStart),
            lateFinish: hm(n.times.lateFinish),
          },
          totalFloatMinutes: n.totalFloatMinutes,
        }
      : {}),
    ...(n?.constraint ? { constraint: { type: n.constraint.type, date: d(n.constraint.date?.day) } } : {}),
    ...(n?.deadline != null ? { deadline: d(n.deadline) } : {}),
  };
}

/** The run: programme, as-of date, counts, findings, slip roots, calendar. */
function headJson(a: Analysis) {
  const labelOf = itemLabels(a);
  return {
    programme: a.programme.settings.programmeName,
    asOf: formatDay(a.asOf),
    asOfSource: a.asOfSource,
    overall: a.overall,
    counts: countBySeverity(a.diagnostics),
    sources: a.programme.sources,
    diagnostics: a.diagnostics.map((x) => ({
      severity: x.severity,
      code: x.code,
      message: x.message,
      sheet: x.sheet,
      cell: x.cell,
      entity: x.entity ?? null,
      ...(x.code === "slippage-impact" && x.entity ? { root: a.schedule.nodes.get(x.entity)?.push?.root ?? null } : {}),
    })),
    /** The slips by root cause (src/core/schedule/slip-roots.ts): what `check` and the pane list instead of each pushed item. */
    slipRoots: slipRoots(a.schedule, a.rag).map((r) => ({ ...r, sentence: slipRootSentence(r, labelOf) })),
    calendar: a.schedule.calendar.kind,
    holidays: a.schedule.calendar.holidays.map((x) => formatDay(x)),
  };
}

/** Workstreams, projects and milestones with their RAG and schedule. */
function deliveryJson(a: Analysis) {
  return {
    workstreams: a.rag.workstreams.map((w) => ({
      name: w.name,
      rag: w.overall?.rag ?? null,
      rule: w.overall?.rule ?? null,
      because: w.overall?.because ?? null,
      schedule: w.schedule?.rag ?? null,
      cost: w.cost?.rag ?? null,
      reported: w.reported,
      projects: w.projects,
    })),
    projects: a.programme.projects.map((p) => {
      const r = a.rag.projects.get(p.id)!;
      return {
        id: p.id,
        name: p.name,
        workstream: p.workstream,
        ...at(p.src),
        done: r.done,
        reportedRag: p.reportedRag,
        computedRag: r.overall.rag,
        rule: r.overall.rule,
        because: r.overall.because,
        scheduleRag: r.schedule.rag,
        costRag: r.cost?.rag ?? null,
        finishNow: d(r.finishNow),
        slipDays: r.slipDays,
        worstMilestone: r.worstMilestone,
        dueDate: d(r.dueDate),
        overdueDays: r.overdueDays,
        costVariancePercent: r.costVariancePercent === null ? null : Math.round(r.costVariancePercent * 10) / 10,
        ...scheduleJson(a, p.id),
      };
    }),
    milestones: a.programme.milestones.map((m) => {
      const r = a.rag.milestones.get(m.id)!;
      return {
        id: m.id,
        project: m.project,
        name: m.name,
        ...at(m.src),
        done: r.done,
        computedRag: r.rating.rag,
        rule: r.rating.rule,
        because: r.rating.because,
        finishNow: d(r.finishNow),
        slipDays: r.slipDays,
        dueDate: d(r.dueDate),
        overdueDays: r.overdueDays,
        ...scheduleJson(a, m.id),
      };
    }),
  };
}

/** The network: critical path, programme end, cycles, constraint violations. */
function networkJson(a: Analysis) {
  return {
    criticalPath: a.schedule.criticalPath,
    programmeEnd: d(a.schedule.programmeEnd),
    cycles: a.schedule.cycles,
    ...(a.schedule.resolution === "minute" ? { resolution: a.schedule.resolution } : {}),
    ...(a.schedule.violations.length
      ? { constraintViolations: a.schedule.violations.map((v) => ({ ...v, date: d(v.date) })) }
      : {}),
  };
}

/** The risk register and the RAID logs. */
function registersJson(a: Analysis) {
  const riskById = new Map(a.programme.risks.map((r) => [r.id, r]));
  return {
    risks: a.risks.map((r) => {
      const risk = riskById.get(r.id)!;
      return {
        id: r.id,
        title: risk.title,
        ...at(risk.src),
        matrix: r.matrix,
        likelihood: risk.likelihood,
        impact: risk.impact,
        score: r.score,
        band: r.band,
        residualScore: r.residualScore,
        residualBand: r.residualBand,
        rating: risk.rating,
        open: r.open,
        escalate: r.escalate,
        stale: r.stale,
        owner: risk.owner,
        reviewDue: d(risk.reviewDue),
      };
    }),
    issues: a.programme.issues.map((i, k) => ({
      id: i.id,
      title: i.title,
      ...at(i.src),
      project: i.project,
      owner: i.owner,
      priority: i.priority,
      status: i.status,
      due: d(i.due),
      resolved: d(i.resolved),
      open: a.issues[k].open,
      overdue: a.issues[k].overdue,
    })),
    assumptions: a.programme.assumptions.map((x, k) => ({
      id: x.id,
      description: x.description,
      ...at(x.src),
      owner: x.owner,
      validationDue: d(x.validationDue),
      status: x.status,
      open: a.assumptions[k].open,
      overdue: a.assumptions[k].overdue,
    })),
    dependencyLog: a.programme.dependencyLog.map((x, k) => ({
      id: x.id,
      description: x.description,
      ...at(x.src),
      dependentOn: x.dependentOn,
      externalParty: x.externalParty,
      owner: x.owner,
      requiredBy: d(x.requiredBy),
      status: x.status,
      met: a.dependencyLog[k].met,
      overdue: a.dependencyLog[k].overdue,
      atRisk: a.dependencyLog[k].atRisk,
    })),
  };
}

/** Benefits, items left out, competencies and governance. */
function othersJson(a: Analysis) {
  return {
    benefits: a.programme.benefits.map((b, k) => ({
      id: b.id,
      benefit: b.benefit,
      ...at(b.src),
      project: b.project,
      measure: b.measure,
      baseline: b.baseline,
      target: b.target,
      actual: b.actual,
      due: d(b.due),
      offTrack: a.benefits[k].offTrack,
    })),
    leftOut: a.leftOut.map((x) => ({
      kind: x.kind,
      id: x.id,
      title: x.title,
      sheet: x.sheet,
      cell: x.cell,
      reason: x.reason,
    })),
    competencies: a.competencies.map((c) => ({
      id: c.id,
      name: c.name,
      current: c.current,
      self: c.self,
      panel: c.panel,
      target: c.target,
      targetDate: d(c.targetDate),
      gap: c.gap,
      rag: c.rag,
      projects: c.projects,
    })),
    governance: a.programme.governance.map((g) => ({
      element: g.element,
      rating: g.rating,
      target: g.target,
      date: d(g.date),
    })),
  };
}

/** An ID with its name beside it ("P04 Staff survey"). */
export function itemLabels(a: Analysis): (id: string) => string {
  const names = new Map<string, string>();
  for (const m of a.programme.milestones) names.set(m.id, m.name);
  for (const p of a.programme.projects) names.set(p.id, p.name);
  return (id) => {
    const name = names.get(id);
    return name && name !== id ? `${id} ${name}` : id;
  };
}

export type AnalysisJson = ReturnType<typeof toJson>;
