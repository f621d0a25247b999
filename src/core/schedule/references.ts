import { lagOf, lagWithExact, NO_LAG, type Lag, type LagAmount, type LinkType } from "../programme/entities";

export interface ParsedRef {
  id: string;
  type: LinkType;
  lag: Lag;
}

/**
 * Lag units as Microsoft Project spells them ("Enter lag or lead time" and the Duration field's
 * abbreviations: m/min, h/hr, d/dy/day, w/wk, mo/mon, each with an `e` in front for elapsed
 * time; "?" marks an estimate) and as Smartsheet writes them (`2FS +1d`, `3SS -2w`).
 * Each lag is read twice (entities.ts LagAmount):
 *  - to the minute, as Project keeps it: m and h are working minutes, d/w/mo working days (a week
 *    5 days, a month 20: Project's defaults of 40 hours a week and 20 days a month), em/eh elapsed
 *    minutes, ed/ew/emo elapsed days (7 and 30 a week and a month);
 *  - in whole days, for a plan typed in days: 8 hours a day (rounded up), 5 days a week, 20 a
 *    month; elapsed hours rounded up to days.
 */
type Unit = { unit: "wd" | "ed"; perUnit: number; roundUp?: boolean; exact: LagAmount["unit"]; exactPer: number };
const UNITS: Record<string, Unit> = {};
const unitWords = (
  words: string[],
  unit: "wd" | "ed",
  perUnit: number,
  exact: LagAmount["unit"],
  exactPer: number,
  roundUp = false,
) => {
  for (const w of words) UNITS[w] = { unit, perUnit, roundUp, exact, exactPer };
};
unitWords(["m", "min", "mins", "minute", "minutes"], "wd", 1 / 480, "wmin", 1, true);
unitWords(["h", "hr", "hrs", "hour", "hours"], "wd", 1 / 8, "wmin", 60, true);
unitWords(["", "d", "dy", "dys", "day", "days"], "wd", 1, "wd", 1);
unitWords(["w", "wk", "wks", "week", "weeks"], "wd", 5, "wd", 5);
unitWords(["mo", "mon", "mons", "month", "months"], "wd", 20, "wd", 20);
unitWords(["em", "emin", "emins", "eminute", "eminutes"], "ed", 1 / 1440, "emin", 1, true);
unitWords(["eh", "ehr", "ehrs", "ehour", "ehours"], "ed", 1 / 24, "emin", 60, true);
unitWords(["ed", "edy", "edys", "eday", "edays"], "ed", 1, "ed", 1);
unitWords(["ew", "ewk", "ewks", "eweek", "eweeks"], "ed", 7, "ed", 7);
unitWords(["emo", "emon", "emons", "emonth", "emonths"], "ed", 30, "ed", 30);

/** A lag amount with its unit, as typed: "+2 days", "-1d", "3", "+50%", "6h", "2ew", "1.5wk?" (exactLag gives it to the minute). */
export function parseLag(text: string): Lag | null {
  const m = /^([+-]?)\s*(\d+(?:\.\d+)?|\.\d+)\s*(%|[a-z]*)\s*\??$/i.exec(text.trim());
  if (!m) return null;
  const sign = m[1] === "-" ? -1 : 1;
  const amount = Number(m[2]);
  if (m[3] === "%") return lagOf(sign * Math.round(amount), "pct");
  const u = UNITS[m[3].toLowerCase()];
  if (!u) return null;
  const raw = amount * u.perUnit;
  const whole = u.roundUp ? Math.ceil(raw - 1e-9) : Math.round(raw);
  return lagWithExact(lagOf(sign * whole + 0, u.unit), { value: sign * amount * u.exactPer + 0, unit: u.exact });
}

const TYPED = /^(.+?)\s*(FS|SS|FF|SF)\s*(.*)$/i;
const SIGNED = /^(.+?)\s*([+-].*)$/;

/**
 * Parses one dependency reference: our style ("P02", "P02FS+10d", "M14SS-5d", "P03 FF +2w"),
 * Microsoft Project's ("3FS+2 days", "5SS", "12FF-1 day", "4FS+50%", "1SS3") and Smartsheet's
 * ("2FS +1d"). A lag needs a link type or a sign before it, so "P02" is never read as "P" with a
 * lag of 2. An ID that is itself known (even one ending like a link type) is taken whole.
 * Returns the ID as written when it cannot be read otherwise, for the caller to report.
 */
export function parseRef(token: string, isKnown: (id: string) => boolean, someIdLooksTyped = true): ParsedRef | null {
  const t = token.trim();
  if (!t) return null;
  // Only a workbook with an ID like "AFS" or "B-2" needs the whole token looked up first.
  if (someIdLooksTyped && isKnown(t)) return { id: t, type: "FS", lag: NO_LAG };
  const typed = TYPED.exec(t);
  if (typed) {
    const rest = typed[3].trim();
    const lag = rest === "" ? NO_LAG : parseLag(rest);
    if (lag) return { id: typed[1].trim(), type: typed[2].toUpperCase() as LinkType, lag };
  }
  const signed = SIGNED.exec(t);
  if (signed) {
    const lag = parseLag(signed[2]);
    if (lag) return { id: signed[1].trim(), type: "FS", lag };
  }
  return { id: t, type: "FS", lag: NO_LAG };
}

/** True when an ID could be read as another ID with a link type or lag ("AFS", "B-2"): parseRef must then try it whole first. */
export function looksTyped(id: string): boolean {
  const typed = TYPED.exec(id);
  if (typed && (typed[3].trim() === "" || parseLag(typed[3].trim()))) return true;
  const signed = SIGNED.exec(id);
  return !!signed && !!parseLag(signed[2]);
}

/** Splits a Depends On cell into its references. */
export function splitRefs(text: string): string[] {
  if (!/[,;\n]/.test(text)) {
    const one = text.trim();
    return one ? [one] : [];
  }
  return text
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
