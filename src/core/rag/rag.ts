import { cellOf } from "../programme/entities";
import { previousWorkingDay, type WorkCalendar } from "../primitives/calendar";
import { flat, itemName, money, namesUpTo, signedPercent, wholeNumber } from "../primitives/text";
import { formatDayLong, type Day } from "../primitives/dates";
import type { Diagnostic } from "../primitives/diagnostic";
import type { Milestone, Programme, Project, Settings } from "../programme/entities";
import { isBetter, majorityRag, ragRank, worstRag, type Rag } from "./scale";
import { isMilestoneDone, isProjectDone } from "../status/done";
import type { ScheduleNode, ScheduleResult } from "../schedule/schedule";
import {
  dayCount,
  daysPast,
  dueDate,
  isOverdue,
  overdueDays,
  slipDays as slipOf,
  worstMilestoneSlip,
  type MilestoneSlip,
} from "../status/slip";

/**
 * Each item's status, computed once: its RAG with the rule that set it, its finish now, its
 * slip and its tolerance state. Every report sheet, chart and message reads these; none works
 * out a second opinion. docs/checks.md explains the rules to users:
 *  - done (status, actual date or 100 %): Blue;
 *  - a schedule that cannot be computed (in a dependency cycle, or an unreadable date): at least Amber;
 *  - open and its finish now is before the as-of date: Red (overdue) — unless its plan carries no
 *    progress at all, when it is Amber, "progress not reported";
 *  - slip (finish now − baseline, calendar days; an overdue item's slip runs to the as-of date)
 *    above the red tolerance Red, above the amber tolerance Amber;
 *  - a project's schedule is at least as bad as its worst milestone;
 *  - pushed by a predecessor that finishes later than planned, or dates that conflict with a
 *    dependency: at least Amber;
 *  - cost: (forecast − budget) / budget, unrounded, above the red % Red, above the amber % Amber;
 *    not rated (not tracked) without a budget above zero and a forecast or actual spend above zero;
 *  - overall: the worse of schedule and cost; a done project stays Blue unless its cost overran;
 *  - workstreams and the programme roll up their members' schedule and overall RAG by the worst
 *    (or, by setting, the majority, which leaves Blue out unless every member is Blue); their cost
 *    RAG is the cost tolerance applied to their summed forecast against their summed budget.
 */

export type RagRule =
  | "done"
  | "on-track"
  | "not-computable"
  | "overdue"
  | "progress-not-reported"
  | "slip"
  | "milestone"
  | "pushed"
  | "conflict"
  | "cost"
  | "done-over-budget"
  | "worst-member"
  | "majority";

/** A RAG and the rule that set it, in words a board reads. */
export interface Rating {
  rag: Rag;
  rule: RagRule;
  because: string;
}

/** Where an item stands against its tolerances: the RAG rule written out. */
export type ToleranceState = "complete" | "within" | "at-risk" | "exceeded";

export function toleranceState(r: Rating): ToleranceState {
  return r.rag === "Blue" ? "complete" : r.rag === "Red" ? "exceeded" : r.rag === "Amber" ? "at-risk" : "within";
}

export const TOLERANCE_WORDS: Record<ToleranceState, string> = {
  complete: "Complete",
  within: "Within tolerance",
  "at-risk": "At risk: forecast to use tolerance",
  exceeded: "Tolerance exceeded: exception report needed",
};

export interface MilestoneStatus {
  id: string;
  done: boolean;
  rating: Rating;
  baseline: Day | null;
  /** The date it finishes now: the actual date when done, else the schedule's (pushes included). */
  finishNow: Day | null;
  /** Its own slip: calendar days late against the baseline (or, with none, against the date entered); src/core/status/slip.ts. */
  slipDays: number | null;
  overdue: boolean;
  /** The date it was due (the finish entered, on a working day): what "overdue" counts from. */
  dueDate: Day | null;
  /** Days from the due date to the as-of date while overdue, else null. */
  overdueDays: number | null;
}

export interface ProjectStatus {
  id: string;
  done: boolean;
  schedule: Rating;
  cost: Rating | null;
  overall: Rating;
  /** The schedule's start (the entered start, or later where a dependency holds it back). */
  startNow: Day | null;
  finishNow: Day | null;
  baseline: Day | null;
  /** Its own slip: its finish now against its baseline (calendar days; src/core/status/slip.ts). */
  slipDays: number | null;
  /** Its open milestone with the largest slip, told apart from its own slip. */
  worstMilestone: MilestoneSlip | null;
  overdue: boolean;
  /** The date it was due (the Finish entered, on a working day): what "overdue" counts from. */
  dueDate: Day | null;
  /** Days from the due date to the as-of date while overdue, else null. */
  overdueDays: number | null;
  /** (forecast − budget) / budget × 100, unrounded; null without a budget and a forecast or actual. */
  costVariancePercent: number | null;
  /** The cost it is forecast to come in at: the larger of the forecast and what is already spent. */
  forecastCost: number | null;
}

/** Money summed over a group of projects: what the group's cost RAG is measured on. */
export interface CostLine {
  budget: number;
  forecast: number;
  actual: number;
  /** Forecast − budget over the projects with both. */
  variance: number;
  /** Variance as a % of those projects' budget (unrounded); null when none has both. */
  variancePercent: number | null;
  covered: number;
  projects: number;
}

export function costLine(projects: readonly Project[], statuses: ReadonlyMap<string, ProjectStatus>): CostLine {
  let budget = 0,
    forecast = 0,
    actual = 0,
    base = 0,
    variance = 0,
    covered = 0;
  for (const p of projects) {
    const st = statuses.get(p.id)!;
    if (p.budget !== null) budget += p.budget;
    if (st.forecastCost !== null) forecast += st.forecastCost;
    if (p.actualCost !== null) actual += p.actualCost;
    if (p.budget !== null && p.budget > 0 && st.forecastCost !== null) {
      base += p.budget;
      variance += st.forecastCost - p.budget;
      covered++;
    }
  }
  return {
    budget,
    forecast,
    actual,
    variance,
    variancePercent: base > 0 ? (variance / base) * 100 : null,
    covered,
    projects: projects.length,
  };
}

/** A group's cost RAG: the cost tolerance applied to its summed forecast against its summed budget. */
export function groupCostRating(name: string, line: CostLine, s: Settings): Rating | null {
  if (line.variancePercent === null) return null;
  return {
    rag: costRag(line.variancePercent, s),
    rule: "cost",
    because: flat(
      `${name}'s forecast is ${money(line.forecast)} against a budget of ${money(line.budget)} (${signedPercent(line.variancePercent)})`,
    ),
  };
}

export interface WorkstreamStatus {
  name: string;
  projects: string[];
  /** The one accountable lead: from the Workstreams sheet, else the lead every project shares, else "". */
  lead: string;
  sro: string;
  schedule: Rating | null;
  cost: Rating | null;
  overall: Rating | null;
  /** The worst RAG its projects reported. */
  reported: Rag | null;
}

export interface RagResult {
  milestones: Map<string, MilestoneStatus>;
  projects: Map<string, ProjectStatus>;
  workstreams: WorkstreamStatus[];
  /** The programme: its workstreams rolled up. */
  schedule: Rating | null;
  cost: Rating | null;
  overall: Rating | null;
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

const days = dayCount;

/** How a sentence names an item by its ID (with its name beside a bare number: {@link itemName}). */
export type Namer = (id: string) => string;
const asIs: Namer = (id) => id;

/** Why a push happened, as a clause: "held up by P03, which …" or "its dates conflict with …". */
function pushWords(node: ScheduleNode, named: Namer): string {
  const p = node.push!;
  return p.kind === "slip"
    ? `held up by ${named(p.by)}${p.root !== p.by ? ` (the chain starts at ${named(p.root)})` : ""}, which finishes later than planned`
    : `its dates conflict with its dependency on ${named(p.by)}`;
}

function pushSentence(id: string, node: ScheduleNode, named: Namer): string {
  return node.push!.kind === "slip"
    ? `${id} is ${pushWords(node, named)}`
    : `${id}'s dates conflict with its dependency on ${named(node.push!.by)}`;
}

/** What the schedule rating reads of a dated item; `failedDate` names a date that could not be read. */
interface Dated {
  finishNow: Day | null;
  baseline: Day | null;
  plan: Day | null;
  slip: number | null;
  due: Day | null;
  failedDate: string | null;
  unreported?: boolean;
}

/** "M3 was due 31 Jan 2010 and is not complete (5 days overdue)". */
const overdueBecause = (id: string, due: Day, asOf: Day) =>
  flat(`${id} was due ${formatDayLong(due)} and is not complete (${days(daysPast(due, asOf))} overdue)`);

/** The common cascade for a dated item: cycle or unreadable date, overdue, slip, push. */
function rateSchedule(
  id: string,
  node: ScheduleNode | undefined,
  d: Dated,
  asOf: Day,
  s: Settings,
  named: Namer,
): Rating {
  const { finishNow, baseline, plan, slip, due, failedDate, unreported } = d;
  const overdue = due !== null && isOverdue(false, finishNow, asOf);
  // Decided first (the first rule to reach the worst level keeps it), then worded once.
  let rag: Rag = "Green";
  let why: "on-track" | "cycle" | "unreadable" | "no-date" | "overdue" | "unreported" | "slip" | "push" = "on-track";
  if (node?.inCycle) why = "cycle";
  else if (failedDate) why = "unreadable";
  else if (finishNow === null) why = "no-date";
  if (why !== "on-track") rag = "Amber";
  if (overdue) {
    rag = "Red";
    why = "overdue";
  } else if (unreported && isOverdue(false, finishNow, asOf) && isBetter(rag, "Amber")) {
    rag = "Amber"; // not known to be late, nor known to be done
    why = "unreported";
  }
  const slipLevel = slip !== null && slip > s.amberSlipDays ? slipRag(slip, s) : null;
  if (slipLevel && isBetter(rag, slipLevel)) {
    rag = slipLevel;
    why = "slip";
  }
  if (node?.push && isBetter(rag, "Amber")) {
    rag = "Amber";
    why = "push";
  }
  switch (why) {
    case "on-track":
      return { rag, rule: "on-track", because: flat(`${id} is on track`) };
    case "cycle":
      return {
        rag,
        rule: "not-computable",
        because: flat(`${id} is in a dependency cycle, so its dates cannot be computed`),
      };
    case "unreadable":
      return {
        rag,
        rule: "not-computable",
        because: flat(`${id}'s ${failedDate} could not be read, so its schedule cannot be computed`),
      };
    case "no-date":
      return { rag, rule: "not-computable", because: flat(`${id} has no date, so its schedule cannot be computed`) };
    case "overdue":
      return { rag, rule: "overdue", because: overdueBecause(id, due!, asOf) };
    case "unreported":
      return {
        rag,
        rule: "progress-not-reported",
        because: flat(
          `${id} was due ${formatDayLong(finishNow!)}, but its plan carries no progress, so whether it is complete is not known (progress not reported)`,
        ),
      };
    case "slip":
      return {
        rag,
        rule: "slip",
        because: flat(
          `${id} finishes ${formatDayLong(finishNow!)}, ${days(slip!)} after its ${baseline !== null ? "baseline" : "planned finish"} of ${formatDayLong(baseline ?? plan ?? finishNow!)}${node?.push ? `: ${pushWords(node, named)}` : ""}`,
        ),
      };
    case "push":
      return {
        rag,
        rule: node!.push!.kind === "slip" ? "pushed" : "conflict",
        because: flat(pushSentence(id, node!, named)),
      };
  }
}

const failedDateOf = (failed: string[] | undefined, fields: Record<string, string>): string | null => {
  const f = failed?.find((k) => k in fields);
  return f ? fields[f] : null;
};

export function milestoneStatus(
  m: Milestone,
  node: ScheduleNode | undefined,
  asOf: Day,
  s: Settings,
  cal: WorkCalendar,
  named: Namer = asIs,
): MilestoneStatus {
  const done = isMilestoneDone(m);
  const entered = m.actual ?? m.forecast ?? m.baseline;
  const finishNow = done ? entered : (node?.earlyFinish ?? entered);
  const baseline = m.baseline !== null ? previousWorkingDay(cal, m.baseline) : null;
  // A plan that carries no progress cannot say a milestone was missed: "progress not reported".
  const overdue = !m.progressNotReported && isOverdue(done, finishNow, asOf);
  const plan = baseline ?? node?.finish ?? finishNow;
  const slipDays = slipOf(finishNow, plan, overdue, asOf);
  const due = overdue ? dueDate(node?.finish ?? entered, finishNow) : null;
  const late = { slipDays, overdue, dueDate: due, overdueDays: overdueDays(overdue, due, asOf) };
  if (done)
    return {
      id: m.id,
      done,
      rating: {
        rag: "Blue",
        rule: "done",
        because: flat(
          `${itemName(m.id, m.name)} is complete${m.actual !== null ? ` (${formatDayLong(m.actual)})` : ""}`,
        ),
      },
      baseline,
      finishNow,
      ...late,
    };
  const failed = failedDateOf(m.src.failed, {
    baseline: "Baseline Date",
    forecast: "Forecast Date",
    actual: "Actual Date",
  });
  return {
    id: m.id,
    done,
    rating: rateSchedule(
      itemName(m.id, m.name),
      node,
      { finishNow, baseline, plan, slip: slipDays, due, failedDate: failed, unreported: m.progressNotReported },
      asOf,
      s,
      named,
    ),
    baseline,
    finishNow,
    ...late,
  };
}

export function projectStatus(
  p: Project,
  node: ScheduleNode | undefined,
  milestones: MilestoneStatus[],
  asOf: Day,
  s: Settings,
  cal: WorkCalendar,
  named: Namer = asIs,
): ProjectStatus {
  const who = itemName(p.id, p.name);
  const done = isProjectDone(p);
  const entered = (done ? p.actualFinish : null) ?? p.finish;
  const finishNow = done ? entered : (node?.earlyFinish ?? entered);
  const baseline = p.baselineFinish !== null ? previousWorkingDay(cal, p.baselineFinish) : null;
  const overdue = !p.progressNotReported && isOverdue(done, finishNow, asOf);
  const plan = baseline ?? node?.finish ?? finishNow;
  const own = slipOf(finishNow, plan, overdue, asOf);
  const due = overdue ? dueDate(node?.finish ?? entered, finishNow) : null;

  let schedule: Rating;
  if (done) schedule = { rag: "Blue", rule: "done", because: flat(`${who} is complete`) };
  else {
    const failed = failedDateOf(p.src.failed, {
      start: "Start date",
      finish: "Finish date",
      baselineFinish: "Baseline Finish",
    });
    const dated = { finishNow, baseline, plan, slip: own, due, failedDate: failed, unreported: p.progressNotReported };
    schedule = rateSchedule(who, node, dated, asOf, s, named);
    for (const m of milestones)
      if (isBetter(schedule.rag, m.rating.rag))
        schedule = { rag: m.rating.rag, rule: "milestone", because: m.rating.because };
  }

  let cost: Rating | null = null;
  let costVariancePercent: number | null = null;
  // A forecast of nothing (no Forecast or Actual, or only zeros, as plans exported with empty cost columns hold) is not tracked: never "Cost Green".
  const spend = Math.max(p.forecastCost ?? 0, p.actualCost ?? 0);
  const forecastCost = spend > 0 ? spend : null;
  if (p.budget !== null && p.budget > 0 && forecastCost !== null) {
    costVariancePercent = ((forecastCost - p.budget) / p.budget) * 100;
    const rag = costRag(costVariancePercent, s);
    cost = {
      rag,
      rule: "cost",
      because: flat(
        `${who}'s cost is forecast at ${money(forecastCost)} against a budget of ${money(p.budget)} (${signedPercent(costVariancePercent)})`,
      ),
    };
  }
  let overall: Rating;
  if (done)
    overall = cost && (cost.rag === "Amber" || cost.rag === "Red") ? { ...cost, rule: "done-over-budget" } : schedule;
  else overall = cost && isBetter(schedule.rag, cost.rag) ? cost : schedule;
  return {
    id: p.id,
    done,
    schedule,
    cost,
    overall,
    startNow: node?.earlyStart ?? p.start,
    finishNow,
    baseline,
    slipDays: own,
    worstMilestone: worstMilestoneSlip(milestones, named),
    overdue,
    dueDate: due,
    overdueDays: overdueDays(overdue, due, asOf),
    costVariancePercent,
    forecastCost,
  };
}

/** Rolls members' ratings up by the Settings rule, saying which members set it. */
export function rollUp(
  members: { id: string; rating: Rating | null }[],
  s: Settings,
  noun = "projects",
): Rating | null {
  const rated = members.filter((m): m is { id: string; rating: Rating } => m.rating !== null);
  if (!rated.length) return null;
  const rags = rated.map((m) => m.rating.rag);
  const names = (ms: { id: string }[]) => namesUpTo(ms.map((m) => m.id));
  if (s.rollUp === "majority") {
    const rag = majorityRag(rags)!;
    const n = rags.filter((r) => r === rag).length;
    return {
      rag,
      rule: "majority",
      because: flat(
        `${wholeNumber(n)} of ${wholeNumber(rated.length)} ${noun} are ${rag}${rag === "Blue" ? " (all complete)" : ""}`,
      ),
    };
  }
  const rag = worstRag(rags)!;
  const worst = rated.filter((m) => m.rating.rag === rag);
  const first = worst[0].rating.because;
  // One member sets it: its own reason. Several: who they are, and (for projects) the first one's reason.
  const because =
    worst.length === 1
      ? noun === "projects"
        ? first
        : `${worst[0].id} is ${rag}`
      : `${worst.length} of ${rated.length} ${noun} are ${rag}: ${names(worst)}${noun === "projects" ? `. ${first}` : ""}`;
  return { rag, rule: "worst-member", because };
}

/** Names the programme's items by ID in sentences: a bare number gets its name beside it. */
export function namerOf(p: Programme): Namer {
  const names = new Map<string, string>();
  for (const x of [...p.projects, ...p.milestones, ...(p.summaries ?? [])])
    if (/^\d+$/.test(x.id.trim()) && !names.has(x.id)) names.set(x.id, itemName(x.id, x.name));
  return names.size ? (id) => names.get(id) ?? id : asIs;
}

export function analyseRag(p: Programme, schedule: ScheduleResult, asOf: Day, diags: Diagnostic[]): RagResult {
  const s = p.settings;
  const named = namerOf(p);
  const { milestones, msOfProject } = milestoneStatuses(p, schedule, asOf, diags, named);
  const projects = projectStatuses(p, schedule, msOfProject, asOf, diags, named);
  const workstreams = workstreamStatuses(p, projects, named);
  const up = (k: "schedule" | "overall") =>
    rollUp(
      workstreams.map((w) => ({ id: w.name, rating: w[k] })),
      s,
      "workstreams",
    );
  return {
    milestones,
    projects,
    workstreams,
    schedule: up("schedule"),
    cost: groupCostRating("The programme", costLine(p.projects, projects), s),
    overall: up("overall"),
  };
}

/** Each milestone's status (overdue ones found), and each project's milestones' statuses by its position. */
function milestoneStatuses(
  p: Programme,
  schedule: ScheduleResult,
  asOf: Day,
  diags: Diagnostic[],
  named: Namer,
): { milestones: Map<string, MilestoneStatus>; msOfProject: MilestoneStatus[][] } {
  const s = p.settings;
  const cal = schedule.calendar;
  // Each milestone's status goes to its project, found by position (its Project cell in any case).
  const msOfProject: MilestoneStatus[][] = Array.from({ length: p.projects.length }, () => []);
  const milestones = new Map<string, MilestoneStatus>();
  const projectAt = new Map(p.projects.map((x, pos) => [x.id.toUpperCase(), pos]));
  for (let pos = 0; pos < p.milestones.length; pos++) {
    const m = p.milestones[pos];
    const r = milestoneStatus(m, schedule.milestoneNodes[pos], asOf, s, cal, named);
    milestones.set(m.id, r);
    const owner = projectAt.get(m.project) ?? projectAt.get(m.project.trim().toUpperCase());
    if (owner !== undefined) msOfProject[owner].push(r);
    if (r.overdue) {
      diags.push({
        severity: "warning",
        code: "overdue-milestone",
        message: flat(
          `Milestone ${m.id} "${m.name}" was due on ${formatDayLong(r.dueDate!)} (${days(r.overdueDays!)} overdue) and has no Actual Date. Enter the date it was met, or a new Forecast Date.`,
        ),
        sheet: m.src.sheet,
        cell: (m.forecast !== null ? cellOf(m.src, "forecast") : cellOf(m.src, "baseline")) ?? "",
        entity: m.id,
      });
    }
  }
  return { milestones, msOfProject };
}

/** Each project's status, with the findings for overdue projects and a reported RAG better than the plan's. */
function projectStatuses(
  p: Programme,
  schedule: ScheduleResult,
  msOfProject: MilestoneStatus[][],
  asOf: Day,
  diags: Diagnostic[],
  named: Namer,
): Map<string, ProjectStatus> {
  const s = p.settings;
  const cal = schedule.calendar;
  const projects = new Map<string, ProjectStatus>();
  for (let pos = 0; pos < p.projects.length; pos++) {
    const pr = p.projects[pos];
    const r = projectStatus(pr, schedule.projectNodes[pos], msOfProject[pos], asOf, s, cal, named);
    projects.set(pr.id, r);
    if (r.overdue) {
      diags.push({
        severity: "warning",
        code: "overdue-project",
        message: flat(
          `${pr.id} "${pr.name}" was due to finish on ${formatDayLong(r.dueDate!)} (${days(r.overdueDays!)} overdue) and is not marked complete. Mark it complete, or enter a new Finish date.`,
        ),
        sheet: pr.src.sheet,
        cell: cellOf(pr.src, "finish") ?? "",
        entity: pr.id,
      });
    }
    if (pr.reportedRag && isBetter(pr.reportedRag, r.overall.rag)) {
      diags.push({
        severity: "warning",
        code: "rag-mismatch",
        message: flat(
          `${named(pr.id)} is reported ${pr.reportedRag} but the plan says ${r.overall.rag}: ${r.overall.because}. Challenge the workstream, then update the reported RAG or the plan.`,
        ),
        sheet: pr.src.sheet,
        cell: cellOf(pr.src, "reportedRag") ?? "",
        entity: pr.id,
      });
    }
  }
  return projects;
}

/** Each workstream's status: its projects' schedule, cost and overall rolled up, its lead and SRO. */
function workstreamStatuses(p: Programme, projects: Map<string, ProjectStatus>, named: Namer): WorkstreamStatus[] {
  const s = p.settings;
  const byWs = new Map<string, Project[]>();
  for (const pr of p.projects) {
    const list = byWs.get(pr.workstream) ?? [];
    list.push(pr);
    byWs.set(pr.workstream, list);
  }
  return [...byWs.entries()].map(([name, list]) => {
    const rs = list.map((x) => projects.get(x.id)!);
    const row = p.workstreamRows.find((w) => w.name.trim().toLowerCase() === name.trim().toLowerCase());
    const leads = [...new Set(list.map((x) => x.lead).filter(Boolean))];
    return {
      name,
      projects: list.map((x) => x.id),
      lead: row?.lead || (leads.length === 1 ? leads[0] : ""),
      sro: row?.sro ?? "",
      schedule: rollUp(
        rs.map((r) => ({ id: named(r.id), rating: r.schedule })),
        s,
      ),
      cost: groupCostRating(name, costLine(list, projects), s),
      overall: rollUp(
        rs.map((r) => ({ id: named(r.id), rating: r.overall })),
        s,
      ),
      reported: worstRag(list.map((x) => x.reportedRag)),
    };
  });
}

/** Sorts worst first (Red, Amber, Green, Blue). */
export function byRagDesc(a: Rag | null, b: Rag | null): number {
  return (b === null ? -1 : ragRank(b)) - (a === null ? -1 : ragRank(a));
}
