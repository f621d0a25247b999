import type { LinkType } from "../model/entities";

export interface ParsedRef {
  id: string;
  type: LinkType;
  lag: number;
}

const REF = /^(.+?)\s*(FS|SS|FF|SF)?\s*(?:([+-])\s*(\d+(?:\.\d+)?)\s*(d|days?|ed|edays?|w|wks?|weeks?|ew|ewks?)?)?$/i;

/**
 * Parses one dependency reference in Microsoft Project's style: "P02", "P02FS+10d",
 * "M14SS-5d", "P03 FF +2w". Lags are calendar days (weeks × 7). An ID that is itself known
 * (even one ending in letters such as "FS") is taken whole.
 */
export function parseRef(token: string, isKnown: (id: string) => boolean): ParsedRef | null {
  const t = token.trim();
  if (!t) return null;
  if (isKnown(t)) return { id: t, type: "FS", lag: 0 };
  const m = REF.exec(t);
  if (!m) return { id: t, type: "FS", lag: 0 };
  const type = (m[2]?.toUpperCase() ?? "FS") as LinkType;
  let lag = 0;
  if (m[4] !== undefined) {
    const unit = (m[5] ?? "d").toLowerCase();
    lag = Number(m[4]) * (unit.startsWith("w") || unit.startsWith("ew") ? 7 : 1);
    if (m[3] === "-") lag = -lag;
  }
  return { id: m[1].trim(), type, lag: Math.round(lag) };
}

/** Splits a Depends On cell into its references. */
export function splitRefs(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
