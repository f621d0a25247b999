import { cellOf } from "../programme/entities";
import type { Diagnostic } from "../primitives/diagnostic";
import type { RiskMatrixKind, Settings } from "../programme/entities";
import { bandsInWords, HML_WORDS, RISK_MATRIX } from "./bands";
import type { TypedRow } from "../workbook/rows";
import type { RiskLevel } from "../workbook/values";

/**
 * Which matrix each risk log is scored on, and each risk's scores on it. A log most of whose rows
 * are rated High/Medium/Low is a 3×3 register (Settings Risk matrix Auto, the default, or 3x3):
 * its words are scored 1–3 and never turned into a guessed 5-point number. Numbers and the NPSA
 * words are the 5×5 matrix. A five-point word scale (Very low … Very high) is 5×5, with Low,
 * Medium and High as 2, 3 and 4. A rating in the other vocabulary is a finding at its cell.
 */
export interface ScoredRisk {
  likelihood: number | null;
  impact: number | null;
  residualLikelihood: number | null;
  residualImpact: number | null;
  matrix: RiskMatrixKind;
}

const LEVEL_FIELDS = ["likelihood", "impact", "residualLikelihood", "residualImpact"] as const;
const LABEL: Record<(typeof LEVEL_FIELDS)[number], string> = {
  likelihood: "Likelihood",
  impact: "Impact",
  residualLikelihood: "Residual Likelihood",
  residualImpact: "Residual Impact",
};

/**
 * A log's matrix (Settings Risk matrix Auto): decided by most of its rows, so one row in the
 * other vocabulary is a finding at its cell, never a reason to unscore the rest. A row votes 3×3
 * when it rates in High/Medium/Low words only, 5×5 when it uses the NPSA words or a number above
 * 3 (and no High/Medium/Low); rows of numbers 1–3 alone fit both and do not vote. More 3×3 votes
 * than 5×5 makes a 3×3 register; otherwise (a tie, or no words at all) the NHS 5×5 matrix.
 * A log using the five-point word scale (Very low … Very high) is 5×5, its Low/Medium/High 2–4.
 */
export function matrixOfLog(rowLevels: RiskLevel[][], setting: Settings["riskMatrix"]): RiskMatrixKind {
  if (setting !== "auto") return setting;
  if (rowLevels.some((row) => row.some((l) => l.kind === "hml5"))) return "5x5";
  let three = 0;
  let five = 0;
  for (const row of rowLevels) {
    const hml = row.some((l) => l.kind === "hml");
    const npsa = row.some((l) => l.kind === "npsa" || (l.kind === "number" && l.n > 3));
    if (hml && !npsa) three++;
    else if (npsa && !hml) five++;
  }
  return three > five ? "3x3" : "5x5";
}

export function scoreRiskLogs(
  rows: TypedRow<"risks">[],
  setting: Settings["riskMatrix"],
  diags: Diagnostic[],
): Map<TypedRow<"risks">, ScoredRisk> {
  const bySheet = new Map<string, TypedRow<"risks">[]>();
  for (const r of rows) {
    const list = bySheet.get(r.src.sheet);
    if (list) list.push(r);
    else bySheet.set(r.src.sheet, [r]);
  }
  const out = new Map<TypedRow<"risks">, ScoredRisk>();
  for (const [sheet, logRows] of bySheet) {
    const rowLevels = logRows.map((r) => LEVEL_FIELDS.map((k) => r.values[k]).filter((x): x is RiskLevel => !!x));
    const matrix = matrixOfLog(rowLevels, setting);
    const hml5 = rowLevels.some((row) => row.some((l) => l.kind === "hml5"));
    if (matrix === "3x3" && setting === "auto" && logRows.length)
      diags.push({
        severity: "info",
        code: "risk-matrix",
        message: `The ${sheet} sheet rates most of its risks High/Medium/Low, so they are scored on a 3×3 matrix (likelihood × impact, 1–9: ${bandsInWords("3x3")}). Set Risk matrix on the Settings sheet to choose another.`,
        sheet,
        cell: cellOf(logRows[0].src, "likelihood") ?? cellOf(logRows[0].src, "impact") ?? "",
      });
    for (const r of logRows) {
      const scored: ScoredRisk = {
        likelihood: null,
        impact: null,
        residualLikelihood: null,
        residualImpact: null,
        matrix,
      };
      for (const k of LEVEL_FIELDS) {
        const level = r.values[k];
        if (!level) continue;
        const res = onMatrix(level, matrix, hml5, setting === "auto");
        if (typeof res === "number") scored[k] = res;
        else {
          (r.failed ??= []).push(k);
          diags.push({
            severity: "error",
            code: res.code,
            message: `${LABEL[k]} ${res.problem}`,
            sheet,
            cell: cellOf(r.src, k) ?? "",
            entity: typeof r.values.id === "string" ? r.values.id : undefined,
          });
        }
      }
      out.set(r, scored);
    }
  }
  return out;
}

function onMatrix(
  level: RiskLevel,
  matrix: RiskMatrixKind,
  hml5: boolean,
  auto: boolean,
): number | { problem: string; code: Diagnostic["code"] } {
  const top = RISK_MATRIX[matrix].points;
  // Why the register is on this matrix: most of its rows (Auto), or the Settings row.
  const why = auto
    ? matrix === "3x3"
      ? "most of this register's rows are rated High/Medium/Low, so it is scored 3×3"
      : "most of this register's rows use numbers or the NPSA words, so it is scored on the 5×5 matrix"
    : `this workbook scores risks ${matrix === "3x3" ? "3×3" : "on the 5×5 matrix"} (Settings: Risk matrix ${matrix})`;
  switch (level.kind) {
    case "number":
      return Number.isInteger(level.n) && level.n >= 1 && level.n <= top
        ? level.n
        : {
            problem: `${level.n} is not a whole number from 1 to ${top}${matrix === "3x3" ? ` (this register is scored 3×3: ${HML_WORDS.map((w, i) => `${i + 1} ${w}`).join(", ")})` : ""}. Correct it.`,
            code: "out-of-range",
          };
    case "npsa":
      return matrix === "5x5"
        ? level.n
        : {
            problem: `is an NPSA 5×5 word, but ${why}. Rate it High, Medium or Low${auto ? "" : ", or set Risk matrix to 5x5 on the Settings sheet"}.`,
            code: "bad-value",
          };
    case "hml5":
      return matrix === "5x5"
        ? level.n
        : { problem: `is a five-point word, but ${why}. Rate it High, Medium or Low.`, code: "bad-value" };
    case "hml":
      if (matrix === "3x3") return level.n;
      if (hml5) return level.n + 1; // Low, Medium, High between Very low and Very high
      return {
        problem: `"${HML_WORDS[level.n - 1]}" is a 3-point rating, but ${why}. Score it 1–5 or with the NPSA words${auto ? "" : ", or set Risk matrix to Auto or 3x3"}.`,
        code: "bad-value",
      };
  }
}
