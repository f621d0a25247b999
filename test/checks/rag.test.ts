import { analyseWorkbook } from "../../src/checks/analyse";
import { milestoneRag, projectRag } from "../../src/checks/rag";
import { dayFromYmd, formatDay } from "../../src/model/dates";
import { DEFAULT_SETTINGS, type Milestone, type Project } from "../../src/model/entities";
import type { CellValue } from "../../src/model/cell";
import { PROJECT_HEADERS, projectRow, snap } from "../support/snapshot";

const AS_OF = dayFromYmd(2010, 1, 31);
const day = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return dayFromYmd(y, m, d);
};
const src = { sheet: "S", row: 1, cells: {} };
const ms = (o: Partial<Milestone>): Milestone => ({ id: "M1", project: "P1", name: "m", baseline: day("2010-03-31"), forecast: null, actual: null, status: "", owner: "", reviewPoint: "", src, ...o });
const pr = (o: Partial<Project>): Project => ({
  id: "P1", name: "p", workstream: "W", lead: "L", start: day("2009-04-01"), finish: day("2010-03-31"), baselineFinish: day("2010-03-31"),
  budget: null, forecastCost: null, actualCost: null, percentComplete: null, status: "", reportedRag: null, competencies: [], benefits: [], src, ...o,
});

describe("milestone RAG", () => {
  const rag = (o: Partial<Milestone>, slippedBy: string | null = null) => milestoneRag(ms(o), AS_OF, DEFAULT_SETTINGS, slippedBy).rag;
  it("is Blue when complete, by status or by an actual date", () => {
    expect(rag({ status: "Complete" })).toBe("Blue");
    expect(rag({ actual: day("2009-12-01"), baseline: day("2009-11-01") })).toBe("Blue");
  });
  it("is Red when not complete and its date has passed", () => {
    expect(rag({ baseline: day("2010-01-30") })).toBe("Red");
    expect(rag({ baseline: day("2010-03-31"), forecast: day("2010-01-15") })).toBe("Red");
    expect(rag({ baseline: day("2010-01-31") })).toBe("Green"); // due today is not yet late
  });
  it("is graded by slip: over 30 days Red, over 0 Amber, else Green", () => {
    expect(rag({ forecast: day("2010-05-01") })).toBe("Red"); // 31 days
    expect(rag({ forecast: day("2010-04-30") })).toBe("Amber"); // 30 days
    expect(rag({ forecast: day("2010-04-01") })).toBe("Amber");
    expect(rag({ forecast: day("2010-03-31") })).toBe("Green");
    expect(rag({ forecast: day("2010-03-01") })).toBe("Green"); // early
  });
  it("is at least Amber when a predecessor's slippage reaches it", () => {
    expect(rag({}, "P9")).toBe("Amber");
    expect(rag({ forecast: day("2010-06-01") }, "P9")).toBe("Red");
  });
  it("uses tolerances from Settings", () => {
    const s = { ...DEFAULT_SETTINGS, amberSlipDays: 10, redSlipDays: 60 };
    expect(milestoneRag(ms({ forecast: day("2010-04-05") }), AS_OF, s, null).rag).toBe("Green");
    expect(milestoneRag(ms({ forecast: day("2010-05-15") }), AS_OF, s, null).rag).toBe("Amber");
  });
});

describe("project RAG", () => {
  const r = (o: Partial<Project>, msRags: ("Red" | "Amber" | "Green" | "Blue")[] = [], slipped: string | null = null) =>
    projectRag(pr(o), msRags.map((rag, i) => ({ id: `M${i}`, rag, slipDays: 0, overdue: false, reasons: [`M${i} reason`] })), AS_OF, DEFAULT_SETTINGS, slipped);
  it("schedule: the worst of its own slip and its milestones", () => {
    expect(r({}).schedule).toBe("Green");
    expect(r({ finish: day("2010-04-15") }).schedule).toBe("Amber");
    expect(r({ finish: day("2010-06-15") }).schedule).toBe("Red");
    expect(r({}, ["Green", "Amber", "Blue"]).schedule).toBe("Amber");
    expect(r({}, ["Red"]).reasons).toContain("M0 reason");
  });
  it("schedule: Red when overdue, Blue when complete, at least Amber when slippage reaches it", () => {
    expect(r({ finish: day("2010-01-01") })).toMatchObject({ schedule: "Red", overdue: true });
    expect(r({ finish: day("2010-01-01"), percentComplete: 100 }).schedule).toBe("Blue");
    expect(r({}, [], "P7").schedule).toBe("Amber");
  });
  it("cost: (forecast − budget) / budget over 10% Red, over 5% Amber", () => {
    expect(r({ budget: 100, forecastCost: 110 })).toMatchObject({ cost: "Amber", costVariancePercent: 10 });
    expect(r({ budget: 100, forecastCost: 110.5 }).cost).toBe("Red");
    expect(r({ budget: 100, forecastCost: 105 }).cost).toBe("Green");
    expect(r({ budget: 100, forecastCost: 90, actualCost: 120 }).cost).toBe("Red"); // already spent more
    expect(r({ budget: null, forecastCost: 90 }).cost).toBeNull();
  });
  it("overall: the worst of schedule and cost; a finished project stays Blue unless it overran", () => {
    expect(r({ budget: 100, forecastCost: 108, finish: day("2010-06-15") }).overall).toBe("Red");
    expect(r({ budget: 100, forecastCost: 108 }).overall).toBe("Amber");
    expect(r({ status: "Complete", budget: 100, forecastCost: 100 }).overall).toBe("Blue");
    expect(r({ status: "Complete", budget: 100, forecastCost: 130 }).overall).toBe("Red");
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
    expect(a.rag.workstreams.map((w) => [w.name, w.overall, w.reported])).toEqual([["Partnership", "Red", "Green"], ["Leadership", "Amber", "Red"]]);
    expect(a.overall).toBe("Red");
  });
  it("rolls up by the majority when Settings says so", () => {
    const a = wb([["RAG roll-up rule", "majority"]]);
    expect(a.rag.workstreams[0].overall).toBe("Green");
  });
  it("challenges a reported RAG better than the computed one, at the reported cell", () => {
    const d = wb().diagnostics.filter((x) => x.code === "rag-mismatch");
    expect(d.map((x) => `${x.entity}@${x.cell}`)).toEqual(["P3@L4"]); // P4 reported Red, computed Amber: no challenge
    expect(d[0].message).toContain("reported Green but the plan says Red");
    expect(d[0].message).toContain("finish 91 days after baseline");
  });
  it("flags overdue milestones at the date cell", () => {
    const a = analyseWorkbook(
      snap({
        Projects: [PROJECT_HEADERS, projectRow({ id: "P1", finish: "2010-03-31" })],
        Milestones: [["ID", "Project", "Milestone", "Baseline Date", "Forecast Date", "Actual Date"], ["M1", "P1", "late", "2009-12-31", null, null], ["M2", "P1", "re-forecast late", "2009-10-31", "2010-01-15", null], ["M3", "P1", "done", "2009-10-31", null, "2009-11-02"]],
      }),
      { asOf: AS_OF },
    );
    const d = a.diagnostics.filter((x) => x.code === "overdue-milestone");
    expect(d.map((x) => `${x.entity}@${x.cell}`)).toEqual(["M1@D2", "M2@E3"]);
    expect(formatDay(a.asOf)).toBe("2010-01-31");
  });
});
