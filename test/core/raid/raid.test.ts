import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { toJson } from "../../../src/core/analysis/summary";
import type { CellValue } from "../../../src/core/primitives/cell";
import { dayFromYmd } from "../../../src/core/primitives/dates";
import { snap } from "../../support/snapshot";

const AS_OF = dayFromYmd(2010, 1, 31);

/** A document-control block of ten rows above the header, as RAID log templates have. */
const docControl = (title: string): CellValue[][] => [
  [title],
  ["Project", "Community services redesign"],
  ["Project Manager", "A. Patel"],
  ["Version", 1.3],
  ["Date", "2010-01-25"],
  ["Status", "Live"],
  [],
  ["Key: H = High, M = Medium, L = Low"],
  [],
  [],
];

describe("a RAID log in four tabs under a document-control block", () => {
  const a = analyseWorkbook(
    snap({
      Risks: [
        ...docControl("RAID Log: Risks"),
        ["ID", "Risk Description", "Probability", "Impact", "Risk Rating", "Owner", "Mitigation Plan", "Status"],
        ["R-01", "Supplier fails to deliver", "HIGH", "HIGH", "High", "Ann", "Second supplier", "Open"],
        ["R-02", "Scope creep", "MEDIUM", "LOW", "Low", "Bob", "Change board", "Open"],
      ],
      Assumptions: [
        ...docControl("RAID Log: Assumptions"),
        ["ID", "Description", "Owner", "Raised", "Validated By", "Validation Date", "Status", "Impact if Wrong"],
        [
          "A-01",
          "Estates will release the building by March",
          "Cat",
          "2009-11-01",
          "Estates lead",
          "2010-01-15",
          "Open",
          "Move slips a quarter",
        ],
        ["A-02", "GP practices will share data", "Dan", "2009-11-01", "IG lead", "2010-03-31", "Open", "No baseline"],
        ["A-03", "Budget confirmed", "Eve", "2009-11-01", "Finance", "2009-12-01", "Validated", ""],
      ],
      Issues: [
        ...docControl("RAID Log: Issues"),
        ["ID", "Description", "Priority", "Owner", "Target Date", "Actual Res. Date", "Status"],
        ["I-01", "Lease not signed", "High", "Fay", "2010-01-20", null, "Open"],
        ["I-02", "IT kit late", 1, "Gus", "2010-01-10", "2010-01-12", "Open"],
      ],
      Dependencies: [
        ...docControl("RAID Log: Dependencies"),
        ["ID", "Description", "Dependent On", "Owner", "External Party", "Required By", "Status"],
        ["D-01", "Network upgrade", "County IT", "Hal", "County Council", "2010-01-20", "Open"],
        ["D-02", "Clinical sign-off", "Medical Director", "Ivy", "", "2010-03-01", "At Risk"],
        ["D-03", "Lease approval", "NHS Property", "Jo", "NHS Property Services", "2010-01-05", "Met"],
      ],
    }),
    { asOf: AS_OF },
  );
  it("reads each tab under its block, by its headers", () => {
    expect(a.programme.sources.map((s) => [s.kind, s.sheet, s.headerCell])).toEqual(
      expect.arrayContaining([
        ["risks", "Risks", "A11"],
        ["assumptions", "Assumptions", "A11"],
        ["issues", "Issues", "A11"],
        ["dependencyLog", "Dependencies", "A11"],
      ]),
    );
    expect(a.programme.links).toEqual([]); // the external dependencies tab is not a link table
    expect(a.diagnostics.filter((d) => d.code === "missing-column")).toEqual([]);
  });
  it("scores the High/Medium/Low risks on a 3×3 matrix, as their own Risk Rating does", () => {
    expect(a.risks.map((r) => [r.id, r.matrix, r.score, r.band])).toEqual([
      ["R-01", "3x3", 9, "High"],
      ["R-02", "3x3", 2, "Low"],
    ]);
    expect(a.diagnostics.filter((d) => ["rating-mismatch", "missing-mitigation"].includes(d.code))).toEqual([]);
  });
  it("flags an assumption still open past its validation date", () => {
    expect(
      a.diagnostics.filter((d) => d.code === "assumption-unvalidated").map((d) => `${d.entity}@${d.cell}`),
    ).toEqual(["A-01@F12"]);
    expect(a.assumptions.map((x) => x.open)).toEqual([true, true, false]);
  });
  it("closes an issue with an Actual Res. Date; flags the open one past its target", () => {
    expect(a.issues.map((i) => [i.id, i.open, i.overdue, i.priorityRank])).toEqual([
      ["I-01", true, true, 2],
      ["I-02", false, false, 1],
    ]);
  });
  it("flags external dependencies past their required-by date and those at risk", () => {
    const found = a.diagnostics.filter((d) => d.code.startsWith("dependency-")).map((d) => `${d.code}:${d.entity}`);
    expect(found.sort()).toEqual(["dependency-at-risk:D-02", "dependency-overdue:D-01"]);
  });
  it("is valid on its own: no errors for the absent plan", () => {
    expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(a.diagnostics.filter((d) => d.code === "missing-sheet").map((d) => d.severity)).toEqual(["info", "info"]);
  });
  it("lists every part in the JSON, each item with its sheet and row", () => {
    const j = toJson(a);
    expect(j.risks[0]).toMatchObject({
      id: "R-01",
      title: "Supplier fails to deliver",
      score: 9,
      band: "High",
      residualScore: null,
      matrix: "3x3",
      sheet: "Risks",
      row: 12,
    });
    expect(j.assumptions[0]).toMatchObject({ id: "A-01", sheet: "Assumptions", row: 12, open: true, overdue: true });
    expect(j.dependencyLog[1]).toMatchObject({ id: "D-02", atRisk: true, sheet: "Dependencies", row: 13 });
    expect(j.issues[1]).toMatchObject({ id: "I-02", open: false, resolved: "2010-01-12" });
  });
});

describe("a one-sheet RAID log with a Type column", () => {
  const a = analyseWorkbook(
    snap({
      "RAID Log": [
        ["ID", "Type", "Description", "Owner", "Likelihood", "Impact", "Mitigation", "Due Date", "Status"],
        ["RAID-01", "Risk", "Key supplier may fail", "Ann", 3, 4, "Second supplier", null, "Open"],
        ["RAID-02", "A", "Data will be shared", "Bob", null, null, null, "2010-01-10", "Open"],
        ["RAID-03", "Issue", "Lease unsigned", "Cat", null, "High", null, "2010-01-20", "Open"],
        ["RAID-04", "D", "County IT upgrade", "Dan", null, null, null, "2010-01-05", "Open"],
      ],
    }),
    { asOf: AS_OF },
  );
  it("splits the rows by type: nothing but risks is asked for a likelihood", () => {
    expect(a.programme.risks.map((r) => r.id)).toEqual(["RAID-01"]);
    expect(a.programme.assumptions.map((r) => r.id)).toEqual(["RAID-02"]);
    expect(a.programme.issues.map((r) => [r.id, r.priority])).toEqual([["RAID-03", "High"]]);
    expect(a.programme.dependencyLog.map((r) => r.id)).toEqual(["RAID-04"]);
    expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(a.diagnostics.map((d) => d.code).sort()).toEqual([
      "assumption-unvalidated",
      "dependency-overdue",
      "missing-sheet",
      "missing-sheet",
      "overdue-issue",
    ]);
  });
});

describe("a link table and a dependencies log are told apart by their headers", () => {
  it("reads From/To as links and Description/Required By as external dependencies, whatever the sheet is called", () => {
    const a = analyseWorkbook(
      snap({
        Projects: [
          ["ID", "Name", "Finish"],
          ["P1", "a", "2010-03-31"],
          ["P2", "b", "2010-04-30"],
        ],
        "Dependency Log": [
          ["From", "To", "Type"],
          ["P1", "P2", "FS"],
        ],
        Interdependencies: [
          ["Ref", "Description", "Dependent On", "Required By", "Status"],
          ["X1", "SHA approval", "SHA", "2010-02-28", "Open"],
        ],
      }),
      { asOf: AS_OF },
    );
    expect(a.programme.links.map((l) => `${l.from}>${l.to}`)).toEqual(["P1>P2"]);
    expect(a.programme.dependencyLog.map((d) => d.id)).toEqual(["X1"]);
  });
});
