import { formatDayLong, type Day } from "../model/dates";
import type { Diagnostic } from "../model/diagnostic";
import type { Programme } from "../model/entities";
import { isClosedStatus } from "../model/status";

/**
 * Risk scoring on the NHS 5×5 matrix (NPSA, "A risk matrix for risk managers", 2008):
 * score = likelihood × consequence, graded 1–3 Low, 4–6 Moderate, 8–12 High, 15–25 Extreme.
 */
export type RiskBand = "Low" | "Moderate" | "High" | "Extreme";

export function riskScore(likelihood: number | null, impact: number | null): number | null {
  return likelihood !== null && impact !== null ? likelihood * impact : null;
}

export function riskBand(score: number): RiskBand {
  if (score >= 15) return "Extreme";
  if (score >= 8) return "High";
  if (score >= 4) return "Moderate";
  return "Low";
}

export interface RiskResult {
  id: string;
  score: number | null;
  band: RiskBand | null;
  residualScore: number | null;
  residualBand: RiskBand | null;
  open: boolean;
  escalate: boolean;
  stale: boolean;
}

export function analyseRisks(p: Programme, asOf: Day, diags: Diagnostic[]): RiskResult[] {
  const s = p.settings;
  const projectIds = new Set(p.projects.map((x) => x.id.toUpperCase()));
  const workstreams = new Set(p.projects.map((x) => x.workstream.trim().toUpperCase()));
  return p.risks.map((r) => {
    const score = riskScore(r.likelihood, r.impact);
    const residualScore = riskScore(r.residualLikelihood, r.residualImpact);
    const open = !isClosedStatus(r.status);
    const escalate = open && score !== null && score >= s.riskEscalationScore;
    const where = (key: string) => r.src.cells[key] ?? r.src.cells.id ?? "";
    const push = (d: Omit<Diagnostic, "sheet" | "entity">) => diags.push({ ...d, sheet: r.src.sheet, entity: r.id });
    if (escalate)
      push({
        severity: "warning",
        code: "risk-escalation",
        message: `Risk ${r.id} "${r.title}" scores ${score} (${riskBand(score!)}: likelihood ${r.likelihood} × impact ${r.impact}), at or above the escalation score of ${s.riskEscalationScore}. Take it to the programme board.`,
        cell: where("likelihood"),
      });
    let stale = false;
    if (open) {
      if (!r.owner) push({ severity: "warning", code: "missing-owner", message: `Open risk ${r.id} has no owner. Name the one person who manages it.`, cell: where("owner") });
      if (!r.mitigation) push({ severity: "warning", code: "missing-mitigation", message: `Open risk ${r.id} has no mitigation. Say what is being done to reduce it.`, cell: where("mitigation") });
      const reviewed = r.lastReviewed ?? r.raised;
      if (r.reviewDue !== null && r.reviewDue < asOf) {
        stale = true;
        push({
          severity: "warning",
          code: "stale-review",
          message: `Risk ${r.id} was due for review on ${formatDayLong(r.reviewDue)}. Review it and update Last Reviewed and Review Due.`,
          cell: where("reviewDue"),
        });
      } else if (reviewed !== null && asOf - reviewed > s.reviewStalenessDays) {
        stale = true;
        push({
          severity: "warning",
          code: "stale-review",
          message: `Risk ${r.id} was last reviewed on ${formatDayLong(reviewed)}, ${asOf - reviewed} days ago (the limit is ${s.reviewStalenessDays}). Review it and update Last Reviewed.`,
          cell: where(r.lastReviewed !== null ? "lastReviewed" : "raised"),
        });
      }
      if (r.project && !projectIds.has(r.project.toUpperCase()) && !workstreams.has(r.project.toUpperCase()) && !/^(programme|program|all)\b/i.test(r.project))
        push({
          severity: "warning",
          code: "unknown-reference",
          message: `Risk ${r.id} names "${r.project}", which is neither a project ID nor a workstream. Correct it, or write "Programme" for a programme-wide risk.`,
          cell: where("project"),
        });
    }
    return { id: r.id, score, band: score === null ? null : riskBand(score), residualScore, residualBand: residualScore === null ? null : riskBand(residualScore), open, escalate, stale };
  });
}

