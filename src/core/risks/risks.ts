import { cellOf } from "../programme/entities";
import { formatDayLong, type Day } from "../primitives/dates";
import type { Diagnostic } from "../primitives/diagnostic";
import type { Programme, Risk, RiskMatrixKind, Settings } from "../programme/entities";
import { escalationScore, riskBand, riskScore, RISK_MATRIX, type RiskBand } from "./bands";
import { isClosedStatus } from "../status/done";
import { isOverdue } from "../status/slip";

/**
 * Risk scoring on the risk's matrix (src/core/risks/bands.ts holds the bands, words and
 * thresholds): score = likelihood × impact; open risks at or above the matrix's escalation score
 * go to the board.
 */
export type { RiskBand } from "./bands";
export { escalationScore, riskBand, riskScore } from "./bands";

export interface RiskResult {
  id: string;
  matrix: RiskMatrixKind;
  score: number | null;
  band: RiskBand | null;
  residualScore: number | null;
  residualBand: RiskBand | null;
  open: boolean;
  escalate: boolean;
  stale: boolean;
}

/** A register's own rating read as a score or a band of the risk's matrix; null when it is neither. */
export function readRating(
  rating: string | number | null,
  matrix: RiskMatrixKind,
): { score: number } | { band: RiskBand } | null {
  if (rating === null) return null;
  const text = String(rating).trim().toLowerCase();
  const lead = /^(\d+(?:\.\d+)?)/.exec(text);
  if (lead) return { score: Number(lead[1]) };
  const w = text.replace(/[^a-z ]/g, "").trim();
  const band = RISK_MATRIX[matrix].ratingWords[w];
  return band ? { band } : null;
}

export function analyseRisks(p: Programme, asOf: Day, diags: Diagnostic[]): RiskResult[] {
  const s = p.settings;
  const projectIds = new Set(p.projects.map((x) => x.id.toUpperCase()));
  const workstreams = new Set(p.projects.map((x) => x.workstream.trim().toUpperCase()));
  return p.risks.map((r) => {
    const score = riskScore(r.likelihood, r.impact);
    const band = score === null ? null : riskBand(score, r.matrix);
    const residualScore = riskScore(r.residualLikelihood, r.residualImpact);
    const open = !isClosedStatus(r.status);
    const threshold = escalationScore(r.matrix, s);
    const escalate = open && score !== null && score >= threshold;
    const where = (key: string) => cellOf(r.src, key) ?? cellOf(r.src, "id") ?? "";
    const push = (d: Omit<Diagnostic, "sheet" | "entity">) => diags.push({ ...d, sheet: r.src.sheet, entity: r.id });
    const scored = `likelihood ${r.likelihood} × impact ${r.impact} on the ${RISK_MATRIX[r.matrix].name}`;
    if (escalate)
      push({
        severity: "warning",
        code: "risk-escalation",
        message: `Risk ${r.id} "${r.title}" scores ${score} (${band}: ${scored}), at or above the escalation score of ${threshold}. Take it to the programme board.`,
        cell: where("likelihood"),
      });
    if (score !== null) challengeRating(r, score, band!, scored, push);
    let stale = false;
    if (open) {
      if (!r.owner && cellOf(r.src, "owner") !== undefined)
        push({
          severity: "warning",
          code: "missing-owner",
          message: `Open risk ${r.id} has no owner. Name the one person who manages it.`,
          cell: where("owner"),
        });
      if (!r.mitigation && cellOf(r.src, "mitigation") !== undefined)
        push({
          severity: "warning",
          code: "missing-mitigation",
          message: `Open risk ${r.id} has no mitigation. Say what is being done to reduce it.`,
          cell: where("mitigation"),
        });
      stale = checkReview(r, asOf, s, push, where);
      if (
        r.project &&
        projectIds.size &&
        !projectIds.has(r.project.toUpperCase()) &&
        !workstreams.has(r.project.toUpperCase()) &&
        !/^(programme|program|all|corporate)\b/i.test(r.project)
      )
        push({
          severity: "warning",
          code: "unknown-reference",
          message: `Risk ${r.id} names "${r.project}", which is neither a project ID nor a workstream. Correct it, or write "Programme" for a programme-wide risk.`,
          cell: where("project"),
        });
    }
    return {
      id: r.id,
      matrix: r.matrix,
      score,
      band,
      residualScore,
      residualBand: residualScore === null ? null : riskBand(residualScore, r.matrix),
      open,
      escalate,
      stale,
    };
  });
}

/** The register's own Risk Score or Risk Rating, challenged against the computed score and band. */
function challengeRating(
  r: Risk,
  score: number,
  band: RiskBand,
  scored: string,
  push: (d: Omit<Diagnostic, "sheet" | "entity">) => void,
): void {
  const own = readRating(r.rating, r.matrix);
  if (!own) return;
  const differs = "score" in own ? own.score !== score : own.band !== band;
  if (!differs) return;
  push({
    severity: "warning",
    code: "rating-mismatch",
    message: `Risk ${r.id} is rated ${r.rating} on the register, but ${scored} scores ${score} (${band}). Correct the rating or the scores.`,
    cell: cellOf(r.src, "rating") ?? "",
  });
}

/** Review Due (the next review) past is stale; with none, a last review older than the staleness limit is. */
function checkReview(
  r: Risk,
  asOf: Day,
  s: Settings,
  push: (d: Omit<Diagnostic, "sheet" | "entity">) => void,
  where: (k: string) => string,
): boolean {
  if (r.reviewDue !== null) {
    if (!isOverdue(false, r.reviewDue, asOf)) return false;
    push({
      severity: "warning",
      code: "stale-review",
      message: `Risk ${r.id} was due for review on ${formatDayLong(r.reviewDue)}. Review it, then set its next review date.`,
      cell: where("reviewDue"),
    });
    return true;
  }
  const reviewed = r.lastReviewed ?? r.raised;
  if (reviewed === null || asOf - reviewed <= s.reviewStalenessDays) return false;
  push({
    severity: "warning",
    code: "stale-review",
    message: `Risk ${r.id} was last reviewed on ${formatDayLong(reviewed)}, ${asOf - reviewed} days ago (the limit is ${s.reviewStalenessDays}). Review it and update Last Reviewed.`,
    cell: where(r.lastReviewed !== null ? "lastReviewed" : "raised"),
  });
  return true;
}
