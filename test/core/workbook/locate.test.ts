import fc from "fast-check";
import { editDistance } from "../../../src/core/workbook/locate";

/** The textbook table (optimal string alignment), filled in whole: what editDistance must agree with. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i ? (j ? 0 : i) : j)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

describe("the edit distance a misspelt header is matched by", () => {
  it("counts an adjacent swap as one edit, as people mistype headers", () => {
    expect(editDistance("likelihood", "likelyhood")).toBe(1);
    expect(editDistance("baselinedate", "baselinedtae")).toBe(1);
    expect(editDistance("mitigation", "mitgation")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("is the textbook table's answer, and past a bound says only that it is past it", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const full = reference(a, b);
        expect(editDistance(a, b)).toBe(full);
        expect(editDistance(a, b, max)).toBe(Math.min(full, max + 1));
      }),
      { numRuns: 2000 },
    );
  });
});
