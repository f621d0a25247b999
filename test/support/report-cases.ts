import { asDay, type Day } from "../../src/core/primitives/dates";
import { readFileSync } from "node:fs";
import { analyseWorkbook } from "../../src/core/analysis/analyse";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { STYLE, writeNewWorkbook } from "../../src/hosts/xlsx/new-workbook";
import { writeReport } from "../../src/hosts/xlsx/write-report";
import { buildReportPlan } from "../../src/core/report/build";
import { LO_RICH, SAMPLE_PATH } from "./sample";

export async function reportOf(data: Uint8Array, asOf?: Day): Promise<Uint8Array> {
  const snap = await readWorkbook(data);
  return (await writeReport(data, buildReportPlan(analyseWorkbook(snap, { asOf })))).data;
}

export const NASTY_TEXT = [
  '=HYPERLINK("http://evil.example","click")',
  "+44 1234 567890",
  "-5 days",
  "@SUM(A1:A2)",
  "\t=1+1",
];

/** Every kind of workbook the report writer is tested on, as the outputs it produces. */
export async function reportCases(): Promise<Record<string, Uint8Array>> {
  const sample = new Uint8Array(readFileSync(SAMPLE_PATH));
  const rich = new Uint8Array(readFileSync(LO_RICH));
  const nasty = await writeNewWorkbook({
    sheets: [
      {
        name: "Projects",
        rows: [
          ["ID", "Name", "Workstream", "Lead", "Finish", "Reported RAG"],
          ...NASTY_TEXT.map((n, i) => [`P${i}`, n, n, n, "2009-01-01", "Green"]),
        ],
      },
      {
        name: "Risks",
        rows: [
          ["ID", "Title", "Owner", "Likelihood", "Impact", "Mitigation"],
          ["R1", NASTY_TEXT[0], NASTY_TEXT[3], 5, 5, NASTY_TEXT[1]],
        ],
      },
    ],
  });
  const d1904 = await writeNewWorkbook({
    date1904: true,
    sheets: [
      {
        name: "Projects",
        rows: [
          ["ID", "Name", "Workstream", "Finish"],
          ["P1", "A", "W", { v: 40268 - 1462, s: STYLE.date }],
        ],
      },
    ],
  });
  const clash = await writeNewWorkbook({
    sheets: [
      {
        name: "Projects",
        rows: [
          ["ID", "Name", "Workstream", "Finish"],
          ["P1", "A", "W", "2010-03-31"],
        ],
      },
      { name: "Exceptions", rows: [["My own log"]] },
    ],
  });
  const sampleReport = await reportOf(sample);
  return {
    "sample-report": sampleReport,
    "sample-report-rerun": await reportOf(sampleReport, asDay(14668)), // a month later: history and trend
    "lo-rich-report": await reportOf(rich),
    "nasty-text-report": await reportOf(nasty),
    "date1904-report": await reportOf(d1904),
    "name-clash-report": await reportOf(clash),
    "empty-report": await reportOf(await writeNewWorkbook({ sheets: [{ name: "Notes", rows: [["nothing here"]] }] })),
  };
}
