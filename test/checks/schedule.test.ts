import { analyseWorkbook } from "../../src/checks/analyse";
import { addDays, dayFromYmd, formatDay } from "../support/days";
import { PROJECT_HEADERS, projectRow, snap } from "../support/snapshot";

const BASE = dayFromYmd(2009, 4, 1);
const d = (n: number) => formatDay(addDays(BASE, n));

/** Projects that start on day 0 with the given durations and finish-to-start predecessors. */
function network(items: [id: string, duration: number, deps: string][]) {
  const rows = items.map(([id, dur, deps]) => projectRow({ id, start: d(0), finish: d(dur), deps }));
  return analyseWorkbook(snap({ Projects: [PROJECT_HEADERS, ...rows] }), { asOf: BASE });
}

describe("critical path: Heizer & Render's Milwaukee Paper example", () => {
  // Operations Management (Heizer & Render), Milwaukee Paper Manufacturing: durations in weeks,
  // published answer: critical path A-C-E-G-H, 15 weeks; slack B 1, D 1, F 6, others 0.
  const a = network([
    ["A", 2, ""],
    ["B", 3, ""],
    ["C", 2, "A"],
    ["D", 4, "A, B"],
    ["E", 4, "C"],
    ["F", 3, "C"],
    ["G", 5, "D, E"],
    ["H", 2, "F, G"],
  ]);
  const published: Record<string, [number, number, number, number, number]> = {
    A: [0, 2, 0, 2, 0],
    B: [0, 3, 1, 4, 1],
    C: [2, 4, 2, 4, 0],
    D: [3, 7, 4, 8, 1],
    E: [4, 8, 4, 8, 0],
    F: [4, 7, 10, 13, 6],
    G: [8, 13, 8, 13, 0],
    H: [13, 15, 13, 15, 0],
  };
  it.each(Object.entries(published))("%s has the published ES, EF, LS, LF and slack", (id, [es, ef, ls, lf, slack]) => {
    const n = a.schedule.nodes.get(id)!;
    expect([n.earlyStart - BASE, n.earlyFinish - BASE, n.lateStart - BASE, n.lateFinish - BASE, n.totalFloat]).toEqual([es, ef, ls, lf, slack]);
    expect(n.critical).toBe(slack === 0);
  });
  it("finds the critical path in order and the programme end", () => {
    expect(a.schedule.criticalPath).toEqual(["A", "C", "E", "G", "H"]);
    expect(a.schedule.programmeEnd! - BASE).toBe(15);
  });
});

describe("link types and lags", () => {
  const pair = (type: string, yDur = 4) => {
    const a = network([
      ["X", 10, ""],
      ["Y", yDur, `X${type}`],
    ]);
    const y = a.schedule.nodes.get("Y")!;
    const x = a.schedule.nodes.get("X")!;
    return { y: [y.earlyStart - BASE, y.earlyFinish - BASE, y.totalFloat], x: [x.lateFinish - BASE, x.totalFloat], path: a.schedule.criticalPath };
  };
  it("FS with a lag: ES ≥ EF(pred) + lag", () => expect(pair("FS+3").y).toEqual([13, 17, 0]));
  it("FS with a lead: ES ≥ EF(pred) − lead", () => expect(pair("FS-2").y).toEqual([8, 12, 0]));
  it("SS: ES ≥ ES(pred) + lag; backward LS ≤ LS(succ) − lag", () => expect(pair("SS+5")).toEqual({ y: [5, 9, 1], x: [10, 0], path: ["X"] }));
  it("FF: EF ≥ EF(pred) + lag; backward LF ≤ LF(succ) − lag", () => expect(pair("FF+2")).toEqual({ y: [8, 12, 0], x: [10, 0], path: ["X", "Y"] }));
  it("SF: EF ≥ ES(pred) + lag; backward LS ≤ LF(succ) − lag", () => expect(pair("SF+10")).toEqual({ y: [6, 10, 0], x: [10, 0], path: ["X"] }));
  it("an own start later than any constraint wins", () => {
    const a = analyseWorkbook(snap({ Projects: [PROJECT_HEADERS, projectRow({ id: "X", start: d(0), finish: d(5) }), projectRow({ id: "Y", start: d(20), finish: d(25), deps: "X" })] }), { asOf: BASE });
    expect(a.schedule.nodes.get("Y")!.earlyStart - BASE).toBe(20);
    expect(a.schedule.nodes.get("X")!.totalFloat).toBe(15); // LF(X) = LS(Y) = 20, EF(X) = 5
  });
  it("a milestone has zero duration and can drive a project", () => {
    const a = analyseWorkbook(
      snap({
        Projects: [PROJECT_HEADERS, projectRow({ id: "P1", start: d(0), finish: d(10) }), projectRow({ id: "P2", start: d(0), finish: d(5), deps: "M1FS+1d" })],
        Milestones: [["ID", "Project", "Milestone", "Baseline Date", "Depends On"], ["M1", "P1", "gate", d(3), "P1"]],
      }),
      { asOf: BASE },
    );
    const m = a.schedule.nodes.get("M1")!;
    expect([m.earlyStart - BASE, m.earlyFinish - BASE]).toEqual([10, 10]);
    expect(a.schedule.nodes.get("P2")!.earlyStart - BASE).toBe(11);
    expect(a.schedule.criticalPath).toEqual(["P1", "M1", "P2"]);
  });
});

describe("slippage passed on", () => {
  const a = network([
    ["P1", 20, ""],
    ["P2", 10, "P1"],
    ["P3", 10, "P2"],
  ]);
  it("flags a start earlier than the dependency allows (date-conflict)", () => {
    const conflicts = a.diagnostics.filter((x) => x.code === "date-conflict");
    expect(conflicts.map((x) => `${x.entity}@${x.cell}`)).toEqual(["P2@E3", "P3@E4"]);
  });
  it("flags a finish pushed late, naming the predecessor that drives it and the root cause", () => {
    const slips = a.diagnostics.filter((x) => x.code === "slippage-impact");
    expect(slips.map((x) => `${x.entity}@${x.cell}`)).toEqual(["P2@F3", "P3@F4"]);
    expect(slips[0].message).toContain("P1 (FS) pushes it to");
    expect(slips[1].message).toMatch(/P2 \(FS\) pushes it to .*itself held up by P1/);
    expect(a.schedule.slipped.get("P3")).toEqual({ by: "P2", root: "P1", days: 30 });
  });
  it("lets a completed milestone stand on its actual date", () => {
    const b = analyseWorkbook(
      snap({
        Projects: [PROJECT_HEADERS, projectRow({ id: "P1", start: d(0), finish: d(30) })],
        Milestones: [["ID", "Project", "Milestone", "Baseline Date", "Actual Date", "Depends On"], ["M1", "P1", "early win", d(5), d(6), "P1"]],
      }),
      { asOf: BASE },
    );
    expect(b.schedule.nodes.get("M1")!.earlyFinish - BASE).toBe(6);
    expect(b.diagnostics.filter((x) => x.code === "slippage-impact")).toHaveLength(0);
  });
});

describe("cycles", () => {
  const a = network([
    ["P1", 5, "P3"],
    ["P2", 5, "P1"],
    ["P3", 5, "P2"],
    ["P4", 5, "P3"],
    ["P5", 7, ""],
    ["P6", 3, "P6"],
  ]);
  it("reports each cycle with its IDs in order", () => {
    const cyc = a.diagnostics.filter((x) => x.code === "dependency-cycle");
    expect(cyc).toHaveLength(2);
    expect(cyc.map((x) => x.message.split(".")[0])).toEqual(expect.arrayContaining(["Dependency cycle: P1 → P2 → P3 → P1", "Dependency cycle: P6 → P6"]));
    expect(a.schedule.cycles).toEqual(expect.arrayContaining([["P1", "P2", "P3"], ["P6"]]));
    expect(cyc.every((x) => x.severity === "error" && x.sheet === "Projects" && /^M\d+$/.test(x.cell))).toBe(true);
  });
  it("still analyses the rest of the network", () => {
    expect(a.schedule.nodes.get("P4")!.earlyStart - BASE).toBe(5);
    expect(a.schedule.nodes.get("P5")!.earlyFinish - BASE).toBe(7);
    expect(a.schedule.nodes.get("P1")!.inCycle).toBe(true);
  });
  it("handles a long chain without recursion limits", () => {
    const items: [string, number, string][] = Array.from({ length: 20000 }, (_, i) => [`T${i}`, 1, i ? `T${i - 1}` : ""]);
    const big = network(items);
    expect(big.schedule.programmeEnd! - BASE).toBe(20000);
    expect(big.schedule.criticalPath).toHaveLength(20000);
  });
});
