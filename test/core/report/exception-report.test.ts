import { readFileSync } from "node:fs";
import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { readWorkbook } from "../../../src/hosts/xlsx/read";
import { writeNewWorkbook } from "../../../src/hosts/xlsx/new-workbook";
import { dayFromYmd } from "../../../src/core/primitives/dates";
import { buildReportPlan } from "../../../src/core/report/build";
import type { PlanSheet } from "../../../src/core/report/plan";
import { SAMPLE_PATH } from "../../support/sample";

const texts = (s: PlanSheet) =>
  s.blocks.flatMap((b) => b.cells.flat().map((c) => c.v)).filter((v): v is string => typeof v === "string");

describe("PRINCE2 exception reports", () => {
  it("gives each of the sample's Red workstreams one, after its highlight report, and none to the others", async () => {
    const a = analyseWorkbook(await readWorkbook(new Uint8Array(readFileSync(SAMPLE_PATH))));
    const plan = buildReportPlan(a);
    const red = a.rag.workstreams.filter((w) => w.overall?.rag === "Red").map((w) => w.name);
    expect(red).toHaveLength(3);
    const keys = plan.sheets.map((s) => s.key);
    expect(keys.filter((k) => k.startsWith("exception:"))).toEqual(red.map((w) => `exception:${w}`));
    for (const w of red) expect(keys.indexOf(`exception:${w}`)).toBe(keys.indexOf(`highlight:${w}`) + 1);
    const er = plan.sheets.find((s) => s.key === "exception:Working in Partnership")!;
    expect(er.name).toBe("ER Working in Partnership");
    const t = texts(er);
    // The product description's parts, in its order.
    const parts = [
      "Exception",
      "Cause of the exception",
      "Consequences of the deviation",
      "Options",
      "Recommendation",
      "Lessons",
    ].map((h) => t.indexOf(h));
    expect(parts.every((i) => i >= 0)).toBe(true);
    expect([...parts].sort((x, y) => x - y)).toEqual(parts);
    expect(t).toContain("Working in Partnership: time, benefits and risk tolerances exceeded.");
    expect(t).toContain("P03"); // a Red project, with its reason, under the cause
    expect(t.some((s) => /^Not given: write it in the Cause column/.test(s))).toBe(true);
    expect(scope(plan)).toContain("exception:");
    // The highlight report links to it.
    const hr = plan.sheets.find((s) => s.key === "highlight:Working in Partnership")!;
    expect(
      hr.blocks
        .flatMap((b) => b.cells.flat())
        .some((c) => c.link && "sheetKey" in c.link && c.link.sheetKey === "exception:Working in Partnership"),
    ).toBe(true);
  });

  it("fills cause, consequences, options, recommendation and lessons from the Commentary sheet", async () => {
    const data = await writeNewWorkbook({
      sheets: [
        {
          name: "Projects",
          rows: [
            ["ID", "Name", "Workstream", "Lead", "Finish", "Baseline Finish"],
            ["P1", "Late project", "Estates", "Ann", "2026-09-30", "2026-03-31"],
            ["P2", "On time", "Digital", "Bob", "2026-09-30", "2026-09-30"],
          ],
        },
        {
          name: "Commentary",
          rows: [
            [
              "Period",
              "About",
              "Status Summary",
              "Recommendation",
              "Lessons",
              "Author",
              "Cause",
              "Consequences",
              "Options",
            ],
            [
              "2026-04-30",
              "Estates",
              "Behind.",
              "Option B: re-plan to September.",
              "Secure the site first.",
              "Ann Lee",
              "The contractor went into administration.",
              "The clinic opens six months late.",
              "A: retender (cost +£40k). B: re-plan to September (within cost, time tolerance exceeded).",
            ],
          ],
        },
      ],
    });
    const a = analyseWorkbook(await readWorkbook(data), { asOf: dayFromYmd(2026, 4, 30) });
    const plan = buildReportPlan(a);
    expect(plan.sheets.filter((s) => s.key.startsWith("exception:")).map((s) => s.key)).toEqual(["exception:Estates"]);
    const t = texts(plan.sheets.find((s) => s.key === "exception:Estates")!);
    for (const s of [
      "The contractor went into administration.",
      "The clinic opens six months late.",
      "A: retender (cost +£40k). B: re-plan to September (within cost, time tolerance exceeded).",
      "Option B: re-plan to September.",
      "Secure the site first.",
    ])
      expect(t).toContain(s);
    expect(t.some((s) => s.includes("Author: Ann Lee"))).toBe(true);
    expect(t.some((s) => s.startsWith("Not given"))).toBe(false);
  });
});

function scope(plan: { scope: string[] }): string[] {
  return plan.scope;
}
