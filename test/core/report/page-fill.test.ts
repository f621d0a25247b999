import { readFileSync } from "node:fs";
import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { readWorkbook } from "../../../src/hosts/xlsx/read";
import { writeReport } from "../../../src/hosts/xlsx/write-report";
import { dayFromYmd } from "../../../src/core/primitives/dates";
import { buildReportPlan } from "../../../src/core/report/build";
import { measureTable } from "../../../src/core/report/layout";
import { cell } from "../../../src/core/report/plan";
import type { PlanSheet, ReportPlan } from "../../../src/core/report/plan";
import { planFor, SAMPLE_PATH } from "../../support/sample";
import { untidy } from "../../support/untidy";

/**
 * How full each printed page of a report sheet is, from the plan alone: its row heights (15 pt
 * where none is given, as a client draws a row), its page breaks, and the printable height of the
 * A4 landscape page both hosts set up (8.27" less the 0.6" top and bottom margins), scaled as the
 * sheet is fitted one page wide (11.69" less the 0.4" side margins over the columns' widths).
 */
interface Page {
  sheet: string;
  page: number;
  fill: number;
  /** The section the page's first row belongs to started on an earlier page. */
  continues: boolean;
  /** The next page starts a section of its own (or there is none). */
  endsSection: boolean;
}

const columnPt = (chars: number) => (chars * 7 + 5) * 0.75;

function pagesOf(sheet: PlanSheet): Page[] {
  const width = sheet.widths.reduce((n, w) => n + columnPt(w), 0);
  const scale = Math.min(1, ((11.69 - 0.8) * 72) / width);
  const printable = ((8.27 - 1.2) * 72) / scale;
  const rows = sheet.blocks.filter((b) => b.col <= (sheet.printArea?.right ?? Infinity));
  const written = Math.max(0, ...rows.map((b) => b.row + b.cells.length - 1));
  const last = Math.max(sheet.printArea?.bottom ?? written, ...sheet.charts.map((c) => c.anchor.toRow - 1));
  const sections = new Set<number>();
  for (const b of sheet.blocks)
    b.cells.forEach((r, i) => {
      if (r.some((c) => c?.s === "section" || c?.s === "title")) sections.add(b.row + i);
    });
  // The plan's breaks, and where the client breaks by itself: a row that runs past the foot of the page.
  const starts = [0];
  const breaks = new Set(sheet.rowBreaks ?? []);
  const used: number[] = [0];
  for (let r = 0; r <= last; r++) {
    const h = sheet.heights?.[r] ?? 15;
    if (breaks.has(r) || used[used.length - 1] + h > printable) {
      starts.push(r);
      used.push(0);
    }
    used[used.length - 1] += h;
  }
  return starts.map((from, k) => ({
    sheet: sheet.name,
    page: k + 1,
    fill: Math.round((used[k] / printable) * 100) / 100,
    continues: !sections.has(from),
    endsSection: k + 1 === starts.length || sections.has(starts[k + 1]),
  }));
}

/** Pages under a third full that are not the tail of a section run on from an earlier page. */
function underfull(plan: ReportPlan): Page[] {
  return plan.sheets
    .flatMap(pagesOf)
    .filter((p, _, all) => all.filter((q) => q.sheet === p.sheet).length > 1)
    .filter((p) => p.fill < 1 / 3 && !(p.continues && p.endsSection));
}

describe("page fill: no page of the pack is less than a third full, but a section's last", () => {
  it("the sample", async () => {
    const { plan } = await planFor();
    const pages = plan.sheets.flatMap(pagesOf);
    expect(pages.length).toBeGreaterThan(plan.sheets.length); // the walk reads the pages
    expect(underfull(plan)).toEqual([]);
    // The report sheets page where the plan breaks them: the client adds no page of its own.
    const laid = plan.sheets.filter((s) => s.rowBreaks?.length);
    expect(laid.length).toBeGreaterThan(3);
    for (const s of laid) expect([s.name, pagesOf(s).length]).toEqual([s.name, s.pages]);
    // The RAG key shares a page: the board's last page is not the key alone.
    const board = pagesOf(plan.sheets[0]);
    expect(board[board.length - 1].fill).toBeGreaterThan(1 / 3);
  });

  it("the untidy workbook", () => {
    expect(underfull(buildReportPlan(analyseWorkbook(untidy())))).toEqual([]);
  });

  it("the sample's second report", async () => {
    const input = new Uint8Array(readFileSync(SAMPLE_PATH));
    const first = analyseWorkbook(await readWorkbook(input), { asOf: dayFromYmd(2010, 1, 31) });
    const written = await writeReport(input, buildReportPlan(first));
    const next = analyseWorkbook(await readWorkbook(written.data), { asOf: dayFromYmd(2010, 2, 28) });
    expect(underfull(buildReportPlan(next))).toEqual([]);
  });
});

describe("page breaks of a long plain table", () => {
  it("are the plan's, up to the 1,026 a sheet can hold in Excel", () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [cell(`row ${i}`, "text")]);
    const some = measureTable([20, 20], rows(200));
    expect(some.rowBreaks.length).toBe(some.pages - 1);
    expect(some.rowBreaks.length).toBeGreaterThan(3);
    const many = measureTable([20, 20], rows(60000));
    expect(many.pages).toBeGreaterThan(1027);
    expect(many.rowBreaks.length).toBe(1026);
  });
});
