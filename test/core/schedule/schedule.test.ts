import { analyseWorkbook, type Analysis } from "../../../src/core/analysis/analyse";
import { asWorkIndex, dayAtIndex, indexOnOrAfter, makeCalendar } from "../../../src/core/primitives/calendar";
import type { CellValue } from "../../../src/core/primitives/cell";
import { dayFromYmd, formatDay } from "../../../src/core/primitives/dates";
import { PROJECT_HEADERS, projectRow, snap } from "../../support/snapshot";

/** Mon 6 Apr 2026 … the examples' working weeks. */
const AS_OF = dayFromYmd(2026, 1, 5);
const iso = (y: number, m: number, d: number) => formatDay(dayFromYmd(y, m, d));
const apr = (d: number) => iso(2026, 4, d);

function analyse(sheets: Record<string, CellValue[][]>): Analysis {
  return analyseWorkbook(snap(sheets), { asOf: AS_OF });
}
const node = (a: Analysis, id: string) => a.schedule.nodes.get(id)!;
const shown = (a: Analysis, id: string) => {
  const n = node(a, id);
  return {
    es: formatDay(n.earlyStart),
    ef: formatDay(n.earlyFinish),
    ls: n.lateStart === null ? null : formatDay(n.lateStart),
    lf: n.lateFinish === null ? null : formatDay(n.lateFinish),
    float: n.totalFloat,
  };
};

describe("critical path: Heizer & Render's Milwaukee Paper example, entered with consistent dates", () => {
  // Operations Management (Heizer & Render), Milwaukee Paper Manufacturing, durations as working days.
  // Published answer: critical path A-C-E-G-H, 15 units; slack B 1, D 1, F 6, others 0; ES/EF/LS/LF below.
  // Entered as a planner would type it: each activity starts the working day after its latest
  // predecessor finishes (Finish is the last day of work), from Monday 6 April 2026.
  const cal = makeCalendar("working");
  const start0 = indexOnOrAfter(cal, dayFromYmd(2026, 4, 6));
  const at = (i: number) => formatDay(dayAtIndex(cal, asWorkIndex(start0 + i)));
  const published: Record<
    string,
    [dur: number, deps: string, es: number, ef: number, ls: number, lf: number, slack: number]
  > = {
    A: [2, "", 0, 2, 0, 2, 0],
    B: [3, "", 0, 3, 1, 4, 1],
    C: [2, "A", 2, 4, 2, 4, 0],
    D: [4, "A, B", 3, 7, 4, 8, 1],
    E: [4, "C", 4, 8, 4, 8, 0],
    F: [3, "C", 4, 7, 10, 13, 6],
    G: [5, "D, E", 8, 13, 8, 13, 0],
    H: [2, "F, G", 13, 15, 13, 15, 0],
  };
  const a = analyse({
    Projects: [
      PROJECT_HEADERS,
      ...Object.entries(published).map(([id, [dur, deps, es]]) =>
        projectRow({ id, start: at(es), finish: at(es + dur - 1), deps }),
      ),
    ],
  });
  it.each(Object.entries(published))(
    "%s has the published ES, EF, LS, LF and slack (Finish shown as the last day of work)",
    (id, [, , es, ef, ls, lf, slack]) => {
      expect(shown(a, id)).toEqual({ es: at(es), ef: at(ef - 1), ls: at(ls), lf: at(lf - 1), float: slack });
      expect(node(a, id).critical).toBe(slack === 0);
    },
  );
  it("lists every zero-float item on the critical path, in order of early start", () => {
    expect(a.schedule.criticalPath).toEqual(["A", "C", "E", "G", "H"]);
    expect(a.schedule.programmeEnd).toBe(dayAtIndex(cal, asWorkIndex(start0 + 14)));
  });
  it("reports no conflict or slip on a plan whose dates respect its links", () => {
    expect(a.diagnostics.filter((d) => ["date-conflict", "slippage-impact"].includes(d.code))).toEqual([]);
  });
  it("names the binding predecessors, ties included", () => {
    expect(node(a, "G").drivers.map((d) => d.from)).toEqual(["E"]);
    expect(node(a, "D").drivers.map((d) => d.from)).toEqual(["B"]);
  });
});

describe("a plan typed back to back, with a milestone", () => {
  // A Mon 6 – Fri 17 Apr, B Mon 20 Apr – Fri 1 May, M (end of B) Fri 1 May, C from Tue 5 May (Mon 4 May is a bank holiday).
  const a = analyse({
    Projects: [
      PROJECT_HEADERS,
      projectRow({ id: "A", start: apr(6), finish: apr(17) }),
      projectRow({ id: "B", start: apr(20), finish: iso(2026, 5, 1), deps: "A" }),
      projectRow({ id: "C", start: iso(2026, 5, 5), finish: iso(2026, 5, 15), deps: "M" }),
    ],
    Milestones: [
      ["ID", "Project", "Milestone", "Baseline Date", "Depends On"],
      ["M", "B", "B signed off", iso(2026, 5, 1), "B"],
    ],
    Holidays: [
      ["Date", "Name"],
      [iso(2026, 5, 4), "Early May bank holiday"],
    ],
  });
  it("is all critical, with zero float at every hand-off", () => {
    expect(a.schedule.criticalPath).toEqual(["A", "B", "M", "C"]);
    for (const id of ["A", "B", "M", "C"]) expect(node(a, id).totalFloat).toBe(0);
  });
  it("puts a milestone that follows a task on that task's last day", () => {
    expect(shown(a, "M")).toMatchObject({ es: iso(2026, 5, 1), ef: iso(2026, 5, 1) });
  });
  it("lets a task finishing on a Friday hand over to one starting on Monday", () => {
    expect(shown(a, "B").es).toBe(apr(20));
    expect(node(a, "B").drivers).toEqual([
      { from: "A", to: "B", type: "FS", lag: { value: 0, unit: "wd" }, sheet: "Projects", cell: "M3" },
    ]);
  });
  it("counts durations in working days, Start to Finish inclusive", () => {
    expect([node(a, "A").duration, node(a, "B").duration, node(a, "M").duration, node(a, "C").duration]).toEqual([
      10, 10, 0, 9,
    ]);
  });
});

describe("weekends and holidays", () => {
  const sheets = (holidays: CellValue[][]) => ({
    Projects: [
      PROJECT_HEADERS,
      projectRow({ id: "X", start: apr(2), finish: apr(8) }),
      projectRow({ id: "Y", start: apr(9), finish: apr(10), deps: "X" }),
    ],
    Holidays: [["Date", "Name"], ...holidays],
  });
  it("skips a weekend and holidays inside a task", () => {
    const a = analyse(
      sheets([
        [apr(3), "Good Friday"],
        [apr(6), "Easter Monday"],
      ]),
    );
    expect(node(a, "X").duration).toBe(3); // Thu 2, Tue 7, Wed 8
    expect(shown(a, "Y")).toMatchObject({ es: apr(9), ef: apr(10), float: 0 });
  });
  it("counts the weekend only when there are no holidays", () => {
    expect(node(analyse(sheets([])), "X").duration).toBe(5); // Thu 2, Fri 3, Mon 6, Tue 7, Wed 8
  });
  it("moves a start on a non-working day forward and a finish back, saying so at the cell", () => {
    const a = analyse({ Projects: [PROJECT_HEADERS, projectRow({ id: "W", start: apr(4), finish: apr(12) })] });
    expect(shown(a, "W")).toMatchObject({ es: apr(6), ef: apr(10) });
    const info = a.diagnostics.filter((d) => d.code === "non-working-day");
    expect(info.map((d) => [d.severity, d.cell])).toEqual([
      ["info", "E2"],
      ["info", "F2"],
    ]);
    expect(info[0].message).toContain("Saturday");
  });
  it("treats every day as working in calendar-days mode", () => {
    const a = analyse({ ...sheets([[apr(3), "Good Friday"]]), Settings: [["Calendar", "Calendar days"]] });
    expect(node(a, "X").duration).toBe(7);
    expect(a.schedule.calendar.kind).toBe("calendar");
    expect(a.diagnostics.filter((d) => d.code === "non-working-day")).toEqual([]);
  });
});

describe("lags in every unit", () => {
  // X Mon 6 – Thu 9 Apr 2026 (4 working days); Y depends on X with the lag given.
  const y = (ref: string) => {
    const a = analyse({
      Projects: [
        PROJECT_HEADERS,
        projectRow({ id: "X", start: apr(6), finish: apr(9) }),
        projectRow({ id: "Y", start: apr(6), finish: apr(6), deps: ref }),
      ],
    });
    return shown(a, "Y").es;
  };
  it.each([
    ["X", apr(10)],
    ["XFS+0", apr(10)],
    ["X+2", apr(14)], // a plain number: working days
    ["XFS+2d", apr(14)],
    ["XFS+2 days", apr(14)], // Microsoft Project's spelling
    ["X FS +2d", apr(14)], // Smartsheet's
    ["XFS+1w", apr(17)], // 5 working days
    ["XFS+1mo", iso(2026, 5, 8)], // 20 working days
    ["XFS+6h", apr(13)], // 8 hours a day, rounded up: 1 day
    ["XFS+1ed", apr(13)], // end of Thursday + 24 h = end of Friday: Monday
    ["XFS+2ed", apr(13)], // Saturday 00:00 → next working time, Monday
    ["XFS+1ew", apr(17)], // end of Thursday + 7 days = end of Thursday 16: Friday
    ["XFS+50%", apr(14)], // half of X's 4 days
    ["XFS-2 days", apr(8)],
    ["XFS-1ed", apr(9)],
  ])("%s starts Y on %s", (ref, want) => expect(y(ref)).toBe(want));
});

describe("each link type, with a negative lag, both passes", () => {
  // X Mon 6 – Fri 10 Apr; Y 3 working days, entered early so that only the link binds.
  const pair = (ref: string) => {
    const a = analyse({
      Projects: [
        PROJECT_HEADERS,
        projectRow({ id: "X", start: apr(6), finish: apr(10) }),
        projectRow({ id: "Y", start: iso(2026, 3, 2), finish: iso(2026, 3, 4), deps: ref }),
      ],
    });
    return { y: shown(a, "Y"), x: shown(a, "X") };
  };
  it("FS-2d: Y starts two working days before X finishes", () => {
    const r = pair("XFS-2d");
    expect(r.y).toEqual({ es: apr(9), ef: apr(13), ls: apr(9), lf: apr(13), float: 0 });
    expect(r.x).toMatchObject({ lf: apr(10), float: 0 });
  });
  it("SS-1d: Y starts a working day before X starts", () => {
    const r = pair("XSS-1d");
    expect(r.y).toMatchObject({ es: apr(3), ef: apr(7) });
    expect(r.x).toMatchObject({ ef: apr(10), float: 0 });
    expect(r.y.float).toBe(3); // the programme ends with X on Friday 10
  });
  it("FF-1d: Y finishes a working day before X finishes", () => {
    const r = pair("XFF-1d");
    expect(r.y).toMatchObject({ es: apr(7), ef: apr(9), lf: apr(10), float: 1 });
  });
  it("SF-1d: Y finishes the working day before X starts minus one", () => {
    const r = pair("XSF-1d");
    expect(r.y).toMatchObject({ ef: apr(2), float: 6 });
  });
  it("a lag read from the Dependencies sheet in working days", () => {
    const a = analyse({
      Projects: [
        PROJECT_HEADERS,
        projectRow({ id: "X", start: apr(6), finish: apr(10) }),
        projectRow({ id: "Y", start: apr(6), finish: apr(6) }),
      ],
      Dependencies: [
        ["From", "To", "Type", "Lag (days)"],
        ["X", "Y", "FS", 3],
      ],
    });
    expect(shown(a, "Y").es).toBe(apr(16));
  });
});

describe("done items are facts", () => {
  it("a done predecessor still binds an open successor", () => {
    const a = analyse({
      Projects: [
        PROJECT_HEADERS,
        projectRow({ id: "D", start: apr(6), finish: apr(10), status: "Complete" }),
        projectRow({ id: "O", start: apr(13), finish: apr(17), deps: "D" }),
      ],
    });
    expect(shown(a, "O")).toMatchObject({ es: apr(13), float: 0 });
    expect(node(a, "D")).toMatchObject({ done: true, totalFloat: null, critical: false, lateFinish: null });
    expect(a.schedule.criticalPath).toEqual(["O"]);
  });
  it("an open predecessor of a done item gets no negative float from it", () => {
    const a = analyse({
      Projects: [
        PROJECT_HEADERS,
        projectRow({ id: "O", start: apr(6), finish: apr(17) }),
        projectRow({ id: "D", start: apr(6), finish: apr(8), pct: 100, deps: "O" }),
        projectRow({ id: "Z", start: apr(6), finish: apr(24) }),
      ],
    });
    expect(node(a, "O").totalFloat).toBe(5);
    expect(node(a, "O").critical).toBe(false);
    expect(node(a, "D").earlyStart).toBe(dayFromYmd(2026, 4, 6));
    expect(a.schedule.criticalPath).toEqual(["Z"]);
  });
  it("a milestone with an actual date stands on it", () => {
    const a = analyse({
      Projects: [PROJECT_HEADERS, projectRow({ id: "P1", start: apr(6), finish: apr(30) })],
      Milestones: [
        ["ID", "Project", "Milestone", "Baseline Date", "Actual Date", "Depends On"],
        ["M1", "P1", "early win", apr(8), apr(9), "P1"],
      ],
    });
    expect(shown(a, "M1").ef).toBe(apr(9));
    expect(a.diagnostics.filter((x) => ["slippage-impact", "date-conflict"].includes(x.code))).toEqual([]);
  });
});

describe("root causes told truthfully", () => {
  it("a predecessor that finishes later than planned pushes its successors (slippage-impact, with the chain's start)", () => {
    const a = analyse({
      Projects: [
        PROJECT_HEADERS,
        projectRow({ id: "P1", start: apr(6), finish: apr(24), baseline: apr(17) }),
        projectRow({ id: "P2", start: apr(20), finish: apr(24), deps: "P1" }),
        projectRow({ id: "P3", start: apr(27), finish: iso(2026, 5, 1), deps: "P2" }),
      ],
    });
    const slips = a.diagnostics.filter((x) => x.code === "slippage-impact");
    expect(slips.map((x) => `${x.entity}@${x.cell}`)).toEqual(["P2@F3", "P3@F4"]);
    expect(slips[0].message).toContain("P1 finishes later than planned");
    expect(slips[1].message).toContain("the chain starts at P1");
    expect(node(a, "P3").push).toEqual({ kind: "slip", by: "P2", root: "P1", days: 7 });
    expect(a.diagnostics.filter((x) => x.code === "date-conflict")).toEqual([]);
  });
  it("nothing slipped: a start entered before a done, on-time predecessor's finish is a conflict of dates", () => {
    const a = analyse({
      Projects: [
        PROJECT_HEADERS,
        projectRow({ id: "Y", start: apr(6), finish: apr(17), baseline: apr(17), status: "Complete" }),
        projectRow({ id: "X", start: apr(13), finish: apr(17), deps: "Y" }),
      ],
    });
    expect(a.diagnostics.filter((x) => x.code === "slippage-impact")).toEqual([]);
    const c = a.diagnostics.filter((x) => x.code === "date-conflict");
    expect(c).toHaveLength(1);
    expect(c[0].message).toMatch(/^X's dates conflict with its dependency on Y \(FS\).*Nothing has slipped/);
    expect(node(a, "X").push).toMatchObject({ kind: "conflict", by: "Y", root: "X" });
    expect(a.rag.projects.get("X")!.schedule).toMatchObject({ rag: "Amber", rule: "slip" }); // finishes 24 Apr, 7 days after the entered 17th
  });
  it("names cycles in waiting order and leaves the rest analysed", () => {
    const a = analyse({
      Projects: [
        PROJECT_HEADERS,
        projectRow({ id: "P1", start: apr(6), finish: apr(10), deps: "P3" }),
        projectRow({ id: "P2", start: apr(6), finish: apr(10), deps: "P1" }),
        projectRow({ id: "P3", start: apr(6), finish: apr(10), deps: "P2" }),
        projectRow({ id: "P4", start: apr(13), finish: apr(17), deps: "P3" }),
        projectRow({ id: "P6", start: apr(6), finish: apr(10), deps: "P6" }),
      ],
    });
    const cyc = a.diagnostics.filter((x) => x.code === "dependency-cycle");
    expect(cyc.map((x) => x.message.split(".")[0]).sort()).toEqual([
      "Dependency cycle: P1 waits for P3, which waits for P2, which waits for P1",
      "Dependency cycle: P6 waits for itself",
    ]);
    expect(a.schedule.cycles).toEqual(expect.arrayContaining([["P1", "P3", "P2"], ["P6"]]));
    expect(node(a, "P1")).toMatchObject({ inCycle: true, computable: false, totalFloat: null, critical: false });
    expect(shown(a, "P4")).toMatchObject({ es: apr(13), float: 0 });
    // Items whose schedule cannot be computed are at least Amber, with that reason.
    expect(a.rag.projects.get("P1")!.schedule).toMatchObject({ rag: "Amber", rule: "not-computable" });
    expect(a.rag.projects.get("P1")!.schedule.because).toContain("dependency cycle");
  });
  it("handles a long chain without recursion limits", () => {
    const rows = Array.from({ length: 20000 }, (_, i) =>
      projectRow({ id: `T${i}`, start: apr(6), finish: apr(6), deps: i ? `T${i - 1}` : "" }),
    );
    const a = analyse({ Projects: [PROJECT_HEADERS, ...rows], Settings: [["Calendar", "Calendar days"]] });
    expect(a.schedule.programmeEnd! - dayFromYmd(2026, 4, 6)).toBe(19999);
    expect(a.schedule.criticalPath).toHaveLength(20000);
  });
});

describe("against dates Microsoft Project computed for the same network", () => {
  // joniles/mpxj, junit/data/generated/task-links/task-links-project2019-mspdi.xml (commit 764fe84f):
  // a file Microsoft Project 2019 wrote from junit/GenerateTestData.bas. Standard calendar, project
  // start Thu 18 Oct 2018, every task one day; Project's Start, Finish and TotalSlack (in tenths of a
  // minute: 4800 = one 8-hour day). Predecessors as Project writes them (LinkLag 4800 = 1d).
  const rows: [id: string, deps: string, start: string, finish: string, slackDays: number][] = [
    ["1", "", "2018-10-18", "2018-10-18", 10],
    ["2", "1", "2018-10-19", "2018-10-19", 10],
    ["3", "", "2018-10-18", "2018-10-18", 9],
    ["4", "3FS+1d", "2018-10-22", "2018-10-22", 9],
    ["5", "", "2018-10-18", "2018-10-18", 8],
    ["6", "5FS+2d", "2018-10-23", "2018-10-23", 8],
    ["7", "", "2018-10-18", "2018-10-18", 5],
    ["8", "7FS+1w", "2018-10-26", "2018-10-26", 5],
    ["9", "", "2018-10-18", "2018-10-18", 0],
    ["10", "9FS+2w", "2018-11-02", "2018-11-02", 0],
    ["11", "", "2018-10-18", "2018-10-18", 11],
    ["12", "11SF+2d", "2018-10-19", "2018-10-19", 10], // Project shows the SF finish (Mon 08:00) as Fri 17:00
    ["13", "", "2018-10-18", "2018-10-18", 11],
    ["14", "13SS+2d", "2018-10-22", "2018-10-22", 9],
    ["15", "", "2018-10-18", "2018-10-18", 9],
    ["16", "15FF+2d", "2018-10-22", "2018-10-22", 9],
  ];
  const a = analyseWorkbook(
    snap({
      Projects: [PROJECT_HEADERS, ...rows.map(([id, deps, start, finish]) => projectRow({ id, start, finish, deps }))],
    }),
    { asOf: dayFromYmd(2018, 10, 1) },
  );
  it.each(rows)("task %s (%s) has Project's early start and finish", (id, _deps, start, finish) => {
    expect([formatDay(node(a, id).earlyStart), formatDay(node(a, id).earlyFinish)]).toEqual([start, finish]);
  });
  // Project leaves the predecessor of an SS or SF link unconstrained in its backward pass (tasks 11 and 13:
  // late start 2 Nov, 11 days' slack); this engine applies the textbook rule the docs state
  // (SS: LS ≤ LS(succ) − lag; SF: LS ≤ LF(succ) − lag), which gives 10 and 9. docs/dependencies.md says so.
  it.each(rows.filter(([id]) => id !== "11" && id !== "13"))(
    "task %s has Project's total slack",
    (id, _d, _s, _f, slack) => {
      expect(node(a, id).totalFloat).toBe(slack);
    },
  );
  it("differs from Project only where documented: the SS and SF predecessors", () => {
    expect([node(a, "11").totalFloat, node(a, "13").totalFloat]).toEqual([10, 9]);
  });
  it("ends where Project's project summary ends, on the critical chain 9 → 10", () => {
    expect(formatDay(a.schedule.programmeEnd!)).toBe("2018-11-02");
    expect(a.schedule.criticalPath).toEqual(["9", "10"]);
  });
});
