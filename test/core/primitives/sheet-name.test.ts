import { excelSheetName, MAX_SHEET_NAME, withSuffix } from "../../../src/core/primitives/sheet-name";
import { sheetNameFromFile } from "../../../src/core/workbook/csv";

describe("Excel's sheet-name rules (model/sheet-name.ts)", () => {
  it("replaces forbidden characters, drops apostrophes at the ends, avoids History and cuts to 31", () => {
    expect(excelSheetName("Q1: costs / [draft]?")).toBe("Q1- costs - -draft--");
    expect(excelSheetName("'Plan'")).toBe("Plan");
    expect(excelSheetName("history")).toBe("History (report)");
    expect(excelSheetName("x".repeat(40))).toHaveLength(MAX_SHEET_NAME);
    expect(excelSheetName("  ", "Data")).toBe("Data");
  });

  it("keeps a suffix within 31 characters", () => {
    expect(withSuffix("y".repeat(31), " (2)")).toBe(`${"y".repeat(27)} (2)`);
  });

  it("names a CSV's sheet from its file by the same rules", () => {
    expect(sheetNameFromFile("C:\\data\\Risks: 2026.csv")).toBe("Risks- 2026");
    expect(sheetNameFromFile("History.csv")).toBe("History (report)");
    expect(sheetNameFromFile(".csv")).toBe("Data");
  });
});
