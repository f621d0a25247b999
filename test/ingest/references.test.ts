import { parseRef, splitRefs } from "../../src/ingest/references";

const known = new Set(["P02", "M14", "PFS", "P1"]);
const isKnown = (id: string) => known.has(id.toUpperCase());

describe("dependency references", () => {
  it("reads Microsoft Project's style", () => {
    expect(parseRef("P02", isKnown)).toEqual({ id: "P02", type: "FS", lag: 0 });
    expect(parseRef("P02FS+10d", isKnown)).toEqual({ id: "P02", type: "FS", lag: 10 });
    expect(parseRef("M14SS-5d", isKnown)).toEqual({ id: "M14", type: "SS", lag: -5 });
    expect(parseRef("P02 FF +2w", isKnown)).toEqual({ id: "P02", type: "FF", lag: 14 });
    expect(parseRef("p02sf+3 days", isKnown)).toEqual({ id: "p02", type: "SF", lag: 3 });
    expect(parseRef("P1+7", isKnown)).toEqual({ id: "P1", type: "FS", lag: 7 });
  });
  it("takes a known ID whole even when it ends like a link type", () => {
    expect(parseRef("PFS", isKnown)).toEqual({ id: "PFS", type: "FS", lag: 0 });
  });
  it("returns unknown IDs for the caller to report", () => {
    expect(parseRef("X99", isKnown)).toEqual({ id: "X99", type: "FS", lag: 0 });
  });
  it("splits lists on commas, semicolons and new lines", () => {
    expect(splitRefs("P02, P03FS+10d; M14SS-5d\nM15")).toEqual(["P02", "P03FS+10d", "M14SS-5d", "M15"]);
    expect(splitRefs(" , ")).toEqual([]);
  });
});
