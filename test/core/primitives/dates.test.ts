import {
  dayFromSerial,
  dayFromYmd,
  formatDay,
  formatDayLong,
  parseDateText,
  parseIsoDay,
  serialFromDay,
  type Day,
} from "../../../src/core/primitives/dates";

const iso = (d: Day | null) => (d === null ? null : formatDay(d));

describe("Excel serial dates", () => {
  it("reads the 1900 system, including the phantom 29 February 1900", () => {
    expect(iso(dayFromSerial(1, false))).toBe("1900-01-01");
    expect(iso(dayFromSerial(59, false))).toBe("1900-02-28");
    expect(dayFromSerial(60, false)).toBeNull(); // 1900-02-29 never existed
    expect(iso(dayFromSerial(61, false))).toBe("1900-03-01");
    expect(iso(dayFromSerial(36526, false))).toBe("2000-01-01"); // Microsoft's own example
    expect(iso(dayFromSerial(39904, false))).toBe("2009-04-01");
    expect(iso(dayFromSerial(39904.75, false))).toBe("2009-04-01"); // time of day dropped
  });

  it("reads the 1904 system", () => {
    expect(iso(dayFromSerial(0, true))).toBe("1904-01-01");
    expect(iso(dayFromSerial(39904 - 1462, true))).toBe("2009-04-01");
  });

  it("rejects serials outside Excel's range", () => {
    expect(dayFromSerial(0, false)).toBeNull();
    expect(dayFromSerial(-5, false)).toBeNull();
    expect(dayFromSerial(3_000_000, false)).toBeNull();
    expect(dayFromSerial(Number.NaN, false)).toBeNull();
  });

  it("writes serials back in either system", () => {
    for (const s of [1, 59, 61, 36526, 40268]) expect(serialFromDay(dayFromSerial(s, false)!, false)).toBe(s);
    for (const s of [0, 100, 38441]) expect(serialFromDay(dayFromSerial(s, true)!, true)).toBe(s);
  });
});

describe("dates typed as text", () => {
  it.each([
    ["2009-03-31", "2009-03-31"],
    ["2009-03-31T00:00:00Z", "2009-03-31"],
    ["31/03/2009", "2009-03-31"],
    ["1/4/2009", "2009-04-01"], // en-GB: day first
    ["31-03-09", "2009-03-31"],
    ["31.3.2009", "2009-03-31"],
    ["31 March 2009", "2009-03-31"],
    ["1st Apr 2010", "2010-04-01"],
    ["31-Mar-09", "2009-03-31"],
  ])("%s → %s", (text, want) => {
    expect(iso(parseDateText(text))).toBe(want);
  });

  it.each(["31/02/2009", "next week", "2009-13-01", "Q3", "13/13/2013", ""])("rejects %p", (text) => {
    expect(parseDateText(text)).toBeNull();
  });

  it("parses strict ISO for flags", () => {
    expect(iso(parseIsoDay("2010-01-31"))).toBe("2010-01-31");
    expect(parseIsoDay("31/01/2010")).toBeNull();
  });

  it("formats for board papers", () => {
    expect(formatDayLong(dayFromYmd(2009, 3, 31))).toBe("31 Mar 2009");
    // Inside the cached span and outside it, twice each (the second read comes from the cache).
    for (const [y, m, d, text] of [
      [1900, 1, 1, "1 Jan 1900"],
      [2199, 12, 31, "31 Dec 2199"],
      [1899, 12, 31, "31 Dec 1899"],
      [2400, 2, 29, "29 Feb 2400"],
    ] as const)
      for (let i = 0; i < 2; i++) expect(formatDayLong(dayFromYmd(y, m, d))).toBe(text);
  });
});
