import { looksTyped, parseLag, parseRef, splitRefs } from "../../../src/core/schedule/references";

const known = new Set(["P02", "M14", "PFS", "P1", "3", "12"]);
const isKnown = (id: string) => known.has(id.toUpperCase());
const wd = (value: number) => ({ value, unit: "wd" });

describe("dependency references", () => {
  it("reads our style", () => {
    expect(parseRef("P02", isKnown)).toEqual({ id: "P02", type: "FS", lag: wd(0) });
    expect(parseRef("P02FS+10d", isKnown)).toEqual({ id: "P02", type: "FS", lag: wd(10) });
    expect(parseRef("M14SS-5d", isKnown)).toEqual({ id: "M14", type: "SS", lag: wd(-5) });
    expect(parseRef("P02 FF +2w", isKnown)).toEqual({ id: "P02", type: "FF", lag: wd(10) });
    expect(parseRef("p02sf+3 days", isKnown)).toEqual({ id: "p02", type: "SF", lag: wd(3) });
    expect(parseRef("P1+7", isKnown)).toEqual({ id: "P1", type: "FS", lag: wd(7) });
  });
  it("reads Microsoft Project's spellings (Predecessors task field; Project 98's own output)", () => {
    expect(parseRef("3FS+2 days", isKnown)).toEqual({ id: "3", type: "FS", lag: wd(2) });
    expect(parseRef("5SS", isKnown)).toEqual({ id: "5", type: "SS", lag: wd(0) });
    expect(parseRef("12FF-1 day", isKnown)).toEqual({ id: "12", type: "FF", lag: wd(-1) });
    expect(parseRef("4FS+50%", isKnown)).toEqual({ id: "4", type: "FS", lag: { value: 50, unit: "pct" } });
    expect(parseRef("6FS-2 days", isKnown)).toEqual({ id: "6", type: "FS", lag: wd(-2) });
    expect(parseRef("1SS3", isKnown)).toEqual({ id: "1", type: "SS", lag: wd(3) });
    expect(parseRef("7FS+1w", isKnown)).toEqual({ id: "7", type: "FS", lag: wd(5) });
    expect(parseRef("9FS+2ed", isKnown)).toEqual({ id: "9", type: "FS", lag: { value: 2, unit: "ed" } });
  });
  it("reads Smartsheet's (a space before the sign)", () => {
    expect(parseRef("2FS +1d", isKnown)).toEqual({ id: "2", type: "FS", lag: wd(1) });
    expect(parseRef("4FF -2d", isKnown)).toEqual({ id: "4", type: "FF", lag: wd(-2) });
  });
  it("takes a known ID whole even when it ends like a link type", () => {
    expect(parseRef("PFS", isKnown)).toEqual({ id: "PFS", type: "FS", lag: wd(0) });
  });
  it("knows which IDs could be misread as another ID with a link type or lag", () => {
    for (const id of ["PFS", "A-2", "B+1d", "CSS", "7FF"]) expect(looksTyped(id)).toBe(true);
    for (const id of ["P01", "M14", "Q-X", "ABC"]) expect(looksTyped(id)).toBe(false);
    // With no such ID in the workbook the token is parsed first, and the answer is the same.
    for (const t of ["P02", "p02 ", "P02FS+10d", "M14 ss -5d", "PFS+2", "X9", "P1+7"])
      expect(parseRef(t, isKnown, false)).toEqual(parseRef(t, isKnown, true));
  });
  it("never reads the digits of an ID as a lag", () => {
    expect(parseRef("X99", isKnown)).toEqual({ id: "X99", type: "FS", lag: wd(0) });
    expect(parseRef("P03FS+3x", isKnown)).toEqual({ id: "P03FS+3x", type: "FS", lag: wd(0) });
  });
  it("splits lists on commas, semicolons and new lines", () => {
    expect(splitRefs("P02, P03FS+10d; M14SS-5d\nM15")).toEqual(["P02", "P03FS+10d", "M14SS-5d", "M15"]);
    expect(splitRefs(" , ")).toEqual([]);
  });
});

describe("lags", () => {
  it.each([
    ["3", wd(3)],
    ["+2d", wd(2)],
    ["2 days", wd(2)],
    ["1.5wk?", wd(8)],
    ["1mo", wd(20)],
    ["2 mons", wd(40)],
    ["6h", wd(1)],
    ["9 hrs", wd(2)],
    ["-6h", wd(-1)],
    ["30m", wd(1)],
    ["3ed", { value: 3, unit: "ed" }],
    ["2ew", { value: 14, unit: "ed" }],
    ["1emo", { value: 30, unit: "ed" }],
    ["30eh", { value: 2, unit: "ed" }],
    ["50%", { value: 50, unit: "pct" }],
  ])("%s", (text, want) => expect(parseLag(text)).toEqual(want));
  it("refuses what is not a lag", () => {
    expect(parseLag("soon")).toBeNull();
    expect(parseLag("3 fortnights")).toBeNull();
  });
});

describe("lags shared", () => {
  it("gives one frozen object per whole lag, and a fresh one otherwise", () => {
    expect(parseLag("+2d")).toBe(parseLag("2 days"));
    expect(parseLag("50%")).toBe(parseRef("P1FS+50%", () => false)!.lag);
    expect(Object.isFrozen(parseLag("3ed"))).toBe(true);
    expect(parseLag("-0d")).toEqual({ value: 0, unit: "wd" });
  });
});
