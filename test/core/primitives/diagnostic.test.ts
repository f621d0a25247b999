import { namesUpTo, wholeNumber } from "../../../src/core/primitives/text";
import { compareDiagnostics, sortDiagnostics, type Diagnostic } from "../../../src/core/primitives/diagnostic";
import { isCompleteStatus } from "../../../src/core/status/done";
import { isBlankRow } from "../../../src/core/primitives/snapshot";
import { isPlaceholder } from "../../../src/core/workbook/values";

const d = (severity: Diagnostic["severity"], sheet: string, cell: string, code = "bad-value"): Diagnostic => ({
  severity,
  sheet,
  cell,
  code: code as Diagnostic["code"],
  message: "",
});

describe("diagnostic order", () => {
  it("sorts by severity, sheet, then row before column (B2 before AA10), whole-sheet findings first", () => {
    const sorted = sortDiagnostics([
      d("info", "A", "B2"),
      d("error", "B", "AA10"),
      d("error", "B", "B2"),
      d("error", "B", "C10"),
      d("error", "B", ""),
      d("error", "A", "Z99"),
      d("error", "B", "b3"),
    ]);
    expect(sorted.map((x) => `${x.severity} ${x.sheet}!${x.cell}`)).toEqual([
      "error A!Z99",
      "error B!",
      "error B!b3",
      "error B!B2",
      "error B!C10",
      "error B!AA10",
      "info A!B2",
    ]);
  });
});

describe("small readers", () => {
  it("lists up to a number of names and counts the rest", () => {
    expect(namesUpTo(["A", "B"], 2)).toBe("A, B");
    expect(namesUpTo(["A", "B", "C"], 2)).toBe("A, B and 1 more");
    expect(
      namesUpTo(
        Array.from({ length: 1502 }, (_, i) => `P${i}`),
        2,
      ),
    ).toBe("P0, P1 and 1,500 more");
  });
  it("reads status words the same however often they repeat, past the point where the cache is emptied", () => {
    for (let i = 0; i < 10_050; i++) {
      expect(isCompleteStatus(`Complete: signed off ${i}`)).toBe(true);
      expect(isCompleteStatus(`In progress ${i}`)).toBe(false);
    }
    expect(isCompleteStatus(" Complete: signed off")).toBe(true);
  });
  it("reads placeholders with spaces round them, and nothing longer", () => {
    expect(isPlaceholder("  TBC  ")).toBe(true);
    expect(isPlaceholder("n/a")).toBe(true);
    expect(isPlaceholder("none ")).toBe(true);
    expect(isPlaceholder("None\u00a0")).toBe(true); // a non-breaking space, as pasted from the web
    expect(isPlaceholder("\u00a0\u00a0TBC\u00a0\u00a0")).toBe(true);
    expect(isPlaceholder("nones")).toBe(false);
    expect(isPlaceholder("To be confirmed")).toBe(false);
  });
  it("sees a row as blank only between its columns", () => {
    const sheet = {
      name: "S",
      top: 0,
      left: 1,
      rows: [
        ["x", null, "  ", null],
        [null, "", "y"],
      ],
    };
    expect(isBlankRow(sheet, 0, 2, 4)).toBe(true); // "x" is in column B, left of the range
    expect(isBlankRow(sheet, 0, 1, 4)).toBe(false);
    expect(isBlankRow(sheet, 1, 1, 2)).toBe(true);
    expect(isBlankRow(sheet, 1, 1, 3)).toBe(false);
    expect(isBlankRow(sheet, 5, 0, 9)).toBe(true);
  });
});

describe("diagnostic order on big lists", () => {
  it("matches the comparison one pair at a time, on many sheets, codes and far-down cells", () => {
    const sevs = ["error", "warning", "info"] as const;
    const list: Diagnostic[] = [];
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    for (let i = 0; i < 3000; i++) {
      const row = rand(3) === 0 ? 1_048_576 - rand(10) : rand(50) + 1;
      const col = ["A", "B", "Z", "AA", "XFD"][rand(5)];
      list.push(
        d(
          sevs[rand(3)],
          `Sheet ${rand(7)}`,
          rand(9) === 0 ? "" : `${col}${row}`,
          ["bad-date", "bad-value", "missing-value", "duplicate-id"][rand(4)],
        ),
      );
    }
    const expected = list
      .map((x, i) => ({ x, i }))
      .sort((a, b) => compareDiagnostics(a.x, b.x) || a.i - b.i)
      .map((e) => e.x);
    expect(sortDiagnostics([...list])).toEqual(expected);
    // A cell beyond Excel's grid (text typed as an address) still sorts by the comparison: on the
    // same cell, by code (a key that lost the code's bits would keep the order given).
    const odd = [
      d("error", "S", "A99999999999", "missing-value"),
      d("error", "S", "A99999999999", "bad-value"),
      d("error", "S", "A2"),
    ];
    expect(sortDiagnostics([...odd]).map((x) => `${x.cell} ${x.code}`)).toEqual([
      "A2 bad-value",
      "A99999999999 bad-value",
      "A99999999999 missing-value",
    ]);
  });
});

describe("whole numbers", () => {
  it("are grouped as en-GB writes them, rounded, signs kept", () => {
    for (const n of [0, 7, 999, 1000, 12500, 123456, 1234567.6, -1234, -999999, 2 ** 53, 1e21, NaN, Infinity])
      expect(wholeNumber(n)).toBe(Math.round(n).toLocaleString("en-GB"));
    expect(wholeNumber(-0.4)).toBe("0"); // not "-0"
  });
});
