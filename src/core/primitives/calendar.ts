import { addDays, asDay, dayFromYmd, formatDayLong, type Day } from "./dates";

/**
 * The working calendar a schedule is computed on, as Microsoft Project and Smartsheet do:
 * `working` is Monday to Friday less the holidays; `calendar` is every day.
 *
 * Schedules are computed on a working-day index: the i-th working day counted from a fixed
 * Monday (negative before it). Conversions are closed-form (weekdays) plus a binary search
 * over the sorted holidays, so they cost O(log h) whatever the span of the dates.
 */
export type CalendarKind = "working" | "calendar";

/** A position on the working-day index: day i occupies [i, i + 1). Not a calendar day. */
export type WorkIndex = number & { readonly __brand: "WorkIndex" };

/** A position on the working-day index, worked out by arithmetic on others (made by indexOnOrAfter, indexOnOrBefore). */
export function asWorkIndex(n: number): WorkIndex {
  return n as WorkIndex;
}

/** 1970-01-05, a Monday: weekday arithmetic counts from it. */
const EPOCH_MONDAY: Day = asDay(4);

export interface WorkCalendar {
  kind: CalendarKind;
  /** Holidays that fall on weekdays, sorted, without repeats (only these change the index). */
  holidays: readonly Day[];
  /**
   * The working hours of a working day, as [from, to) minutes after midnight, in order: Project's
   * Standard calendar is 8:00–12:00 and 13:00–17:00 ("Change working time", Microsoft Support).
   */
  hours: readonly (readonly [number, number])[];
  /** Working minutes in a working day (the sum of `hours`): the length of one day on the working-time index. */
  minutesPerDay: number;
  /** Minutes a duration or lag of "1d" stands for: Project's "Hours per day" (File > Options > Schedule), 8 by default. */
  minutesPerUnitDay: number;
}

/** Project's default working day: 8:00–12:00 and 13:00–17:00. */
export const STANDARD_HOURS: readonly (readonly [number, number])[] = Object.freeze([
  Object.freeze([480, 720] as const),
  Object.freeze([780, 1020] as const),
]);

export interface WorkingHours {
  /** [from, to) minutes after midnight, in order, not overlapping (default STANDARD_HOURS). */
  hours?: readonly (readonly [number, number])[] | null;
  /** Project's Hours per day (default: the length of `hours`, 8 for the standard day). */
  hoursPerDay?: number | null;
}

export function makeCalendar(
  kind: CalendarKind,
  holidays: Iterable<Day> = [],
  working: WorkingHours = {},
): WorkCalendar {
  const hours = working.hours?.length ? working.hours : STANDARD_HOURS;
  const minutesPerDay = hours.reduce((n, [a, b]) => n + (b - a), 0);
  const minutesPerUnitDay =
    working.hoursPerDay && working.hoursPerDay > 0 ? Math.round(working.hoursPerDay * 60) : minutesPerDay;
  if (kind === "calendar") return { kind, holidays: [], hours, minutesPerDay, minutesPerUnitDay };
  const weekdays = [...new Set(holidays)].filter((d) => !isWeekend(d)).sort((a, b) => a - b);
  return { kind, holidays: weekdays, hours, minutesPerDay, minutesPerUnitDay };
}

export const CALENDAR_DAYS: WorkCalendar = makeCalendar("calendar");

/** A programme's calendar: its Settings (Calendar, Working hours, Hours per day) and its Holidays sheet. */
export function programmeCalendar(
  settings: { calendar: CalendarKind; workingHours: [number, number][] | null; hoursPerDay: number | null },
  holidays: Iterable<Day>,
): WorkCalendar {
  return makeCalendar(settings.calendar, holidays, { hours: settings.workingHours, hoursPerDay: settings.hoursPerDay });
}

/**
 * The day a task of `days` working days that starts on `start` finishes: its start for a day or
 * less, else the working day `days - 1` working days after it.
 */
export function finishAfterWorkingDays(cal: WorkCalendar, start: Day, days: number): Day {
  return days <= 1 ? start : dayAtIndex(cal, asWorkIndex(indexOnOrBefore(cal, start) + days - 1));
}

/** 0 Monday … 6 Sunday. */
export function weekday(day: Day): number {
  return (((day - EPOCH_MONDAY) % 7) + 7) % 7;
}

export function isWeekend(day: Day): boolean {
  return weekday(day) >= 5;
}

/** How many of the sorted days are below x. */
function countBelow(sorted: readonly Day[], x: Day): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Weekdays in [EPOCH_MONDAY, day) (negative before the epoch). */
function weekdaysBefore(day: Day): number {
  const n = day - EPOCH_MONDAY;
  const weeks = Math.floor(n / 7);
  return weeks * 5 + Math.min(n - weeks * 7, 5);
}

/** The k-th weekday counted from EPOCH_MONDAY. */
function weekdayAt(k: number): Day {
  const weeks = Math.floor(k / 5);
  return addDays(EPOCH_MONDAY, weeks * 7 + (k - weeks * 5));
}

export function isWorkingDay(cal: WorkCalendar, day: Day): boolean {
  if (cal.kind === "calendar") return true;
  if (isWeekend(day)) return false;
  const i = countBelow(cal.holidays, day);
  return !(i < cal.holidays.length && cal.holidays[i] === day);
}

/** Working days in [EPOCH_MONDAY, day): the index of `day` when it is a working day. */
function workingBefore(cal: WorkCalendar, day: Day): WorkIndex {
  if (cal.kind === "calendar") return asWorkIndex(day);
  return asWorkIndex(weekdaysBefore(day) - countBelow(cal.holidays, day));
}

/** The index of the first working day on or after `day`. */
export function indexOnOrAfter(cal: WorkCalendar, day: Day): WorkIndex {
  return workingBefore(cal, day);
}

/** The index of the last working day on or before `day`. */
export function indexOnOrBefore(cal: WorkCalendar, day: Day): WorkIndex {
  return asWorkIndex(workingBefore(cal, addDays(day, 1)) - 1);
}

/** The calendar day of working day `i`. */
export function dayAtIndex(cal: WorkCalendar, i: WorkIndex): Day {
  if (cal.kind === "calendar") return asDay(i);
  // Least fixed point of c = holidays on or before weekdayAt(i + c): the i-th working day.
  let c = 0;
  for (;;) {
    const d = weekdayAt(i + c);
    const next = countBelow(cal.holidays, addDays(d, 1));
    if (next === c) return d;
    c = next;
  }
}

/**
 * dayAtIndex for many indices at once: the days of working days `lo` to `hi` worked out in one
 * walk and looked up (a schedule shows six dates per item); indices outside are computed as usual.
 */
export function dayLookup(cal: WorkCalendar, lo: WorkIndex, hi: WorkIndex): (i: WorkIndex) => Day {
  if (cal.kind === "calendar" || !(hi >= lo) || hi - lo > 1_000_000) return (i) => dayAtIndex(cal, i);
  const table = new Float64Array(hi - lo + 1);
  let d = dayAtIndex(cal, lo);
  for (let i = 0; i < table.length; i++) {
    while (!isWorkingDay(cal, d)) d++;
    table[i] = d++;
  }
  return (i) => (i >= lo && i <= hi ? asDay(table[i - lo]) : dayAtIndex(cal, i));
}

/** The first working day on or after `day`. */
export function nextWorkingDay(cal: WorkCalendar, day: Day): Day {
  return dayAtIndex(cal, indexOnOrAfter(cal, day));
}

/** The last working day on or before `day`. */
export function previousWorkingDay(cal: WorkCalendar, day: Day): Day {
  return dayAtIndex(cal, indexOnOrBefore(cal, day));
}

/** Working days from `start` to `finish`, both included (0 when finish is before start). */
export function workingDaysInclusive(cal: WorkCalendar, start: Day, finish: Day): number {
  return Math.max(0, indexOnOrBefore(cal, finish) - indexOnOrAfter(cal, start) + 1);
}

/** Why a day is not worked, for messages: "a Saturday", "a holiday (Good Friday)". */
export function nonWorkingReason(cal: WorkCalendar, day: Day, names?: ReadonlyMap<Day, string>): string {
  const wd = weekday(day);
  if (wd === 5) return "a Saturday";
  if (wd === 6) return "a Sunday";
  const name = names?.get(day);
  return name ? `a holiday (${name})` : "a holiday";
}

export function describeCalendar(cal: WorkCalendar): string {
  if (cal.kind === "calendar") return "calendar days (every day counts)";
  return cal.holidays.length
    ? `working days (Monday to Friday, less ${cal.holidays.length} holiday${cal.holidays.length === 1 ? "" : "s"})`
    : "working days (Monday to Friday)";
}

// ---------------------------------------------------------------------------------------------
// Working time below a day.
//
// The schedule runs on a working-time index: working minutes counted from the start of the
// working-day index's day 0, so that working day i occupies [i·M, (i + 1)·M) with M the calendar's
// minutes per day. A point on a day boundary is both the end of one working day and the start of
// the next (nothing is worked between them); `asFinish` says which of the two a point is read as.
// A plan in whole days only ever uses multiples of M, so its arithmetic is the working-day index's
// scaled by M, and gives the same days.

/** A position on the working-time index, in working minutes (see above). Not a clock time. */
export type WorkTime = number;

/** A calendar instant: a day and the minutes after its midnight (0–1440). */
export interface Moment {
  day: Day;
  minute: number;
}

/** Working minutes of a working day before `minute` after midnight (0 … minutesPerDay). */
export function workedBefore(cal: WorkCalendar, minute: number): number {
  let n = 0;
  for (const [a, b] of cal.hours) {
    if (minute <= a) break;
    n += Math.min(minute, b) - a;
  }
  return n;
}

/** The clock time of the working minute `offset` into a working day: the end of a stretch when `asFinish`, else the start of the next. */
export function clockAt(cal: WorkCalendar, offset: number, asFinish: boolean): number {
  let left = offset;
  for (let i = 0; i < cal.hours.length; i++) {
    const [a, b] = cal.hours[i];
    const len = b - a;
    if (left < len || (left === len && (asFinish || i === cal.hours.length - 1))) return a + left;
    left -= len;
  }
  return cal.hours[cal.hours.length - 1][1];
}

/** The working-time point of an instant, for a start: the first working minute at or after it. */
export function timeOnOrAfter(cal: WorkCalendar, m: Moment): WorkTime {
  const M = cal.minutesPerDay;
  if (!isWorkingDay(cal, m.day)) return indexOnOrAfter(cal, m.day) * M;
  return workingBefore(cal, m.day) * M + workedBefore(cal, m.minute);
}

/** The working-time point of an instant, for a finish: the last working minute at or before it. */
export function timeOnOrBefore(cal: WorkCalendar, m: Moment): WorkTime {
  const M = cal.minutesPerDay;
  if (!isWorkingDay(cal, m.day)) return (indexOnOrBefore(cal, m.day) + 1) * M;
  return workingBefore(cal, m.day) * M + workedBefore(cal, m.minute);
}

/** The instant of a working-time point: as a finish, a day boundary is the end of the day before; as a start, the start of the day after. */
export function momentAt(cal: WorkCalendar, t: WorkTime, asFinish: boolean): Moment {
  const M = cal.minutesPerDay;
  let k = Math.floor(t / M);
  let x = t - k * M;
  if (x === 0 && asFinish) {
    k -= 1;
    x = M;
  }
  return { day: dayAtIndex(cal, asWorkIndex(k)), minute: clockAt(cal, x, asFinish) };
}

/** The calendar day a point falls on (a finish on a day boundary: the last day of work, as Project shows Finish). */
export function dayOfTime(cal: WorkCalendar, t: WorkTime, asFinish: boolean): Day {
  const M = cal.minutesPerDay;
  const k = Math.floor(t / M);
  return dayAtIndex(cal, asWorkIndex(asFinish && t === k * M ? k - 1 : k));
}

/** Minutes since 1970-01-01 00:00 of an instant (for elapsed time). */
export const minutesOf = (m: Moment): number => m.day * 1440 + m.minute;
export const momentOfMinutes = (n: number): Moment => {
  const day = asDay(Math.floor(n / 1440));
  return { day, minute: n - day * 1440 };
};

// ---------------------------------------------------------------------------------------------
// England and Wales bank holidays.

/** Easter Sunday (the Gregorian computus, Anonymous/Meeus). */
export function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromYmd(year, month, day);
}

function firstMonday(year: number, month: number): Day {
  const first = dayFromYmd(year, month, 1);
  return addDays(first, (7 - weekday(first)) % 7);
}

function lastMonday(year: number, month: number): Day {
  const last = addDays(dayFromYmd(year, month + 1, 1), -1);
  return addDays(last, -weekday(last));
}

export interface Holiday {
  date: Day;
  name: string;
}

/**
 * One-off changes by royal proclamation (gov.uk/bank-holidays and the proclamations under the
 * Banking and Financial Dealings Act 1971): moved days replace the usual one, extra days are added.
 */
const ONE_OFF: Record<
  number,
  { moved?: Record<string, [number, number, string]>; extra?: [number, number, string][] }
> = {
  1995: { moved: { early: [5, 8, "Early May bank holiday (VE Day)"] } },
  1999: { extra: [[12, 31, "Millennium Day"]] },
  2002: { moved: { spring: [6, 4, "Spring bank holiday"] }, extra: [[6, 3, "Golden Jubilee bank holiday"]] },
  2011: { extra: [[4, 29, "Royal wedding"]] },
  2012: { moved: { spring: [6, 4, "Spring bank holiday"] }, extra: [[6, 5, "Queen's Diamond Jubilee"]] },
  2020: { moved: { early: [5, 8, "Early May bank holiday (VE Day)"] } },
  2022: {
    moved: { spring: [6, 2, "Spring bank holiday"] },
    extra: [
      [6, 3, "Platinum Jubilee bank holiday"],
      [9, 19, "State Funeral of Queen Elizabeth II"],
    ],
  },
  2023: { extra: [[5, 8, "Bank holiday for the coronation of King Charles III"]] },
};

/**
 * England and Wales bank holidays for a year: the usual eight (with a substitute weekday when
 * New Year's Day, Christmas Day or Boxing Day falls at a weekend) and the published one-off changes.
 */
export function englandWalesBankHolidays(year: number): Holiday[] {
  const once = ONE_OFF[year] ?? {};
  const at = (key: string, usual: Day, name: string): Holiday => {
    const m = once.moved?.[key];
    return m ? { date: dayFromYmd(year, m[0], m[1]), name: m[2] } : { date: usual, name };
  };
  const out: Holiday[] = [];
  const ny = dayFromYmd(year, 1, 1);
  out.push({
    date: isWeekend(ny) ? addDays(ny, weekday(ny) === 5 ? 2 : 1) : ny,
    name: isWeekend(ny) ? "New Year's Day (substitute day)" : "New Year's Day",
  });
  const easter = easterSunday(year);
  out.push({ date: addDays(easter, -2), name: "Good Friday" }, { date: addDays(easter, 1), name: "Easter Monday" });
  out.push(at("early", firstMonday(year, 5), "Early May bank holiday"));
  out.push(at("spring", lastMonday(year, 5), "Spring bank holiday"));
  out.push({ date: lastMonday(year, 8), name: "Summer bank holiday" });
  const xmas = dayFromYmd(year, 12, 25);
  const wx = weekday(xmas);
  // Christmas on Saturday: Monday 27 and Tuesday 28; on Sunday: Tuesday 27 for Christmas, Monday 26 is Boxing Day.
  if (wx === 5)
    out.push(
      { date: addDays(xmas, 2), name: "Christmas Day (substitute day)" },
      { date: addDays(xmas, 3), name: "Boxing Day (substitute day)" },
    );
  else if (wx === 6)
    out.push(
      { date: addDays(xmas, 1), name: "Boxing Day" },
      { date: addDays(xmas, 2), name: "Christmas Day (substitute day)" },
    );
  else if (wx === 4)
    out.push({ date: xmas, name: "Christmas Day" }, { date: addDays(xmas, 3), name: "Boxing Day (substitute day)" });
  else out.push({ date: xmas, name: "Christmas Day" }, { date: addDays(xmas, 1), name: "Boxing Day" });
  for (const [m, d, name] of once.extra ?? []) out.push({ date: dayFromYmd(year, m, d), name });
  return out.sort((a, b) => a.date - b.date);
}

/** "Good Friday, 2 Apr 2010" — for messages. */
export function describeHoliday(h: Holiday): string {
  return `${h.name}, ${formatDayLong(h.date)}`;
}
