import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect, pdfPages, pdfText, toPdf, type LoSheet } from "../../support/libreoffice";
import { reportCases } from "../../support/report-cases";
import { LO_RICH, SAMPLE_PATH } from "../../support/sample";

/**
 * Opens what the report writer produces in LibreOffice, a client independent of our code:
 * it must load, convert to PDF with the report's pages, and show the charts, while the
 * user's own chart, image, pivot table and names survive.
 */
const dir = mkdtempSync(join(tmpdir(), "pmo-lo-"));
let result: Record<string, { sheets: Record<string, LoSheet>; names: string[] }>;
let pdfs: string[];
let inputPdfs: string[];
let names: string[];
const out = (n: string) => join(dir, `${n}.xlsx`);

beforeAll(async () => {
  // Every kind of output the report writer is tested on, opened in one LibreOffice run.
  const cases = await reportCases();
  names = Object.keys(cases);
  for (const [n, data] of Object.entries(cases)) writeFileSync(out(n), data);
  pdfs = toPdf(names.map(out), dir);
  inputPdfs = toPdf([SAMPLE_PATH, LO_RICH], mkdtempSync(join(tmpdir(), "pmo-lo-in-")));
  result = inspect(names.map(out));
}, 300_000);

describe("the report in LibreOffice", () => {
  it("opens and converts every output the tests produce", () => {
    for (const [i, n] of names.entries()) {
      expect({ n, pages: pdfPages(pdfs[i]) > 0 }).toEqual({ n, pages: true });
      expect(Object.keys(result[out(n)].sheets)).toContain(n === "name-clash-report" ? "Exceptions (2)" : "Exceptions");
    }
  });

  it("converts to PDF with a page or more for each report sheet", () => {
    const reportPages = pdfPages(pdfs[0]) - pdfPages(inputPdfs[0]);
    expect(reportPages).toBeGreaterThanOrEqual(8); // board, 5 highlight reports, exceptions, history
    expect(reportPages).toBeLessThanOrEqual(45); // fit to one page wide, paged by section: no runaway pages
    expect(pdfPages(pdfs[names.indexOf("lo-rich-report")])).toBeGreaterThan(pdfPages(inputPdfs[1]));
  });

  it("prints the board report's headings and chart titles", () => {
    const t = pdfText(pdfs[0]).replace(/\s+/g, " "); // a chart title may wrap, its second line beside the next chart's title
    for (const s of [
      "Programme Board report",
      "Executive summary",
      "Decisions for the board",
      "PMO challenges",
      "Finance",
      "Projects by RAG in each",
      "Overall RAG mix of projects",
      "Competencies: current level against target",
      "Programme timeline",
      "Highlight report: Working in Partnership",
      "Exceptions",
      "OFFICIAL",
    ])
      expect(t).toContain(s);
  });

  it("shows the board report's five native charts, of the right types", () => {
    const board = result[out("sample-report")].sheets["Board Report"];
    expect(board.charts).toEqual([
      { title: "Projects by RAG in each workstream", type: "BarDiagram/stacked" },
      { title: "Overall RAG mix of projects", type: "DonutDiagram" },
      { title: "Competencies: current level against target", type: "NetDiagram" },
      {
        title: "Programme timeline (bars in RAG colours; the vertical line is the as-of date)",
        type: "BarDiagram/stacked/horizontal",
      },
      {
        title: "Milestone timeline: baseline to finish now (the vertical line is the as-of date)",
        type: "BarDiagram/stacked/horizontal",
      },
    ]);
  });

  it("keeps the user's chart, image, pivot table and names", () => {
    const r = result[out("lo-rich-report")];
    expect(r.sheets.Projects).toEqual({
      charts: [{ title: "Budget vs forecast (user chart)", type: "BarDiagram" }],
      images: 1,
      pivots: [],
    });
    expect(r.sheets.Pivot.pivots).toEqual(["PivotBudget"]);
    expect(r.names).toContain("BudgetColumn");
  });
});

describe("hostile text in LibreOffice", () => {
  it("prints formula-looking text literally, never as a calculated result", () => {
    const t = pdfText(pdfs[names.indexOf("nasty-text-report")]);
    expect(t).toContain("+44 1234 567890");
    expect(t).toContain("@SUM(A1:A2)");
    expect(t).toContain("=HYPERLINK(");
  });
  it("shows the trend on the second month's report", () => {
    const t = pdfText(pdfs[names.indexOf("sample-report-rerun")]);
    expect(t).toMatch(/Trend against the last report, 31 Jan 2010/);
    expect(t).toContain("→ Same");
  });
});
