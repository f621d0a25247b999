import {
  asWorkIndex,
  dayAtIndex,
  dayLookup,
  easterSunday,
  englandWalesBankHolidays,
  indexOnOrAfter,
  indexOnOrBefore,
  isWorkingDay,
  makeCalendar,
  workingDaysInclusive,
} from "../../../src/core/primitives/calendar";
import { dayFromYmd, formatDay } from "../../../src/core/primitives/dates";

const d = (iso: string) => {
  const [y, m, dd] = iso.split("-").map(Number);
  return dayFromYmd(y, m, dd);
};

describe("England and Wales bank holidays", () => {
  // gov.uk's own data, alphagov/frontend lib/data/bank-holidays.json (division england-and-wales,
  // last_updated 24/11/2025): every date for 2019–2028, one-off changes included.
  const GOV_UK: Record<number, string[]> = {
    2019: ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"],
    2020: ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"],
    2021: ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"],
    2022: ["01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"],
    2023: ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"],
    2024: ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
    2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
    2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
    2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
    2028: ["01-03", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"],
  };
  it.each(Object.entries(GOV_UK))("%s matches gov.uk", (year, dates) => {
    expect(englandWalesBankHolidays(Number(year)).map((h) => formatDay(h.date).slice(5))).toEqual(dates);
  });
  it("includes the 2012 jubilee change (gov.uk's first data) and the royal wedding of 2011", () => {
    const y2012 = englandWalesBankHolidays(2012).map((h) => formatDay(h.date));
    expect(y2012).toEqual(expect.arrayContaining(["2012-06-04", "2012-06-05"]));
    expect(y2012).not.toContain("2012-05-28");
    expect(englandWalesBankHolidays(2011).map((h) => formatDay(h.date))).toContain("2011-04-29");
  });
  it("computes Easter", () => {
    expect(formatDay(easterSunday(2010))).toBe("2010-04-04");
    expect(formatDay(easterSunday(2026))).toBe("2026-04-05");
    expect(formatDay(easterSunday(2038))).toBe("2038-04-25");
  });
});

describe("the working-day index", () => {
  const cal = makeCalendar("working", [d("2026-04-03"), d("2026-04-06"), d("2026-04-04")]);
  it("skips weekends and holidays, in both directions", () => {
    expect(isWorkingDay(cal, d("2026-04-02"))).toBe(true);
    expect(isWorkingDay(cal, d("2026-04-03"))).toBe(false);
    expect(formatDay(dayAtIndex(cal, indexOnOrAfter(cal, d("2026-04-03"))))).toBe("2026-04-07");
    expect(formatDay(dayAtIndex(cal, indexOnOrBefore(cal, d("2026-04-06"))))).toBe("2026-04-02");
    expect(workingDaysInclusive(cal, d("2026-04-02"), d("2026-04-08"))).toBe(3);
  });
  it("round-trips every day over decades, before and after the epoch", () => {
    const many = makeCalendar(
      "working",
      englandWalesBankHolidays(1969)
        .concat(englandWalesBankHolidays(2030))
        .map((h) => h.date),
    );
    let prev = indexOnOrAfter(many, d("1968-12-30")) - 1;
    for (let day = d("1968-12-30"); day <= d("2031-01-10"); day++) {
      const i = indexOnOrAfter(many, day);
      if (isWorkingDay(many, day)) {
        expect(dayAtIndex(many, i)).toBe(day);
        expect(i).toBe(prev + 1);
        prev = i;
      } else expect(dayAtIndex(many, i)).toBeGreaterThan(day);
    }
  });
  it("looks many indices up as dayAtIndex computes them, inside its span and out", () => {
    const many = makeCalendar(
      "working",
      englandWalesBankHolidays(2025)
        .concat(englandWalesBankHolidays(2026))
        .map((h) => h.date),
    );
    const lo = indexOnOrAfter(many, d("2025-03-01"));
    const hi = indexOnOrAfter(many, d("2026-06-30"));
    const look = dayLookup(many, lo, hi);
    for (let i = lo - 40; i <= hi + 40; i++) expect(look(asWorkIndex(i))).toBe(dayAtIndex(many, asWorkIndex(i)));
  });
  it("is the day itself in calendar-days mode", () => {
    const c = makeCalendar("calendar", [d("2026-04-03")]);
    expect(indexOnOrAfter(c, d("2026-04-04"))).toBe(d("2026-04-04"));
    expect(isWorkingDay(c, d("2026-04-03"))).toBe(true);
  });
});
