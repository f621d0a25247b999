import { cellOf } from "../model/entities";
import { formatDayLong, type Day } from "../model/dates";
import type { Diagnostic } from "../model/diagnostic";
import type { Programme, Risk, RiskMatrixKind, Settings } from "../model/entities";
import { isClosedStatus } from "../model/status";

/**
 * Risk scoring. The NHS 5×5 matrix (NPSA, "A risk matrix for risk managers", 2008): score =
 * likelihood × consequence, graded 1–3 Low, 4–6 Moderate, 8–12 High, 15–25 Extreme; open risks
 * at or above the escalation score (Settings, default 15) go to the board. A 3×3 register
 * (High/Medium/Low): score 1–9, graded 1–2 Low, 3–4 Medium, 6–9 High; High risks go to the board.
 */
export type RiskBand = "Low" | "Moderate" | "Medium" | "High" | "Extreme";

export function riskScore(likelihood: number | null, impact: number | null): number | null {
  return likelihood !== null && impact !== null ? likelihood * impact : null;
}

export function riskBand(score: number, matrix: RiskMatrixKind = "5x5"): RiskBand {
  if (matrix === "3x3") return score >= 6 ? "High" : score >= 3 ? "Medium" : "Low";
  if (score >= 15) return "Extreme";
  if (score >= 8) return "High";
  if (score >= 4) return "Moderate";
  return "Low";
}

/** The bands of a matrix, best first, with their score ranges (for keys and the heat map). */
export const MATRIX_BANDS: Record<RiskMatrixKind, { band: RiskBand; scores: string }[]> = {
  "5x5": [
    { band: "Low", scores: "1–3" },
    { band: "Moderate", scores: "4–6" },
    { band: "High", scores: "8–12" },
    { band: "Extreme", scores: "15–25" },
  ],
  "3x3": [
    { band: "Low", scores: "1–2" },
    { band: "Medium", scores: "3–4" },
    { band: "High", scores: "6–9" },
  ],
};

export const MATRIX_NAME: Record<RiskMatrixKind, string> = {
  "5x5": "NHS 5×5 matrix (NPSA)",
  "3x3": "3×3 High/Medium/Low matrix",
};

/** The score at which an open risk goes to the board on a matrix. */
export function escalationScore(matrix: RiskMatrixKind, s: Settings): number {
  return matrix === "3x3" ? 6 : s.riskEscalationScore;
}

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
  const five: Record<string, RiskBand> = {
    low: "Low",
    green: "Low",
    "very low": "Low",
    moderate: "Moderate",
    medium: "Moderate",
    yellow: "Moderate",
    high: "High",
    amber: "High",
    orange: "High",
    extreme: "Extreme",
    "very high": "Extreme",
    red: "Extreme",
    critical: "Extreme",
    severe: "Extreme",
  };
  const three: Record<string, RiskBand> = {
    low: "Low",
    green: "Low",
    medium: "Medium",
    moderate: "Medium",
    amber: "Medium",
    yellow: "Medium",
    high: "High",
    red: "High",
    critical: "High",
  };
  const band = (matrix === "3x3" ? three : five)[w];
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
    const scored = `likelihood ${r.likelihood} × impact ${r.impact} on the ${MATRIX_NAME[r.matrix]}`;
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
    if (r.reviewDue >= asOf) return false;
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
