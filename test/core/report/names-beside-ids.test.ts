import { analyseWorkbook, type Analysis } from "../../../src/core/analysis/analyse";
import { readWorkbook } from "../../../src/hosts/xlsx/read";
import { writeReport } from "../../../src/hosts/xlsx/write-report";
import { dayFromYmd } from "../../../src/core/primitives/dates";
import { itemName } from "../../../src/core/primitives/text";
import { worstMilestoneSlip } from "../../../src/core/status/slip";
import { milestoneSlipCell } from "../../../src/core/report/cells";
import { buildReportPlan } from "../../../src/core/report/build";
import type { ReportPlan } from "../../../src/core/report/plan";
import { planFor } from "../../support/sample";
import { sheetTexts } from "../../support/consistency";
import { projectTemplate, projectWizard, smartsheet } from "../../support/imports";

/**
 * A bare number that a sentence uses as an item's name: the subject of "was due", "is on track",
 * "finishes", "'s cost", or an entry in a list of items ("are Amber: 3, 4."). Dates ("16 Jan"),
 * counts ("2 of 3") and amounts are not followed by these, so they are not caught.
 */
const BARE_ID =
  /(?<![\w(£.:/-])(\d{1,4})(?= (?:was|is|finishes|cannot|misses|pushes|has)\b|'s\b|, \d+(?:[,.]|$)|[.;)]?$)/g;

/** Sentences (with a space in them) of both plans and the findings that name an imported task by its number alone. */
function bareIds(a: Analysis, plans: ReportPlan[]): string[] {
  const ids = new Set([...a.programme.projects, ...a.programme.milestones].map((x) => x.id));
  const texts = [...plans.flatMap(sheetTexts), ...a.diagnostics.map((d) => ({ where: d.code, text: d.message }))];
  return texts
    .filter(({ text }) => text.includes(" ") && [...text.matchAll(BARE_ID)].some((m) => ids.has(m[1])))
    .map(({ where, text }) => `${where}: ${text}`);
}

describe("names beside IDs", () => {
  it("a bare number gets its name; a programme's own ID is left as it is", () => {
    expect(itemName("7", "Recruit team")).toBe("Recruit team (7)");
    expect(itemName("P04", "Knowledge unit")).toBe("P04");
    expect(itemName("7", "")).toBe("7");
  });

  it.each([
    ["Microsoft Project's Excel template", projectTemplate],
    ["the Export Wizard's map", projectWizard],
    ["a Smartsheet export", smartsheet],
  ])("%s: no sentence of two consecutive reports names a task by its number alone", async (_, make) => {
    const bytes = await make();
    const first = analyseWorkbook(await readWorkbook(bytes), { asOf: dayFromYmd(2026, 2, 20) });
    const plan = buildReportPlan(first);
    const written = await writeReport(bytes, plan);
    const next = analyseWorkbook(await readWorkbook(written.data), { asOf: dayFromYmd(2026, 3, 20) });
    const plan2 = buildReportPlan(next);
    expect(bareIds(first, [plan])).toEqual([]);
    expect(bareIds(next, [plan2])).toEqual([]);
    // The sentences do name the tasks: the overdue (or unreported) recruitment, by its name and number.
    const all = [plan, plan2].flatMap(sheetTexts).map((t) => t.text);
    expect(all.some((t) => /Recruit team \(7\) was due 30 Jan 2026/.test(t))).toBe(true);
    expect(all.some((t) => /are (Red|Amber): Recruit team \(7\), Train team \(8\)/.test(t))).toBe(true);
  });

  it('a project\'s worst milestone slip names the milestone: "Go live (5): 14 days", not "5: 14 days"', () => {
    const named = (id: string) => itemName(id, id === "5" ? "Go live" : "Other");
    const worst = worstMilestoneSlip(
      [
        { id: "4", done: false, slipDays: 3 },
        { id: "5", done: false, slipDays: 14 },
        { id: "6", done: true, slipDays: 40 },
      ],
      named,
    );
    expect(worst).toEqual({ id: "5", label: "Go live (5)", slipDays: 14 });
    expect(milestoneSlipCell(worst).v).toBe("Go live (5): 14 days");
    expect(worstMilestoneSlip([{ id: "M3", done: false, slipDays: 2 }])?.label).toBe("M3");
  });

  it("the sample's own IDs read as before", async () => {
    const { plan } = await planFor();
    expect(sheetTexts(plan).some((t) => /P04 was due 31 Dec 2009/.test(t.text))).toBe(true);
  });
});
