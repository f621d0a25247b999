import { a1, isBlank, isCellError, type CellValue } from "../model/cell";
import type { Diagnostic } from "../model/diagnostic";
import { DEFAULT_SETTINGS, type Settings, type SheetSource } from "../model/entities";
import { cellAt, type WorkbookSnapshot } from "../model/snapshot";
import { locate, sheetRegion } from "./locate";
import { normaliseName } from "./normalise";
import { SETTING_SPECS, SETTINGS_SHEET, type SettingSpec } from "./schema";
import { readDate, readNumber, readText, show } from "./values";

const HEADER_WORDS = new Set(["setting", "settings", "key", "parameter", "name", "item"]);

function specFor(key: string): SettingSpec | undefined {
  const n = normaliseName(key);
  return SETTING_SPECS.find((s) => [s.label, ...s.aliases].some((a) => normaliseName(a) === n));
}

/**
 * Reads the optional Settings sheet: a key in one cell and its value in the next
 * filled cell to the right, one per row. Anything not understood is reported and the
 * default kept, so a typo never silently changes a tolerance.
 */
export function readSettings(snapshot: WorkbookSnapshot, diags: Diagnostic[], sources?: SheetSource[]): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS, cells: {} };
  const loc = locate(snapshot, SETTINGS_SHEET);
  if (!loc) return settings;
  const sheet = loc.sheet;
  const region = loc.table ? loc.table.range : sheetRegion(sheet);
  let lastRow = region.top;
  for (let r = region.top; r <= region.bottom; r++) for (let c = region.left; c <= region.right; c++) if (!isBlank(cellAt(sheet, r, c))) lastRow = r;
  sources?.push({ kind: "settings", sheet: sheet.name, table: loc.table?.name, headerCell: a1(region.top, region.left), rows: Math.max(0, lastRow - region.top), extraColumns: [], lastRow });
  for (let r = region.top; r <= region.bottom; r++) {
    let keyCol = -1;
    for (let c = region.left; c <= region.right; c++) {
      if (!isBlank(cellAt(sheet, r, c))) {
        keyCol = c;
        break;
      }
    }
    if (keyCol < 0) continue;
    const keyText = readText(cellAt(sheet, r, keyCol));
    let valCol = -1;
    for (let c = keyCol + 1; c <= region.right; c++) {
      if (!isBlank(cellAt(sheet, r, c))) {
        valCol = c;
        break;
      }
    }
    if (HEADER_WORDS.has(normaliseName(keyText))) continue;
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
      continue;
    }
    if (valCol < 0) continue;
    const v = cellAt(sheet, r, valCol);
    const cell = a1(r, valCol);
    const problem = apply(settings, spec, v, snapshot.date1904);
    if (problem) {
      diags.push({ severity: "error", code: problem.code, message: `${spec.label}: ${problem.message} The default is used until it is corrected.`, sheet: sheet.name, cell });
    } else settings.cells[spec.key] = { sheet: sheet.name, cell };
  }
  return settings;
}

function apply(s: Settings, spec: SettingSpec, v: CellValue, date1904: boolean): { code: Diagnostic["code"]; message: string } | null {
  if (isCellError(v)) return { code: "bad-value", message: `the cell holds the error ${v.error}.` };
  switch (spec.key) {
    case "programmeName":
      s.programmeName = readText(v) || s.programmeName;
      return null;
    case "reportingDate": {
      const d = readDate(v, date1904);
      if (!d.ok) return { code: "bad-date", message: `${d.problem}. Enter a date such as 31/01/2010.` };
      s.reportingDate = d.value;
      return null;
    }
    case "calendar": {
      const t = readText(v).toLowerCase().replace(/[^a-z]/g, "");
      if (t.startsWith("working") || t === "workdays" || t === "businessdays") s.calendar = "working";
      else if (t.startsWith("calendar") || t === "elapseddays" || t === "alldays" || t === "everyday") s.calendar = "calendar";
      else return { code: "bad-value", message: `${show(v)} is not a calendar: use "Working days" or "Calendar days".` };
      return null;
    }
    case "rollUp": {
      const t = readText(v).toLowerCase();
      if (t.startsWith("worst")) s.rollUp = "worst";
      else if (t.startsWith("major")) s.rollUp = "majority";
      else return { code: "bad-value", message: `${show(v)} is not a roll-up rule: use "worst" or "majority".` };
      return null;
    }
    default: {
      const n = readNumber(v);
      if (!n.ok || n.value === null) return { code: "bad-number", message: `${show(v)} is not a number.` };
      let value = n.value;
      const isPercent = spec.key === "amberCostPercent" || spec.key === "redCostPercent";
      // A %-formatted cell holds 0.05 for 5%.
      if (isPercent && typeof v === "number" && value > 0 && value < 1) value = value * 100;
      if (value < 0) return { code: "out-of-range", message: `${value} is negative; it must be zero or more.` };
      if (spec.key === "riskEscalationScore" && (value < 1 || value > 25))
        return { code: "out-of-range", message: `${value} is outside the 5×5 matrix's scores (1–25).` };
      if (spec.key === "periodDays" && (!Number.isInteger(value) || value < 1 || value > 366))
        return { code: "out-of-range", message: `${value} must be a whole number of days from 1 to 366.` };
      if (spec.key === "competencyScaleMax" && (!Number.isInteger(value) || value < 1 || value > 10))
        return { code: "out-of-range", message: `${value} must be a whole number from 1 to 10.` };
      s[spec.key] = value;
      return null;
    }
  }
}
