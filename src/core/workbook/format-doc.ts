import { SETTING_SPECS, SHEETS, type SheetKind } from "./schema";

/**
 * docs/workbook-format.md, generated from the schema the reader uses, so the two cannot
 * disagree (`npm run docs` rewrites it; a test fails when it is stale).
 */
const EXAMPLES: Record<SheetKind, string[]> = {
  projects: [
    "P12",
    "Improve WCC competency assessment",
    "Commissioning Competencies",
    "Director Commissioning and Strategy",
    "01/04/2009",
    "30/03/2012",
    "30/03/2012",
    "",
    "£250,000",
    "£290,000",
    "£140,000",
    "45%",
    "In progress",
    "Amber",
    "",
    "",
    "M32, P03FS+10d",
    "C5, C6",
    "B03",
    "Phase 2 scope under review",
  ],
  milestones: [
    "M33",
    "P12",
    "Implement knowledge management partnership and unit",
    "30/06/2009",
    "11/12/2009",
    "",
    "In progress",
    "Director Finance",
    "M32",
    "Strategic Commissioning Committee",
  ],
  dependencies: ["M08", "M41", "FS", "60"],
  risks: [
    "R05",
    "WCC year 2 panel scores below target",
    "Competencies 5 and 6 remain at level 1",
    "Commissioning Competencies",
    "Director Commissioning and Strategy",
    "4",
    "5",
    "20",
    "3",
    "4",
    "Knowledge management unit; monthly tracking",
    "Open",
    "01/04/2009",
    "25/01/2010",
    "25/02/2010",
  ],
  issues: [
    "I01",
    "University contract not signed",
    "P03",
    "Head of Workforce",
    "High",
    "Open",
    "05/10/2009",
    "18/12/2009",
    "",
  ],
  benefits: ["B04", "Staff trained in commissioning skills", "P13", "Staff trained (%)", "0", "30", "22", "31/03/2010"],
  competencies: [
    "C5",
    "Manage knowledge and assess needs",
    "Panel",
    "12/12/2008",
    "1",
    "3",
    "31/03/2010",
    "Director Public Health",
  ],
  governance: ["Finance", "Amber", "Green", "31/12/2009"],
  holidays: ["02/04/2010", "Good Friday"],
  tasks: [
    "12",
    "42",
    "Design the knowledge management unit",
    "20 days",
    "Mon 1/4/10",
    "Fri 1/29/10",
    "8FS+5 days",
    "3",
    "No",
    "No",
    "45%",
    "Director Public Health",
    "",
    "1/29/10",
    "",
    "",
    "",
    "",
    "Yes",
    "",
  ],
  assumptions: [
    "A03",
    "University partner can host the workforce team from April",
    "P03",
    "Head of Workforce",
    "05/10/2009",
    "Director OD",
    "31/01/2010",
    "Open",
    "Workforce plans slip a term",
  ],
  dependencyLog: [
    "D02",
    "SHA approval of the WCC year 2 submission",
    "Strategic Health Authority",
    "P12",
    "Director Commissioning and Strategy",
    "West Midlands SHA",
    "31/03/2010",
    "At Risk",
  ],
  workstreams: ["Commissioning Competencies", "Director Commissioning and Strategy", "Chief Executive"],
  commentary: [
    "31/01/2010",
    "Programme",
    "Four of five workstreams on track; WCC competency scores the main risk.",
    "Approve the knowledge management business case",
    "Approve, to close the C5 gap by March",
    "25/02/2010",
    "Engage the university earlier",
    "PMO Lead",
  ],
};

const TYPE_WORDS: Record<string, string> = {
  id: "ID",
  text: "text",
  date: "date",
  datetime: "date and time",
  number: "number",
  percent: "percentage",
  rag: "RAG",
  refs: "dependency list",
  list: "list",
  level: "score",
  risklevel: "1–5, NPSA word, or High/Medium/Low",
  assessment: "Self / Panel / 360",
  linktype: "FS / SS / FF / SF",
  lag: "lag",
  bool: "Yes / No",
  duration: "duration",
};

export function workbookFormatDoc(): string {
  const out: string[] = [];
  formatIntro(out);
  for (const spec of SHEETS) sheetSection(out, spec);
  settingsSection(out);
  return out.join("\n");
}

/** The page's title and how sheets and columns are found. */
function formatIntro(out: string[]): void {
  out.push("# The programme workbook format");
  out.push("");
  out.push(
    "<!-- Generated from src/core/workbook/schema.ts by `npm run docs`. Edit the schema or src/core/workbook/format-doc.ts, not this file. -->",
  );
  out.push("");
  out.push(
    "PMO Highlights reads the sheets below from an ordinary Excel workbook. `pmo-highlights template -o blank.xlsx` writes them all, empty, as Excel tables with drop-downs.",
  );
  out.push("");
  out.push("How sheets and columns are found:");
  out.push("");
  out.push(
    "- **Any part is enough.** A workbook holding only a plan, only a risk register or only a RAID log is read; a part that is absent is noted (an info), not an error.",
  );
  out.push(
    "- **Sheets** by name or by Excel table name, ignoring case, spaces and punctuation (`Risk Log`, `risk_log`, a table `tblRisks`), provided their headers fit; or, whatever their name, by their headers alone (the kind whose columns a sheet names most, when it has that kind's identifying columns). A link table (From, To) and a dependencies log (Description, Dependent On, Required By) are told apart by their headers, never by the name alone.",
  );
  out.push(
    "- **One-sheet RAID logs**: a sheet with a Type column of Risk, Assumption, Issue, Dependency (or R, A, I, D) is split by type.",
  );
  out.push(
    "- **Either an Excel table or a plain range.** For a plain range the header row is the row, among the first 30, that names the most known columns (so title rows and a document-control block above it are fine). Blank rows are skipped.",
  );
  out.push(
    "- **Column map**: a header the tool does not know can be mapped on the Settings sheet, one row per column: `Column map | sheet | header as written | field` (for example `Column map | Task_Table | Resource_Names | Lead`). The map applies before the other names, and travels with the workbook.",
  );
  out.push(
    "- **Columns by header**, ignoring case, spaces, punctuation and units in brackets: `Budget (£)`, `BUDGET` and `budget` are one column. Columns the tool does not know are kept and ignored.",
  );
  out.push(
    "- **The ID column** may be called ID, Ref, Reference, No., Number, Key or Code, alone or after the sheet's word (Project ID, Risk Ref, Action No).",
  );
  out.push(
    "- **Dates**: Excel dates (1900 or 1904 date system), ISO text (2010-03-31) or British text (31/03/2010, 31 Mar 2010). Text dates are read day first (31/03/2010) unless Settings says `Date order | Month first`; a column whose dates only make sense month first (as Microsoft Project and Smartsheet export them in the US) is read that way and the check says so.",
  );
  out.push(
    "- **Numbers**: `12500`, `£12,500`, `(1,200)` for a negative, `12k`. **Percentages**: `45%`, or Excel percentages (0.45) when the column holds nothing above 1.",
  );
  out.push("- **RAG**: Red, Amber, Green or Blue (done), in any case; R, A, G and Complete are accepted.");
  out.push("- **Placeholders** TBC, TBA, n/a and - read as blank, not as errors.");
  out.push(
    "- **Dependencies** in the Depends On columns use Microsoft Project's style: `P02`, `P02FS+10d`, `M14SS-5d`, `P03FF+2w`, several separated by commas or semicolons. Links are FS (finish-to-start) unless stated; lags are working days (`w` weeks of 5, `mo` months of 20, `h` hours and `m` minutes: to the minute in a plan whose dates carry times, rounded up to days in a plan typed in days), or elapsed time with `ed`/`ew`/`eh`, or a percentage of the predecessor's duration (`P02FS+50%`). Constraints (Constraint Type, Constraint Date) and Deadline follow Microsoft Project: docs/dependencies.md. Microsoft Project's (`3FS+2 days`, `4FS+50%`) and Smartsheet's (`2FS +1d`) spellings are read too. Projects and milestones share one ID space, so a project may depend on a milestone.",
  );
  out.push("");
  out.push(
    "Required columns are marked ✱. A missing required column is an error naming the header row; a missing value is an error naming its cell.",
  );
  out.push("");
}

/** One sheet's section: its names, its columns and an example row. */
function sheetSection(out: string[], spec: (typeof SHEETS)[number]): void {
  out.push(`## ${spec.title}`);
  out.push("");
  out.push(
    `Optional. Also accepted as the sheet or table name: ${spec.aliases.join(", ")}.${spec.signature ? ` Found by its headers alone when it has ${spec.signature.map((g) => g.map((k) => spec.fields.find((f) => f.key === k)!.label).join(" or ")).join(", ")}.` : " Found by its name only."}`,
  );
  out.push("");
  out.push("| Column | Kind | Also accepted | Notes |");
  out.push("|---|---|---|---|");
  for (const f of spec.fields) {
    const also =
      f.key === "id"
        ? ["Ref", "Reference", "No.", ...spec.idWords.map((w) => `${w[0].toUpperCase()}${w.slice(1)} ID`)].join(", ")
        : (f.aliases ?? []).join(", ");
    const range = f.type === "level" ? ` (${f.min}–${f.max})` : "";
    out.push(`| ${f.label}${f.required ? " ✱" : ""} | ${TYPE_WORDS[f.type]}${range} | ${also} | ${f.note ?? ""} |`);
  }
  out.push("");
  out.push("Example row:");
  out.push("");
  out.push(`| ${spec.fields.map((f) => f.label).join(" | ")} |`);
  out.push(`|${spec.fields.map(() => "---").join("|")}|`);
  out.push(`| ${EXAMPLES[spec.kind].join(" | ")} |`);
  out.push("");
}

function settingsSection(out: string[]): void {
  out.push("## Settings");
  out.push("");
  out.push(
    "Optional. A key in one cell and its value in the next filled cell to the right, one per row (a header row such as Setting | Value is fine). Also accepted as the sheet name: Config, Configuration, Parameters, Tolerances. A value that cannot be read is reported and the default kept.",
  );
  out.push("");
  out.push("| Setting | Also accepted | Meaning |");
  out.push("|---|---|---|");
  for (const s of SETTING_SPECS) out.push(`| ${s.label} | ${s.aliases.join(", ")} | ${s.note} |`);
  out.push("");
  out.push("Example:");
  out.push("");
  out.push("| Setting | Value |");
  out.push("|---|---|");
  out.push("| Programme name | South Staffordshire PCT: Organisational Development Plan |");
  out.push("| Reporting date | 31/01/2010 |");
  out.push("| Red slip days | 30 |");
  out.push("");
}
