import { MONTH_NAMES } from "../primitives/dates";
import { addDays, dayFromYmd, formatDayLong, ymdFromDay, type Day } from "../primitives/dates";
import type { PeriodKind } from "./entities";

/**
 * The reporting period, defined once: every sheet's "this period" and "next period" read it.
 *  - monthly: the calendar month holding the as-of date;
 *  - four-weekly: 28-day periods counted from 1 April (the NHS financial year), the 13th running
 *    to 31 March;
 *  - quarterly: the quarter holding the as-of date (April–June, July–September, …).
 */
export interface ReportingPeriod {
  kind: PeriodKind;
  /** First and last day of the period holding the as-of date. */
  start: Day;
  end: Day;
  /** First and last day of the period after it. */
  nextStart: Day;
  nextEnd: Day;
  /** "February 2010", "Period 11 2009/10", "Q4 2009/10". */
  label: string;
  nextLabel: string;
}

function monthBounds(y: number, m: number): [Day, Day] {
  return [dayFromYmd(y, m, 1), addDays(dayFromYmd(y, m + 1, 1), -1)];
}

const MONTHS = MONTH_NAMES;

/** The financial year (starting 1 April) holding a day: 2009 for 2009/10. */
function financialYear(day: Day): number {
  const { y, m } = ymdFromDay(day);
  return m >= 4 ? y : y - 1;
}

const fy = (y: number) => `${y}/${String((y + 1) % 100).padStart(2, "0")}`;

/** The period of a kind that holds `day`: its bounds and label. */
export function periodHolding(kind: PeriodKind, day: Day): { start: Day; end: Day; label: string } {
  const { y, m } = ymdFromDay(day);
  if (kind === "monthly") {
    const [start, end] = monthBounds(y, m);
    return { start, end, label: `${MONTHS[m - 1]} ${y}` };
  }
  if (kind === "quarterly") {
    const first = m - ((m - 1) % 3);
    const start = dayFromYmd(y, first, 1);
    const end = addDays(dayFromYmd(y, first + 3, 1), -1);
    const q = ((Math.floor((first - 1) / 3) + 3) % 4) + 1; // April–June is Q1
    return { start, end, label: `Q${q} ${fy(financialYear(day))}` };
  }
  const year = financialYear(day);
  const yearStart = dayFromYmd(year, 4, 1);
  const yearEnd = addDays(dayFromYmd(year + 1, 4, 1), -1);
  const n = Math.min(12, Math.floor((day - yearStart) / 28));
  const start = addDays(yearStart, n * 28);
  const end = n === 12 ? yearEnd : addDays(start, 27);
  return { start, end, label: `Period ${n + 1} ${fy(year)}` };
}

export function reportingPeriod(kind: PeriodKind, asOf: Day): ReportingPeriod {
  const now = periodHolding(kind, asOf);
  const next = periodHolding(kind, addDays(now.end, 1));
  return {
    kind,
    start: now.start,
    end: now.end,
    nextStart: next.start,
    nextEnd: next.end,
    label: now.label,
    nextLabel: next.label,
  };
}

/** "1 Feb 2010 to 28 Feb 2010". */
export function periodRange(start: Day, end: Day): string {
  return `${formatDayLong(start)} to ${formatDayLong(end)}`;
}

/** The last report before the as-of date: the latest date among the rows before it, or null (RAG History, Plan Snapshots). */
export function previousReportDate(rows: readonly { date: Day }[], asOf: Day): Day | null {
  let date: Day | null = null;
  for (const r of rows) if (r.date < asOf && (date === null || r.date > date)) date = r.date;
  return date;
}
