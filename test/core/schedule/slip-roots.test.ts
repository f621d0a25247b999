import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { slipRoots, slipRootSentence } from "../../../src/core/schedule/slip-roots";
import { dayFromYmd, formatDay } from "../../../src/core/primitives/dates";
import { snap } from "../../support/snapshot";

const d = (y: number, m: number, dd: number) => formatDay(dayFromYmd(y, m, dd));

/** One late project at the head of a chain of four, and a second, smaller slip elsewhere. */
function chain() {
  return snap({
    Projects: [
      ["ID", "Name", "Workstream", "Start", "Finish", "Baseline Finish", "Depends On"],
      ["A1", "Late head", "W", d(2010, 1, 4), d(2010, 3, 31), d(2010, 2, 26), null],
      ["A2", "Second", "W", d(2010, 3, 1), d(2010, 3, 26), d(2010, 3, 26), "A1"],
      ["A3", "Third", "W", d(2010, 3, 29), d(2010, 4, 30), d(2010, 4, 30), "A2"],
      ["B1", "Other head", "W", d(2010, 1, 4), d(2010, 3, 5), d(2010, 3, 1), null],
      ["B2", "Other tail", "W", d(2010, 3, 2), d(2010, 3, 3), d(2010, 3, 3), "B1"],
    ],
    Milestones: [
      ["ID", "Project", "Milestone", "Baseline Date", "Forecast Date", "Depends On"],
      ["AM", "A3", "Go live", d(2010, 4, 30), d(2010, 4, 30), "A3"],
    ],
    Settings: [["Reporting date", d(2010, 1, 29)]],
  });
}

describe("slip roots", () => {
  it("one finding per root: how late, how many it pushes, the milestones and critical items it moves, worst first", () => {
    const a = analyseWorkbook(chain());
    const pushed = a.diagnostics
      .filter((x) => x.code === "slippage-impact")
      .map((x) => x.entity)
      .sort();
    expect(pushed).toEqual(["A2", "A3", "AM", "B2"]);
    const roots = slipRoots(a.schedule, a.rag);
    expect(roots.map((r) => r.root)).toEqual(["A1", "B1"]);
    const [a1, b1] = roots;
    expect(a1.pushed.map((p) => p.id).sort()).toEqual(["A2", "A3", "AM"]);
    expect(a1.milestones).toEqual(["AM"]);
    expect(a1.rootSlipDays).toBe(a.rag.projects.get("A1")!.slipDays);
    expect(a1.worstDays).toBe(Math.max(...a1.pushed.map((p) => p.days)));
    expect(b1.pushed.map((p) => p.id)).toEqual(["B2"]);
    expect(slipRootSentence(a1)).toMatch(
      /^A1 is \d+ days late and pushes 3 items \(up to \d+ days\); it moves milestone AM/,
    );
    expect(slipRootSentence(b1)).toMatch(/pushes 1 item \(up to 1 day\)|pushes 1 item \(up to \d+ days\)/);
  });
});
