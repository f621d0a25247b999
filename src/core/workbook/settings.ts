import { a1, isBlank, isCellError, type CellValue } from "../primitives/cell";
import type { Diagnostic } from "../primitives/diagnostic";
import { DEFAULT_SETTINGS, type Settings, type SheetSource } from "../programme/entities";
import { cellAt, presentRows, type WorkbookSnapshot } from "../primitives/snapshot";
import { locate, presentColumns, sheetRegion } from "./locate";
import { normaliseName } from "./normalise";
import { SETTING_SPECS, SETTINGS_SHEET, type SettingSpec } from "./schema";
import { readDate, readNumber, readText, show } from "./values";
import { RISK_MATRIX } from "../risks/bands";

const TOP_SCORE_5X5 = RISK_MATRIX["5x5"].points ** 2;

const HEADER_WORDS = new Set(["setting", "settings", "key", "parameter", "name", "item"]);

function specFor(key: string): SettingSpec | undefined {
  const n = normaliseName(key);
  return SETTING_SPECS.find((s) => [s.label, ...s.aliases].some((a) => normaliseName(a) === n));
}

type Sheet = WorkbookSnapshot["sheets"][number];
/** A row of the Settings sheet and its filled columns. */
type SettingRow = { r: number; cols: number[] };

/**
 * Reads the optional Settings sheet: a key in one cell and its value in the next
 * filled cell to the right, one per row. Anything not understood is reported and the
 * default kept, so a typo never silently changes a tolerance.
 */
export function readSettings(snapshot: WorkbookSnapshot, diags: Diagnostic[], sources?: SheetSource[]): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS, cells: {}, columnMap: [] };
  const loc = locate(snapshot, SETTINGS_SHEET);
  if (!loc) return settings;
  const sheet = loc.sheet;
  // A Settings table (as the template writes) and the rows under it: settings and Column map rows
  // the pane adds go below the table, where Excel's API does not grow it.
  const whole = sheetRegion(sheet);
  const region = loc.table
    ? {
        ...loc.table.range,
        bottom: Math.max(loc.table.range.bottom, whole.bottom),
        right: Math.max(loc.table.range.right, whole.right),
      }
    : whole;
  // Only the rows and cells present: a cell at XFD1048576, or a table over the whole grid, costs what is there.
  const rows = presentRows(sheet, region.top, region.bottom)
    .map((r) => ({ r, cols: presentColumns(sheet, r, region.left, region.right) }))
    .filter((x) => x.cols.length);
  const lastRow = rows.length ? rows[rows.length - 1].r : region.top;
  sources?.push({
    kind: "settings",
    sheet: sheet.name,
    table: loc.table?.name,
    headerCell: a1(region.top, region.left),
    rows: Math.max(0, lastRow - region.top),
    extraColumns: [],
    lastRow,
  });
  const valueColumn = valueColumnOf(
    sheet,
    rows.filter((x) => x.r <= region.top + 5),
  );
  for (const row of rows) readSettingRow(settings, sheet, row, valueColumn, snapshot.date1904, diags);
  return settings;
}

/** One row of the Settings sheet into `settings`: a setting, a Column map entry, a header, or a finding. */
function readSettingRow(
  settings: Settings,
  sheet: Sheet,
  { r, cols }: SettingRow,
  valueColumn: number,
  date1904: boolean,
  diags: Diagnostic[],
): void {
  const keyCol = cols[0];
  const keyText = readText(cellAt(sheet, r, keyCol));
  let valCol = -1;
  if (valueColumn > keyCol) valCol = isBlank(cellAt(sheet, r, valueColumn)) ? -1 : valueColumn;
  else valCol = cols[1] ?? -1;
  if (HEADER_WORDS.has(normaliseName(keyText))) return;
  const spec = specFor(keyText);
  if (!spec) {
    if (valCol >= 0)
      diags.push({
        severity: "info",
        code: "unknown-setting",
        message: `"${keyText}" is not a setting this tool knows, so it is ignored. Settings it reads: ${SETTING_SPECS.map((s) => s.label).join(", ")}.`,
        sheet: sheet.name,
        cell: a1(r, keyCol),
      });
    return;
  }
  if (valCol < 0) return;
  const v = cellAt(sheet, r, valCol);
  const cell = a1(r, valCol);
  if (spec.key === "columnMap") {
    const entry = readColumnMap(
      sheet,
      r,
      cols.filter((c) => c >= valCol),
    );
    if (entry) settings.columnMap.push({ ...entry, at: { sheet: sheet.name, cell } });
    else
      diags.push({
        severity: "error",
        code: "bad-value",
        message: `Column map needs three cells after it: the sheet, the header as written, and the field it means (for example Task_Table | Resource_Names | Lead). This row is ignored until then.`,
        sheet: sheet.name,
        cell,
      });
    return;
  }
  const problem = apply(settings, spec, v, date1904);
  if (problem) {
    diags.push({
      severity: "error",
      code: problem.code,
      message: `${spec.label}: ${problem.message} The default is used until it is corrected.`,
      sheet: sheet.name,
      cell,
    });
  } else settings.cells[spec.key] = { sheet: sheet.name, cell };
}

/**
 * The Value column when the sheet has a header row such as Setting | Value | Notes (as the template
 * writes): values are read from it alone, so a blank value keeps the default rather than taking
 * the note beside it. -1 when there is no such header.
 */
function valueColumnOf(sheet: Sheet, rows: SettingRow[]): number {
  for (const { r, cols } of rows) {
    if (!HEADER_WORDS.has(normaliseName(readText(cellAt(sheet, r, cols[0]))))) continue;
    for (const c of cols.slice(1))
      if (["value", "values"].includes(normaliseName(readText(cellAt(sheet, r, c))))) return c;
    return -1;
  }
  return -1;
}

/** What is wrong with a setting's value, or null when it was taken. */
type Problem = { code: Diagnostic["code"]; message: string } | null;
/** Takes one setting's value into the settings. */
type Setter = (s: Settings, v: CellValue, date1904: boolean) => Problem;

/** The settings that are plain numbers (tolerances and scales), read and range-checked alike. */
const NUMBER_KEYS = [
  "amberSlipDays",
  "redSlipDays",
  "amberCostPercent",
  "redCostPercent",
  "riskEscalationScore",
  "reviewStalenessDays",
  "competencyScaleMax",
] as const;
type NumberKey = (typeof NUMBER_KEYS)[number];
const isNumberKey = (k: SettingSpec["key"]): k is NumberKey => (NUMBER_KEYS as readonly string[]).includes(k);

function apply(s: Settings, spec: SettingSpec, v: CellValue, date1904: boolean): Problem {
  if (isCellError(v)) return { code: "bad-value", message: `the cell holds the error ${v.error}.` };
  return isNumberKey(spec.key) ? setNumber(s, spec.key, v) : SETTERS[spec.key](s, v, date1904);
}

/** A setting's text, lower case, with the characters `strip` matches taken out. */
const squashed = (v: CellValue, strip: RegExp): string => readText(v).toLowerCase().replace(strip, "");
const badValue = (message: string): Problem => ({ code: "bad-value", message });

/** Each setting that is not a plain number, and how its value is read. */
const SETTERS: Record<Exclude<SettingSpec["key"], NumberKey>, Setter> = {
  programmeName: (s, v) => {
    s.programmeName = readText(v) || s.programmeName;
    return null;
  },
  reportingDate: (s, v, date1904) => {
    const d = readDate(v, date1904);
    if (!d.ok) return { code: "bad-date", message: `${d.problem}. Enter a date such as 31/01/2010.` };
    s.reportingDate = d.value;
    return null;
  },
  reportingPeriod: (s, v) => {
    const t = squashed(v, /[^a-z0-9]/g);
    if (t === "monthly" || t === "month" || t === "calendarmonth") s.reportingPeriod = "monthly";
    else if (t === "fourweekly" || t === "4weekly" || t === "fourweeks" || t === "4weeks" || t === "28days")
      s.reportingPeriod = "four-weekly";
    else if (t === "quarterly" || t === "quarter") s.reportingPeriod = "quarterly";
    else return badValue(`${show(v)} is not a reporting period: use Monthly, Four-weekly or Quarterly.`);
    return null;
  },
  riskMatrix: (s, v) => {
    const t = squashed(v, /[^a-z0-9]/g);
    if (t === "auto" || t === "automatic") s.riskMatrix = "auto";
    else if (t === "5x5" || t === "55" || t === "npsa" || t === "five") s.riskMatrix = "5x5";
    else if (t === "3x3" || t === "33" || t === "hml" || t === "three" || t === "highmediumlow") s.riskMatrix = "3x3";
    else return badValue(`${show(v)} is not a risk matrix: use Auto, 5x5 or 3x3.`);
    return null;
  },
  dateOrder: (s, v) => {
    const t = squashed(v, /[^a-z]/g);
    if (t.startsWith("day") || t === "dmy" || t === "ddmmyyyy" || t === "british" || t === "uk")
      s.dateOrder = "day-first";
    else if (t.startsWith("month") || t === "mdy" || t === "mmddyyyy" || t === "us" || t === "american")
      s.dateOrder = "month-first";
    else return badValue(`${show(v)} is not a date order: use Day first or Month first.`);
    return null;
  },
  classification: (s, v) => {
    s.classification = readText(v) || s.classification;
    return null;
  },
  paperPurpose: (s, v) => {
    const t = squashed(v, /^for\s+/).trim();
    if (t.startsWith("decision") || t.startsWith("approval")) s.paperPurpose = "decision";
    else if (t.startsWith("assurance")) s.paperPurpose = "assurance";
    else if (t.startsWith("information") || t.startsWith("noting") || t.startsWith("note"))
      s.paperPurpose = "information";
    else return badValue(`${show(v)} is not a paper purpose: use For decision, For assurance or For information.`);
    return null;
  },
  reportAuthor: (s, v) => {
    s.reportAuthor = readText(v);
    return null;
  },
  presentingDirector: (s, v) => {
    s.presentingDirector = readText(v);
    return null;
  },
  overallRule: (s, v) => {
    const t = readText(v).toLowerCase();
    if (/benefit|risk|all/.test(t)) s.overallRule = "all";
    else if (/schedule|cost|time/.test(t)) s.overallRule = "schedule-cost";
    else
      return badValue(
        `${show(v)} is not an overall RAG rule: use "Schedule and cost" or "Schedule, cost, benefits and risk".`,
      );
    return null;
  },
  calendar: (s, v) => {
    const t = squashed(v, /[^a-z]/g);
    if (t.startsWith("working") || t === "workdays" || t === "businessdays") s.calendar = "working";
    else if (t.startsWith("calendar") || t === "elapseddays" || t === "alldays" || t === "everyday")
      s.calendar = "calendar";
    else return badValue(`${show(v)} is not a calendar: use "Working days" or "Calendar days".`);
    return null;
  },
  hoursPerDay: (s, v) => {
    const n = readNumber(v);
    if (!n.ok || n.value === null || !(n.value > 0 && n.value <= 24))
      return {
        code: "bad-number",
        message: `${show(v)} is not a number of hours from more than 0 to 24, such as 7.5.`,
      };
    s.hoursPerDay = n.value;
    return null;
  },
  workingHours: (s, v) => {
    const hours = parseWorkingHours(readText(v));
    if (!hours)
      return badValue(
        `${show(v)} is not a list of working hours: write them as 09:00-12:30, 13:30-17:00 (in order, not overlapping).`,
      );
    s.workingHours = hours;
    return null;
  },
  rollUp: (s, v) => {
    const t = readText(v).toLowerCase();
    if (t.startsWith("worst")) s.rollUp = "worst";
    else if (t.startsWith("major")) s.rollUp = "majority";
    else return badValue(`${show(v)} is not a roll-up rule: use "worst" or "majority".`);
    return null;
  },
  columnMap: () => null, // read with its row (readColumnMap)
};

/** A tolerance or scale: a number, zero or more, within the setting's own range. */
function setNumber(s: Settings, key: NumberKey, v: CellValue): Problem {
  const n = readNumber(v);
  if (!n.ok || n.value === null) return { code: "bad-number", message: `${show(v)} is not a number.` };
  let value = n.value;
  const isPercent = key === "amberCostPercent" || key === "redCostPercent";
  // A %-formatted cell holds 0.05 for 5%.
  if (isPercent && typeof v === "number" && value > 0 && value < 1) value = value * 100;
  if (value < 0) return { code: "out-of-range", message: `${value} is negative; it must be zero or more.` };
  if (key === "riskEscalationScore" && (value < 1 || value > TOP_SCORE_5X5))
    return { code: "out-of-range", message: `${value} is outside the 5×5 matrix's scores (1–${TOP_SCORE_5X5}).` };
  if (key === "competencyScaleMax" && (!Number.isInteger(value) || value < 1 || value > 10))
    return { code: "out-of-range", message: `${value} must be a whole number from 1 to 10.` };
  s[key] = value;
  return null;
}

/** A Column map row's three cells after the key: sheet, header as written, field (`cols`: the row's filled columns from the value on). */
function readColumnMap(
  sheet: Sheet,
  row: number,
  cols: number[],
): { sheet: string; header: string; field: string } | null {
  const texts = cols.slice(0, 3).map((c) => readText(cellAt(sheet, row, c)));
  return texts.length === 3 && texts.every(Boolean) ? { sheet: texts[0], header: texts[1], field: texts[2] } : null;
}

/** "09:00-12:30, 13:30-17:00" → [[540, 750], [810, 1020]]; null when not a list of ordered, non-overlapping hours. */
export function parseWorkingHours(text: string): [number, number][] | null {
  const parts = text
    .split(/[,;]|\band\b/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (!parts.length) return null;
  const out: [number, number][] = [];
  const clock = (t: string): number | null => {
    const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(t.trim());
    if (!m) return null;
    const h = Number(m[1]);
    const min = Number(m[2] ?? 0);
    return h <= 24 && min < 60 && h * 60 + min <= 1440 ? h * 60 + min : null;
  };
  for (const p of parts) {
    const m = /^(.+?)\s*(?:-|–|to)\s*(.+)$/.exec(p);
    const a = m ? clock(m[1]) : null;
    const b = m ? clock(m[2]) : null;
    if (a === null || b === null || b <= a || (out.length && a < out[out.length - 1][1])) return null;
    out.push([a, b]);
  }
  return out;
}
