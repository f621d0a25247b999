/**
 * Dates in the core are whole days: the number of days since 1970-01-01 (a "day number").
 * Calendar arithmetic is integer arithmetic, and no time zone can shift a date by a day.
 * Built in the style of date-fns: small pure functions.
 */

/**
 * A day number, branded: a plain number is not a day until a constructor makes it one — from a
 * calendar date (dayFromYmd, parseDateText, parseIsoDay), an Excel serial (dayFromSerial), the clock
 * (today), another day (addDays), or a day number already worked out (asDay).
 */
export type Day = number & { readonly __brand: "Day" };

/** A count of days since 1970-01-01 as a Day: for day numbers worked out by arithmetic or kept in a typed array. */
export function asDay(n: number): Day {
  return n as Day;
}

/** The day `n` days after `day` (before it when `n` is negative). */
export function addDays(day: Day, n: number): Day {
  return (day + n) as Day;
}

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in Excel's 1900 date system. */
const SERIAL_1970 = 25569;
/** Days from 1900-01-00 to 1904-01-01 as Excel counts them (with the phantom 29 Feb 1900). */
const OFFSET_1904 = 1462;

export function dayFromYmd(y: number, m: number, d: number): Day {
  return asDay(Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY));
}

export function ymdFromDay(day: Day): { y: number; m: number; d: number } {
  const dt = new Date(day * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const back = ymdFromDay(dayFromYmd(y, m, d));
  return back.y === y && back.m === m && back.d === d;
}

/** "2009-03-31". */
export function formatDay(day: Day): string {
  const { y, m, d } = ymdFromDay(day);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The months' names in English, January first: the one list (short names are their first three letters). */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
const MONTHS = MONTH_NAMES.map((m) => m.slice(0, 3));

/** Days 1 Jan 1900 to about 2199 are cached, by day, in an array made on first use. */
const LONG_FROM = -25_567;
const LONG_SPAN = 110_000;
let longCache: (string | undefined)[] | null = null;

/** "31 Mar 2009", the way a board paper writes dates (cached: findings repeat a few dates many times). */
export function formatDayLong(day: Day): string {
  const k = day - LONG_FROM;
  if (!(k >= 0 && k < LONG_SPAN && Number.isInteger(k))) return longText(day);
  longCache ??= new Array<string | undefined>(LONG_SPAN);
  return (longCache[k] ??= longText(day));
}

function longText(day: Day): string {
  const { y, m, d } = ymdFromDay(day);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * Excel serial → day, in either date system. The 1900 system counts a 29 February 1900
 * that never existed (serial 60), kept for Lotus 1-2-3 compatibility: serials before it
 * are one day later than plain arithmetic says, and 60 itself is no real date (null).
 * Fractions (times of day) are dropped.
 */
export function dayFromSerial(serial: number, date1904: boolean): Day | null {
  if (!Number.isFinite(serial)) return null;
  const s = Math.floor(serial);
  if (date1904) {
    if (s < 0 || s > 2_957_003) return null;
    return asDay(s + OFFSET_1904 - SERIAL_1970);
  }
  if (s < 1 || s > 2_958_465 || s === 60) return null;
  return asDay(s < 60 ? s - SERIAL_1970 + 1 : s - SERIAL_1970);
}

/** Day → Excel serial in the given date system (for writing dates back). */
export function serialFromDay(day: Day, date1904: boolean): number {
  if (date1904) return day + SERIAL_1970 - OFFSET_1904;
  const s = day + SERIAL_1970;
  return s < 61 ? s - 1 : s;
}

/** A month's number by its name or short name, in any case ("Sept" too), from the one list. */
const MONTH_NUMBERS: Record<string, number> = Object.fromEntries([
  ...MONTH_NAMES.flatMap((name, i) => [
    [name.toLowerCase(), i + 1],
    [name.slice(0, 3).toLowerCase(), i + 1],
  ]),
  ["sept", 9],
]);

function fullYear(y: number, digits: number): number {
  // Two-digit years: 00–69 → 2000s, 70–99 → 1900s (Excel's own cut-off is 29/30).
  if (digits > 2) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

/** Which number comes first in a date such as 02/03/2026: the day (British) or the month (American). */
export type DateOrder = "dmy" | "mdy";

const WEEKDAY = "(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?\\s+";
const TIME = "(?:[T\\s]+\\d{1,2}(?::\\d{2}){1,2}(?:\\.\\d+)?\\s*(?:[ap]\\.?m\\.?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?";
const ISO = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${TIME}$`, "i");
const YMD_SLASH = new RegExp(`^(\\d{4})/(\\d{1,2})/(\\d{1,2})${TIME}$`, "i");
const NUMERIC = new RegExp(`^(?:${WEEKDAY})?(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})${TIME}$`, "i");
const DAY_MONTH = new RegExp(
  `^(?:${WEEKDAY})?(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+([a-z]{3,9})\\.?,?[\\s-]+(\\d{2}|\\d{4})${TIME}$`,
  "i",
);
const MONTH_DAY = new RegExp(
  `^(?:${WEEKDAY})?([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}$`,
  "i",
);

/**
 * The two numbers of a numeric text date (02/03/2026 → [2, 3]), when it is one: for telling which
 * order a column was written in (a first number above 12 can only be a day).
 */
export function numericDateParts(text: string): [number, number] | null {
  const m = NUMERIC.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * Parses a date typed as text: ISO (2009-03-31, with an optional time), numeric dates in the
 * given order (31/03/2009 or 3/31/2009, with an optional weekday and time: Microsoft Project's
 * "Mon 2/17/25" and "2/17/25 8:00 AM"), and written forms (31 March 2009, 31-Mar-09,
 * "February 17, 2025 8:00", "Feb 17, 2025"). Returns null for anything else rather than guessing.
 */
export function parseDateText(text: string, order: DateOrder = "dmy"): Day | null {
  const t = text.trim();
  let m = ISO.exec(t) ?? YMD_SLASH.exec(t);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const y = fullYear(Number(m[3]), m[3].length);
    return order === "dmy" ? checked(y, b, a) : checked(y, a, b);
  }
  m = DAY_MONTH.exec(t);
  if (m) {
    const month = MONTH_NUMBERS[m[2].toLowerCase()];
    if (month) return checked(fullYear(Number(m[3]), m[3].length), month, Number(m[1]));
  }
  m = MONTH_DAY.exec(t);
  if (m) {
    const month = MONTH_NUMBERS[m[1].toLowerCase()];
    if (month) return checked(Number(m[3]), month, Number(m[2]));
  }
  return null;
}

function checked(y: number, m: number, d: number): Day | null {
  return isValidYmd(y, m, d) ? dayFromYmd(y, m, d) : null;
}

const CLOCK = /(?:^|[T\s])(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:([ap])\.?m?\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * The time of day written after a date, in minutes after midnight (null: none written).
 * "8:00 AM", "5:00 PM", "17:00", "2025-02-17T13:30:00". Microsoft Project's Export Wizard writes
 * its times on a 12-hour clock without AM or PM ("February 17, 2025 5:00" is a 5 pm finish,
 * docs/importing.md): outside an ISO date, an hour from 1 to 7 with no AM/PM is read as afternoon,
 * since no working time falls there on Project's calendars (8:00–17:00 by default).
 */
export function timeOfDayText(text: string): number | null {
  const t = text.trim();
  const m = CLOCK.exec(t);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59) return null;
  const mark = m[4]?.toLowerCase();
  if (mark) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (mark === "p" ? 12 : 0);
  } else if (!/^\d{4}-/.test(t) && h >= 1 && h <= 7) h += 12;
  return Math.min(1440, h * 60 + min);
}

/** Parses "YYYY-MM-DD" strictly (for command-line flags and settings). */
export function parseIsoDay(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return m ? checked(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Today as a day number (the caller's clock, UTC date). */
export function today(now: Date = new Date()): Day {
  return asDay(Math.floor(now.getTime() / MS_PER_DAY));
}
