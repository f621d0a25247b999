/**
 * The workbook format: which sheets the tool reads, the columns of each, and the
 * other names people give them. docs/workbook-format.md describes the same thing for users;
 * test/core/workbook/schema.test.ts keeps the two in step.
 */

export type FieldType =
  | "id" // an identifier: text or a whole number, trimmed
  | "text"
  | "date"
  | "datetime" // a date that may carry a time of day (Microsoft Project's Start and Finish: "February 17, 2025 8:00")
  | "number" // money or plain number: £, commas and (brackets) accepted
  | "percent" // 45, 45% or 0.45 (see percentScale)
  | "rag"
  | "refs" // dependency references: P02, P02FS+10d; M14SS-5d
  | "list" // comma/semicolon separated words
  | "level" // a whole score on a bounded scale (1–4 for WCC)
  | "risklevel" // a risk's likelihood or impact: 1–5, "4 - Likely", the NPSA words, or High/Medium/Low
  | "lag" // a dependency lag: a number (working days) or text with a unit: 2d, 1w, 3ed, 50%
  | "assessment" // Self, Panel, 360
  | "linktype" // FS, SS, FF, SF
  | "bool" // Yes/No, True/False, 1/0 (Microsoft Project's Milestone and Summary)
  | "duration"; // 5 days, 0.75d, 451d?, 6h, 1 wk, 2 mons, 4d 6h (Microsoft Project, Smartsheet)

export interface FieldSpec {
  key: string;
  /** The header the template writes. */
  label: string;
  type: FieldType;
  required?: boolean;
  /** Other headers accepted for this column (any case, spacing or punctuation). */
  aliases?: readonly string[];
  /** Of the aliases, those that may name another thing (an issue's Impact): read, with a note saying so. */
  doubtfulAliases?: readonly string[];
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
  | "assumptions"
  | "dependencyLog"
  | "benefits"
  | "competencies"
  | "governance"
  | "holidays"
  | "workstreams"
  | "commentary"
  | "tasks";

export interface SheetSpec<K extends SheetKind = SheetKind> {
  kind: K;
  /** The sheet name the template writes. */
  title: string;
  /** What one row is, in words ("project", "risk"). */
  noun: string;
  /** Other sheet or table names accepted. */
  aliases: readonly string[];
  /** Words that may stand before ID/Ref/No in the ID column's header ("Risk Ref"). */
  idWords: readonly string[];
  /**
   * The fields whose headers identify the sheet when its name does not: every group must have
   * one of its fields present. Absent: the sheet is found by its name only.
   */
  signature?: readonly (readonly string[])[];
  /** Never taken on its name alone: its headers must fit (a link table, a plan export). */
  needsHeaders?: boolean;
  fields: readonly FieldSpec[];
}

const ID_FIELD = (note: string) => ({ key: "id", label: "ID", type: "id", required: true, note }) as const;

/** Microsoft Project's constraint and deadline, optional on the Projects and Milestones sheets and read from Project's exports (src/core/schedule/constraint-types.ts). */
const CONSTRAINT_FIELDS = [
  {
    key: "constraintType",
    label: "Constraint Type",
    type: "text",
    aliases: ["Constraint"],
    note: "Optional, as in Microsoft Project: As Soon As Possible (the default), As Late As Possible, Start/Finish No Earlier Than, Start/Finish No Later Than, Must Start/Finish On (or ASAP, ALAP, SNET, SNLT, FNET, FNLT, MSO, MFO).",
  },
  {
    key: "constraintDate",
    label: "Constraint Date",
    type: "date",
    aliases: [],
    note: "The date the constraint ties the start or finish to.",
  },
  {
    key: "deadline",
    label: "Deadline",
    type: "date",
    aliases: ["Deadline Date"],
    note: "Optional: a date to finish by. It does not move the work; missing it shows as negative float and a finding.",
  },
] as const satisfies readonly FieldSpec[];

const PROJECT_FIELDS = [
  ID_FIELD("Unique project reference, e.g. P01."),
  {
    key: "name",
    label: "Name",
    type: "text",
    required: true,
    aliases: ["Project", "Project Name", "Title", "Priority Action", "Action"],
  },
  {
    key: "workstream",
    label: "Workstream",
    type: "text",
    aliases: ["Programme", "Program", "Theme", "Work Stream", "Programme Area"],
    note: "Optional: without it every project is in one workstream, Unassigned.",
  },
  {
    key: "lead",
    label: "Lead",
    type: "text",
    aliases: ["Owner", "Project Lead", "Project Manager", "SRO", "Responsible", "Project Director"],
  },
  {
    key: "start",
    label: "Start",
    type: "date",
    aliases: ["Start Date", "Planned Start", "Begin"],
    note: "The first day of work.",
  },
  {
    key: "finish",
    label: "Finish",
    type: "date",
    required: true,
    aliases: [
      "Target Date",
      "Due",
      "Due Date",
      "End",
      "End Date",
      "Finish Date",
      "Forecast Finish",
      "Timescale Date",
      "Completion Date",
    ],
    note: "The current forecast finish: the last day of work.",
  },
  {
    key: "baselineFinish",
    label: "Baseline Finish",
    type: "date",
    aliases: ["Baseline End", "Baseline", "Original Finish", "Planned Finish", "Baseline Date"],
  },
  {
    key: "actualFinish",
    label: "Actual Finish",
    type: "date",
    aliases: ["Actual End", "Actual Finish Date", "Actual End Date", "Date Completed", "Completed On"],
    note: "The day the work finished: the project is then done.",
  },
  {
    key: "budget",
    label: "Budget",
    type: "number",
    aliases: ["Budget Cost", "Approved Budget", "Cost", "Planned Cost"],
  },
  {
    key: "forecastCost",
    label: "Forecast Cost",
    type: "number",
    aliases: ["Forecast", "Forecast Outturn", "Outturn", "Estimate at Completion", "EAC"],
  },
  {
    key: "actualCost",
    label: "Actual Cost",
    type: "number",
    aliases: ["Actual", "Spent", "Spend", "Actual Spend", "Actuals"],
  },
  {
    key: "percentComplete",
    label: "% Complete",
    type: "percent",
    aliases: ["Percent Complete", "Progress", "Complete %", "Pct Complete", "% Done"],
  },
  { key: "status", label: "Status", type: "text", aliases: ["Project Status", "State"] },
  {
    key: "reportedRag",
    label: "Reported RAG",
    type: "rag",
    aliases: ["RAG", "RAG Status", "Reported Status", "Overall RAG", "Status RAG"],
  },
  {
    key: "scopeRag",
    label: "Scope RAG",
    type: "rag",
    aliases: ["Scope", "Scope Status"],
    note: "Optional: the workstream's own view of scope, for the highlight report's tolerances.",
  },
  {
    key: "qualityRag",
    label: "Quality RAG",
    type: "rag",
    aliases: ["Quality", "Quality Status"],
    note: "Optional: the workstream's own view of quality.",
  },
  {
    key: "dependsOn",
    label: "Depends On",
    type: "refs",
    aliases: ["Predecessors", "Dependencies", "Dependency", "Depends", "Predecessor"],
    note: "IDs of projects or milestones this one waits for: P02, P03FS+10d; M14SS-5d. Lags are working days.",
  },
  {
    key: "competencies",
    label: "Competencies",
    type: "list",
    aliases: ["WCC Competencies", "Competency", "WCC"],
    note: "Competency IDs this project develops, e.g. C5, C6.",
  },
  {
    key: "benefits",
    label: "Benefits",
    type: "list",
    aliases: ["Benefit"],
    note: "Benefit IDs this project delivers.",
  },
  {
    key: "notes",
    label: "Notes",
    type: "text",
    aliases: ["Comments", "Comment", "Commentary", "Remarks", "Update"],
    note: "Shown on the workstream's highlight report.",
  },
  ...CONSTRAINT_FIELDS,
] as const satisfies readonly FieldSpec[];

/**
 * The sheets' schemas as written, every literal kept (`as const`): the type of each sheet's rows is
 * inferred from its fields (`RowValues` in rows.ts), so a field is a typed property and a wrong key
 * does not compile.
 */
export const SHEET_SCHEMAS = [
  {
    kind: "projects",
    title: "Projects",
    noun: "project",
    aliases: [
      "Project",
      "Project Portfolio",
      "Portfolio",
      "Priority Actions",
      "Actions",
      "Project List",
      "Project Register",
      "Plan",
      "Programme Plan",
    ],
    idWords: ["project", "action", "priority action"],
    signature: [
      ["id"],
      ["name"],
      ["finish", "start", "baselineFinish"],
      ["workstream", "lead", "budget", "percentComplete", "reportedRag", "dependsOn", "status"],
    ],
    fields: PROJECT_FIELDS,
  },
  {
    kind: "milestones",
    title: "Milestones",
    noun: "milestone",
    aliases: ["Milestone", "Milestone Plan", "Key Milestones", "Milestone Tracker"],
    idWords: ["milestone"],
    signature: [["id"], ["project"], ["name"], ["baseline", "forecast", "actual"]],
    fields: [
      ID_FIELD("Unique milestone reference, e.g. M01."),
      {
        key: "project",
        label: "Project",
        type: "id",
        required: true,
        aliases: ["Project ID", "Project Ref", "Parent", "Priority Action"],
      },
      {
        key: "name",
        label: "Milestone",
        type: "text",
        required: true,
        aliases: ["Name", "Description", "Milestone Name", "Title"],
      },
      {
        key: "baseline",
        label: "Baseline Date",
        type: "date",
        required: true,
        aliases: ["Baseline", "Planned Date", "Original Date", "Due", "Due Date", "Target Date"],
      },
      { key: "forecast", label: "Forecast Date", type: "date", aliases: ["Forecast", "Revised Date", "Expected Date"] },
      {
        key: "actual",
        label: "Actual Date",
        type: "date",
        aliases: ["Actual", "Completed", "Date Achieved", "Achieved", "Completion Date"],
      },
      { key: "status", label: "Status", type: "text", aliases: ["Milestone Status", "State"] },
      { key: "owner", label: "Owner", type: "text", aliases: ["Lead", "Responsible"] },
      {
        key: "dependsOn",
        label: "Depends On",
        type: "refs",
        aliases: ["Predecessors", "Dependencies", "Dependency", "Predecessor"],
      },
      {
        key: "reviewPoint",
        label: "Review Point",
        type: "text",
        aliases: ["Review", "Gateway", "Stage Gate", "Review Gate"],
      },
      ...CONSTRAINT_FIELDS,
    ],
  },
  {
    kind: "dependencies",
    title: "Dependencies",
    noun: "dependency link",
    aliases: [
      "Dependency",
      "Dependency Log",
      "Dependency Register",
      "Links",
      "Interdependencies",
      "Dependency Links",
      "Task Links",
    ],
    idWords: ["dependency", "link"],
    // A link table is known by its From and To columns, never by its name alone: a sheet called
    // Dependencies that lists external dependencies is a dependencies log.
    signature: [["from"], ["to"]],
    needsHeaders: true,
    fields: [
      {
        key: "from",
        label: "From",
        type: "id",
        required: true,
        aliases: ["Predecessor", "Depends On", "Upstream", "Giver", "Provider", "From ID", "Predecessor ID"],
        note: "The project or milestone that must happen first.",
      },
      {
        key: "to",
        label: "To",
        type: "id",
        required: true,
        aliases: ["Successor", "Dependent", "Downstream", "Receiver", "To ID", "Successor ID"],
        note: "The project or milestone that waits for it.",
      },
      {
        key: "type",
        label: "Type",
        type: "linktype",
        aliases: ["Link Type", "Dependency Type", "Relationship"],
        note: "FS (default), SS, FF or SF.",
      },
      {
        key: "lag",
        label: "Lag (days)",
        type: "lag",
        aliases: ["Lag", "Lag Days", "Delay"],
        note: "Working days; negative for a lead. Also 2w (weeks), 3ed (calendar days), 50% (of the predecessor's duration).",
      },
    ],
  },
  {
    kind: "risks",
    title: "Risks",
    noun: "risk",
    aliases: [
      "Risk",
      "Risk Log",
      "Risk Register",
      "Programme Risk Log",
      "Risk Log Register",
      "Corporate Risk Register",
      "Risks Log",
      "Project Risk Register",
    ],
    idWords: ["risk"],
    signature: [["id"], ["likelihood", "impact"], ["title", "description"]],
    fields: [
      ID_FIELD("Unique risk reference, e.g. R01."),
      {
        key: "title",
        label: "Title",
        type: "text",
        aliases: ["Risk", "Risk Title", "Summary", "Risk Name"],
        note: "Optional when there is a Description: its first sentence stands in.",
      },
      {
        key: "description",
        label: "Description",
        type: "text",
        aliases: ["Risk Description", "Cause and Effect", "Detail", "Details", "Risk Detail"],
      },
      {
        key: "project",
        label: "Project",
        type: "id",
        aliases: ["Workstream", "Project ID", "Programme", "Area", "Project Ref", "Directorate"],
        note: "A project ID or a workstream name (a Category column of Schedule, Technical… is not read as one).",
      },
      {
        key: "owner",
        label: "Owner",
        type: "text",
        aliases: ["Risk Owner", "Lead", "Responsible", "Risk Lead", "Accountable"],
      },
      {
        key: "likelihood",
        label: "Likelihood",
        type: "risklevel",
        required: true,
        aliases: [
          "Probability",
          "L",
          "Likelihood Score",
          "Inherent Likelihood",
          "Likelihood Rating",
          "Probability Rating",
        ],
        note: "1–5, the NPSA words (Rare … Almost certain) or High/Medium/Low (a 3×3 register).",
      },
      {
        key: "impact",
        label: "Impact",
        type: "risklevel",
        required: true,
        aliases: [
          "Consequence",
          "Severity",
          "I",
          "C",
          "Impact Score",
          "Inherent Impact",
          "Consequence Score",
          "Impact Rating",
          "Consequence Rating",
        ],
        note: "1–5, the NPSA words (Negligible … Catastrophic) or High/Medium/Low.",
      },
      {
        key: "rating",
        label: "Risk Score",
        type: "text",
        aliases: [
          "Risk Rating",
          "Rating",
          "Score",
          "Inherent Score",
          "Inherent Risk Score",
          "Risk Level",
          "Inherent Rating",
          "Current Score",
          "Risk Score (LxC)",
        ],
        note: "Optional: the register's own score or band, challenged against the computed one.",
      },
      {
        key: "residualLikelihood",
        label: "Residual Likelihood",
        type: "risklevel",
        aliases: ["Residual Probability", "Target Likelihood", "Residual Likelihood Score"],
      },
      {
        key: "residualImpact",
        label: "Residual Impact",
        type: "risklevel",
        aliases: ["Residual Consequence", "Target Impact", "Residual Impact Score", "Target Consequence"],
      },
      {
        key: "mitigation",
        label: "Mitigation",
        type: "text",
        aliases: [
          "Mitigating Actions",
          "Actions",
          "Response",
          "Controls",
          "Mitigation Actions",
          "Mitigation Plan",
          "Response Plan",
          "Existing Controls",
          "Controls in Place",
          "Action Plan",
          "Mitigations",
          "Risk Response",
          "Response Actions",
        ],
      },
      { key: "status", label: "Status", type: "text", aliases: ["Risk Status", "State"] },
      {
        key: "raised",
        label: "Raised",
        type: "date",
        aliases: ["Date Raised", "Date Identified", "Identified", "Date Registered", "Date Added", "Date Opened"],
      },
      {
        key: "lastReviewed",
        label: "Last Reviewed",
        type: "date",
        aliases: ["Date Reviewed", "Reviewed", "Last Review", "Last Review Date", "Date Last Reviewed", "Last Updated"],
        note: "When it was last reviewed.",
      },
      {
        key: "reviewDue",
        label: "Review Due",
        type: "date",
        aliases: [
          "Review Date",
          "Next Review",
          "Next Review Date",
          "Review By",
          "Date of Next Review",
          "Next Review Due",
        ],
        note: "When the next review is due; past it, the risk is stale.",
      },
    ],
  },
  {
    kind: "issues",
    title: "Issues",
    noun: "issue",
    aliases: ["Issue", "Issue Log", "Issue Register", "Issues Log", "Issues Register"],
    idWords: ["issue"],
    signature: [["id"], ["title"], ["priority", "due", "resolved", "status"]],
    fields: [
      ID_FIELD("Unique issue reference, e.g. I01."),
      {
        key: "title",
        label: "Title",
        type: "text",
        required: true,
        aliases: ["Issue", "Summary", "Description", "Issue Title", "Issue Description", "Details"],
      },
      { key: "project", label: "Project", type: "id", aliases: ["Workstream", "Project ID", "Area"] },
      {
        key: "owner",
        label: "Owner",
        type: "text",
        aliases: ["Issue Owner", "Lead", "Responsible", "Assigned To", "Action Owner"],
      },
      {
        key: "priority",
        label: "Priority",
        type: "text",
        aliases: ["Severity", "Impact", "Priority Rating"],
        doubtfulAliases: ["Impact"],
        note: "High, Medium, Low, or 1 (highest) to 4. A Priority column is read before one headed Impact.",
      },
      { key: "status", label: "Status", type: "text", aliases: ["Issue Status", "State"] },
      {
        key: "raised",
        label: "Raised",
        type: "date",
        aliases: ["Date Raised", "Opened", "Date Opened", "Date Identified"],
      },
      {
        key: "due",
        label: "Due",
        type: "date",
        aliases: [
          "Due Date",
          "Target Date",
          "Resolve By",
          "Target Resolution Date",
          "Target Res. Date",
          "Target Resolution",
        ],
      },
      {
        key: "resolved",
        label: "Resolved",
        type: "date",
        aliases: [
          "Actual Res. Date",
          "Actual Resolution Date",
          "Date Resolved",
          "Resolution Date",
          "Date Closed",
          "Closed Date",
          "Closed On",
        ],
        note: "A date here closes the issue.",
      },
    ],
  },
  {
    kind: "assumptions",
    title: "Assumptions",
    noun: "assumption",
    aliases: ["Assumption", "Assumptions Log", "Assumption Log", "Assumptions Register"],
    idWords: ["assumption"],
    signature: [["id"], ["description"], ["validationDue", "validatedBy", "impactIfWrong"]],
    fields: [
      ID_FIELD("Unique assumption reference, e.g. A01."),
      {
        key: "description",
        label: "Description",
        type: "text",
        required: true,
        aliases: ["Assumption", "Title", "Assumption Description", "Summary"],
      },
      { key: "project", label: "Project", type: "id", aliases: ["Workstream", "Project ID", "Area"] },
      { key: "owner", label: "Owner", type: "text", aliases: ["Assumption Owner", "Lead", "Responsible", "Raised By"] },
      { key: "raised", label: "Raised", type: "date", aliases: ["Date Raised", "Date Identified", "Date Added"] },
      {
        key: "validatedBy",
        label: "Validated By",
        type: "text",
        aliases: ["Validator", "Validation Owner", "To Be Validated By"],
      },
      {
        key: "validationDue",
        label: "Validation Due",
        type: "date",
        aliases: [
          "Validation Date",
          "Validate By",
          "Due",
          "Due Date",
          "Target Date",
          "Date to Validate",
          "Validation Deadline",
        ],
      },
      {
        key: "status",
        label: "Status",
        type: "text",
        aliases: ["Assumption Status", "State", "Validated"],
        note: "Open until Validated (or Closed, Confirmed, Invalid).",
      },
      {
        key: "impactIfWrong",
        label: "Impact if Wrong",
        type: "text",
        aliases: ["Impact If Untrue", "Impact If Invalid", "Impact", "Consequence", "Impact if Incorrect"],
      },
    ],
  },
  {
    kind: "dependencyLog",
    title: "Dependencies Log",
    noun: "external dependency",
    aliases: [
      "Dependencies",
      "Dependency",
      "Dependency Log",
      "Dependency Register",
      "External Dependencies",
      "Interdependencies",
      "Dependencies Register",
      "External Dependency Log",
    ],
    idWords: ["dependency", "dep"],
    signature: [["id"], ["description"], ["dependentOn", "requiredBy", "externalParty"]],
    fields: [
      ID_FIELD("Unique dependency reference, e.g. D01."),
      {
        key: "description",
        label: "Description",
        type: "text",
        required: true,
        aliases: ["Dependency", "Title", "Dependency Description", "Summary", "What"],
      },
      {
        key: "dependentOn",
        label: "Dependent On",
        type: "text",
        aliases: ["Dependency On", "Depends On", "Provider", "Supplier", "Delivered By", "Dependent Upon", "From"],
      },
      {
        key: "project",
        label: "Project",
        type: "id",
        aliases: ["Workstream", "Project ID", "Dependent Project", "Area", "Receiver"],
      },
      {
        key: "owner",
        label: "Owner",
        type: "text",
        aliases: ["Dependency Owner", "Lead", "Responsible", "Internal Owner"],
      },
      {
        key: "externalParty",
        label: "External Party",
        type: "text",
        aliases: ["Third Party", "Organisation", "Organization", "Party", "External Organisation", "Partner"],
      },
      {
        key: "requiredBy",
        label: "Required By",
        type: "date",
        aliases: ["Required Date", "Need By", "Needed By", "Due", "Due Date", "Date Required", "Target Date"],
      },
      {
        key: "status",
        label: "Status",
        type: "text",
        aliases: ["Dependency Status", "State"],
        note: "Open, Met, At Risk or Blocked.",
      },
    ],
  },
  {
    kind: "benefits",
    title: "Benefits",
    noun: "benefit",
    aliases: ["Benefit", "Benefits Register", "Benefits Realisation", "Benefits Profile", "Benefit Profiles"],
    idWords: ["benefit"],
    signature: [["id"], ["benefit"], ["target", "measure"]],
    fields: [
      ID_FIELD("Unique benefit reference, e.g. B01."),
      {
        key: "benefit",
        label: "Benefit",
        type: "text",
        required: true,
        aliases: ["Name", "Description", "Title", "Benefit Description"],
      },
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
    noun: "competency score",
    aliases: [
      "Competency",
      "Competency Scores",
      "WCC",
      "WCC Competencies",
      "WCC Scores",
      "Competency Assessment",
      "Assessment",
    ],
    idWords: ["competency", "wcc"],
    signature: [["id"], ["competency"], ["score"], ["target", "assessment"]],
    fields: [
      ID_FIELD("Competency reference, e.g. C5; one row per assessment."),
      {
        key: "competency",
        label: "Competency",
        type: "text",
        required: true,
        aliases: ["Name", "Competency Name", "WCC Competency", "Title"],
      },
      {
        key: "assessment",
        label: "Assessment",
        type: "assessment",
        aliases: ["Assessment Type", "Assessed By", "Source", "Type"],
        note: "Self (default), Panel or 360.",
      },
      { key: "date", label: "Date", type: "date", aliases: ["Period", "Assessment Date", "Assessed"] },
      {
        key: "score",
        label: "Score",
        type: "level",
        required: true,
        min: 0,
        max: 4,
        aliases: ["Level", "Current Level", "Panel Assessment", "Assessed Level", "Rating"],
      },
      {
        key: "target",
        label: "Target",
        type: "level",
        required: true,
        min: 0,
        max: 4,
        aliases: ["Target Level", "Target Score", "Aspiration"],
      },
      { key: "targetDate", label: "Target Date", type: "date", aliases: ["Target By", "By When", "Due"] },
      { key: "lead", label: "Lead", type: "text", aliases: ["Owner", "Executive Lead", "Director"] },
    ],
  },
  {
    kind: "governance",
    title: "Governance",
    noun: "governance rating",
    aliases: ["Governance Ratings", "WCC Governance", "Governance Scores"],
    idWords: ["governance"],
    fields: [
      {
        key: "element",
        label: "Element",
        type: "text",
        required: true,
        aliases: ["Area", "Governance Element", "Indicator", "Domain"],
      },
      {
        key: "rating",
        label: "Rating",
        type: "rag",
        required: true,
        aliases: ["RAG", "Score", "Governance Rating", "Status"],
      },
      { key: "target", label: "Target", type: "rag", aliases: ["Target Rating", "Target RAG"] },
      { key: "date", label: "Date", type: "date", aliases: ["Assessed", "Assessment Date", "Period"] },
    ],
  },
  {
    kind: "holidays",
    title: "Holidays",
    noun: "holiday",
    aliases: [
      "Holiday",
      "Bank Holidays",
      "Bank Holiday",
      "Non-working Days",
      "Non Working Days",
      "Calendar Exceptions",
    ],
    idWords: ["holiday"],
    fields: [
      {
        key: "date",
        label: "Date",
        type: "date",
        required: true,
        aliases: ["Holiday Date", "Day", "Start", "Start Date"],
        note: "A day nobody works: the schedule skips it.",
      },
      { key: "name", label: "Name", type: "text", aliases: ["Holiday", "Description", "Title", "Bank Holiday"] },
    ],
  },
  {
    kind: "workstreams",
    title: "Workstreams",
    noun: "workstream",
    aliases: ["Workstream", "Work Streams", "Workstream Leads", "Programmes"],
    idWords: ["workstream"],
    fields: [
      {
        key: "workstream",
        label: "Workstream",
        type: "text",
        required: true,
        aliases: ["Name", "Work Stream", "Programme", "Title"],
      },
      {
        key: "lead",
        label: "Lead",
        type: "text",
        aliases: ["Workstream Lead", "Owner", "Accountable Lead"],
        note: "The one person accountable for the workstream.",
      },
      {
        key: "sro",
        label: "SRO",
        type: "text",
        aliases: ["Senior Responsible Owner", "Executive Lead", "Sponsor", "Executive Sponsor"],
      },
    ],
  },
  {
    kind: "commentary",
    title: "Commentary",
    noun: "commentary row",
    aliases: ["Comments", "Narrative", "Status Commentary", "Highlight Commentary", "Board Commentary"],
    idWords: ["commentary"],
    fields: [
      {
        key: "period",
        label: "Period",
        type: "date",
        required: true,
        aliases: ["Date", "As Of", "Reporting Period", "Month", "Period End"],
        note: "The reporting date it was written for; the latest on or before the as-of date is used.",
      },
      {
        key: "about",
        label: "About",
        type: "text",
        required: true,
        aliases: ["Subject", "Scope", "Workstream", "Item", "Project"],
        note: "Programme, a workstream's name, or a project or milestone ID.",
      },
      {
        key: "statusSummary",
        label: "Status Summary",
        type: "text",
        aliases: ["Summary", "Commentary", "Comment", "Narrative", "Update", "Executive Summary"],
      },
      {
        key: "decisions",
        label: "Decisions Requested",
        type: "text",
        aliases: ["Decisions", "Decision Requested", "Requests for Decision", "Decision Required", "Asks"],
      },
      {
        key: "recommendation",
        label: "Recommendation",
        type: "text",
        aliases: ["Recommendations", "Recommended Option"],
      },
      {
        key: "decisionBy",
        label: "Decision By",
        type: "date",
        aliases: ["Decision Date", "Needed By", "Decision Needed By"],
      },
      { key: "lessons", label: "Lessons", type: "text", aliases: ["Lessons Learned", "Lessons Learnt"] },
      { key: "author", label: "Author", type: "text", aliases: ["By", "Written By", "Owner", "Submitted By"] },
      {
        key: "cause",
        label: "Cause",
        type: "text",
        aliases: ["Exception Cause", "Cause of Exception", "Cause of the Exception", "Reason for Exception"],
        note: "For a workstream beyond tolerance: the cause of the exception (its exception report).",
      },
      {
        key: "consequences",
        label: "Consequences",
        type: "text",
        aliases: ["Consequences of Deviation", "Consequences of the Deviation", "Impact of Exception"],
        note: "What follows if the deviation is not addressed, for the project and for the programme.",
      },
      {
        key: "options",
        label: "Options",
        type: "text",
        aliases: ["Exception Options", "Options Considered", "Options Available"],
        note: "The options, each with its effect on the business case, risks and tolerances; the Recommendation column says which is recommended.",
      },
    ],
  },
  {
    // A plan exported from Microsoft Project (Save As Excel Workbook: the "Project Excel Template"
    // sheet Task_Table, or the Export Wizard's Task_Table1 with field names such as Unique_ID,
    // Start_Date, Outline_Level, Resource_Names) or from Smartsheet (Task Name, Start Date, End Date,
    // Duration, Predecessors as row numbers, % Complete, Assigned To, hierarchy as row grouping).
    // docs/importing.md describes how it becomes projects, milestones, links and workstreams.
    kind: "tasks",
    title: "Task_Table",
    noun: "task",
    aliases: [
      "Task_Table1",
      "Task Table",
      "Tasks",
      "Task List",
      "Project Plan",
      "Schedule",
      "Gantt",
      "Project Schedule",
    ],
    idWords: ["task"],
    signature: [["name"], ["start", "finish"], ["duration", "outlineLevel", "predecessors", "summary", "milestone"]],
    needsHeaders: true,
    fields: [
      {
        key: "id",
        label: "ID",
        type: "id",
        aliases: ["Task ID", "Row ID", "Row Number"],
        note: "Microsoft Project's task ID (what Predecessors refer to). Without it, the row's position: Smartsheet's row number.",
      },
      { key: "uniqueId", label: "Unique ID", type: "id", aliases: ["UID"] },
      {
        key: "name",
        label: "Name",
        type: "text",
        required: true,
        aliases: ["Task Name", "Task", "Title", "Activity", "Activity Name"],
      },
      { key: "duration", label: "Duration", type: "duration", aliases: ["Planned Duration", "Baseline Duration"] },
      { key: "start", label: "Start", type: "datetime", aliases: ["Start Date", "Planned Start"] },
      {
        key: "finish",
        label: "Finish",
        type: "datetime",
        aliases: ["Finish Date", "End", "End Date", "Due Date", "Planned Finish"],
      },
      {
        key: "predecessors",
        label: "Predecessors",
        type: "refs",
        aliases: ["Predecessor", "Depends On", "Dependencies"],
      },
      { key: "outlineLevel", label: "Outline Level", type: "number", aliases: ["Level", "Indent", "Hierarchy Level"] },
      { key: "summary", label: "Summary", type: "bool", aliases: ["Is Summary", "Summary Task"] },
      { key: "milestone", label: "Milestone", type: "bool", aliases: ["Is Milestone"] },
      {
        key: "percentComplete",
        label: "% Complete",
        type: "percent",
        aliases: ["Percent Complete", "Percent_Complete", "Complete", "% Work Complete", "Progress"],
      },
      {
        key: "resources",
        label: "Resource Names",
        type: "text",
        aliases: ["Assigned To", "Resources", "Owner", "Assignee", "Resource", "Lead"],
      },
      { key: "baselineStart", label: "Baseline Start", type: "date", aliases: ["Baseline Start Date"] },
      {
        key: "baselineFinish",
        label: "Baseline Finish",
        type: "date",
        aliases: ["Baseline Finish Date", "Baseline End", "Baseline End Date"],
      },
      {
        key: "actualStart",
        label: "Actual Start",
        type: "date",
        aliases: ["Actual Start Date"],
        note: "The day work began: a task in progress keeps it as its start.",
      },
      {
        key: "actualFinish",
        label: "Actual Finish",
        type: "date",
        aliases: ["Actual End", "Actual Finish Date", "Actual End Date"],
      },
      { key: "status", label: "Status", type: "text", aliases: ["Task Status", "State"] },
      {
        key: "rag",
        label: "RAG",
        type: "rag",
        aliases: ["Health", "RAG Status", "Status RAG", "Reported RAG", "Traffic Light"],
      },
      { key: "workstream", label: "Workstream", type: "text", aliases: ["Work Stream", "Programme", "Phase"] },
      {
        key: "active",
        label: "Active",
        type: "bool",
        aliases: [],
        note: "Microsoft Project: inactive tasks (No) are left out.",
      },
      {
        key: "taskMode",
        label: "Task Mode",
        type: "text",
        aliases: [],
        note: "Microsoft Project: a Manually Scheduled task stays on its entered dates.",
      },
      { key: "constraintType", label: "Constraint Type", type: "text", aliases: ["Constraint"] },
      { key: "constraintDate", label: "Constraint Date", type: "datetime", aliases: [] },
      { key: "deadline", label: "Deadline", type: "datetime", aliases: [] },
      { key: "notes", label: "Notes", type: "text", aliases: ["Comments", "Comment"] },
    ],
  },
] as const satisfies readonly SheetSpec[];

/** Every sheet the tool reads, as the readers see them. */
export const SHEETS: readonly SheetSpec[] = SHEET_SCHEMAS;

/** One sheet's schema, with its literal keys and types. */
export type SchemaOf<K extends SheetKind> = Extract<(typeof SHEET_SCHEMAS)[number], { kind: K }>;
/** The fields of a sheet, each with its literal key and type. */
export type FieldsOf<K extends SheetKind> = SchemaOf<K>["fields"][number];
/** The field keys of a sheet ("finish", "reportedRag"…). */
export type FieldKey<K extends SheetKind = SheetKind> = FieldsOf<K>["key"];

export function sheetSpec<K extends SheetKind>(kind: K): SheetSpec<K> {
  const s = SHEETS.find((x): x is SheetSpec<K> => x.kind === kind);
  if (!s) throw new Error(`no sheet spec for ${kind}`);
  return s;
}

export interface SettingSpec {
  key:
    | "programmeName"
    | "reportingDate"
    | "reportingPeriod"
    | "amberSlipDays"
    | "redSlipDays"
    | "amberCostPercent"
    | "redCostPercent"
    | "riskEscalationScore"
    | "riskMatrix"
    | "reviewStalenessDays"
    | "competencyScaleMax"
    | "rollUp"
    | "calendar"
    | "hoursPerDay"
    | "workingHours"
    | "dateOrder"
    | "classification"
    | "paperPurpose"
    | "reportAuthor"
    | "presentingDirector"
    | "overallRule"
    | "columnMap";
  label: string;
  aliases: string[];
  note: string;
}

export const SETTINGS_SHEET = {
  title: "Settings",
  aliases: ["Setting", "Config", "Configuration", "Parameters", "Tolerances"],
};

export const SETTING_SPECS: readonly SettingSpec[] = [
  {
    key: "programmeName",
    label: "Programme name",
    aliases: ["Programme", "Program name", "Program", "Programme title", "Programme Board"],
    note: "Shown on every report.",
  },
  {
    key: "reportingDate",
    label: "Reporting date",
    aliases: ["As of", "As-of date", "Report date", "Status date", "Data date", "Reporting period end"],
    note: "The as-of date for the checks; the CLI's --as-of overrides it. Default: today.",
  },
  {
    key: "reportingPeriod",
    label: "Reporting period",
    aliases: ["Reporting cycle", "Report period", "Period"],
    note: 'Monthly (the default: the calendar month holding the as-of date), Four-weekly (28-day periods from 1 April) or Quarterly. Sets "this period" and "next period" on every sheet.',
  },
  {
    key: "amberSlipDays",
    label: "Amber slip days",
    aliases: ["Amber slip", "Amber tolerance days", "Schedule amber days"],
    note: "Slip above this many days is Amber (default 0).",
  },
  {
    key: "redSlipDays",
    label: "Red slip days",
    aliases: ["Red slip", "Red tolerance days", "Schedule red days"],
    note: "Slip above this many days is Red (default 30).",
  },
  {
    key: "amberCostPercent",
    label: "Amber cost variance %",
    aliases: ["Amber cost variance", "Amber cost", "Amber cost tolerance", "Cost amber %"],
    note: "Forecast over budget by more than this % is Amber (default 5).",
  },
  {
    key: "redCostPercent",
    label: "Red cost variance %",
    aliases: ["Red cost variance", "Red cost", "Red cost tolerance", "Cost red %"],
    note: "Forecast over budget by more than this % is Red (default 10).",
  },
  {
    key: "riskEscalationScore",
    label: "Risk escalation score",
    aliases: ["Escalation score", "Risk escalation threshold", "Escalation threshold"],
    note: "Open risks scoring this or more go to the board (default 15).",
  },
  {
    key: "riskMatrix",
    label: "Risk matrix",
    aliases: ["Risk scoring", "Risk scale", "Matrix"],
    note: "Auto (the default: the NPSA 5×5 matrix, or 3×3 for a log rated High/Medium/Low), 5x5 or 3x3.",
  },
  {
    key: "reviewStalenessDays",
    label: "Review staleness days",
    aliases: ["Review staleness", "Stale review days", "Risk review days"],
    note: "A risk not reviewed for longer than this is stale (default 90).",
  },
  {
    key: "competencyScaleMax",
    label: "Competency scale maximum",
    aliases: ["Competency scale max", "Competency max", "Maximum level", "Competency maximum"],
    note: "Highest competency level (default 4, as in WCC).",
  },
  {
    key: "calendar",
    label: "Calendar",
    aliases: ["Schedule calendar", "Working calendar", "Calendar type"],
    note: "Working days (the default: Monday to Friday, less the days on the Holidays sheet) or Calendar days (every day counts).",
  },
  {
    key: "hoursPerDay",
    label: "Hours per day",
    aliases: ["Hours a day", "Working hours per day", "Day length"],
    note: "What a duration or lag of 1d stands for, as Microsoft Project's Hours per day (default 8, or the length of the Working hours).",
  },
  {
    key: "workingHours",
    label: "Working hours",
    aliases: ["Working time", "Work hours", "Working day"],
    note: "The working hours of a working day, for plans with times (default 08:00-12:00, 13:00-17:00, Project's Standard calendar).",
  },
  {
    key: "rollUp",
    label: "RAG roll-up rule",
    aliases: ["Roll-up rule", "Roll up", "RAG roll up", "Rollup"],
    note: "worst (default) or majority.",
  },
  {
    key: "dateOrder",
    label: "Date order",
    aliases: ["Date format", "Dates"],
    note: "Day first (the default: 02/03/2026 is 2 March) or Month first (3 February), for dates typed as text.",
  },
  {
    key: "classification",
    label: "Classification",
    aliases: ["Protective marking", "Security classification", "Marking"],
    note: "Printed in every report footer (default OFFICIAL).",
  },
  {
    key: "paperPurpose",
    label: "Paper purpose",
    aliases: ["Purpose", "Purpose of paper", "Paper for"],
    note: "For decision, For assurance or For information: the Board Report's purpose line. Default: For decision when the board is asked to decide anything, else For assurance.",
  },
  {
    key: "reportAuthor",
    label: "Report author",
    aliases: ["Author", "Prepared by", "Paper author"],
    note: "Named on the Board Report's purpose line. Default: the author of the programme's commentary.",
  },
  {
    key: "presentingDirector",
    label: "Presenting director",
    aliases: ["Presented by", "Executive lead", "Responsible director", "Lead director"],
    note: "The director who presents the paper, named on the Board Report's purpose line.",
  },
  {
    key: "overallRule",
    label: "Overall RAG rule",
    aliases: ["Overall RAG", "Overall rule"],
    note: "Schedule and cost (the default: overall is the worse of the two) or Schedule, cost, benefits and risk (benefits off track and risks at or above the escalation score count too).",
  },
  {
    key: "columnMap",
    label: "Column map",
    aliases: ["Column mapping", "Map column"],
    note: "One row per column the tool should read under another name: sheet, the header as written, the field it means (e.g. Task_Table | Resource_Names | Lead).",
  },
];
