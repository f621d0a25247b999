import { SETTING_SPECS, SHEETS, type SheetKind } from "./schema";
import { englandWalesBankHolidays } from "../primitives/calendar";
import type { Day } from "../primitives/dates";

/**
 * The blank input workbook, host-neutral: every input sheet as a table with its headers
 * and drop-downs, and an instructions sheet. The CLI's `template` command and the task
 * pane's "insert missing sheets" button both write this.
 */
export interface TemplateSheet {
  kind: SheetKind | "settings" | "instructions";
  name: string;
  /** Table name (no spaces). */
  table?: string;
  headers: string[];
  /** Rows under the header (instructions text, settings keys with defaults, holidays). */
  rows: TemplateValue[][];
  /** Column header → drop-down values, or a whole-number range. */
  validations: { header: string; list?: string[]; whole?: [number, number] }[];
  widths: number[];
}

/** A template cell: text, a number, or a date (written as a real date in the workbook's date system). */
export type TemplateValue = string | number | { day: Day };

/** How many years of bank holidays the template's Holidays sheet holds: this year and the next four. */
export const HOLIDAY_YEARS = 5;

export const STATUS_LISTS: Partial<Record<SheetKind, string[]>> = {
  projects: ["Not started", "In progress", "On hold", "Complete", "Closed"],
  milestones: ["Not started", "In progress", "Complete"],
  risks: ["Open", "Closed"],
  issues: ["Open", "Closed"],
};

export const RAG_LIST = ["Red", "Amber", "Green", "Blue"];

/** Rows of drop-down validation prepared under each template header. */
export const TEMPLATE_ROWS = 500;

/**
 * The template's sheets. `year` is the current year: the Holidays sheet is filled with England
 * and Wales bank holidays for it and the next four (the working-day schedule skips them).
 */
export function templateSheets(year: number): TemplateSheet[] {
  const out: TemplateSheet[] = [
    {
      kind: "instructions",
      name: "Instructions",
      headers: ["PMO Highlights: programme workbook"],
      rows: [
        [
          "Fill in one row per item on each sheet. Keep the header row; add columns of your own if you wish (they are kept and ignored).",
        ],
        [
          "Projects: one row per project or priority action. Depends On lists the IDs it waits for: P02, P03FS+10d (finish-to-start plus 10 days), M14SS-5d.",
        ],
        ["Milestones: one row per milestone, with the project it belongs to. Enter an Actual Date when it is met."],
        [
          "Risks: score Likelihood and Impact from 1 to 5 or with the NPSA words (NHS 5×5 matrix; 15 or more go to the board), or rate them High, Medium or Low for a 3×3 register.",
        ],
        [
          "Issues, Assumptions and Dependencies Log: the rest of the RAID log. Dependencies (From, To) links our own projects and milestones; Dependencies Log lists what we need from other parties.",
        ],
        [
          "Workstreams: each workstream's one accountable lead and SRO. Commentary: each period's status summary, decisions requested and lessons, about the Programme, a workstream or an item.",
        ],
        ["Competencies: one row per assessment (Self or Panel) of each competency, with its target level and date."],
        [
          "Holidays: days nobody works. Schedules count working days (Monday to Friday less these); the sheet starts with England and Wales bank holidays. Set Calendar to Calendar days on Settings to count every day.",
        ],
        ["Settings: the reporting date and tolerances. Leave a value blank for the default."],
        ["Dates: type them as 31/03/2010 or 2010-03-31. RAG: Red, Amber, Green, or Blue for done."],
        ["Then run: pmo-highlights check <this file>   or use the Excel add-in's Check button."],
      ],
      validations: [],
      widths: [120],
    },
  ];
  // A plan exported from another tool is read as it comes: the template does not offer one.
  for (const spec of SHEETS.filter((x) => x.kind !== "tasks")) {
    const validations: TemplateSheet["validations"] = [];
    for (const f of spec.fields) {
      if (f.key === "status" && STATUS_LISTS[spec.kind])
        validations.push({ header: f.label, list: STATUS_LISTS[spec.kind] });
      else if (f.type === "rag") validations.push({ header: f.label, list: RAG_LIST });
      else if (f.type === "linktype") validations.push({ header: f.label, list: ["FS", "SS", "FF", "SF"] });
      else if (f.type === "assessment") validations.push({ header: f.label, list: ["Self", "Panel", "360"] });
      else if (f.type === "level" && f.min !== undefined && f.max !== undefined)
        validations.push({ header: f.label, whole: [f.min, f.max] });
    }
    out.push({
      kind: spec.kind,
      name: spec.title,
      table: spec.title.replace(/[^A-Za-z0-9]/g, ""),
      headers: spec.fields.map((f) => f.label),
      rows: spec.kind === "holidays" ? bankHolidayRows(year, HOLIDAY_YEARS) : [],
      validations,
      widths: spec.fields.map((f) => (f.type === "text" ? 28 : f.type === "date" ? 14 : 12)),
    });
  }
  out.push({
    kind: "settings",
    name: "Settings",
    table: "Settings",
    headers: ["Setting", "Value", "Notes"],
    rows: SETTING_SPECS.map((s) => [s.label, "", s.note]),
    validations: [],
    widths: [28, 20, 70],
  });
  return out;
}

/** England and Wales bank holidays from `from` for `years` years, as Holidays rows (Date, Name). */
export function bankHolidayRows(from: number, years: number): TemplateValue[][] {
  const rows: TemplateValue[][] = [];
  for (let y = from; y < from + years; y++)
    for (const h of englandWalesBankHolidays(y)) rows.push([{ day: h.date }, h.name]);
  return rows;
}

/** The template sheets for the input kinds (and Settings) a workbook lacks. */
export function missingTemplateSheets(
  foundKinds: readonly string[],
  hasSettings: boolean,
  year: number,
): TemplateSheet[] {
  const found = new Set(foundKinds);
  return templateSheets(year).filter((t) =>
    t.kind === "settings" ? !hasSettings : t.kind !== "instructions" && !found.has(t.kind),
  );
}
