import {
  a1,
  columnIndex,
  columnLetters,
  parseA1,
  parseRange,
  quoteSheetName,
  rangeAddress,
} from "../../src/model/cell";

describe("cell addresses", () => {
  it("converts columns both ways", () => {
    for (const [i, s] of [
      [0, "A"],
      [25, "Z"],
      [26, "AA"],
      [701, "ZZ"],
      [702, "AAA"],
      [16383, "XFD"],
    ] as const) {
      expect(columnLetters(i)).toBe(s);
      expect(columnIndex(s)).toBe(i);
    }
  });
  it("reads and writes A1 references", () => {
    expect(a1(0, 0)).toBe("A1");
    expect(parseA1("$C$7")).toEqual({ row: 6, col: 2 });
    expect(parseA1("Risks")).toBeNull();
    expect(parseRange("B2:D10")).toEqual({ top: 1, left: 1, bottom: 9, right: 3 });
    expect(rangeAddress({ top: 0, left: 0, bottom: 0, right: 0 })).toBe("A1");
  });
  it("quotes sheet names that need it", () => {
    expect(quoteSheetName("Projects")).toBe("Projects");
    expect(quoteSheetName("Risk Log")).toBe("'Risk Log'");
    expect(quoteSheetName("O'Neil")).toBe("'O''Neil'");
    expect(quoteSheetName("A1")).toBe("'A1'");
  });
});
