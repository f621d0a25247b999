import {
  a1,
  columnIndex,
  columnLetters,
  MAX_COL,
  MAX_ROW,
  parseA1,
  parseRange,
  quoteSheetName,
  rangeAddress,
  scanA1,
} from "../../../src/core/primitives/cell";

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

describe("cell references (moved from the .xlsx host's XML module, which now uses these)", () => {
  test("columnLetters and a1 up to XFD1048576", () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
    expect(a1(0, 0)).toBe("A1");
    expect(a1(1048575, 16383)).toBe("XFD1048576");
    expect(a1(MAX_ROW, MAX_COL)).toBe("XFD1048576");
  });

  test("scanA1 reads letters then digits in a span, beyond the grid too", () => {
    const at = { row: -9, col: -9 };
    expect(scanA1('<c r="B7">', 6, 8, at)).toBe(true);
    expect(at).toEqual({ row: 6, col: 1 });
    expect(scanA1("xfe3", 0, 4, at)).toBe(true);
    expect(at).toEqual({ row: 2, col: 16384 });
    expect(scanA1("A0", 0, 2, at)).toBe(true);
    expect(at.row).toBe(-1);
    for (const bad of ["", "A", "7", "B7x", "$B$7", "B-7"]) expect(scanA1(bad, 0, bad.length, at)).toBe(false);
  });
});
