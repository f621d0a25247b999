import { cutUnits } from "./text";

/**
 * Excel's rules for sheet names, defined once: not empty, at most 31 characters, none of
 * \ / ? * [ ] :, not starting or ending with an apostrophe, unique ignoring case (as DevExpress's
 * spreadsheet documentation lists them, docs.devexpress.com/OfficeFileAPI/114076), and not
 * "History", which Excel reserves for its change-tracking sheet. The report
 * (report/sheet-names.ts, which both hosts use) and the CSV reader name sheets through these.
 */
export const MAX_SHEET_NAME = 31;

const FORBIDDEN = /[\\/?*[\]:]/g;
const RESERVED = "history";

/** A name Excel accepts for `wanted`: forbidden characters as "-", control characters dropped, cut to 31. */
export function excelSheetName(wanted: string, blank = "Sheet"): string {
  let s = wanted
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "") // lone surrogates
    .replace(FORBIDDEN, "-")
    .replace(/[\u0000-\u001f\u007f\uFFFD\uFFFE\uFFFF]/g, "")
    .trim();
  s = s.replace(/^'+|'+$/g, "").trim();
  if (!s) s = blank;
  if (s.toLowerCase() === RESERVED) s = "History (report)";
  return s.length > MAX_SHEET_NAME ? cutUnits(s, MAX_SHEET_NAME).trimEnd() : s;
}

/** `base` cut so that `suffix` (" (2)", " – Jan 2010") fits within Excel's 31 characters, then the suffix. */
export function withSuffix(base: string, suffix: string): string {
  return cutUnits(base, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
}
