import { cellOf } from "../model/entities";
import type { Diagnostic } from "../model/diagnostic";
import type { RiskMatrixKind, Settings } from "../model/entities";
import type { TypedRow } from "./rows";
import type { RiskLevel } from "./values";

/**
 * Which matrix each risk log is scored on, and each risk's scores on it. A log rated in
 * High/Medium/Low is a 3×3 register (Settings Risk matrix Auto, the default, or 3x3): its words
 * are scored 1–3 and never turned into a guessed 5-point number. Numbers and the NPSA words are
 * the 5×5 matrix. A five-point word scale (Very low … Very high) is 5×5, with Low, Medium and
 * High as 2, 3 and 4.
 */
export interface ScoredRisk {
  likelihood: number | null;
  impact: number | null;
  residualLikelihood: number | null;
  residualImpact: number | null;
  matrix: RiskMatrixKind;
}

const LEVEL_FIELDS = ["likelihood", "impact", "residualLikelihood", "residualImpact"] as const;
const LABEL: Record<(typeof LEVEL_FIELDS)[number], string> = { likelihood: "Likelihood", impact: "Impact", residualLikelihood: "Residual Likelihood", residualImpact: "Residual Impact" };
const HML_WORD = ["", "Low", "Medium", "High"];

export function matrixOfLog(levels: RiskLevel[], setting: Settings["riskMatrix"]): RiskMatrixKind {
  if (setting !== "auto") return setting;
  const hml5 = levels.some((l) => l.kind === "hml5");
  return !hml5 && levels.some((l) => l.kind === "hml") ? "3x3" : "5x5";
}

export function scoreRiskLogs(rows: TypedRow[], setting: Settings["riskMatrix"], diags: Diagnostic[]): Map<TypedRow, ScoredRisk> {
  const bySheet = new Map<string, TypedRow[]>();
  for (const r of rows) {
    const list = bySheet.get(r.src.sheet);
    if (list) list.push(r);
    else bySheet.set(r.src.sheet, [r]);
  }
  const out = new Map<TypedRow, ScoredRisk>();
  for (const [sheet, logRows] of bySheet) {
    const levels = logRows.flatMap((r) => LEVEL_FIELDS.map((k) => r.values[k] as RiskLevel | null).filter((x): x is RiskLevel => !!x));
    const matrix = matrixOfLog(levels, setting);
    const hml5 = levels.some((l) => l.kind === "hml5");
    if (matrix === "3x3" && setting === "auto" && logRows.length)
      diags.push({
        severity: "info",
        code: "risk-matrix",
        message: `The ${sheet} sheet rates its risks High/Medium/Low, so they are scored on a 3×3 matrix (likelihood × impact, 1–9: Low 1–2, Medium 3–4, High 6–9). Set Risk matrix on the Settings sheet to choose another.`,
        sheet,
        cell: cellOf(logRows[0].src, "likelihood") ?? cellOf(logRows[0].src, "impact") ?? "",
      });
    for (const r of logRows) {
      const scored: ScoredRisk = { likelihood: null, impact: null, residualLikelihood: null, residualImpact: null, matrix };
      for (const k of LEVEL_FIELDS) {
        const level = r.values[k] as RiskLevel | null;
        if (!level) continue;
        const res = onMatrix(level, matrix, hml5);
        if (typeof res === "number") scored[k] = res;
        else {
          (r.failed ??= []).push(k);
          diags.push({ severity: "error", code: res.code, message: `${LABEL[k]} ${res.problem}`, sheet, cell: cellOf(r.src, k) ?? "", entity: typeof r.values.id === "string" ? r.values.id : undefined });
        }
      }
      out.set(r, scored);
    }
  }
  return out;
}

function onMatrix(level: RiskLevel, matrix: RiskMatrixKind, hml5: boolean): number | { problem: string; code: Diagnostic["code"] } {
  const top = matrix === "3x3" ? 3 : 5;
  switch (level.kind) {
    case "number":
      return Number.isInteger(level.n) && level.n >= 1 && level.n <= top
        ? level.n
        : { problem: `${level.n} is not a whole number from 1 to ${top}${matrix === "3x3" ? " (this register is scored 3×3: 1 Low, 2 Medium, 3 High)" : ""}. Correct it.`, code: "out-of-range" };
    case "npsa":
      return matrix === "5x5" ? level.n : { problem: `is an NPSA 5×5 word, but this register is scored 3×3. Rate it High, Medium or Low, or set Risk matrix to 5x5 on the Settings sheet.`, code: "bad-value" };
    case "hml5":
      return matrix === "5x5" ? level.n : { problem: `is a five-point word, but this register is scored 3×3. Rate it High, Medium or Low.`, code: "bad-value" };
    case "hml":
      if (matrix === "3x3") return level.n;
      if (hml5) return level.n + 1; // Low, Medium, High between Very low and Very high
      return {
        problem: `"${HML_WORD[level.n]}" is a 3-point rating, but this workbook scores risks on the 5×5 matrix (Settings: Risk matrix 5x5). Score it 1–5 or with the NPSA words, or set Risk matrix to Auto or 3x3.`,
        code: "bad-value",
      };
  }
}
