import { flat, namesUpTo } from "../primitives/text";
import type { Programme } from "../programme/entities";
import { worstRag, type Rag } from "./scale";
import type { BenefitResult } from "../benefits/benefits";
import { rollUp, type RagResult, type Rating, type WorkstreamStatus } from "./rag";
import { escalationScore, type RiskResult } from "../risks/risks";
import { riskToleranceRag } from "../risks/bands";

/**
 * A workstream's benefits and risk, rated once (the highlight report's "Status this period" rows
 * and, by the Settings row **Overall RAG rule**, its overall RAG):
 *  - benefits: Red when any of its benefits is off track, else Green; null when it has none;
 *  - risk: Red when an open risk is at or above the escalation score, Amber when one is High (or
 *    Medium on a 3×3 register), else Green; null when the workbook keeps no risks.
 * A benefit or risk belongs to a workstream when its Project names one of the workstream's projects
 * or the workstream itself, or (a benefit) when one of its projects lists it.
 */
export interface Dimensions {
  benefits: Rating | null;
  risk: Rating | null;
}

export function belongsTo(w: Pick<WorkstreamStatus, "name" | "projects">): (project: string) => boolean {
  const ids = new Set(w.projects.map((id) => id.toUpperCase()));
  return (project) =>
    ids.has(project.trim().toUpperCase()) || project.trim().toLowerCase() === w.name.trim().toLowerCase();
}

export function workstreamDimensions(
  p: Programme,
  w: Pick<WorkstreamStatus, "name" | "projects">,
  benefits: readonly BenefitResult[],
  risks: readonly RiskResult[],
): Dimensions {
  const owns = belongsTo(w);
  const ids = new Set(w.projects.map((id) => id.toUpperCase()));
  const listed = new Set(
    p.projects.filter((x) => ids.has(x.id.toUpperCase())).flatMap((x) => x.benefits.map((b) => b.toUpperCase())),
  );
  const mine = p.benefits
    .map((b, k) => ({ b, r: benefits[k] }))
    .filter(({ b }) => owns(b.project) || listed.has(b.id.toUpperCase()));
  const off = mine.filter(({ r }) => r.offTrack).map(({ b }) => b.id);
  const benefitRating: Rating | null = mine.length
    ? off.length
      ? { rag: "Red", rule: "worst-member", because: `benefits off track: ${namesUpTo(off)}` }
      : {
          rag: "Green",
          rule: "on-track",
          because: `${mine.length} benefit${mine.length === 1 ? "" : "s"}, none off track`,
        }
    : null;
  let risk: Rating | null = null;
  if (p.risks.length) {
    const open = p.risks
      .map((r, k) => ({ r, x: risks[k] }))
      .filter(({ r, x }) => x.open && x.score !== null && owns(r.project));
    const rank = ({ x }: (typeof open)[number]): Rag =>
      x.band === null ? "Green" : riskToleranceRag(x.band, x.matrix, x.escalate);
    const rag = worstRag(open.map(rank)) ?? "Green";
    const which = namesUpTo(open.filter((x) => rank(x) === rag).map(({ r }) => r.id));
    const because = !open.length
      ? "no open risks"
      : rag === "Red"
        ? `risks at or above the escalation score (${escalationScore(open[0].x.matrix, p.settings)}): ${which}`
        : rag === "Amber"
          ? `${open.length} open; high: ${which}`
          : `${open.length} open; none high`;
    risk = { rag, rule: "worst-member", because };
  }
  return { benefits: benefitRating, risk };
}

/**
 * The Settings row **Overall RAG rule**: "Schedule and cost" (the default) leaves the overall RAG as
 * rag.ts sets it; "Schedule, cost, benefits and risk" makes each workstream's overall the worst of
 * that, its benefits and its risk, and rolls the programme up again from them.
 */
export function applyOverallRule(
  p: Programme,
  rag: RagResult,
  benefits: readonly BenefitResult[],
  risks: readonly RiskResult[],
): void {
  if (p.settings.overallRule !== "all") return;
  for (const w of rag.workstreams) {
    const d = workstreamDimensions(p, w, benefits, risks);
    for (const r of [d.benefits, d.risk])
      if (r && (!w.overall || worstRag([w.overall.rag, r.rag]) !== w.overall.rag))
        w.overall = { ...r, because: flat(`${w.name}'s ${r.because}`) };
  }
  rag.overall = rollUp(
    rag.workstreams.map((w) => ({ id: w.name, rating: w.overall })),
    p.settings,
    "workstreams",
  );
}
