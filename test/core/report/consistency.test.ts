import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { readWorkbook } from "../../../src/hosts/xlsx/read";
import { writeReport } from "../../../src/hosts/xlsx/write-report";
import { dayFromYmd } from "../../../src/core/primitives/dates";
import { buildReportPlan } from "../../../src/core/report/build";
import type { PlanCell, PlanSheet } from "../../../src/core/report/plan";
import { milestonesDueNext } from "../../../src/core/report/selections";
import { makeContext } from "../../../src/core/report/context";
import { disagreements, statusCells, textClaims, textDisagreements } from "../../support/consistency";
import type { Analysis } from "../../../src/core/analysis/analyse";
import { planFor, SAMPLE_PATH } from "../../support/sample";
import { untidy } from "../../support/untidy";
import { readFileSync } from "node:fs";

const texts = (s: PlanSheet): string[] =>
  s.blocks.flatMap((b) => b.cells.flatMap((r) => r.map((c: PlanCell) => (typeof c?.v === "string" ? c.v : ""))));

describe("one story on every sheet", () => {
  it("the sample: every status cell of every sheet agrees with the analysis", async () => {
    const { analysis, plan } = await planFor();
    expect(statusCells(plan)).toBeGreaterThan(150);
    expect(disagreements(analysis, plan)).toEqual([]);
  });

  it("an untidy workbook: pushes, a duplicate, an unscored risk and a cycle, told the same everywhere", () => {
    const a = analyseWorkbook(untidy());
    const plan = buildReportPlan(a);
    expect(statusCells(plan)).toBeGreaterThan(30);
    expect(disagreements(a, plan)).toEqual([]);
    // The project pushed by its late milestone shows the same late finish and slip on the timeline and its highlight report.
    const u1 = a.rag.projects.get("U1")!;
    expect(u1.finishNow).toBeGreaterThan(dayFromYmd(2010, 3, 31));
    // A cycle is never "on track".
    for (const id of ["U3", "U4"])
      expect(a.rag.projects.get(id)!.schedule).toMatchObject({ rag: "Amber", rule: "not-computable" });
    // The duplicate row is named on the board, with its title, not only counted.
    const board = texts(plan.sheets[0]);
    expect(board).toContain("Real project with a duplicate ID");
    expect(board.some((t) => t.startsWith("Left out: duplicate of Projects!A2"))).toBe(true);
    // The unscored risk is named too.
    expect(board).toContain("Likelihood typed as six");
    expect(board.some((t) => /^Not on the heat map: R1/.test(t))).toBe(true);
  });
});

/** Items overdue in both reports must be overdue since the same date, a month more each month. */
function overdueDrift(first: Analysis, next: Analysis): string[] {
  const out: string[] = [];
  const both = [...first.rag.milestones, ...first.rag.projects];
  for (const [id, st] of both) {
    const later = next.rag.milestones.get(id) ?? next.rag.projects.get(id);
    if (!st.overdue || !later?.overdue) continue;
    if (later.dueDate !== st.dueDate)
      out.push(`${id} was due ${st.dueDate} in the first report and ${later.dueDate} in the next`);
    if (later.overdueDays !== st.overdueDays! + (next.asOf - first.asOf))
      out.push(`${id} is ${st.overdueDays} days overdue, then ${later.overdueDays}`);
  }
  return out;
}

describe("one slip per item, and every sentence agrees with it", () => {
  it("the sample: every sheet's 'was due … overdue' and 'finishes …, n days after' read back", async () => {
    const { analysis, plan } = await planFor();
    expect(textClaims(analysis, plan)).toBeGreaterThan(10);
    expect(textDisagreements(analysis, plan)).toEqual([]);
  });

  it("the untidy workbook: the same", () => {
    const a = analyseWorkbook(untidy());
    const plan = buildReportPlan(a);
    expect(textClaims(a, plan)).toBeGreaterThan(1);
    expect(textDisagreements(a, plan)).toEqual([]);
  });

  it("a project's own slip is its finish now against its baseline; its worst milestone is told apart", async () => {
    const { analysis } = await planFor();
    for (const [id, st] of analysis.rag.projects) {
      if (st.finishNow !== null && st.baseline !== null && !st.overdue)
        expect([id, st.slipDays]).toEqual([id, st.finishNow - st.baseline]);
      if (st.worstMilestone)
        expect(analysis.rag.milestones.get(st.worstMilestone.id)!.slipDays).toBe(st.worstMilestone.slipDays);
    }
  });

  it("two consecutive reports: an open item's overdue date stays, its days overdue grow by the month between", async () => {
    for (const [input, label] of [[new Uint8Array(readFileSync(SAMPLE_PATH)), "sample"]] as const) {
      const first = analyseWorkbook(await readWorkbook(input), { asOf: dayFromYmd(2010, 1, 31) });
      const written = await writeReport(input, buildReportPlan(first));
      const next = analyseWorkbook(await readWorkbook(written.data), { asOf: dayFromYmd(2010, 2, 28) });
      const plan = buildReportPlan(next);
      expect([label, ...overdueDrift(first, next)]).toEqual([label]);
      expect([label, ...disagreements(next, plan), ...textDisagreements(next, plan)]).toEqual([label]);
      expect(
        [...first.rag.milestones.values()].filter((m) => m.overdue && next.rag.milestones.get(m.id)!.overdue).length,
      ).toBeGreaterThan(3);
    }
    const u1 = analyseWorkbook(untidy(), { asOf: dayFromYmd(2010, 2, 28) });
    const u2 = analyseWorkbook(untidy(), { asOf: dayFromYmd(2010, 4, 30) });
    expect(overdueDrift(u1, u2)).toEqual([]);
    expect(textDisagreements(u2, buildReportPlan(u2))).toEqual([]);
  });
});

describe("the reporting period", () => {
  it("a 28 February report lists the 31 March milestones as due next period", async () => {
    const { analysis } = await planFor(SAMPLE_PATH, dayFromYmd(2010, 2, 28));
    expect(analysis.period).toMatchObject({
      start: dayFromYmd(2010, 2, 1),
      end: dayFromYmd(2010, 2, 28),
      nextEnd: dayFromYmd(2010, 3, 31),
      label: "February 2010",
      nextLabel: "March 2010",
    });
    const due = milestonesDueNext(makeContext(analysis)).map((m) => analysis.rag.milestones.get(m.id)!.finishNow);
    const march31 = due.filter((x) => x === dayFromYmd(2010, 3, 31)).length;
    expect(march31).toBeGreaterThanOrEqual(10);
    const board = texts(buildReportPlan(analysis).sheets[0]);
    expect(
      board.some((t) =>
        t.startsWith(`Milestones due by the end of next period, March 2010 (to 31 Mar 2010) (${due.length})`),
      ),
    ).toBe(true);
  });
});

describe("commentary", () => {
  it("a later period's row replaces an earlier one; rows after the as-of date wait", async () => {
    const jan = (await planFor(SAMPLE_PATH, dayFromYmd(2010, 1, 31))).analysis.commentary.programme!;
    expect(jan.statusSummary).toMatch(/^The plan is behind in three workstreams/);
    const dec = (await planFor(SAMPLE_PATH, dayFromYmd(2009, 12, 31))).analysis.commentary.programme!;
    expect(dec.statusSummary).toMatch(/^Four of five workstreams on track/);
  });
  it("becomes the executive summary, the highlight report's summary and lessons, and the board's decisions", async () => {
    const { plan } = await planFor();
    const board = texts(plan.sheets[0]);
    expect(board.some((t) => t.startsWith("The plan is behind in three workstreams"))).toBe(true);
    expect(board).toContain(
      "Approve re-scoping phase 2 of the knowledge management unit, with joint funding from the county council.",
    );
    expect(board).toContain("Approve: it keeps C5 on course for level 2 by March within the agreed investment.");
    const hr = texts(plan.sheets.find((s) => s.key === "highlight:Working in Partnership")!);
    expect(hr.some((t) => t.startsWith("Local partnerships are in place"))).toBe(true);
    expect(hr).toContain("Agree partner contracts before a programme's start date is announced.");
  });
});

describe("history", () => {
  it("the first report says so; a regenerated report keeps the trend for risks", async () => {
    const first = await planFor();
    expect(first.analysis.trends.programme).toBe("First report");
    expect([...first.analysis.trends.risks.values()].every((t) => t.trend === "First report")).toBe(true);
    const written = await writeReport(new Uint8Array(readFileSync(SAMPLE_PATH)), first.plan);
    const next = analyseWorkbook(await readWorkbook(written.data), { asOf: dayFromYmd(2010, 2, 28) });
    expect(next.trends.last.date).toBe(dayFromYmd(2010, 1, 31));
    const r05 = next.trends.risks.get("R05")!;
    expect(r05).toEqual({ trend: "→ Same", lastScore: 20 });
    expect(next.trends.programme).toMatch(/Same|Better|Worse/);
    const plan = buildReportPlan(next);
    expect(disagreements(next, plan)).toEqual([]);
  });
});
