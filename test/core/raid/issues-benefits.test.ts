import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { dayFromYmd } from "../../../src/core/primitives/dates";
import { snap } from "../../support/snapshot";

const AS_OF = dayFromYmd(2010, 1, 31);
const base = {
  Projects: [
    ["ID", "Name", "Workstream", "Lead", "Finish", "Benefits"],
    ["P1", "p", "W", "L", "2010-03-31", "B1, B9"],
  ],
};

describe("issues", () => {
  it("flags open issues past their due date, and open issues with no owner", () => {
    const a = analyseWorkbook(
      snap({
        ...base,
        Issues: [
          ["ID", "Title", "Owner", "Status", "Due"],
          ["I1", "late", "Ann", "Open", "2010-01-15"],
          ["I2", "late but closed", "Ann", "Resolved", "2010-01-15"],
          ["I3", "not yet due", null, "Open", "2010-02-15"],
        ],
      } as never),
      { asOf: AS_OF },
    );
    expect(a.diagnostics.filter((d) => d.sheet === "Issues").map((d) => `${d.code}@${d.cell}`)).toEqual([
      "overdue-issue@E2",
      "missing-owner@C4",
    ]);
  });
});

describe("benefits", () => {
  it("flags a benefit past due short of target or with no actual; a reduction target counts downwards", () => {
    const a = analyseWorkbook(
      snap({
        ...base,
        Benefits: [
          ["ID", "Benefit", "Project", "Baseline", "Target", "Actual", "Due"],
          ["B1", "more trained", "P1", 0, 30, 22, "2010-01-01"],
          ["B2", "fewer complaints", "P1", 48, 36, 35, "2010-01-01"],
          ["B3", "fewer complaints", "P1", 48, 36, 40, "2010-01-01"],
          ["B4", "no actual", "P1", 0, 10, null, "2010-01-01"],
          ["B5", "not due", "P1", 0, 10, null, "2010-06-01"],
        ],
      } as never),
      { asOf: AS_OF },
    );
    expect(a.diagnostics.filter((d) => d.code === "benefit-off-track").map((d) => d.entity)).toEqual([
      "B1",
      "B3",
      "B4",
    ]);
    expect(a.diagnostics.find((d) => d.code === "unknown-reference")).toMatchObject({ entity: "P1", cell: "F2" });
  });
});
