import { normaliseName, normaliseTableName } from "./normalise";
import { SETTINGS_SHEET, SHEETS } from "./schema";

/**
 * Which sheets and tables a host needs to read: those whose names the reader would look for.
 * The Office.js host reads only these, which keeps requests small in big workbooks.
 */
const NAMES = new Set(
  [...SHEETS.flatMap((s) => [s.title, ...s.aliases]), SETTINGS_SHEET.title, ...SETTINGS_SHEET.aliases].map(
    normaliseName,
  ),
);

export function isInputSheetName(name: string): boolean {
  return NAMES.has(normaliseName(name));
}

export function isInputTableName(name: string): boolean {
  return NAMES.has(normaliseTableName(name));
}
