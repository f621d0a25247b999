import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { riskBand, riskScore } from "../../../src/core/risks/risks";
import { dayFromYmd } from "../../../src/core/primitives/dates";
import { snap } from "../../support/snapshot";

const H = [
  "ID",
  "Title",
  "Project",
  "Owner",
  "Likelihood",
  "Impact",
  "Mitigation",
  "Status",
  "Last Reviewed",
  "Review Due",
];
const AS_OF = dayFromYmd(2010, 1, 31);
const run = (rows: unknown[][], settings: unknown[][] = []) =>
  analyseWorkbook(
    snap({
      Projects: [
        ["ID", "Name", "Workstream", "Finish"],
        ["P1", "p", "Leadership", "2010-03-31"],
      ],
      Risks: [H, ...(rows as never[])],
      Settings: settings as never,
    }),
    { asOf: AS_OF },
  );

describe("the NHS 5×5 matrix", () => {
  it("scores likelihood × impact", () => {
    expect(riskScore(4, 5)).toBe(20);
    expect(riskScore(null, 5)).toBeNull();
  });
  it("grades 1–3 Low, 4–6 Moderate, 8–12 High, 15–25 Extreme", () => {
    const bands: Record<string, number[]> = {
      Low: [1, 2, 3],
      Moderate: [4, 5, 6],
      High: [8, 9, 10, 12],
      Extreme: [15, 16, 20, 25],
    };
    for (const [band, scores] of Object.entries(bands)) for (const s of scores) expect(riskBand(s)).toBe(band);
  });
  it("every product of two scores 1–5 has a band", () => {
    for (let l = 1; l <= 5; l++)
      for (let i = 1; i <= 5; i++) expect(["Low", "Moderate", "High", "Extreme"]).toContain(riskBand(l * i));
  });
});

describe("risk checks", () => {
  const ok = ["Bob", null, "Plan B", "Open", "2010-01-20", "2010-03-01"];
  it("escalates open risks at or above the escalation score", () => {
    const a = run([
      ["R1", "big", "P1", "Bob", 3, 5, "Plan", "Open", "2010-01-20", null],
      ["R2", "smaller", "P1", "Bob", 2, 7 - 0, "Plan", "Open", "2010-01-20", null],
      ["R3", "closed big", "P1", "Bob", 5, 5, "Plan", "Closed", "2009-01-01", null],
      ["R4", "just under", "P1", "Bob", 3, 4, "Plan", "Open", "2010-01-20", null],
    ]);
    expect(a.diagnostics.filter((d) => d.code === "risk-escalation").map((d) => d.entity)).toEqual(["R1"]);
    expect(a.diagnostics.find((d) => d.entity === "R2")).toMatchObject({ code: "out-of-range", cell: "F3" });
    expect(a.risks.map((r) => [r.id, r.score, r.band, r.open])).toEqual([
      ["R1", 15, "Extreme", true],
      ["R2", null, null, true],
      ["R3", 25, "Extreme", false],
      ["R4", 12, "High", true],
    ]);
  });
  it("takes the escalation score from Settings", () => {
    const a = run(
      [["R4", "moderate", "P1", ...ok.slice(0, 1), 3, 3, "Plan", "Open", "2010-01-20", null]],
      [["Risk escalation score", 9]],
    );
    expect(a.diagnostics.filter((d) => d.code === "risk-escalation")).toHaveLength(1);
  });
  it("flags open risks with no owner, no mitigation or a stale review", () => {
    const a = run([
      ["R1", "orphan", "P1", null, 2, 2, "Plan", "Open", "2010-01-20", null],
      ["R2", "no plan", "P1", "Bob", 2, 2, null, "Open", "2010-01-20", null],
      ["R3", "old review", "P1", "Bob", 2, 2, "Plan", "Open", "2009-10-01", null],
      ["R4", "review overdue", "P1", "Bob", 2, 2, "Plan", "Open", "2010-01-20", "2010-01-25"],
      ["R5", "closed orphan", "P1", null, 2, 2, null, "Closed", "2008-01-01", null],
      ["R6", "fine", "Leadership", "Bob", 2, 2, "Plan", "Open", "2009-11-02", null],
    ]);
    const found = a.diagnostics.filter((d) => d.sheet === "Risks").map((d) => `${d.code}@${d.cell}`);
    expect(found.sort()).toEqual(["missing-mitigation@G3", "missing-owner@D2", "stale-review@I4", "stale-review@J5"]);
    expect(a.diagnostics.find((d) => d.code === "stale-review" && d.entity === "R3")!.message).toContain(
      "122 days ago (the limit is 90)",
    );
  });
  it("checks that a risk's project is a project or workstream", () => {
    const a = run([
      ["R1", "x", "P9", "Bob", 1, 1, "Plan", "Open", "2010-01-20", null],
      ["R2", "y", "Programme", "Bob", 1, 1, "Plan", "Open", "2010-01-20", null],
    ]);
    expect(a.diagnostics.filter((d) => d.code === "unknown-reference").map((d) => d.cell)).toEqual(["C2"]);
  });
});

describe("risk registers as PMOs keep them", () => {
  it("scores the NPSA words (A risk matrix for risk managers, NPSA 2008), 'Insignificant' and 'Extreme' included", () => {
    const a = analyseWorkbook(
      snap({
        "Risk Register": [
          ["Corporate Risk Register 2010/11"],
          ["Owner: Board Secretary", null, "Version 3"],
          [],
          [
            "Risk ID",
            "Risk Description",
            "Likelihood (1-5)",
            "Consequence (1-5)",
            "Risk Score",
            "Risk Owner",
            "Controls",
            "Review Date",
          ],
          [
            "CR1",
            "Loss of key data. Backups are untested.",
            "Almost certain",
            "Extreme",
            25,
            "Director IT",
            "Weekly restore test",
            "2010-03-31",
          ],
          ["CR2", "Winter pressure.", "Possible", "Insignificant", 3, "COO", "Escalation plan", "2010-01-10"],
          ["CR3", "Recruitment freeze.", "4 - Likely", "3 - Moderate", 16, "HR Director", "Agency cover", "2010-04-30"],
        ],
      }),
      { asOf: AS_OF },
    );
    expect(a.programme.risks.map((r) => [r.id, r.title, r.description, r.likelihood, r.impact, r.matrix])).toEqual([
      ["CR1", "Loss of key data", "Backups are untested.", 5, 5, "5x5"],
      ["CR2", "Winter pressure", "", 3, 1, "5x5"],
      ["CR3", "Recruitment freeze", "", 4, 3, "5x5"],
    ]);
    expect(a.risks.map((r) => [r.id, r.score, r.band, r.escalate])).toEqual([
      ["CR1", 25, "Extreme", true],
      ["CR2", 3, "Low", false],
      ["CR3", 12, "High", false],
    ]);
    // The register's own score is challenged where it disagrees; Review Date is the next review due.
    const found = a.diagnostics.filter((d) => d.sheet === "Risk Register").map((d) => `${d.code}@${d.cell}`);
    expect(found.sort()).toEqual(["rating-mismatch@E7", "risk-escalation@C5", "stale-review@H6"]);
    expect(a.diagnostics.find((d) => d.code === "rating-mismatch")!.message).toContain(
      "rated 16 on the register, but likelihood 4 × impact 3 on the NHS 5×5 matrix (NPSA) scores 12 (High)",
    );
    // No projects: an info, and exit-0 material.
    expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("scores a High/Medium/Low register on a 3×3 matrix, never as guessed 5-point numbers", () => {
    const a = analyseWorkbook(
      snap({
        Risks: [
          ["ID", "Description", "Probability", "Impact", "Risk Rating", "Owner", "Mitigation Plan"],
          ["R1", "Supplier fails", "HIGH", "HIGH", "High", "Ann", "Second supplier"],
          ["R2", "Scope creep", "MEDIUM", "HIGH", "High", "Bob", "Change control"],
          ["R3", "Key person leaves", "LOW", "HIGH", "Medium", "Cat", "Handover notes"],
          ["R4", "Budget cut", "MEDIUM", "MEDIUM", "Medium", "Dan", "Phasing"],
          ["R5", "Late data", "LOW", "MEDIUM", "Low", "Eve", "Chase weekly"],
          ["R6", "Room booking", "LOW", "LOW", "Low", "Fay", "Book early"],
        ],
      }),
      { asOf: AS_OF },
    );
    expect(a.risks.map((r) => [r.id, r.matrix, r.score, r.band, r.escalate])).toEqual([
      ["R1", "3x3", 9, "High", true],
      ["R2", "3x3", 6, "High", true],
      ["R3", "3x3", 3, "Medium", false],
      ["R4", "3x3", 4, "Medium", false],
      ["R5", "3x3", 2, "Low", false],
      ["R6", "3x3", 1, "Low", false],
    ]);
    // Every band agrees with the sheet's own Risk Rating, and Mitigation Plan is the mitigation.
    expect(a.diagnostics.filter((d) => ["rating-mismatch", "missing-mitigation"].includes(d.code))).toEqual([]);
    expect(a.diagnostics.find((d) => d.code === "risk-matrix")!.message).toContain("3×3 matrix");
  });

  it("refuses to guess: High/Medium/Low under Risk matrix 5x5 is reported at the cell", () => {
    const a = analyseWorkbook(
      snap({
        Risks: [
          ["ID", "Title", "Likelihood", "Impact"],
          ["R1", "x", "High", 4],
        ],
        Settings: [["Risk matrix", "5x5"]],
      }),
      { asOf: AS_OF },
    );
    expect(a.diagnostics.find((d) => d.cell === "C2")).toMatchObject({ code: "bad-value", severity: "error" });
    expect(a.risks[0].score).toBeNull();
  });

  it("reads Very low … Very high as a five-point scale", () => {
    const a = analyseWorkbook(
      snap({
        Risks: [
          ["ID", "Title", "Likelihood", "Impact"],
          ["R1", "x", "Very high", "Medium"],
          ["R2", "y", "Low", "Very low"],
        ],
      }),
      { asOf: AS_OF },
    );
    expect(a.programme.risks.map((r) => [r.likelihood, r.impact, r.matrix])).toEqual([
      [5, 3, "5x5"],
      [2, 1, "5x5"],
    ]);
  });
});
