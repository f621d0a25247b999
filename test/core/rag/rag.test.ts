import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { milestoneStatus, projectStatus, rollUp } from "../../../src/core/rag/rag";
import { makeCalendar } from "../../../src/core/primitives/calendar";
import { dayFromYmd, formatDay } from "../../../src/core/primitives/dates";
import { DEFAULT_SETTINGS, type Milestone, type Project } from "../../../src/core/programme/entities";
import type { CellValue } from "../../../src/core/primitives/cell";
import { PROJECT_HEADERS, projectRow, snap } from "../../support/snapshot";

const AS_OF = dayFromYmd(2010, 1, 31);
const day = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return dayFromYmd(y, m, d);
};
const src = { sheet: "S", row: 1, columns: {} };
const ms = (o: Partial<Milestone>): Milestone => ({
  id: "M1",
  project: "P1",
  name: "m",
  baseline: day("2010-03-31"),
  forecast: null,
  actual: null,
  status: "",
  owner: "",
  reviewPoint: "",
  src,
  ...o,
});
const pr = (o: Partial<Project>): Project => ({
  id: "P1",
  name: "p",
  workstream: "W",
  lead: "L",
  start: day("2009-04-01"),
  finish: day("2010-03-31"),
  baselineFinish: day("2010-03-31"),
  actualFinish: null,
  scopeRag: null,
  qualityRag: null,
  notes: "",
  budget: null,
  forecastCost: null,
  actualCost: null,
  percentComplete: null,
  status: "",
  reportedRag: null,
  competencies: [],
  benefits: [],
  src,
  ...o,
});

const CAL = makeCalendar("calendar");
const nodeless = undefined;

describe("milestone status", () => {
  const st = (o: Partial<Milestone>) => milestoneStatus(ms(o), nodeless, AS_OF, DEFAULT_SETTINGS, CAL);
  const rag = (o: Partial<Milestone>) => st(o).rating.rag;
  it("is Blue when done, by status or by an actual date", () => {
    expect(st({ status: "Complete" }).rating).toMatchObject({ rag: "Blue", rule: "done" });
    expect(rag({ actual: day("2009-12-01"), baseline: day("2009-11-01") })).toBe("Blue");
  });
  it("is Red when not done and its date has passed, with the days overdue in its reason", () => {
    expect(st({ baseline: day("2010-01-30") }).rating).toMatchObject({ rag: "Red", rule: "overdue" });
    expect(st({ baseline: day("2010-01-30") }).rating.because).toContain("1 day overdue");
    expect(rag({ baseline: day("2010-03-31"), forecast: day("2010-01-15") })).toBe("Red");
    expect(rag({ baseline: day("2010-01-31") })).toBe("Green"); // due today is not yet late
  });
  it("an overdue item's slip runs to the as-of date", () => {
    expect(st({ baseline: day("2010-01-21") }).slipDays).toBe(10);
  });
  it("is graded by slip: over 30 days Red, over 0 Amber, else Green", () => {
    expect(st({ forecast: day("2010-05-01") }).rating).toMatchObject({ rag: "Red", rule: "slip" }); // 31 days
    expect(rag({ forecast: day("2010-04-30") })).toBe("Amber"); // 30 days
    expect(rag({ forecast: day("2010-04-01") })).toBe("Amber");
    expect(rag({ forecast: day("2010-03-31") })).toBe("Green");
    expect(rag({ forecast: day("2010-03-01") })).toBe("Green"); // early
  });
  it("uses tolerances from Settings", () => {
    const s = { ...DEFAULT_SETTINGS, amberSlipDays: 10, redSlipDays: 60 };
    expect(milestoneStatus(ms({ forecast: day("2010-04-05") }), nodeless, AS_OF, s, CAL).rating.rag).toBe("Green");
    expect(milestoneStatus(ms({ forecast: day("2010-05-15") }), nodeless, AS_OF, s, CAL).rating.rag).toBe("Amber");
  });
  it("is at least Amber when a date cannot be read", () => {
    expect(st({ forecast: null, src: { ...src, failed: ["forecast"] } }).rating).toMatchObject({
      rag: "Amber",
      rule: "not-computable",
    });
  });
});

describe("project status", () => {
  const mst = (rag: "Red" | "Amber" | "Green" | "Blue", i: number) => ({
    id: `M${i}`,
    done: rag === "Blue",
    rating: { rag, rule: "slip" as const, because: `M${i} reason` },
    baseline: null,
    finishNow: null,
    slipDays: rag === "Red" ? 45 : 0,
    overdue: false,
    dueDate: null,
    overdueDays: null,
  });
  const r = (o: Partial<Project>, msRags: ("Red" | "Amber" | "Green" | "Blue")[] = []) =>
    projectStatus(pr(o), nodeless, msRags.map(mst), AS_OF, DEFAULT_SETTINGS, CAL);
  it("schedule: the worst of its own slip and its milestones, with the milestone's reason and slip", () => {
    expect(r({}).schedule.rag).toBe("Green");
    expect(r({ finish: day("2010-04-15") }).schedule.rag).toBe("Amber");
    expect(r({ finish: day("2010-06-15") }).schedule.rag).toBe("Red");
    expect(r({}, ["Green", "Amber", "Blue"]).schedule.rag).toBe("Amber");
    expect(r({}, ["Red"]).schedule).toMatchObject({ rag: "Red", rule: "milestone", because: "M0 reason" });
    // Its own slip stays its own; its worst open milestone is told apart, named.
    expect(r({}, ["Red"])).toMatchObject({ slipDays: 0, worstMilestone: { id: "M0", slipDays: 45 } });
  });
  it("schedule: Red when overdue, Blue when done (status, actual finish or 100 %)", () => {
    expect(r({ finish: day("2010-01-01") })).toMatchObject({
      schedule: { rag: "Red", rule: "overdue" },
      overdue: true,
    });
    expect(r({ finish: day("2010-01-01"), percentComplete: 100 }).schedule.rag).toBe("Blue");
    expect(r({ finish: day("2010-01-01"), actualFinish: day("2010-01-02") }).done).toBe(true);
  });
  it("cost: (forecast − budget) / budget over 10% Red, over 5% Amber, compared unrounded", () => {
    expect(r({ budget: 100, forecastCost: 110 })).toMatchObject({ cost: { rag: "Amber" }, costVariancePercent: 10 });
    expect(r({ budget: 100, forecastCost: 110.5 }).cost!.rag).toBe("Red");
    expect(r({ budget: 10000, forecastCost: 11004 }).cost!.rag).toBe("Red"); // 10.04 %, not rounded down to 10.0
    expect(r({ budget: 100, forecastCost: 105 }).cost!.rag).toBe("Green");
    expect(r({ budget: 100, forecastCost: 90, actualCost: 120 }).cost!.rag).toBe("Red"); // already spent more
    expect(r({ budget: null, forecastCost: 90 }).cost).toBeNull();
  });
  it("overall: the worse of schedule and cost; a done project stays Blue unless it overran", () => {
    expect(r({ budget: 100, forecastCost: 108, finish: day("2010-06-15") }).overall.rag).toBe("Red");
    expect(r({ budget: 100, forecastCost: 108 }).overall).toMatchObject({ rag: "Amber", rule: "cost" });
    expect(r({ status: "Complete", budget: 100, forecastCost: 100 }).overall.rag).toBe("Blue");
    expect(r({ status: "Complete", budget: 100, forecastCost: 130 }).overall).toMatchObject({
      rag: "Red",
      rule: "done-over-budget",
    });
  });
});

describe("roll-up and challenge", () => {
  const wb = (settings: CellValue[][] = []) =>
    analyseWorkbook(
      snap({
        Projects: [
          PROJECT_HEADERS,
          projectRow({ id: "P1", ws: "Partnership", finish: "2010-03-31", baseline: "2010-03-31", rag: "Green" }),
          projectRow({ id: "P2", ws: "Partnership", finish: "2010-03-31", baseline: "2010-03-31", rag: "Green" }),
          projectRow({ id: "P3", ws: "Partnership", finish: "2010-06-30", baseline: "2010-03-31", rag: "Green" }),
          projectRow({ id: "P4", ws: "Leadership", finish: "2010-04-10", baseline: "2010-03-31", rag: "Red" }),
        ],
        Settings: settings,
      }),
      { asOf: AS_OF },
    );
  it("rolls workstreams and the programme up by the worst member", () => {
    const a = wb();
    expect(a.rag.workstreams.map((w) => [w.name, w.overall?.rag, w.reported])).toEqual([
      ["Partnership", "Red", "Green"],
      ["Leadership", "Amber", "Red"],
    ]);
    expect(a.rag.workstreams[0].overall).toMatchObject({ rule: "worst-member" });
    expect(a.rag.workstreams[0].overall!.because).toContain("P3 finishes 30 Jun 2010, 91 days after its baseline");
    expect(a.overall).toBe("Red");
  });
  it("rolls up by the majority when Settings says so", () => {
    const a = wb([["RAG roll-up rule", "majority"]]);
    expect(a.rag.workstreams[0].overall).toMatchObject({
      rag: "Green",
      rule: "majority",
      because: "2 of 3 projects are Green",
    });
  });
  it("challenges a reported RAG better than the computed one, at the reported cell", () => {
    const d = wb().diagnostics.filter((x) => x.code === "rag-mismatch");
    expect(d.map((x) => `${x.entity}@${x.cell}`)).toEqual(["P3@L4"]); // P4 reported Red, computed Amber: no challenge
    expect(d[0].message).toContain("reported Green but the plan says Red");
    expect(d[0].message).toContain("91 days after its baseline");
  });
  it("flags overdue milestones at the date cell", () => {
    const a = analyseWorkbook(
      snap({
        Projects: [PROJECT_HEADERS, projectRow({ id: "P1", finish: "2010-03-31" })],
        Milestones: [
          ["ID", "Project", "Milestone", "Baseline Date", "Forecast Date", "Actual Date"],
          ["M1", "P1", "late", "2009-12-31", null, null],
          ["M2", "P1", "re-forecast late", "2009-10-31", "2010-01-15", null],
          ["M3", "P1", "done", "2009-10-31", null, "2009-11-02"],
        ],
      }),
      { asOf: AS_OF },
    );
    const d = a.diagnostics.filter((x) => x.code === "overdue-milestone");
    expect(d.map((x) => `${x.entity}@${x.cell}`)).toEqual(["M1@D2", "M2@E3"]);
    expect(formatDay(a.asOf)).toBe("2010-01-31");
  });
});

describe("roll-up rules", () => {
  const s = { ...DEFAULT_SETTINGS, rollUp: "majority" as const };
  const rated = (rags: ("Red" | "Amber" | "Green" | "Blue")[]) =>
    rags.map((rag, i) => ({ id: `P${i}`, rating: { rag, rule: "on-track" as const, because: "" } }));
  it("majority leaves Blue out unless every member is Blue", () => {
    expect(rollUp(rated(["Blue", "Blue", "Blue", "Red", "Red"]), s)!.rag).toBe("Red");
    expect(rollUp(rated(["Blue", "Blue"]), s)!.rag).toBe("Blue");
    expect(rollUp(rated(["Blue", "Green", "Amber"]), s)!.rag).toBe("Amber"); // tie: the worse
  });
  it("a 100 %-complete project with no status is done for the owner check too", () => {
    const a = analyseWorkbook(
      snap({ Projects: [PROJECT_HEADERS, projectRow({ id: "P1", lead: "", finish: "2009-12-31", pct: 100 })] }),
      { asOf: AS_OF },
    );
    expect(a.diagnostics.filter((d) => d.code === "missing-owner")).toEqual([]);
    expect(a.rag.projects.get("P1")!.done).toBe(true);
  });
});

describe("the reason for a slip", () => {
  it("names the planned finish, not a baseline, when the item has none", () => {
    // A (Mon 1 – Fri 12 Mar 2010) pushes B, typed Mon 8 – Fri 12 Mar, to start Mon 15 Mar: B finishes a week late.
    const a = analyseWorkbook(
      snap({
        Projects: [
          PROJECT_HEADERS,
          projectRow({ id: "A", start: "2010-03-01", finish: "2010-03-12" }),
          projectRow({ id: "B", start: "2010-03-08", finish: "2010-03-12", deps: "A" }),
        ],
      }),
      { asOf: AS_OF },
    );
    const b = a.rag.projects.get("B")!;
    expect(b.schedule.because).toContain("after its planned finish of 12 Mar 2010");
    expect(b.schedule.because).not.toContain("baseline");
  });
});

describe("projects with no lead", () => {
  it("are each a warning where the sheet has a Lead column, and one note where it has none", () => {
    const withColumn = analyseWorkbook(
      snap({
        Projects: [
          PROJECT_HEADERS,
          projectRow({ id: "A", lead: "", finish: "2010-03-12" }),
          projectRow({ id: "B", lead: "", finish: "2010-03-12" }),
        ],
      }),
      { asOf: AS_OF },
    );
    expect(
      withColumn.diagnostics.filter((d) => d.code === "missing-owner").map((d) => `${d.severity}@${d.cell}`),
    ).toEqual(["warning@D2", "warning@D3"]);
    const noColumn = analyseWorkbook(
      snap({
        Projects: [
          ["ID", "Name", "Workstream", "Finish"],
          ["A", "a", "W", "2010-03-12"],
          ["B", "b", "W", "2010-03-12"],
        ],
      }),
      { asOf: AS_OF },
    );
    expect(noColumn.diagnostics.filter((d) => d.code === "missing-owner").map((d) => d.severity)).toEqual(["info"]);
  });
});
