import { parseIsoDay, serialFromDay } from "../src/core/primitives/dates";
import { bankHolidayRows, RAG_LIST, STATUS_LISTS } from "../src/core/workbook/template";
import { STYLE, tableRange, writeNewWorkbook, type NewSheet } from "../src/hosts/xlsx/new-workbook";
import { listValidation, wholeValidation, type CellOut } from "../src/hosts/xlsx/sheet-xml";
import {
  BENEFITS,
  COMMENTARY,
  COMPETENCIES,
  GOVERNANCE,
  ISSUES,
  LINKS,
  MILESTONES,
  PROGRAMME,
  PROJECTS,
  REPORTING_DATE,
  RISKS,
  WORKSTREAMS,
} from "./sample-data";

const date = (iso: string): CellOut => (iso ? { v: serialFromDay(parseIsoDay(iso)!, false), s: STYLE.date } : null);
const money = (n: number | ""): CellOut => (n === "" ? null : { v: n, s: STYLE.money });
const head = (labels: string[]): CellOut[] => labels.map((h) => ({ v: h, s: STYLE.header }));

function tableSheet(
  name: string,
  table: string | null,
  headers: string[],
  rows: CellOut[][],
  widths: number[],
  validations: string[] = [],
  titleRows: CellOut[][] = [],
): NewSheet {
  const top = titleRows.length;
  return {
    name,
    rows: [...titleRows, head(headers), ...rows],
    widths,
    table: table ? { name: table, range: tableRange(top, 0, headers.length, rows.length) } : undefined,
    validations,
    freezeRows: top + 1,
  };
}

export async function buildSampleWorkbook(): Promise<Uint8Array> {
  const projects = tableSheet(
    "Projects",
    "Projects",
    [
      "Project ID",
      "Name",
      "Workstream",
      "Lead",
      "Start",
      "Finish",
      "Baseline Finish",
      "Budget (£)",
      "Forecast Cost",
      "Actual Cost",
      "% Complete",
      "Status",
      "Reported RAG",
      "Depends On",
      "Competencies",
      "Benefits",
      "Notes",
    ],
    PROJECTS.map((p) => [
      p.id,
      p.name,
      p.workstream,
      p.lead,
      date(p.start),
      date(p.finish),
      date(p.baselineFinish),
      money(p.budget),
      money(p.forecast),
      money(p.actual),
      { v: p.pct / 100, s: STYLE.percent },
      p.status,
      p.rag,
      p.dependsOn || null,
      p.competencies || null,
      p.benefits || null,
      null,
    ]),
    [10, 40, 26, 24, 12, 12, 14, 11, 11, 11, 10, 12, 12, 14, 13, 9, 20],
    [listValidation("L2:L200", STATUS_LISTS.projects!), listValidation("M2:M200", RAG_LIST)],
  );
  projects.rows[1 + PROJECTS.findIndex((p) => p.id === "P12")][16] = "Phase 2 scope under review";
  const milestones = tableSheet(
    "Milestones",
    "Milestones",
    [
      "ID",
      "Project",
      "Milestone",
      "Baseline Date",
      "Forecast Date",
      "Actual Date",
      "Status",
      "Owner",
      "Depends On",
      "Review Point",
    ],
    MILESTONES.map((m) => [
      m.id,
      m.project,
      m.name,
      date(m.baseline),
      date(m.forecast),
      date(m.actual),
      m.status,
      m.owner,
      m.dependsOn || null,
      m.review || null,
    ]),
    [7, 9, 58, 13, 13, 13, 12, 30, 12, 24],
    [listValidation("G2:G300", STATUS_LISTS.milestones!)],
  );
  const deps = tableSheet(
    "Dependencies",
    null,
    ["From", "To", "Type", "Lag (days)"],
    LINKS.map((l) => [l.from, l.to, l.type, l.lag]),
    [10, 10, 8, 11],
    [listValidation("C2:C200", ["FS", "SS", "FF", "SF"])],
  );
  // The risk log as people often keep it: a plain range under a title, not an Excel table.
  const risks = tableSheet(
    "Risk Log",
    null,
    [
      "Risk Ref",
      "Title",
      "Description",
      "Workstream",
      "Owner",
      "Likelihood",
      "Impact",
      "Residual Likelihood",
      "Residual Impact",
      "Mitigation",
      "Status",
      "Raised",
      "Last Reviewed",
      "Review Due",
    ],
    RISKS.map((r) => [
      r.id,
      r.title,
      r.description,
      r.project,
      r.owner || null,
      r.l,
      r.i,
      r.rl === "" ? null : r.rl,
      r.ri === "" ? null : r.ri,
      r.mitigation || null,
      r.status,
      date(r.raised),
      date(r.reviewed),
      date(r.due),
    ]),
    [9, 40, 50, 26, 26, 11, 9, 11, 11, 50, 9, 12, 13, 12],
    [wholeValidation("F4:I200", 1, 5), listValidation("K4:K200", STATUS_LISTS.risks!)],
    [
      [{ v: "Programme Risk Log", s: STYLE.title }],
      [
        {
          v: "Likelihood and impact scored 1–5 on the NHS 5×5 matrix; 15 or more is escalated to the Programme Board.",
          s: STYLE.note,
        },
      ],
    ],
  );
  const issues = tableSheet(
    "Issues",
    "Issues",
    ["Issue ID", "Title", "Project", "Owner", "Priority", "Status", "Raised", "Due"],
    ISSUES.map((i) => [i.id, i.title, i.project, i.owner, i.priority, i.status, date(i.raised), date(i.due)]),
    [9, 58, 9, 22, 9, 9, 12, 12],
  );
  const benefits = tableSheet(
    "Benefits",
    null,
    ["Benefit ID", "Benefit", "Project", "Measure", "Baseline", "Target", "Actual", "Due"],
    BENEFITS.map((b) => [
      b.id,
      b.benefit,
      b.project,
      b.measure,
      b.baseline,
      b.target,
      b.actual === "" ? null : b.actual,
      date(b.due),
    ]),
    [10, 48, 9, 46, 9, 9, 9, 12],
  );
  const compRows: CellOut[][] = [];
  for (const c of COMPETENCIES) {
    compRows.push([c.id, c.name, "Self", date("2008-10-31"), c.self, c.target, date(c.targetDate), c.lead]);
    compRows.push([c.id, c.name, "Panel", date("2008-12-12"), c.panel, c.target, date(c.targetDate), c.lead]);
    if (c.self2 !== undefined)
      compRows.push([c.id, c.name, "Self", date("2009-10-30"), c.self2, c.target, date(c.targetDate), c.lead]);
  }
  const competencies = tableSheet(
    "WCC Scores",
    "tblCompetencies",
    ["Competency ID", "Competency", "Assessment", "Date", "Score", "Target Level", "Target Date", "Lead"],
    compRows,
    [14, 38, 12, 12, 8, 12, 12, 36],
    [listValidation("C2:C200", ["Self", "Panel", "360"]), wholeValidation("E2:F200", 1, 4)],
  );
  const governance = tableSheet(
    "Governance",
    null,
    ["Element", "Rating", "Target", "Date"],
    GOVERNANCE.map((g) => [g.element, g.rating, g.target, date(g.date)]),
    [16, 10, 10, 12],
    [listValidation("B2:C50", RAG_LIST)],
  );
  // The plan's own years' bank holidays: the schedule counts working days.
  const holidays = tableSheet(
    "Holidays",
    "Holidays",
    ["Date", "Name"],
    bankHolidayRows(2009, 3).map(([d, name]) => [
      typeof d === "object" ? { v: serialFromDay(d.day, false), s: STYLE.date } : d,
      name as string,
    ]),
    [13, 44],
  );
  const workstreams = tableSheet(
    "Workstreams",
    "Workstreams",
    ["Workstream", "Lead", "SRO"],
    WORKSTREAMS.map((w) => [w.name, w.lead, w.sro]),
    [30, 38, 20],
  );
  const commentary = tableSheet(
    "Commentary",
    "Commentary",
    ["Period", "About", "Status Summary", "Decisions Requested", "Recommendation", "Decision By", "Lessons", "Author"],
    COMMENTARY.map((c) => [
      date(c.period),
      c.about,
      c.summary,
      c.decisions || null,
      c.recommendation || null,
      date(c.decisionBy),
      c.lessons || null,
      c.author,
    ]),
    [12, 28, 60, 44, 44, 12, 40, 30],
  );
  const settings: NewSheet = {
    name: "Settings",
    rows: [
      head(["Setting", "Value"]),
      ["Programme name", PROGRAMME],
      ["Reporting date", date(REPORTING_DATE)],
      ["Amber slip days", 0],
      ["Red slip days", 30],
      ["Amber cost variance %", 5],
      ["Red cost variance %", 10],
      ["Risk escalation score", 15],
      ["Review staleness days", 90],
      ["Competency scale maximum", 4],
      ["RAG roll-up rule", "worst"],
      ["Calendar", "Working days"],
    ],
    widths: [28, 56],
  };
  return writeNewWorkbook({
    sheets: [
      projects,
      milestones,
      deps,
      risks,
      issues,
      benefits,
      competencies,
      governance,
      workstreams,
      commentary,
      holidays,
      settings,
    ],
    title: PROGRAMME,
  });
}
