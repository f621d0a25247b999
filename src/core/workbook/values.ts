import { isBlank, isCellError, type CellValue } from "../primitives/cell";
import { dayFromSerial, parseDateText, timeOfDayText, type DateOrder, type Day } from "../primitives/dates";
import { parseRag, type Rag } from "../rag/scale";
import { CONSEQUENCE_WORDS, HML5_LEVELS, HML_LEVELS, LIKELIHOOD_WORDS } from "../risks/bands";

/** The outcome of reading one cell as a typed value; `warning` marks a problem that is not an error. */
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; problem: string; warning?: boolean };

const ok = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

/** Words people put in a cell to say "no value yet". They read as blank, not as an error. */
const PLACEHOLDERS = new Set(["tbc", "tba", "tbd", "n/a", "na", "-", "--", "—", "none", "nil", "?", "nan"]);

const SPACE = /\s/;

export function isPlaceholder(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  // The longest placeholder is four letters: longer text with no space (of any kind trim removes,
  // the non-breaking space pasted from the web included) at either end is not one (most cells).
  if (v.length > 4 && !SPACE.test(v.charAt(0)) && !SPACE.test(v.charAt(v.length - 1))) return false;
  return PLACEHOLDERS.has(v.trim().toLowerCase());
}

export function isEmptyCell(v: CellValue): boolean {
  return isBlank(v) || isPlaceholder(v);
}

/** Shows a cell's value in a message, shortened and quoted. */
export function show(v: CellValue): string {
  if (isCellError(v)) return v.error;
  const s = String(v);
  return `"${s.length > 40 ? s.slice(0, 37) + "..." : s}"`;
}

export function readText(v: CellValue): string {
  if (isBlank(v) || isCellError(v)) return "";
  if (typeof v === "number") return String(v);
  return String(v).trim();
}

/** A whole number that is plainly a year typed into a date column (2010 would be 2 July 1905 as a date). */
function looksLikeYear(n: number): boolean {
  return Number.isInteger(n) && n >= 1900 && n <= 2100;
}

export function readDate(v: CellValue, date1904: boolean, order: DateOrder = "dmy"): Parsed<Day> {
  if (isEmptyCell(v)) return ok(null);
  if (isCellError(v)) return bad(`holds the error ${v.error}`);
  const yearOnly = (n: number): Parsed<Day> => ({
    ok: false,
    warning: true,
    problem: `${n} looks like a year, not a date (as a date it would be ${date1904 ? "a day in 1909" : "a day in 1905"}), so it is left blank. Enter the full date`,
  });
  if (typeof v === "number") {
    if (looksLikeYear(v)) return yearOnly(v);
    const d = dayFromSerial(v, date1904);
    return d === null ? bad(`${v} is not a date Excel can show`) : ok(d);
  }
  if (typeof v === "string") {
    const t = v.trim();
    if (/^\d{4}$/.test(t) && looksLikeYear(Number(t))) return yearOnly(Number(t));
    // An Excel serial written as text ("40268" or "40268.5").
    if (/^\d{4,6}(\.\d+)?$/.test(t)) {
      const d = dayFromSerial(Number(t), date1904);
      if (d !== null) return ok(d);
    }
    const d = parseDateText(t, order);
    return d === null ? bad(`${show(v)} is not a date`) : ok(d);
  }
  return bad(`${show(v)} is not a date`);
}

/**
 * A date that may carry a time of day, as Microsoft Project exports Start and Finish: the day
 * number plus the time as a fraction of the day (an Excel serial's fraction, or "2/17/25 1:00"
 * read through timeOfDayText). A whole number is a date without a time.
 */
export function readDateTime(v: CellValue, date1904: boolean, order: DateOrder = "dmy"): Parsed<number> {
  const d = readDate(v, date1904, order);
  if (!d.ok || d.value === null) return d;
  let minute: number | null = null;
  if (typeof v === "number") minute = Math.round((v - Math.floor(v)) * 1440);
  else if (typeof v === "string")
    minute = /^\d{4,6}\.\d+$/.test(v.trim()) ? Math.round((Number(v.trim()) % 1) * 1440) : timeOfDayText(v);
  return ok(minute ? d.value + Math.min(minute, 1440) / 1440 : d.value);
}

/** Yes/No, True/False, Y/N, 1/0 (Microsoft Project writes Yes and No). */
export function readBool(v: CellValue): Parsed<boolean> {
  if (isBlank(v)) return ok(null);
  if (typeof v === "boolean") return ok(v);
  if (typeof v === "number") return v === 1 || v === 0 ? ok(v === 1) : bad(`${v} is not yes or no`);
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (["yes", "y", "true", "1"].includes(t)) return ok(true);
    if (["no", "n", "false", "0"].includes(t)) return ok(false);
  }
  return bad(`${show(v)} is not yes or no`);
}

/**
 * A duration in working days, as Microsoft Project and Smartsheet write it: "5 days", "0.75d",
 * "451d?" (estimated), "6h" (8 hours a day), "1 wk" (5 days), "2 mons" (20 days), "4d 6h",
 * a plain number (days), "3 edays" (elapsed: calendar days, taken as they are).
 */
export function readDuration(v: CellValue): Parsed<number> {
  if (isEmptyCell(v)) return ok(null);
  if (typeof v === "number") return Number.isFinite(v) && v >= 0 ? ok(v) : bad(`${v} is not a duration`);
  if (typeof v !== "string") return bad(`${show(v)} is not a duration`);
  const PER: Record<string, number> = {
    m: 1 / 480,
    min: 1 / 480,
    mins: 1 / 480,
    minute: 1 / 480,
    minutes: 1 / 480,
    h: 1 / 8,
    hr: 1 / 8,
    hrs: 1 / 8,
    hour: 1 / 8,
    hours: 1 / 8,
    d: 1,
    dy: 1,
    dys: 1,
    day: 1,
    days: 1,
    w: 5,
    wk: 5,
    wks: 5,
    week: 5,
    weeks: 5,
    mo: 20,
    mon: 20,
    mons: 20,
    month: 20,
    months: 20,
    s: 1 / 28800,
    ms: 1 / 28800000,
  };
  const parts = v
    .trim()
    .toLowerCase()
    .replace(/\?$/, "")
    .split(/\s+(?=[\d.])/);
  let total = 0;
  for (const part of parts) {
    const m = /^(\d+(?:[.,]\d+)?)\s*(e?)([a-z]*)\??$/.exec(part.trim());
    const unit = m ? (m[3] === "" ? "d" : m[3]) : "";
    const per = PER[unit];
    if (!m || per === undefined) return bad(`${show(v)} is not a duration (such as 5 days, 0.75d, 6h or 1 wk)`);
    total += Number(m[1].replace(",", ".")) * per;
  }
  return ok(total);
}

/**
 * Reads money and plain numbers: 1200, "£1,200", "1,200.50", "(1,200)" (accounting negative),
 * "-£300", "12%" (as 12). Returns the number and whether a % sign was written.
 */
export function parseNumberText(text: string): { value: number; percent: boolean } | null {
  let t = text.trim().replace(/[\u00a0\s]/g, "");
  let negative = false;
  const acc = /^\((.*)\)$/.exec(t);
  if (acc) {
    negative = true;
    t = acc[1];
  }
  if (t.startsWith("-")) {
    negative = !negative;
    t = t.slice(1);
  } else if (t.startsWith("+")) t = t.slice(1);
  t = t.replace(/^[£$€]/, "");
  if (t.startsWith("-")) {
    negative = !negative;
    t = t.slice(1);
  }
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1);
  }
  // Exponent notation, as Project's Export Wizard writes small fractions: "2.9999999999999999E-2".
  if (/^(\d+(\.\d*)?|\.\d+)e[+-]?\d+$/i.test(t)) {
    const n = Number(t);
    return Number.isFinite(n) ? { value: negative ? -n : n, percent } : null;
  }
  let scale = 1;
  const suffix = /^(.*?)(k|m|bn)$/i.exec(t);
  if (suffix && !percent) {
    t = suffix[1];
    scale = { k: 1e3, m: 1e6, bn: 1e9 }[suffix[2].toLowerCase() as "k" | "m" | "bn"];
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$/.test(t)) return null;
  const n = Number(t.replace(/,/g, "")) * scale;
  if (!Number.isFinite(n)) return null;
  return { value: negative ? -n : n, percent };
}

export function readNumber(v: CellValue): Parsed<number> {
  if (isEmptyCell(v)) return ok(null);
  if (isCellError(v)) return bad(`holds the error ${v.error}`);
  if (typeof v === "number") return Number.isFinite(v) ? ok(v) : bad(`${v} is not a number`);
  if (typeof v === "string") {
    const p = parseNumberText(v);
    return p ? ok(p.value) : bad(`${show(v)} is not a number`);
  }
  return bad(`${show(v)} is not a number`);
}

/**
 * A percentage as points (0–100). Text with a % sign is taken as written ("45%" → 45).
 * A bare number (or numeric text, exponent notation included) is points, unless its column is a
 * column of fractions (0.45 → 45): see rows.ts's fractionColumns for the rule, per column.
 */
export function readPercent(v: CellValue, fractionColumn: boolean): Parsed<number> {
  if (isEmptyCell(v)) return ok(null);
  if (isCellError(v)) return bad(`holds the error ${v.error}`);
  if (typeof v === "string") {
    const p = parseNumberText(v);
    if (!p) return bad(`${show(v)} is not a percentage`);
    return ok(p.percent ? p.value : fractionColumn ? fractionToPoints(p.value) : p.value);
  }
  if (typeof v === "number") return ok(fractionColumn ? fractionToPoints(v) : v);
  return bad(`${show(v)} is not a percentage`);
}

/** A fraction as points, without binary noise: 2.9999999999999999E-2 is 3, not 3.0000000000000004. */
function fractionToPoints(f: number): number {
  return Math.round(f * 100 * 1e9) / 1e9;
}

/** A cell's number for deciding a column's scale: a number, or numeric text without a % sign. */
export function bareNumber(v: CellValue): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string" || isEmptyCell(v)) return null;
  const p = parseNumberText(v);
  return p && !p.percent ? p.value : null;
}

/** Reads a whole score on a scale; "3 - Possible" and "4 (Likely)" read as 3 and 4. */
export function readLevel(v: CellValue): Parsed<number> {
  if (isEmptyCell(v)) return ok(null);
  if (isCellError(v)) return bad(`holds the error ${v.error}`);
  if (typeof v === "number") return Number.isFinite(v) ? ok(v) : bad(`${v} is not a number`);
  if (typeof v === "string") {
    const lead = leadingNumber(v);
    if (lead !== null) return ok(lead);
    return bad(`${show(v)} is not a score`);
  }
  return bad(`${show(v)} is not a score`);
}

function leadingNumber(text: string): number | null {
  const lead = /^(-?\d+(?:\.\d+)?)(?:\s*[-–:(=]\s*[A-Za-z].*)?$/.exec(text.trim());
  return lead ? Number(lead[1]) : null;
}

/**
 * A risk's likelihood or impact as written (the words are src/core/risks/bands.ts's), before the log's matrix is known: a number (or
 * "4 - Likely"), a word of the NPSA 5×5 matrix ("A risk matrix for risk managers", NPSA 2008:
 * likelihood Rare, Unlikely, Possible, Likely, Almost certain; consequence Negligible, Minor,
 * Moderate, Major, Catastrophic), a High/Medium/Low word (a 3-point rating), or a five-point word
 * scale (Very low … Very high).
 */
export interface RiskLevel {
  n: number;
  kind: "number" | "npsa" | "hml" | "hml5";
}

export function readRiskLevel(v: CellValue, field: "likelihood" | "impact"): Parsed<RiskLevel> {
  if (isEmptyCell(v)) return ok(null);
  if (isCellError(v)) return bad(`holds the error ${v.error}`);
  if (typeof v === "number") return Number.isFinite(v) ? ok({ n: v, kind: "number" }) : bad(`${v} is not a score`);
  if (typeof v !== "string") return bad(`${show(v)} is not a score`);
  const lead = leadingNumber(v);
  if (lead !== null) return ok({ n: lead, kind: "number" });
  const t = v.trim().toLowerCase().replace(/\s+/g, " ");
  const npsa = (field === "likelihood" ? LIKELIHOOD_WORDS : CONSEQUENCE_WORDS)[t];
  // "Moderate" is a consequence word of the 5×5 matrix; in a likelihood column it is a 3-point Medium.
  if (npsa !== undefined) return ok({ n: npsa, kind: "npsa" });
  if (HML5_LEVELS[t] !== undefined) return ok({ n: HML5_LEVELS[t], kind: "hml5" });
  if (HML_LEVELS[t] !== undefined) return ok({ n: HML_LEVELS[t], kind: "hml" });
  return bad(`${show(v)} is not a score (use 1–5, the NPSA words such as Likely or Major, or High/Medium/Low)`);
}

export function readRag(v: CellValue): Parsed<Rag> {
  if (isEmptyCell(v)) return ok(null);
  // Smartsheet's RYG symbols include Gray: no status yet.
  if (typeof v === "string" && /^(gray|grey|none|not set)$/i.test(v.trim())) return ok(null);
  if (typeof v === "string") {
    const r = parseRag(v);
    return r ? ok(r) : bad(`${show(v)} is not a RAG rating (use Red, Amber, Green or Blue)`);
  }
  return bad(`${show(v)} is not a RAG rating (use Red, Amber, Green or Blue)`);
}

/** Splits "C5, C6; C7" into its items. */
export function readList(v: CellValue): string[] {
  const t = readText(v);
  if (!t) return [];
  return t
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
