import type { RiskMatrixKind } from "../programme/entities";

/**
 * The risk matrices, defined once: every band, word, threshold and colour the checks, the reader
 * and the report use is read from the tables here.
 *
 * The NHS 5×5 matrix (NPSA, "A risk matrix for risk managers", 2008): score = likelihood ×
 * consequence, graded 1–3 Low, 4–6 Moderate, 8–12 High, 15–25 Extreme, coloured green, yellow,
 * orange and red; open risks at or above the escalation score (Settings, default 15) go to the
 * board. A 3×3 register (High/Medium/Low): score 1–9, graded 1–2 Low, 3–4 Medium, 6–9 High; its
 * High is its top band, in red, and High risks go to the board.
 */
export type RiskBand = "Low" | "Moderate" | "Medium" | "High" | "Extreme";

/** A band's colours, by the band whose style a cell takes (Excel RGB, no #). */
export const BAND_COLOURS: Record<RiskBand, { fill: string; text: string }> = {
  Low: { fill: "92D050", text: "000000" },
  Moderate: { fill: "FFFF00", text: "000000" },
  Medium: { fill: "FFC000", text: "000000" },
  High: { fill: "FFC000", text: "000000" },
  Extreme: { fill: "FF0000", text: "FFFFFF" },
};

export interface BandSpec {
  band: RiskBand;
  /** The lowest score in the band (the first band takes every score below the next). */
  min: number;
  /** Its score range as a key shows it. */
  scores: string;
  /** The band whose colours (and report style) its cells take. */
  looks: RiskBand;
}

export interface MatrixSpec {
  name: string;
  /** Points on each axis: likelihood and impact are 1 … points. */
  points: number;
  /** Best first. */
  bands: BandSpec[];
  /** The score at which an open risk goes to the board: the Settings row, or the matrix's top band. */
  escalation: "setting" | "top band";
  /** The axis labels, 1 first. */
  likelihood: string[];
  impact: string[];
  /** A register's own rating written as a word, read as a band of the matrix. */
  ratingWords: Record<string, RiskBand>;
}

const NPSA_LIKELIHOOD = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
const NPSA_CONSEQUENCE = ["Negligible", "Minor", "Moderate", "Major", "Catastrophic"];
/** A 3-point rating's words, 1 first. */
export const HML_WORDS = ["Low", "Medium", "High"];

export const RISK_MATRIX: Record<RiskMatrixKind, MatrixSpec> = {
  "5x5": {
    name: "NHS 5×5 matrix (NPSA)",
    points: 5,
    bands: [
      { band: "Low", min: 1, scores: "1–3", looks: "Low" },
      { band: "Moderate", min: 4, scores: "4–6", looks: "Moderate" },
      { band: "High", min: 8, scores: "8–12", looks: "High" },
      { band: "Extreme", min: 15, scores: "15–25", looks: "Extreme" },
    ],
    escalation: "setting",
    likelihood: NPSA_LIKELIHOOD,
    impact: NPSA_CONSEQUENCE,
    ratingWords: {
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
    },
  },
  "3x3": {
    name: "3×3 High/Medium/Low matrix",
    points: 3,
    bands: [
      { band: "Low", min: 1, scores: "1–2", looks: "Low" },
      { band: "Medium", min: 3, scores: "3–4", looks: "Medium" },
      { band: "High", min: 6, scores: "6–9", looks: "Extreme" },
    ],
    escalation: "top band",
    likelihood: HML_WORDS,
    impact: HML_WORDS,
    ratingWords: {
      low: "Low",
      green: "Low",
      medium: "Medium",
      moderate: "Medium",
      amber: "Medium",
      yellow: "Medium",
      high: "High",
      red: "High",
      critical: "High",
    },
  },
};

/** The 5×5 matrix's default escalation score (Settings, Risk escalation score): its Extreme band. */
export const DEFAULT_ESCALATION_SCORE = RISK_MATRIX["5x5"].bands[3].min;

/** Every band, in the order the report's styles are made. */
export const RISK_BANDS: RiskBand[] = ["Low", "Moderate", "Medium", "High", "Extreme"];

export function riskScore(likelihood: number | null, impact: number | null): number | null {
  return likelihood !== null && impact !== null ? likelihood * impact : null;
}

export function riskBand(score: number, matrix: RiskMatrixKind = "5x5"): RiskBand {
  const bands = RISK_MATRIX[matrix].bands;
  for (let i = bands.length - 1; i > 0; i--) if (score >= bands[i].min) return bands[i].band;
  return bands[0].band;
}

/** The score at which an open risk goes to the board on a matrix. */
export function escalationScore(matrix: RiskMatrixKind, s: { riskEscalationScore: number }): number {
  const m = RISK_MATRIX[matrix];
  return m.escalation === "setting" ? s.riskEscalationScore : m.bands[m.bands.length - 1].min;
}

/** The band whose colours a band's cells take on a matrix (the 3×3 High looks as the 5×5 Extreme). */
export function bandLooks(band: RiskBand, matrix: RiskMatrixKind): RiskBand {
  return RISK_MATRIX[matrix].bands.find((b) => b.band === band)?.looks ?? band;
}

/**
 * What an open risk makes of its workstream's risk tolerance: Red when it goes to the board
 * (at or above the escalation score), Amber in a band coloured amber or red (the NPSA matrix's
 * High and Extreme, a 3×3 register's Medium and High), Green below (Low, Moderate). So an Extreme
 * risk below an escalation score set above 15 is Amber, never Green.
 */
export function riskToleranceRag(band: RiskBand, matrix: RiskMatrixKind, escalate: boolean): "Red" | "Amber" | "Green" {
  if (escalate) return "Red";
  const looks = bandLooks(band, matrix);
  return looks === "Low" || looks === "Moderate" ? "Green" : "Amber";
}

/** "Low 1–2, Medium 3–4, High 6–9": a matrix's bands in words. */
export function bandsInWords(matrix: RiskMatrixKind): string {
  return RISK_MATRIX[matrix].bands.map((b) => `${b.band} ${b.scores}`).join(", ");
}

// How likelihood and impact are read as written, before a log's matrix is known (ingest/values.ts).
const lower = (words: string[]) => Object.fromEntries(words.map((w, i) => [w.toLowerCase(), i + 1]));
/** The NPSA likelihood words, and the other spellings people use. */
export const LIKELIHOOD_WORDS: Record<string, number> = {
  ...lower(NPSA_LIKELIHOOD),
  "almost certainly": 5,
  certain: 5,
};
/** The NPSA consequence words, and the other spellings people use. */
export const CONSEQUENCE_WORDS: Record<string, number> = { ...lower(NPSA_CONSEQUENCE), insignificant: 1, extreme: 5 };
/** A 3-point rating (High/Medium/Low) and its abbreviations. */
export const HML_LEVELS: Record<string, number> = { ...lower(HML_WORDS), l: 1, med: 2, m: 2, moderate: 2, h: 3 };
/** The ends of a five-point word scale (Very low … Very high); its Low, Medium and High are 2, 3 and 4. */
export const HML5_LEVELS: Record<string, number> = { "very low": 1, vl: 1, "very high": 5, vh: 5 };
