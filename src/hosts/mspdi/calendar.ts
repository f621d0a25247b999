import type { SnapshotProblem } from "../../core/primitives/snapshot";
import { find, findAll, type XmlNode } from "../xlsx/xml";
import { listOf, text } from "./nodes";
import { wholeNumber } from "../../core/primitives/text";

/**
 * The project calendar of an MSPDI file (root CalendarUID), as the core's Settings and Holidays
 * hold it: minutes per day/week and days per month (Project's Options ▸ Schedule, written as
 * MinutesPerDay, MinutesPerWeek, DaysPerMonth), the working hours of a working weekday, and the
 * non-working days its exceptions name. Calendars derive from a base (BaseCalendarUID): the
 * base's week days and exceptions apply unless the calendar sets its own. Exceptions are written
 * two ways: Project 2003's <WeekDay> with DayType 0 and a TimePeriod, and Project 2007's
 * <Exceptions><Exception> with a recurrence Type (Microsoft, PjExceptionType: 1 daily, 2 yearly on
 * a day of a month, 3 yearly positional, 4 monthly on a day, 5 monthly positional, 6 weekly,
 * 7 daily by a count of days, 8 by a count of weekdays), Period (every Nth) and Occurrences.
 */
export interface ProjectCalendar {
  minutesPerDay: number;
  minutesPerWeek: number;
  daysPerMonth: number;
  /** The project's default DurationFormat (7: days). */
  durationFormat: number;
  /** "08:00-12:00, 13:00-17:00": a working weekday's hours; null when the file gives none. */
  workingHours: string | null;
  holidays: { date: string; name: string }[];
}

/** At most this many holiday rows: ten years of days, far beyond a real calendar's exceptions. */
const MAX_HOLIDAYS = 3660;
const DAY_MS = 86_400_000;

export function calendarOf(root: XmlNode, problems: SnapshotProblem[]): ProjectCalendar {
  const num = (local: string, fallback: number) => {
    const v = Number(text(root, local));
    return text(root, local) !== "" && Number.isFinite(v) && v > 0 ? v : fallback;
  };
  const out: ProjectCalendar = {
    minutesPerDay: num("MinutesPerDay", 480),
    minutesPerWeek: num("MinutesPerWeek", 2400),
    daysPerMonth: num("DaysPerMonth", 20),
    durationFormat: num("DurationFormat", 7),
    workingHours: null,
    holidays: [],
  };
  const chain = baseChain(calendarsByUid(root), text(root, "CalendarUID"));
  if (!chain.length) return out;
  const name = text(chain[0], "Name") || "the project calendar";
  const weekDays = new Map<number, XmlNode>();
  for (const c of chain.slice().reverse()) {
    const wd = find(c, "WeekDays");
    for (const d of wd ? findAll(wd, "WeekDay") : []) {
      const type = Number(text(d, "DayType"));
      if (type >= 1 && type <= 7) weekDays.set(type, d);
      else if (type === 0 && text(d, "DayWorking") !== "1")
        addPeriod(out, find(d, "TimePeriod"), 1, 1, "", problems, name);
    }
    const ex = find(c, "Exceptions");
    for (const e of ex ? findAll(ex, "Exception") : []) exception(out, e, problems, name);
  }
  out.workingHours = workingHours(weekDays.get(2));
  const odd = [1, 2, 3, 4, 5, 6, 7].filter(
    (t) => weekDays.has(t) && (text(weekDays.get(t)!, "DayWorking") === "1") !== (t >= 2 && t <= 6),
  );
  if (odd.length)
    problems.push({
      sheet: "Task_Table",
      cell: "",
      message: `${name} works ${odd.map((t) => ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][t - 1] + (text(weekDays.get(t)!, "DayWorking") === "1" ? "s" : "s off")).join(", ")}; this tool's calendar is Monday to Friday, so those days are not followed`,
    });
  out.holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}

/** The file's calendars by UID. */
export function calendarsByUid(root: XmlNode): Map<string, XmlNode> {
  return new Map(listOf(root, "Calendars", "Calendar").map((c) => [text(c, "UID"), c]));
}

/** A calendar and the base calendars it derives from (BaseCalendarUID), nearest first, up to (not including) `stopAt`. */
export function baseChain(byUid: ReadonlyMap<string, XmlNode>, uid: string, stopAt?: string): XmlNode[] {
  const chain: XmlNode[] = [];
  for (
    let u = uid, c = byUid.get(u);
    u !== stopAt && c && !chain.includes(c);
    u = text(c, "BaseCalendarUID"), c = byUid.get(u)
  )
    chain.push(c);
  return chain;
}

function workingHours(day: XmlNode | undefined): string | null {
  const times = day ? find(day, "WorkingTimes") : undefined;
  if (!times) return null;
  const spans = findAll(times, "WorkingTime").map(
    (w) => `${text(w, "FromTime").slice(0, 5)}-${text(w, "ToTime").slice(0, 5)}`,
  );
  return spans.length ? spans.join(", ") : null;
}

function exception(out: ProjectCalendar, e: XmlNode, problems: SnapshotProblem[], calendar: string): void {
  if (text(e, "DayWorking") === "1") {
    problems.push({
      sheet: "Task_Table",
      cell: "",
      message: `${calendar}'s exception "${text(e, "Name")}" makes days working; this tool's calendar cannot add working days, so it is not followed`,
    });
    return;
  }
  const type = Number(text(e, "Type") || "1");
  const period = Math.max(1, Number(text(e, "Period") || "1") || 1);
  const occurrences = Number(text(e, "Occurrences") || "0") || Infinity;
  if (type === 1 || type === 7)
    addPeriod(out, find(e, "TimePeriod"), period, occurrences, text(e, "Name"), problems, calendar);
  else if (type === 2) yearly(out, find(e, "TimePeriod"), text(e, "Name"));
  else
    problems.push({
      sheet: "Task_Table",
      cell: "",
      message: `${calendar}'s recurring exception "${text(e, "Name")}" (a monthly, weekly or positional pattern) is not read: add its days to the Holidays sheet`,
    });
}

function utcDay(v: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : null;
}

const iso = (d: number) => new Date(d * DAY_MS).toISOString().slice(0, 10);

/** Every Nth day from a period's first day to its last, as holidays. */
function addPeriod(
  out: ProjectCalendar,
  tp: XmlNode | undefined,
  every: number,
  occurrences: number,
  name: string,
  problems: SnapshotProblem[],
  calendar: string,
): void {
  const from = tp ? utcDay(text(tp, "FromDate")) : null;
  const to = tp ? utcDay(text(tp, "ToDate")) : null;
  if (from === null || to === null) return;
  let n = 0;
  for (let d = from; d <= to && n < occurrences; d += every, n++) {
    if (out.holidays.length >= MAX_HOLIDAYS) {
      problems.push({
        sheet: "Holidays",
        cell: "",
        message: `${calendar} names more than ${wholeNumber(MAX_HOLIDAYS)} non-working days; the first ${wholeNumber(MAX_HOLIDAYS)} are read`,
      });
      return;
    }
    out.holidays.push({ date: iso(d), name });
  }
}

/** A yearly exception on a day of a month: that day (its first occurrence's) in each year of its period. */
function yearly(out: ProjectCalendar, tp: XmlNode | undefined, name: string): void {
  const from = tp ? text(tp, "FromDate") : "";
  const to = tp ? text(tp, "ToDate") : "";
  const m = /^(\d{4})-(\d{2}-\d{2})/.exec(from);
  const last = Number(to.slice(0, 4));
  if (!m || !Number.isFinite(last)) return;
  for (let y = Number(m[1]); y <= Math.min(last, Number(m[1]) + 50); y++)
    out.holidays.push({ date: `${y}-${m[2]}`, name });
}
