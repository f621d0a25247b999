import { openZip } from "../../hosts/xlsx/zip";

/**
 * Refusals in the user's words. The reader says what is wrong with a workbook; this says what a
 * file is when it is not one: empty, or a Word document or a PowerPoint deck saved under .xlsx
 * (both are zip packages too, so the reader alone would call them damaged workbooks).
 */

/** Office Open XML packages that are not workbooks, by the part each one must hold (ECMA-376 Part 1, §11–13: main parts). */
const OTHER_OFFICE: [RegExp, string][] = [
  [/^word\/document\.xml$/i, "a Word document"],
  [/^ppt\/presentation\.xml$/i, "a PowerPoint presentation"],
  [/^visio\/document\.xml$/i, "a Visio drawing"],
];

/** What the bytes are when they are plainly not a workbook; null when they may be one (the reader decides). */
export function notAWorkbook(name: string, bytes: Uint8Array): string | null {
  if (bytes.length === 0)
    return `${name} is empty (0 bytes): it holds no workbook. Choose the saved workbook (.xlsx) instead; if this is the one, open it in Excel and check it was saved.`;
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return null;
  let names: string[];
  try {
    names = openZip(bytes).entries.map((e) => e.name);
  } catch {
    return null;
  }
  if (names.some((n) => /^xl\/workbook\.xml$/i.test(n))) return null;
  for (const [part, what] of OTHER_OFFICE) {
    if (names.some((n) => part.test(n)))
      return `${name} cannot be opened: it is ${what}, not an Excel workbook${/\.xls[xm]$/i.test(name) ? ", though its name ends in .xlsx" : ""}. Choose the programme workbook (.xlsx) instead.`;
  }
  return null;
}
