import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { analyseWorkbook } from "../../src/core/analysis/analyse";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { buildSampleWorkbook } from "../../scripts/sample-workbook";

const SAMPLE = join(__dirname, "../../examples/sample-programme.xlsx");

describe("examples/sample-programme.xlsx", () => {
  it("is what scripts/make-sample.ts writes (run `npm run sample` after changing it)", async () => {
    const committed = await JSZip.loadAsync(readFileSync(SAMPLE));
    const fresh = await JSZip.loadAsync(await buildSampleWorkbook());
    const names = Object.keys(fresh.files).sort();
    expect(Object.keys(committed.files).sort()).toEqual(names);
    for (const n of names) expect(await committed.file(n)?.async("string")).toBe(await fresh.file(n)?.async("string"));
  });

  it("holds the OD plan: 5 programmes, 15 priority actions, 10 WCC competencies", async () => {
    const a = analyseWorkbook(await readWorkbook(readFileSync(SAMPLE)));
    expect(a.programme.projects).toHaveLength(15);
    expect(a.rag.workstreams.map((w) => w.name)).toEqual(["Working in Partnership", "Leadership Development", "Quality and Innovation", "Clinical Engagement", "Commissioning Competencies"]);
    expect(a.competencies).toHaveLength(10);
    expect(a.competencies.find((c) => c.id === "C5")).toMatchObject({ current: 1, currentFrom: "Panel", target: 3 });
  });

  it("gives the checks real things to say", async () => {
    const a = analyseWorkbook(await readWorkbook(readFileSync(SAMPLE)));
    const codes = new Set(a.diagnostics.map((d) => d.code));
    for (const c of ["overdue-milestone", "slippage-impact", "rag-mismatch", "competency-gap", "competency-uncovered", "risk-escalation", "stale-review", "missing-owner", "missing-mitigation", "overdue-issue", "benefit-off-track"])
      expect(codes).toContain(c);
    // a project reported Green that computes Red
    expect(a.diagnostics.some((d) => d.code === "rag-mismatch" && /reported Green but the plan says Red/.test(d.message))).toBe(true);
    // a slipped dependency: M11 holds up M41
    expect(a.diagnostics.find((d) => d.code === "slippage-impact" && d.entity === "M41")?.message).toContain("M11 finishes later than planned");
    expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
