import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyseWorkbook, type Analysis } from "../../../src/core/analysis/analyse";
import { readWorkbook } from "../../../src/hosts/xlsx/read";
import { parseCsv } from "../../../src/core/workbook/csv";
import { dayFromYmd, formatDay } from "../../../src/core/primitives/dates";
import { cli } from "../../support/cli";
import {
  bigProjectExport,
  CRITICAL,
  projectCsv,
  projectTemplate,
  projectWizard,
  smartsheet,
  typedByHand,
} from "../../support/imports";
import { snap } from "../../support/snapshot";

const AS_OF = dayFromYmd(2026, 1, 20);
const dir = mkdtempSync(join(tmpdir(), "pmo-import-"));
const analyse = async (data: Uint8Array) => analyseWorkbook(await readWorkbook(data), { asOf: AS_OF });
const recognised = (a: Analysis) => a.diagnostics.find((d) => d.code === "recognised-as")?.message ?? "";

describe("plans from other tools", () => {
  let hand: Analysis;
  beforeAll(async () => {
    hand = await analyse(await typedByHand());
  });

  it("the plan typed by hand: the reference answer", () => {
    expect(hand.schedule.criticalPath).toEqual(CRITICAL);
    expect(hand.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it.each([
    ["Microsoft Project's Excel template (Task_Table, long text dates)", projectTemplate, "a Microsoft Project export"],
    [
      "Microsoft Project's Export Wizard (Task_Table1, underscores, US short dates)",
      projectWizard,
      "a Microsoft Project export",
    ],
    ["a Smartsheet export (row numbers, row grouping, no ID column)", smartsheet, "a Smartsheet export"],
  ])("%s gives the same critical path and dates as the plan typed by hand", async (_what, build, tool) => {
    const a = await analyse(await build());
    expect(recognised(a)).toContain(
      `was recognised as ${tool}: 11 tasks, 4 summaries (read as the programme "Community Services Redesign" and its workstreams), 2 milestones and 5 projects.`,
    );
    expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(a.programme.settings.programmeName).toBe("Community Services Redesign");
    expect(a.schedule.criticalPath).toEqual(CRITICAL);
    for (const id of ["3", "4", "5", "7", "8", "10", "11"]) {
      const [x, y] = [a.schedule.nodes.get(id)!, hand.schedule.nodes.get(id)!];
      expect([id, formatDay(x.earlyStart), formatDay(x.earlyFinish)]).toEqual([
        id,
        formatDay(y.earlyStart),
        formatDay(y.earlyFinish),
      ]);
    }
    // Summaries are groupings: the workstreams, never schedule items.
    expect(a.rag.workstreams.map((w) => w.name)).toEqual(["Estates", "Workforce", "Go-live"]);
    expect(a.schedule.nodes.has("1")).toBe(false);
    expect(a.programme.milestones.map((m) => [m.id, m.project])).toEqual([
      ["5", "4"],
      ["11", "10"],
    ]);
  });

  it("reads the wizard's US dates month first, saying so once per column, and its Resource_Names as leads", async () => {
    const a = await analyse(await projectWizard());
    const info = a.diagnostics.filter((d) => d.code === "bad-date" && d.severity === "info");
    expect(info.map((d) => d.cell)).toEqual(["E1", "F1", "K1", "L1", "P1"]);
    expect(info[0].message).toContain("can only be month-first");
    expect(a.programme.projects.find((p) => p.id === "7")!.lead).toBe("HR Business Partner");
    expect(a.rag.projects.get("3")!.done).toBe(true); // 100 % and an Actual_Finish
  });

  it("reads Smartsheet's RAG (Yellow is Amber, Gray no status) as the reported RAG", async () => {
    const a = await analyse(await smartsheet());
    expect(a.programme.projects.map((p) => [p.id, p.reportedRag])).toEqual([
      ["3", null],
      ["4", "Green"],
      ["7", "Green"],
      ["8", "Amber"],
      ["10", "Green"],
    ]);
  });

  it("reads a real-sized export with outline levels", async () => {
    const { data, counts } = await bigProjectExport();
    expect(counts.tasks).toBeGreaterThanOrEqual(2000);
    const a = await analyse(data);
    expect(recognised(a)).toContain(
      `${counts.tasks.toLocaleString("en-GB")} tasks, ${counts.summaries} summaries (read as workstreams), ${counts.milestones} milestones`,
    );
    expect(a.rag.workstreams).toHaveLength(10);
    expect(a.programme.projects.length + a.programme.milestones.length).toBe(counts.tasks - counts.summaries);
    expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("CSV", () => {
  it("reads comma- and semicolon-separated files, quoted fields, a BOM, keeping IDs with leading zeros as text", () => {
    const s = parseCsv('\uFEFFID;Name;"Notes"\r\n007;"Plan; phase ""one""";"line\nbreak"\n8;B;\n', "data");
    expect(s.rows).toEqual([
      ["ID", "Name", "Notes"],
      ["007", 'Plan; phase "one"', "line\nbreak"],
      [8, "B", null],
    ]);
  });
  it("check and report read Project's CSV export directly; report writes a new workbook with the data and the report", async () => {
    const f = join(dir, "Community plan.csv");
    writeFileSync(f, projectCsv());
    const c = await cli("check", f, "--json", "--as-of", "2026-01-20");
    expect(c.code).toBe(0);
    expect(JSON.parse(c.out).criticalPath).toEqual(CRITICAL);
    const out = join(dir, "csv-report.xlsx");
    const r = await cli("report", f, "-o", out, "--as-of", "2026-01-20");
    expect(r.code).toBe(0);
    expect(r.out).toContain('the CSV\'s data is the sheet "Community plan"');
    const back = await readWorkbook(readFileSync(out));
    expect(back.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Community plan", "Board Report", "Exceptions"]),
    );
  });
});

describe("dates and maps a PMO meets", () => {
  const H = ["ID", "Name", "Workstream", "Finish", "Actual Finish"];
  it("reads ambiguous text dates day first, or month first when Settings says so", () => {
    const day = analyseWorkbook(snap({ Projects: [H, ["P1", "a", "W", "2/3/2026", null]] }), { asOf: AS_OF });
    expect(formatDay(day.programme.projects[0].finish!)).toBe("2026-03-02");
    const month = analyseWorkbook(
      snap({ Projects: [H, ["P1", "a", "W", "2/3/2026", null]], Settings: [["Date order", "Month first"]] }),
      { asOf: AS_OF },
    );
    expect(formatDay(month.programme.projects[0].finish!)).toBe("2026-02-03");
  });
  it("warns of a year where a date belongs, and of an actual date after the as-of date", () => {
    const a = analyseWorkbook(
      snap({ Projects: [H, ["P1", "a", "W", 2010, null], ["P2", "b", "W", "2026-03-31", "2026-03-01"]] }),
      { asOf: AS_OF },
    );
    expect(a.diagnostics.find((d) => d.cell === "D2")).toMatchObject({ severity: "warning", code: "bad-date" });
    expect(a.diagnostics.find((d) => d.cell === "D2")!.message).toContain("2010 looks like a year, not a date");
    expect(a.diagnostics.find((d) => d.code === "future-actual")).toMatchObject({
      severity: "warning",
      cell: "E3",
      entity: "P2",
    });
  });
  it("a Column map on the Settings sheet names a header's field, before any other name", () => {
    const a = analyseWorkbook(
      snap({
        "Delivery Plan": [
          ["Ref", "Deliverable", "Accountable", "Stream", "Go-live"],
          ["D1", "Hub", "Ann", "Estates", "2026-03-31"],
        ],
        Settings: [
          ["Column map", "Delivery Plan", "Deliverable", "Name"],
          ["Column map", "Delivery Plan", "Accountable", "Lead"],
          ["Column map", "Delivery Plan", "Stream", "Workstream"],
          ["Column map", "Delivery Plan", "Go-live", "Finish"],
        ],
      }),
      { asOf: AS_OF },
    );
    expect(a.programme.projects.map((p) => [p.id, p.name, p.lead, p.workstream, formatDay(p.finish!)])).toEqual([
      ["D1", "Hub", "Ann", "Estates", "2026-03-31"],
    ]);
    expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("a plan export is a whole plan", () => {
  it("does not say projects or milestones are missing", async () => {
    const a = await analyse(await projectTemplate());
    expect(a.diagnostics.filter((d) => d.code === "missing-sheet").map((d) => d.message)).toEqual([
      "The workbook has no risks: risk checks are skipped. Add a Risks sheet to have them checked.",
    ]);
  });
});
