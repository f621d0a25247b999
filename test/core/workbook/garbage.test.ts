import { asDay } from "../../../src/core/primitives/dates";
import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import type { CellValue } from "../../../src/core/primitives/cell";
import { SHEETS } from "../../../src/core/workbook/schema";

/** A small deterministic shake-out (the property-based suite with fast-check is its own issue). */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

const NASTY: CellValue[] = [
  null,
  "",
  "   ",
  "=1+1",
  "+44",
  "-",
  "@x",
  "TBC",
  "n/a",
  { error: "#REF!" },
  { error: "#N/A" },
  { error: "#VALUE!" },
  -1,
  0,
  0.5,
  1e308,
  -1e-9,
  60,
  2958466,
  true,
  false,
  "31/02/2009",
  "2009-04-01",
  "P1",
  "P1FS+5d",
  "P1SS-3w",
  "🚀 émoji 漢字",
  "x".repeat(5000),
  "Red",
  "purple",
  "3 - Possible",
  "£-1,000",
  "(12)",
  "45%",
  "Complete",
  "Closed",
];

describe("garbage in, diagnostics out", () => {
  it("never throws, and every diagnostic names a sheet and cell on a sheet that exists", () => {
    const rand = rng(42);
    for (let n = 0; n < 150; n++) {
      const sheets = SHEETS.filter(() => rand() < 0.7).map((spec) => {
        const headers: CellValue[] = spec.fields
          .filter(() => rand() < 0.85)
          .map((f) => (rand() < 0.1 ? f.label.toUpperCase() : f.label));
        if (rand() < 0.2) headers.push(headers[0] ?? "ID"); // duplicate header
        const rows: CellValue[][] = [headers];
        const count = Math.floor(rand() * 12);
        for (let r = 0; r < count; r++)
          rows.push(
            headers.map(() => (rand() < 0.5 ? `P${Math.floor(rand() * 5)}` : NASTY[Math.floor(rand() * NASTY.length)])),
          );
        return { name: rand() < 0.2 ? spec.title.toUpperCase() : spec.title, top: 0, left: 0, rows };
      });
      const snapshot = { sheets, tables: [], date1904: rand() < 0.3 };
      const a = analyseWorkbook(snapshot, { asOf: asDay(14640) });
      const names = new Set(sheets.map((s) => s.name));
      for (const d of a.diagnostics) {
        expect(d.message.length).toBeGreaterThan(10);
        if (d.sheet) expect(names.has(d.sheet)).toBe(true);
        if (d.cell) expect(d.cell).toMatch(/^[A-Z]{1,3}\d+$/);
      }
      expect(analyseWorkbook(snapshot, { asOf: asDay(14640) }).diagnostics).toEqual(a.diagnostics); // deterministic
    }
  });
});
