/**
 * The workbook format: which sheets the tool reads, the columns of each, and the
 * other names people give them. docs/workbook-format.md describes the same thing for users;
 * test/ingest/schema.test.ts keeps the two in step.
 */

export type FieldType =
  | "id" // an identifier: text or a whole number, trimmed
  | "text"
  | "date"
  | "number" // money or plain number: £, commas and (brackets) accepted
  | "percent" // 45, 45% or 0.45 (see percentScale)
  | "rag"
  | "refs" // dependency references: P02, P02FS+10d; M14SS-5d
  | "list" // comma/semicolon separated words
  | "level" // a whole score on a bounded scale (1–5 for risks, 1–4 for WCC)
  | "lag" // a dependency lag: a number (working days) or text with a unit: 2d, 1w, 3ed, 50%
  | "assessment" // Self, Panel, 360
  | "linktype"; // FS, SS, FF, SF

export interface FieldSpec {
  key: string;
  /** The header the template writes. */
  label: string;
  type: FieldType;
  required?: boolean;
  /** Other headers accepted for this column (any case, spacing or punctuation). */
  aliases?: string[];
  /** For "level": the inclusive range. */
  min?: number;
  max?: number;
  /** One-line explanation for docs and the template's instructions. */
  note?: string;
}

export type SheetKind =
  | "projects"
  | "milestones"
  | "dependencies"
  | "risks"
  | "issues"
  | "benefits"
  | "competencies"
  | "governance"
  | "holidays";

export interface SheetSpec {
  kind: SheetKind;
  /** The sheet name the template writes. */
  title: string;
  /** Other sheet or table names accepted. */
  aliases: string[];
  /** Words that may stand before ID/Ref/No in the ID column's header ("Risk Ref"). */
  idWords: string[];
  required: boolean;
  fields: FieldSpec[];
}

const ID_FIELD = (note: string): FieldSpec => ({ key: "id", label: "ID", type: "id", required: true, note });

export const SHEETS: readonly SheetSpec[] = [
  {
    kind: "projects",
    title: "Projects",
    aliases: ["Project", "Project Portfolio", "Portfolio", "Priority Actions", "Actions", "Project List", "Project Register"],
    idWords: ["project", "action", "priority action"],
    required: true,
    fields: [
      ID_FIELD("Unique project reference, e.g. P01."),
      { key: "name", label: "Name", type: "text", required: true, aliases: ["Project", "Project Name", "Title", "Priority Action", "Action"] },
      { key: "workstream", label: "Workstream", type: "text", required: true, aliases: ["Programme", "Program", "Theme", "Work Stream", "Programme Area"] },
      { key: "lead", label: "Lead", type: "text", aliases: ["Owner", "Project Lead", "Project Manager", "SRO", "Responsible", "Project Director"] },
      { key: "start", label: "Start", type: "date", aliases: ["Start Date", "Planned Start", "Begin"] },
      { key: "finish", label: "Finish", type: "date", required: true, aliases: ["Target Date", "Due", "Due Date", "End", "End Date", "Finish Date", "Forecast Finish", "Timescale Date", "Completion Date"], note: "The current forecast finish." },
      { key: "baselineFinish", label: "Baseline Finish", type: "date", aliases: ["Baseline End", "Baseline", "Original Finish", "Planned Finish", "Baseline Date"] },
      { key: "actualFinish", label: "Actual Finish", type: "date", aliases: ["Actual End", "Actual Finish Date", "Actual End Date", "Date Completed", "Completed On"], note: "The day the work finished: the project is then done." },
      { key: "budget", label: "Budget", type: "number", aliases: ["Budget Cost", "Approved Budget", "Cost", "Planned Cost"] },
      { key: "forecastCost", label: "Forecast Cost", type: "number", aliases: ["Forecast", "Forecast Outturn", "Outturn", "Estimate at Completion", "EAC"] },
      { key: "actualCost", label: "Actual Cost", type: "number", aliases: ["Actual", "Spent", "Spend", "Actual Spend", "Actuals"] },
      { key: "percentComplete", label: "% Complete", type: "percent", aliases: ["Percent Complete", "Progress", "Complete %", "Pct Complete", "% Done"] },
      { key: "status", label: "Status", type: "text", aliases: ["Project Status", "State"] },
      { key: "reportedRag", label: "Reported RAG", type: "rag", aliases: ["RAG", "RAG Status", "Reported Status", "Overall RAG", "Status RAG"] },
      { key: "dependsOn", label: "Depends On", type: "refs", aliases: ["Predecessors", "Dependencies", "Dependency", "Depends", "Predecessor"], note: "IDs of projects or milestones this one waits for: P02, P03FS+10d; M14SS-5d." },
      { key: "competencies", label: "Competencies", type: "list", aliases: ["WCC Competencies", "Competency", "WCC"], note: "Competency IDs this project develops, e.g. C5, C6." },
      { key: "benefits", label: "Benefits", type: "list", aliases: ["Benefit"], note: "Benefit IDs this project delivers." },
    ],
  },
  {
    kind: "milestones",
    title: "Milestones",
    aliases: ["Milestone", "Milestone Plan", "Key Milestones", "Milestone Tracker"],
    idWords: ["milestone"],
    required: true,
    fields: [
      ID_FIELD("Unique milestone reference, e.g. M01."),
      { key: "project", label: "Project", type: "id", required: true, aliases: ["Project ID", "Project Ref", "Parent", "Priority Action"] },
      { key: "name", label: "Milestone", type: "text", required: true, aliases: ["Name", "Description", "Milestone Name", "Title"] },
      { key: "baseline", label: "Baseline Date", type: "date", required: true, aliases: ["Baseline", "Planned Date", "Original Date", "Due", "Due Date", "Target Date"] },
      { key: "forecast", label: "Forecast Date", type: "date", aliases: ["Forecast", "Revised Date", "Expected Date"] },
      { key: "actual", label: "Actual Date", type: "date", aliases: ["Actual", "Completed", "Date Achieved", "Achieved", "Completion Date"] },
      { key: "status", label: "Status", type: "text", aliases: ["Milestone Status", "State"] },
      { key: "owner", label: "Owner", type: "text", aliases: ["Lead", "Responsible"] },
      { key: "dependsOn", label: "Depends On", type: "refs", aliases: ["Predecessors", "Dependencies", "Dependency", "Predecessor"] },
      { key: "reviewPoint", label: "Review Point", type: "text", aliases: ["Review", "Gateway", "Stage Gate", "Review Gate"] },
    ],
  },
  {
    kind: "dependencies",
    title: "Dependencies",
    aliases: ["Dependency", "Dependency Log", "Dependency Register", "Links", "Interdependencies"],
    idWords: ["dependency"],
    required: false,
    fields: [
      { key: "from", label: "From", type: "id", required: true, aliases: ["Predecessor", "Depends On", "Upstream", "Giver", "Provider"], note: "The project or milestone that must happen first." },
      { key: "to", label: "To", type: "id", required: true, aliases: ["Successor", "Dependent", "Downstream", "Receiver"], note: "The project or milestone that waits for it." },
      { key: "type", label: "Type", type: "linktype", aliases: ["Link Type", "Dependency Type", "Relationship"], note: "FS (default), SS, FF or SF." },
      { key: "lag", label: "Lag (days)", type: "lag", aliases: ["Lag", "Lag Days", "Delay"], note: "Working days; negative for a lead. Also 2w (weeks), 3ed (calendar days), 50% (of the predecessor's duration)." },
    ],
  },
  {
    kind: "risks",
    title: "Risks",
    aliases: ["Risk", "Risk Log", "Risk Register", "Programme Risk Log", "RAID", "RAID Log", "Risk Log Register"],
    idWords: ["risk"],
    required: true,
    fields: [
      ID_FIELD("Unique risk reference, e.g. R01."),
      { key: "title", label: "Title", type: "text", required: true, aliases: ["Risk", "Risk Title", "Summary", "Risk Name"] },
      { key: "description", label: "Description", type: "text", aliases: ["Risk Description", "Cause and Effect", "Detail"] },
      { key: "project", label: "Project", type: "id", aliases: ["Workstream", "Project ID", "Programme", "Area", "Project Ref"], note: "A project ID or a workstream name." },
      { key: "owner", label: "Owner", type: "text", aliases: ["Risk Owner", "Lead", "Responsible"] },
      { key: "likelihood", label: "Likelihood", type: "level", required: true, min: 1, max: 5, aliases: ["Probability", "L", "Likelihood Score", "Inherent Likelihood"] },
      { key: "impact", label: "Impact", type: "level", required: true, min: 1, max: 5, aliases: ["Consequence", "Severity", "I", "C", "Impact Score", "Inherent Impact"] },
      { key: "residualLikelihood", label: "Residual Likelihood", type: "level", min: 1, max: 5, aliases: ["Residual Probability", "Target Likelihood"] },
      { key: "residualImpact", label: "Residual Impact", type: "level", min: 1, max: 5, aliases: ["Residual Consequence", "Target Impact"] },
      { key: "mitigation", label: "Mitigation", type: "text", aliases: ["Mitigating Actions", "Actions", "Response", "Controls", "Mitigation Actions"] },
      { key: "status", label: "Status", type: "text", aliases: ["Risk Status", "State"] },
      { key: "raised", label: "Raised", type: "date", aliases: ["Date Raised", "Date Identified", "Identified", "Date Registered"] },
      { key: "lastReviewed", label: "Last Reviewed", type: "date", aliases: ["Date Reviewed", "Reviewed", "Last Review", "Review Date"] },
      { key: "reviewDue", label: "Review Due", type: "date", aliases: ["Next Review", "Next Review Date", "Review By"] },
    ],
  },
  {
    kind: "issues",
    title: "Issues",
    aliases: ["Issue", "Issue Log", "Issue Register", "Issues Log"],
    idWords: ["issue"],
    required: false,
    fields: [
      ID_FIELD("Unique issue reference, e.g. I01."),
      { key: "title", label: "Title", type: "text", required: true, aliases: ["Issue", "Summary", "Description", "Issue Title"] },
      { key: "project", label: "Project", type: "id", aliases: ["Workstream", "Project ID"] },
      { key: "owner", label: "Owner", type: "text", aliases: ["Issue Owner", "Lead", "Responsible"] },
      { key: "priority", label: "Priority", type: "text", aliases: ["Severity", "Impact"] },
      { key: "status", label: "Status", type: "text", aliases: ["Issue Status", "State"] },
      { key: "raised", label: "Raised", type: "date", aliases: ["Date Raised", "Opened"] },
      { key: "due", label: "Due", type: "date", aliases: ["Due Date", "Target Date", "Resolve By"] },
    ],
  },
  {
    kind: "benefits",
    title: "Benefits",
    aliases: ["Benefit", "Benefits Register", "Benefits Realisation", "Benefits Profile", "Benefit Profiles"],
    idWords: ["benefit"],
    required: false,
    fields: [
      ID_FIELD("Unique benefit reference, e.g. B01."),
      { key: "benefit", label: "Benefit", type: "text", required: true, aliases: ["Name", "Description", "Title", "Benefit Description"] },
      { key: "project", label: "Project", type: "id", aliases: ["Project ID", "Workstream"] },
      { key: "measure", label: "Measure", type: "text", aliases: ["KPI", "Metric", "Indicator"] },
      { key: "baseline", label: "Baseline", type: "number", aliases: ["Baseline Value", "Current"] },
      { key: "target", label: "Target", type: "number", aliases: ["Target Value"] },
      { key: "actual", label: "Actual", type: "number", aliases: ["Actual Value", "Achieved"] },
      { key: "due", label: "Due", type: "date", aliases: ["Due Date", "Target Date", "Realisation Date", "By"] },
    ],
  },
  {
    kind: "competencies",
    title: "Competencies",
    aliases: ["Competency", "Competency Scores", "WCC", "WCC Competencies", "WCC Scores", "Competency Assessment", "Assessment"],
    idWords: ["competency", "wcc"],
    required: false,
    fields: [
      ID_FIELD("Competency reference, e.g. C5; one row per assessment."),
      { key: "competency", label: "Competency", type: "text", required: true, aliases: ["Name", "Competency Name", "WCC Competency", "Title"] },
      { key: "assessment", label: "Assessment", type: "assessment", aliases: ["Assessment Type", "Assessed By", "Source", "Type"], note: "Self (default), Panel or 360." },
      { key: "date", label: "Date", type: "date", aliases: ["Period", "Assessment Date", "Assessed"] },
      { key: "score", label: "Score", type: "level", required: true, min: 0, max: 4, aliases: ["Level", "Current Level", "Panel Assessment", "Assessed Level", "Rating"] },
      { key: "target", label: "Target", type: "level", required: true, min: 0, max: 4, aliases: ["Target Level", "Target Score", "Aspiration"] },
      { key: "targetDate", label: "Target Date", type: "date", aliases: ["Target By", "By When", "Due"] },
      { key: "lead", label: "Lead", type: "text", aliases: ["Owner", "Executive Lead", "Director"] },
    ],
  },
  {
    kind: "governance",
    title: "Governance",
    aliases: ["Governance Ratings", "WCC Governance", "Governance Scores"],
    idWords: ["governance"],
    required: false,
    fields: [
      { key: "element", label: "Element", type: "text", required: true, aliases: ["Area", "Governance Element", "Indicator", "Domain"] },
      { key: "rating", label: "Rating", type: "rag", required: true, aliases: ["RAG", "Score", "Governance Rating", "Status"] },
      { key: "target", label: "Target", type: "rag", aliases: ["Target Rating", "Target RAG"] },
      { key: "date", label: "Date", type: "date", aliases: ["Assessed", "Assessment Date", "Period"] },
    ],
  },
  {
    kind: "holidays",
    title: "Holidays",
    aliases: ["Holiday", "Bank Holidays", "Bank Holiday", "Non-working Days", "Non Working Days", "Calendar Exceptions", "Exceptions Calendar"],
    idWords: ["holiday"],
    required: false,
    fields: [
      { key: "date", label: "Date", type: "date", required: true, aliases: ["Holiday Date", "Day", "Start", "Start Date"], note: "A day nobody works: the schedule skips it." },
      { key: "name", label: "Name", type: "text", aliases: ["Holiday", "Description", "Title", "Bank Holiday"] },
    ],
  },
];

export function sheetSpec(kind: SheetKind): SheetSpec {
  const s = SHEETS.find((x) => x.kind === kind);
  if (!s) throw new Error(`no sheet spec for ${kind}`);
  return s;
}

export interface SettingSpec {
  key: "programmeName" | "reportingDate" | "periodDays" | "amberSlipDays" | "redSlipDays" | "amberCostPercent" | "redCostPercent" | "riskEscalationScore" | "reviewStalenessDays" | "competencyScaleMax" | "rollUp" | "calendar";
  label: string;
  aliases: string[];
  note: string;
}

export const SETTINGS_SHEET = { title: "Settings", aliases: ["Setting", "Config", "Configuration", "Parameters", "Tolerances"] };

export const SETTING_SPECS: readonly SettingSpec[] = [
  { key: "programmeName", label: "Programme name", aliases: ["Programme", "Program name", "Program", "Programme title", "Programme Board"], note: "Shown on every report." },
  { key: "reportingDate", label: "Reporting date", aliases: ["As of", "As-of date", "Report date", "Status date", "Data date", "Reporting period end"], note: "The as-of date for the checks; the CLI's --as-of overrides it. Default: today." },
  { key: "periodDays", label: "Reporting period days", aliases: ["Reporting period", "Period days", "Report period days"], note: "How many days a reporting period covers, for work done this period and planned next (default 30)." },
  { key: "amberSlipDays", label: "Amber slip days", aliases: ["Amber slip", "Amber tolerance days", "Schedule amber days"], note: "Slip above this many days is Amber (default 0)." },
  { key: "redSlipDays", label: "Red slip days", aliases: ["Red slip", "Red tolerance days", "Schedule red days"], note: "Slip above this many days is Red (default 30)." },
  { key: "amberCostPercent", label: "Amber cost variance %", aliases: ["Amber cost variance", "Amber cost", "Amber cost tolerance", "Cost amber %"], note: "Forecast over budget by more than this % is Amber (default 5)." },
  { key: "redCostPercent", label: "Red cost variance %", aliases: ["Red cost variance", "Red cost", "Red cost tolerance", "Cost red %"], note: "Forecast over budget by more than this % is Red (default 10)." },
  { key: "riskEscalationScore", label: "Risk escalation score", aliases: ["Escalation score", "Risk escalation threshold", "Escalation threshold"], note: "Open risks scoring this or more go to the board (default 15)." },
  { key: "reviewStalenessDays", label: "Review staleness days", aliases: ["Review staleness", "Stale review days", "Risk review days"], note: "A risk not reviewed for longer than this is stale (default 90)." },
  { key: "competencyScaleMax", label: "Competency scale maximum", aliases: ["Competency scale max", "Competency max", "Maximum level", "Competency maximum"], note: "Highest competency level (default 4, as in WCC)." },
  { key: "calendar", label: "Calendar", aliases: ["Schedule calendar", "Working calendar", "Calendar type"], note: "Working days (the default: Monday to Friday, less the days on the Holidays sheet) or Calendar days (every day counts)." },
  { key: "rollUp", label: "RAG roll-up rule", aliases: ["Roll-up rule", "Roll up", "RAG roll up", "Rollup"], note: "worst (default) or majority." },
];
