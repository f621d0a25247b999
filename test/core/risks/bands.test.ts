import {
  BAND_COLOURS,
  bandLooks,
  bandsInWords,
  escalationScore,
  riskBand,
  riskToleranceRag,
  RISK_MATRIX,
} from "../../../src/core/risks/bands";
import type { RiskMatrixKind } from "../../../src/core/programme/entities";

/** The risk matrices' one table agrees with itself: each band's score range, its colours, the escalation rule. */
describe("the risk matrices (model/risk-matrix.ts)", () => {
  const kinds: RiskMatrixKind[] = ["5x5", "3x3"];

  it.each(kinds)("every score on the %s matrix falls in the band whose range names it", (kind) => {
    const m = RISK_MATRIX[kind];
    for (let l = 1; l <= m.points; l++)
      for (let i = 1; i <= m.points; i++) {
        const score = l * i;
        const spec = m.bands.find((b) => b.band === riskBand(score, kind))!;
        const [lo, hi] = spec.scores.split("–").map(Number);
        expect({ score, band: spec.band, inRange: score >= lo && score <= hi }).toEqual({
          score,
          band: spec.band,
          inRange: true,
        });
      }
  });

  it("grades as the NPSA guidance and a 3×3 register do", () => {
    expect([1, 3, 4, 6, 8, 12, 15, 25].map((s) => riskBand(s))).toEqual([
      "Low",
      "Low",
      "Moderate",
      "Moderate",
      "High",
      "High",
      "Extreme",
      "Extreme",
    ]);
    expect([1, 2, 3, 4, 6, 9].map((s) => riskBand(s, "3x3"))).toEqual([
      "Low",
      "Low",
      "Medium",
      "Medium",
      "High",
      "High",
    ]);
    expect(bandsInWords("3x3")).toBe("Low 1–2, Medium 3–4, High 6–9");
  });

  it("escalates at the Settings score on the 5×5 matrix and at High on a 3×3 register", () => {
    expect(escalationScore("5x5", { riskEscalationScore: 12 })).toBe(12);
    expect(escalationScore("3x3", { riskEscalationScore: 12 })).toBe(6);
  });

  it("colours a 3×3 High as the 5×5 Extreme (red), and the NPSA bands green, yellow, orange, red", () => {
    expect(BAND_COLOURS[bandLooks("High", "3x3")].fill).toBe("FF0000");
    expect(BAND_COLOURS[bandLooks("High", "5x5")].fill).toBe("FFC000");
    expect(RISK_MATRIX["5x5"].bands.map((b) => BAND_COLOURS[b.looks].fill)).toEqual([
      "92D050",
      "FFFF00",
      "FFC000",
      "FF0000",
    ]);
  });
});

describe("a risk's effect on its workstream's risk tolerance", () => {
  it("is Red when it goes to the board, Amber in an amber or red band, Green below, on both matrices", () => {
    const npsa = (["Low", "Moderate", "High", "Extreme"] as const).map((b) => riskToleranceRag(b, "5x5", false));
    expect(npsa).toEqual(["Green", "Green", "Amber", "Amber"]); // an Extreme risk below a raised escalation score is never Green
    const register = (["Low", "Medium", "High"] as const).map((b) => riskToleranceRag(b, "3x3", false));
    expect(register).toEqual(["Green", "Amber", "Amber"]);
    expect(riskToleranceRag("Moderate", "5x5", true)).toBe("Red");
  });
});
