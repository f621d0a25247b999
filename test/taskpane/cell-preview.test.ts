import { cellPreview, showValue } from "../../src/taskpane/services/cell-preview";
import type { WorkbookSnapshot } from "../../src/core/primitives/snapshot";

const snap: WorkbookSnapshot = {
  date1904: false,
  tables: [],
  sheets: [
    {
      name: "Projects",
      top: 0,
      left: 0,
      rows: [
        ["ID", "Name", "Target Date", "Budget (£)", "Notes"],
        [1001, "Estates review", 40178, 101909, 40178],
      ],
    },
  ],
};

describe("the cell preview", () => {
  it("shows a date column's serial as a date, money with thousands separators, and an ID as typed", () => {
    const p = cellPreview(snap, "Projects", "C2", { kind: "projects", headerCell: "A1" })!;
    expect(p.columns).toEqual(["A", "B", "C", "D", "E"]);
    expect(p.row).toEqual(["1001", "Estates review", "31 Dec 2009", "101,909", "40,178"]); // Notes is not a date column
    expect(p.header).toEqual(["ID", "Name", "Target Date", "Budget (£)", "Notes"]);
    expect(p.at).toBe(2);
  });

  it("reads dates in the 1904 date system as such", () => {
    expect(showValue(0, "date", true)).toBe("1 Jan 1904");
    expect(showValue(40178, "date", false)).toBe("31 Dec 2009");
  });

  it("without the sheet's kind, shows numbers with separators and no guess at dates", () => {
    expect(cellPreview(snap, "Projects", "C2")!.row[2]).toBe("40,178");
  });
});
