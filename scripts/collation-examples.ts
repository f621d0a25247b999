import { MONTH_NAMES } from "../src/core/primitives/dates";
/**
 * The collation example set (examples/collation/): a programme workbook and five workstream
 * sources in the forms a PMO receives them, for `report programme.xlsx --sources sources`.
 *
 *  - programme.xlsx: the PMO's own workbook — Settings, Holidays, Commentary, Workstreams and a
 *    Dependencies sheet for a link no workstream's file can write (sheets and columns as in
 *    docs/workbook-format.md, built like scripts/sample-workbook.ts).
 *  - sources/estates.xlsx, digital.xlsx, workforce.xlsx: workstream workbooks of our format.
 *  - sources/urgent-care.csv: Microsoft Project's Export Wizard CSV ("Selected Data" map, field
 *    names with underscores: ID, Unique_ID, Task_Name, Duration, Start_Date, Finish_Date,
 *    Predecessors, Outline_Level, Resource_Names, Percent_Complete as a fraction, Baseline_Finish,
 *    Actual_Finish with NA for none, Milestone and Summary as Yes/No; long dates such as
 *    "March 2, 2026 8:00" on a 12-hour clock without AM/PM), in Windows-1252 as Project writes it
 *    (an en dash is byte 0x96). Sources: /work/shared/reference/msproject-export-facts.md (a real
 *    export's observed layout); Microsoft, "Predecessors (task field)"; docs/importing.md.
 *  - sources/community-hubs.xlsx: a Smartsheet project sheet exported to Excel — Task Name, Start
 *    Date, End Date, Duration, Predecessors by row number ("2FS +1d"), % Complete, Assigned To,
 *    Status, RAG; no ID column; the hierarchy as Excel row-outline groups (Smartsheet, "Project
 *    sheet columns", https://help.smartsheet.com/articles/765737; test/support/imports.ts).
 *
 * What it shows: two cross-workstream links (Digital's D01 depends on Estates:P02, written in
 * digital.xlsx; Workforce's W02 feeds the Cannock hub's opening in the Smartsheet plan, written on
 * the programme's Dependencies sheet as Community Hubs:4) and one colliding ID among the
 * workbooks (P04 in Estates and in Workforce). The two exports number their tasks from 1, as
 * Project and Smartsheet always do, so their task numbers collide too and are reported qualified.
 * Estates' P02 slips three weeks and pushes Digital's D01: the report names both workstreams.
 * broken/finance-tracker.xlsx is a workbook cut short in transit, for the "a source cannot be read" run.
 */
import { parseIsoDay, serialFromDay } from "../src/core/primitives/dates";
import { bankHolidayRows } from "../src/core/workbook/template";
import { STYLE, writeNewWorkbook, type NewSheet } from "../src/hosts/xlsx/new-workbook";
import type { CellOut } from "../src/hosts/xlsx/sheet-xml";

export const REPORTING_DATE = "2026-03-16";
const date = (iso: string): CellOut => (iso ? { v: serialFromDay(parseIsoDay(iso)!, false), s: STYLE.date } : null);
const head = (labels: string[]): CellOut[] => labels.map((h) => ({ v: h, s: STYLE.header }));
const sheet = (name: string, headers: string[], rows: CellOut[][], widths?: number[]): NewSheet => ({
  name,
  rows: [head(headers), ...rows],
  widths,
  freezeRows: 1,
});
const settings = (name: string, extra: CellOut[][] = []): NewSheet =>
  sheet("Settings", ["Setting", "Value"], [["Programme name", name], ...extra], [28, 40]);

const PROJECT_HEADERS = [
  "ID",
  "Name",
  "Workstream",
  "Lead",
  "Start",
  "Finish",
  "Baseline Finish",
  "Budget",
  "Forecast Cost",
  "% Complete",
  "Status",
  "Reported RAG",
  "Depends On",
];
type P = [
  id: string,
  name: string,
  lead: string,
  start: string,
  finish: string,
  baseline: string,
  budget: number,
  forecast: number,
  pct: number,
  status: string,
  rag: string,
  deps: string,
];
const projects = (ws: string, rows: P[]): NewSheet =>
  sheet(
    "Projects",
    PROJECT_HEADERS,
    rows.map(([id, name, lead, s, f, b, budget, forecast, pct, status, rag, deps]) => [
      id,
      name,
      ws,
      lead,
      date(s),
      date(f),
      date(b),
      { v: budget, s: STYLE.money },
      { v: forecast, s: STYLE.money },
      { v: pct / 100, s: STYLE.percent },
      status,
      rag,
      deps || null,
    ]),
    [8, 34, 14, 20, 12, 12, 14, 11, 11, 10, 12, 12, 14],
  );
const milestones = (rows: [string, string, string, string, string, string, string][]): NewSheet =>
  sheet(
    "Milestones",
    ["ID", "Project", "Milestone", "Baseline Date", "Forecast Date", "Owner", "Depends On"],
    rows.map(([id, p, name, b, f, owner, deps]) => [id, p, name, date(b), date(f), owner, deps || null]),
    [8, 9, 36, 13, 13, 20, 12],
  );
const RISK_HEADERS = [
  "Risk ID",
  "Title",
  "Project",
  "Owner",
  "Likelihood",
  "Impact",
  "Mitigation",
  "Status",
  "Last Reviewed",
];
const risks = (rows: [string, string, string, string, CellOut, CellOut, string, string][]): NewSheet =>
  sheet(
    "Risks",
    RISK_HEADERS,
    rows.map(([id, t, p, o, l, i, m, st]) => [id, t, p, o, l, i, m, st, date("2026-03-02")]),
    [8, 40, 9, 18, 11, 9, 40, 9, 13],
  );

export async function programmeWorkbook(): Promise<Uint8Array> {
  return writeNewWorkbook({
    title: "Community Services Transformation",
    sheets: [
      settings("Community Services Transformation", [
        ["Reporting date", date(REPORTING_DATE)],
        ["Amber slip days", 0],
        ["Red slip days", 30],
        ["Risk escalation score", 15],
      ]),
      sheet(
        "Workstreams",
        ["Workstream", "Lead", "SRO"],
        [
          ["Estates", "Priya Shah", "Director of Estates"],
          ["Digital", "Tom Evans", "Chief Information Officer"],
          ["Workforce", "Grace Obi", "Director of People"],
          ["Urgent Care", "Dr Ian Hart", "Medical Director"],
          ["Community Hubs", "Sue Lane", "Director of Operations"],
        ],
        [18, 20, 28],
      ),
      sheet(
        "Commentary",
        ["Period", "About", "Status Summary", "Decisions Requested", "Recommendation", "Decision By", "Author"],
        [
          [
            date(REPORTING_DATE),
            "Programme",
            "Four of five workstreams are on plan. The Cannock hub refurbishment has slipped three weeks, which holds up the hub's network installation.",
            "Agree to fund weekend working to recover the Cannock hub refurbishment.",
            "Approve £18,000 from programme contingency.",
            date("2026-03-31"),
            "PMO",
          ],
        ],
        [12, 16, 60, 44, 40, 12, 10],
      ),
      sheet(
        "Dependencies",
        ["From", "To", "Type", "Lag", "Notes"],
        [
          [
            "W02",
            "Community Hubs:4",
            "FS",
            null,
            "The hub cannot open until its team is trained (agreed at the March board)",
          ],
        ],
        [12, 18, 6, 6, 60],
      ),
      sheet(
        "Holidays",
        ["Date", "Name"],
        bankHolidayRows(2026, 1).map(([d, name]) => [
          typeof d === "object" ? { v: serialFromDay(d.day, false), s: STYLE.date } : d,
          name as string,
        ]),
        [13, 30],
      ),
    ],
  });
}

export async function estates(): Promise<Uint8Array> {
  return writeNewWorkbook({
    sheets: [
      settings("Estates"),
      projects("Estates", [
        [
          "P01",
          "Site surveys",
          "Priya Shah",
          "2026-01-05",
          "2026-01-30",
          "2026-01-30",
          12000,
          11500,
          100,
          "Complete",
          "Green",
          "",
        ],
        [
          "P02",
          "Cannock hub refurbishment",
          "Priya Shah",
          "2026-02-02",
          "2026-04-17",
          "2026-03-27",
          240000,
          258000,
          55,
          "In progress",
          "Amber",
          "P01",
        ],
        [
          "P03",
          "Lichfield clinic refit",
          "Mo Khan",
          "2026-02-16",
          "2026-05-29",
          "2026-05-29",
          90000,
          90000,
          30,
          "In progress",
          "Green",
          "P01",
        ],
        [
          "P04",
          "Disposal of Oak House",
          "Mo Khan",
          "2026-03-02",
          "2026-07-31",
          "2026-07-31",
          15000,
          15000,
          10,
          "In progress",
          "Green",
          "",
        ],
      ]),
      milestones([["M01", "P02", "Cannock hub handed over", "2026-03-27", "2026-04-17", "Priya Shah", "P02"]]),
      risks([
        [
          "ER1",
          "Asbestos found during the Cannock strip-out",
          "P02",
          "Priya Shah",
          3,
          5,
          "Asbestos survey before strip-out; contingency held",
          "Open",
        ],
        [
          "ER2",
          "Planning consent for Lichfield delayed",
          "P03",
          "Mo Khan",
          2,
          3,
          "Pre-application meeting held",
          "Open",
        ],
      ]),
    ],
  });
}

export async function digital(): Promise<Uint8Array> {
  return writeNewWorkbook({
    sheets: [
      settings("Digital"),
      projects("Digital", [
        [
          "D01",
          "Cannock hub network and Wi-Fi",
          "Tom Evans",
          "2026-03-30",
          "2026-04-24",
          "2026-04-24",
          40000,
          40000,
          0,
          "Not started",
          "Green",
          "Estates:P02",
        ],
        [
          "D02",
          "Shared care record",
          "Tom Evans",
          "2026-01-12",
          "2026-06-26",
          "2026-06-26",
          150000,
          155000,
          40,
          "In progress",
          "Green",
          "",
        ],
        [
          "D03",
          "Telehealth pilot",
          "Ana Silva",
          "2026-02-02",
          "2026-05-15",
          "2026-05-15",
          30000,
          30000,
          35,
          "In progress",
          "Green",
          "D02SS+10d",
        ],
      ]),
      // A 3×3 register (High/Medium/Low), as many digital teams keep: it gets its own heat map.
      risks([
        [
          "DR1",
          "Supplier cannot install before May",
          "D01",
          "Tom Evans",
          "Medium",
          "High",
          "Second supplier on the framework",
          "Open",
        ],
        [
          "DR2",
          "Clinical safety case not signed off",
          "D02",
          "Ana Silva",
          "Low",
          "High",
          "Clinical safety officer engaged",
          "Open",
        ],
      ]),
    ],
  });
}

export async function workforce(): Promise<Uint8Array> {
  return writeNewWorkbook({
    sheets: [
      settings("Workforce"),
      projects("Workforce", [
        [
          "W01",
          "Recruit hub team",
          "Grace Obi",
          "2026-01-05",
          "2026-03-27",
          "2026-03-27",
          20000,
          20000,
          80,
          "In progress",
          "Green",
          "",
        ],
        [
          "W02",
          "Train hub team",
          "Grace Obi",
          "2026-03-30",
          "2026-04-24",
          "2026-04-24",
          8000,
          8000,
          0,
          "Not started",
          "Green",
          "W01",
        ],
        [
          "P04",
          "Staff consultation",
          "Lee Brown",
          "2026-02-02",
          "2026-03-13",
          "2026-03-13",
          2000,
          2000,
          100,
          "Complete",
          "Green",
          "",
        ],
      ]),
      risks([
        [
          "WR1",
          "Not enough band 6 nurses apply",
          "W01",
          "Grace Obi",
          3,
          4,
          "Agency cover agreed for the first three months",
          "Open",
        ],
      ]),
    ],
  });
}

/** Project's Export Wizard CSV: one project summary task (ID 1) over two phases. */
const PROJECT_TASKS: [
  id: number,
  level: number,
  name: string,
  days: number,
  start: string,
  finish: string,
  preds: string,
  who: string,
  pct: number,
  summary?: boolean,
][] = [
  [1, 1, "Urgent Care", 80, "2026-01-05", "2026-04-24", "", "", 0.4, true],
  [2, 2, "Design", 30, "2026-01-05", "2026-02-13", "", "", 1, true],
  [3, 3, "Model of care – triage and streaming", 30, "2026-01-05", "2026-02-13", "", "Dr Ian Hart", 1],
  [4, 3, "Clinical sign-off", 0, "2026-02-13", "2026-02-13", "3", "Dr Ian Hart", 1],
  [5, 2, "Implementation", 50, "2026-02-16", "2026-04-24", "", "", 0.2, true],
  [6, 3, "Recruit GPs and ANPs", 30, "2026-02-16", "2026-03-27", "4", "Kay Moss", 0.5],
  [7, 3, "Urgent treatment centre – opening", 0, "2026-04-24", "2026-04-24", "6FS+15 days", "Kay Moss", 0],
];
const MONTHS = MONTH_NAMES;
const longDate = (iso: string, time: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${MONTHS[m - 1]} ${d}, ${y} ${time}`;
};

export function urgentCareCsv(): Uint8Array {
  const headers = [
    "ID",
    "Unique_ID",
    "Task_Name",
    "Duration",
    "Start_Date",
    "Finish_Date",
    "Predecessors",
    "Outline_Level",
    "Resource_Names",
    "Percent_Complete",
    "Baseline_Finish",
    "Actual_Finish",
    "Milestone",
    "Summary",
  ];
  const q = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const rows = PROJECT_TASKS.map(([id, level, name, days, s, f, preds, who, pct, summary]) => [
    id,
    100 + id,
    name,
    `${days} days`,
    longDate(s, "8:00"),
    longDate(f, "5:00"),
    preds,
    level,
    who,
    pct,
    longDate(f, "5:00"),
    pct === 1 ? longDate(f, "5:00") : "NA",
    days === 0 ? "Yes" : "No",
    summary ? "Yes" : "No",
  ]);
  return windows1252([headers, ...rows].map((r) => r.map(q).join(",")).join("\r\n") + "\r\n");
}

/** Windows-1252 for the few characters beyond ASCII the example uses (as Project's CSV export writes them). */
function windows1252(text: string): Uint8Array {
  const high: Record<string, number> = { "–": 0x96, "—": 0x97, "£": 0xa3, é: 0xe9, "’": 0x92 };
  return Uint8Array.from(
    [...text].map((ch) => {
      const c = ch.charCodeAt(0);
      if (c < 0x80) return c;
      if (high[ch] === undefined) throw new Error(`no Windows-1252 byte for ${ch}`);
      return high[ch];
    }),
  );
}

/** A Smartsheet project sheet: its first row the project, two hubs under it, rows grouped by indent. */
export async function communityHubs(): Promise<Uint8Array> {
  const headers = [
    "Task Name",
    "Start Date",
    "End Date",
    "Duration",
    "Predecessors",
    "% Complete",
    "Assigned To",
    "Status",
    "RAG",
  ];
  const t = (
    name: string,
    s: string,
    f: string,
    dur: string,
    preds: string,
    pct: number,
    who: string,
    status: string,
    rag: string,
  ): CellOut[] => [
    name,
    date(s),
    date(f),
    dur,
    preds || null,
    { v: pct, s: STYLE.percent },
    who || null,
    status,
    rag || null,
  ];
  const rows: CellOut[][] = [
    t("Community Hubs", "2026-01-05", "2026-06-26", "125d", "", 0.3, "", "In Progress", ""),
    t("Cannock hub", "2026-01-05", "2026-05-01", "85d", "", 0.3, "", "In Progress", ""),
    t("Recruit care coordinators", "2026-01-05", "2026-03-13", "50d", "", 1, "Sue Lane", "Complete", "Gray"),
    t("Open Cannock hub", "2026-05-01", "2026-05-01", "0", "3", 0, "Sue Lane", "Not Started", "Green"),
    t("Burntwood hub", "2026-03-02", "2026-06-26", "85d", "", 0.1, "", "In Progress", ""),
    t("Agree Burntwood lease", "2026-03-02", "2026-04-10", "30d", "", 0.2, "Sue Lane", "In Progress", "Yellow"),
    t("Open Burntwood hub", "2026-06-26", "2026-06-26", "0", "6FS +10d", 0, "Sue Lane", "Not Started", "Green"),
  ];
  // The header row is ungrouped; the project row is level 0, its hubs 1, their tasks 2 (Excel outline levels).
  const outline = [0, 0, 1, 2, 2, 1, 2, 2];
  return writeNewWorkbook({ sheets: [{ name: "Community Hubs", rows: [headers, ...rows], outline }] });
}

/** A workbook cut short in transit: the first bytes of a real one, so its ZIP directory is missing. */
export async function brokenWorkbook(): Promise<Uint8Array> {
  return (await estates()).slice(0, 700);
}

/** Every file of the set, by its path under examples/collation/. */
export async function collationExamples(): Promise<Record<string, Uint8Array>> {
  return {
    "programme.xlsx": await programmeWorkbook(),
    "sources/estates.xlsx": await estates(),
    "sources/digital.xlsx": await digital(),
    "sources/workforce.xlsx": await workforce(),
    "sources/urgent-care.csv": urgentCareCsv(),
    "sources/community-hubs.xlsx": await communityHubs(),
    "broken/finance-tracker.xlsx": await brokenWorkbook(),
  };
}
