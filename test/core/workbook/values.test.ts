import {
  parseNumberText,
  readLevel,
  readNumber,
  readPercent,
  readRag,
  readDate,
  readRiskLevel,
} from "../../../src/core/workbook/values";
import { formatDay } from "../../../src/core/primitives/dates";

describe("numbers", () => {
  it.each([
    ["1200", 1200],
    ["£1,200", 1200],
    ["1,200.50", 1200.5],
    ["(1,200)", -1200],
    ["-£300", -300],
    ["£-300", -300],
    ["12k", 12000],
    [" 45 ", 45],
  ])("%s → %d", (text, want) => {
    expect(parseNumberText(text)?.value).toBe(want);
  });
  it.each(["twelve", "1.2.3", "£", "12,34", ""])("rejects %p", (t) => {
    expect(parseNumberText(t)).toBeNull();
  });
  it("reads cells: blank and placeholders are empty, errors are problems", () => {
    expect(readNumber(null)).toEqual({ ok: true, value: null });
    expect(readNumber("TBC")).toEqual({ ok: true, value: null });
    expect(readNumber({ error: "#REF!" })).toEqual({ ok: false, problem: "holds the error #REF!" });
    expect(readNumber(true).ok).toBe(false);
  });
});

describe("percentages", () => {
  it("takes text with a % sign as written", () => {
    expect(readPercent("45%", false)).toEqual({ ok: true, value: 45 });
    expect(readPercent("45%", true)).toEqual({ ok: true, value: 45 });
  });
  it("takes numbers as fractions only in a fraction column", () => {
    expect(readPercent(0.45, true)).toEqual({ ok: true, value: 45 });
    expect(readPercent(45, false)).toEqual({ ok: true, value: 45 });
  });
  it("reads Project's exponent notation, as text or number, without binary noise", () => {
    expect(parseNumberText("2.9999999999999999E-2")?.value).toBeCloseTo(0.03, 12);
    expect(readPercent("2.9999999999999999E-2", true)).toEqual({ ok: true, value: 3 });
    expect(readPercent("1E0", true)).toEqual({ ok: true, value: 100 });
    expect(readPercent(0.07, true)).toEqual({ ok: true, value: 7 }); // 0.07 × 100 is 7.000000000000001 in binary
    expect(readPercent("25%", true)).toEqual({ ok: true, value: 25 });
    expect(parseNumberText("E-2")).toBeNull();
  });
});

describe("scores", () => {
  it("reads whole levels and '3 - Possible' forms", () => {
    expect(readLevel(4)).toEqual({ ok: true, value: 4 });
    expect(readLevel("3 - Possible")).toEqual({ ok: true, value: 3 });
    expect(readLevel("4 (Likely)")).toEqual({ ok: true, value: 4 });
    expect(readLevel("high-ish").ok).toBe(false);
  });
  it("reads a risk's likelihood and impact in the NPSA words, or as High/Medium/Low, saying which scale", () => {
    expect(readRiskLevel("Almost certain", "likelihood")).toEqual({ ok: true, value: { n: 5, kind: "npsa" } });
    expect(readRiskLevel("Catastrophic", "impact")).toEqual({ ok: true, value: { n: 5, kind: "npsa" } });
    expect(readRiskLevel("Insignificant", "impact")).toEqual({ ok: true, value: { n: 1, kind: "npsa" } });
    expect(readRiskLevel("Extreme", "impact")).toEqual({ ok: true, value: { n: 5, kind: "npsa" } });
    expect(readRiskLevel("MEDIUM", "likelihood")).toEqual({ ok: true, value: { n: 2, kind: "hml" } });
    expect(readRiskLevel("Very High", "impact")).toEqual({ ok: true, value: { n: 5, kind: "hml5" } });
    expect(readRiskLevel("4 - Likely", "likelihood")).toEqual({ ok: true, value: { n: 4, kind: "number" } });
    expect(readRiskLevel("huge", "impact").ok).toBe(false);
  });
});

describe("RAG cells", () => {
  it("reads words and rejects others with a hint", () => {
    expect(readRag("amber")).toEqual({ ok: true, value: "Amber" });
    const r = readRag("Purple");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain("Red, Amber, Green or Blue");
  });
});

describe("date cells", () => {
  it("reads serials in the workbook's system and text", () => {
    const d = (v: Parameters<typeof readDate>[0], s = false) => {
      const r = readDate(v, s);
      return r.ok && r.value !== null ? formatDay(r.value) : r.ok ? null : "bad";
    };
    expect(d(40268)).toBe("2010-03-31");
    expect(d(40268 - 1462, true)).toBe("2010-03-31");
    expect(d("31/03/2010")).toBe("2010-03-31");
    expect(d("n/a")).toBeNull();
    expect(d("soon")).toBe("bad");
    expect(d({ error: "#VALUE!" })).toBe("bad");
  });
});
