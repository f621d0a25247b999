import { namePlaceOfOtherFiles } from "../../../src/core/report/provenance-cells";
import { SheetLayout } from "../../../src/core/report/layout";
import { cell } from "../../../src/core/report/plan";

const external = new Set(["estates.xlsx › Projects"]);

describe("report cells for rows of another file", () => {
  it("names the file, sheet and cell instead of linking; links within the workbook stay live", () => {
    expect(
      namePlaceOfOtherFiles(cell("P04", "link", { sheet: "estates.xlsx › Projects", cell: "A5" }), external),
    ).toEqual({ v: "P04\nestates.xlsx › Projects!A5", s: "wrap" });
    expect(
      namePlaceOfOtherFiles(cell("A5", "link", { sheet: "estates.xlsx › Projects", cell: "A5" }), external),
    ).toEqual({ v: "A5", s: "wrap" });
    const own = cell("R01", "link", { sheet: "Risks", cell: "A2" });
    expect(namePlaceOfOtherFiles(own, external)).toBe(own);
    const key = cell("Board", "link", { sheetKey: "board", cell: "A1" });
    expect(namePlaceOfOtherFiles(key, external)).toBe(key);
  });

  it("is applied as a sheet is laid out, so the row is tall enough for the place", () => {
    const L = new SheetLayout([8, 30], external);
    L.put([[cell("P04", "link", { sheet: "estates.xlsx › Projects", cell: "A5" }), cell("Refit", "wrap")]]);
    expect(L.blocks[0].cells[0][0]).toEqual({ v: "P04\nestates.xlsx › Projects!A5", s: "wrap" });
    expect(L.heights[0]).toBeGreaterThan(15);
  });
});
