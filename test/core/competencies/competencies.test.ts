import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { namesCompetency } from "../../../src/core/competencies/competencies";
import { dayFromYmd } from "../../../src/core/primitives/dates";
import { snap } from "../../support/snapshot";

const H = ["ID", "Competency", "Assessment", "Date", "Score", "Target", "Target Date"];
const AS_OF = dayFromYmd(2010, 1, 31);
const run = (rows: unknown[][], projects: unknown[][] = []) =>
  analyseWorkbook(
    snap({
      Projects: [["ID", "Name", "Workstream", "Finish", "Competencies"], ...(projects as never[])],
      "WCC Scores": [H, ...(rows as never[])],
    }),
    { asOf: AS_OF },
  );

describe("competencies", () => {
  it("takes the latest Panel score as current, else the latest Self score", () => {
    const a = run([
      ["C1", "Locally lead the NHS", "Self", "2008-10-31", 3, 3, "2010-12-31"],
      ["C1", "Locally lead the NHS", "Panel", "2008-12-12", 2, 3, "2010-12-31"],
      ["C1", "Locally lead the NHS", "Self", "2009-10-30", 3, 3, "2010-12-31"],
      ["C2", "Work with community partners", "Self", "2008-10-31", 1, 2, "2010-12-31"],
      ["C2", "Work with community partners", "Self", "2009-10-30", 2, 2, "2010-12-31"],
      ["C2", "Work with community partners", "360", "2009-12-30", 1, 2, "2010-12-31"],
    ]);
    expect(a.competencies.map((c) => [c.id, c.current, c.currentFrom, c.self, c.panel, c.gap, c.rag])).toEqual([
      ["C1", 2, "Panel", 3, 2, 1, "Amber"],
      ["C2", 2, "Self", 2, null, 0, "Green"],
    ]);
  });
  it("grades the gap: 0 or less Green, 1 Amber, 2 or more Red, Red when the target date has passed", () => {
    const a = run([
      ["C1", "a", "Panel", null, 3, 3, "2011-01-01"],
      ["C2", "b", "Panel", null, 2, 3, "2011-01-01"],
      ["C3", "c", "Panel", null, 1, 3, "2011-01-01"],
      ["C4", "d", "Panel", null, 2, 3, "2009-12-31"],
      ["C5", "e", "Panel", null, 4, 3, "2009-12-31"],
    ]);
    expect(a.competencies.map((c) => c.rag)).toEqual(["Green", "Amber", "Red", "Red", "Green"]);
    const gaps = a.diagnostics.filter((d) => d.code === "competency-gap");
    expect(gaps.map((d) => [d.entity, d.severity, d.cell])).toEqual([
      ["C3", "warning", "E4"],
      ["C4", "warning", "E5"],
      ["C2", "info", "E3"],
    ]);
  });
  it("names the projects that address a competency and flags those none addresses", () => {
    const a = run(
      [
        ["C5", "Manage knowledge and assess needs", "Panel", null, 1, 3, null],
        ["C6", "Prioritise investment", "Panel", null, 1, 3, null],
        ["C10", "Manage the local health system", "Panel", null, 2, 3, null],
        ["C9", "Secure procurement skills", "Panel", null, 2, 2, null],
      ],
      [
        ["P12", "WCC", "Comp", "2012-03-31", "C5, 6"],
        ["P13", "Staff", "Comp", "2010-03-31", "Manage knowledge and assess needs; C99"],
      ],
    );
    expect(a.competencies.map((c) => [c.id, c.projects])).toEqual([
      ["C5", ["P12", "P13"]],
      ["C6", ["P12"]],
      ["C10", []],
      ["C9", []],
    ]);
    expect(a.diagnostics.filter((d) => d.code === "competency-uncovered").map((d) => d.entity)).toEqual(["C10"]);
    expect(a.diagnostics.find((d) => d.code === "unknown-reference")).toMatchObject({ entity: "P13", cell: "E3" });
  });
  it("names at most ten projects in the gap message, and counts the rest", () => {
    const projects = Array.from({ length: 1234 }, (_, i) => [`P${i + 1}`, "Project", "WS", "2012-03-31", "C5"]);
    const a = run([["C5", "Manage knowledge", "Panel", null, 1, 3, null]], projects);
    expect(a.competencies[0].projects).toHaveLength(1234);
    const gap = a.diagnostics.find((d) => d.code === "competency-gap")!;
    expect(gap.message).toContain("Projects addressing it: P1, P2, P3, P4, P5, P6, P7, P8, P9, P10 and 1,224 more.");
  });
  it("matches competency names leniently", () => {
    expect(namesCompetency("5", "C5", "x")).toBe(true);
    expect(namesCompetency("wcc 5", "C5", "x")).toBe(true);
    expect(namesCompetency("C15", "C5", "x")).toBe(false);
    expect(namesCompetency("prioritise investment", "C6", "Prioritise Investment")).toBe(true);
  });
  it("reads scores above the scale as out of range, with the scale from Settings", () => {
    const a = analyseWorkbook(
      snap({
        Projects: [["ID", "Name", "Workstream", "Finish"]],
        Competencies: [H, ["C1", "a", "Panel", null, 5, 6, null]],
        Settings: [["Competency scale maximum", 5]],
      }),
      { asOf: AS_OF },
    );
    expect(a.diagnostics.filter((d) => d.code === "out-of-range").map((d) => d.cell)).toEqual(["F2"]);
  });
});
