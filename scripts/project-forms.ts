/**
 * A plan Project saved as XML (MSPDI), written again in the two other forms a Project user sends:
 *
 *  - the **Export Wizard's CSV** (File > Save As > CSV, the "Task_Table1" export map), as
 *    /work/shared/reference/msproject-export-facts.md records it from a real 2,219-task plan:
 *    the Windows code page (not UTF-8, no byte-order mark); field names with underscores; Start,
 *    Finish, Baseline and Constraint dates in the long US form "February 17, 2025 8:00" and Early,
 *    Late and Actual dates in the short form "2/17/25 8:00", both on a 12-hour clock without AM/PM
 *    ("5:00" on a Finish is 17:00); "NA" for no date; Percent_Complete as a fraction, small ones in
 *    exponent notation ("2.9999999999999999E-2"); durations and slack in Project's units ("8h",
 *    "1.5d?", "0ed"); Yes/No flags. No calendar travels with it.
 *  - the **"Excel template" export** (.xlsx): a Task_Table of ID, Active, Task Mode, Name,
 *    Duration ("5 days", "8 hrs"), Start, Finish, Predecessors, Outline Level and Notes, with no
 *    progress, baseline or slack (the same facts file).
 *
 * Used by `npm run parity -- --as csv|template` (scripts/project-parity.ts) to hold those readers
 * against Project's own schedule on Project-saved plans, and by test/hosts/mspdi/parity.test.ts.
 * The MSPDI reader's Task_Table already uses the Export Wizard's field names (src/hosts/mspdi/read.ts).
 */
import type { CellValue } from "../src/core/primitives/cell";
import { CP1252_HIGH } from "../src/core/primitives/windows-1252";
import type { SheetSnapshot } from "../src/core/primitives/snapshot";
import { writeNewWorkbook } from "../src/hosts/xlsx/new-workbook";
import type { CellOut } from "../src/hosts/xlsx/sheet-xml";

const MONTHS = "January February March April May June July August September October November December".split(" ");
const LONG_DATES = new Set([
  "Start_Date",
  "Finish_Date",
  "Baseline_Start",
  "Baseline_Finish",
  "Constraint_Date",
  "Deadline",
]);
const SHORT_DATES = new Set([
  "Early_Start",
  "Early_Finish",
  "Late_Start",
  "Late_Finish",
  "Actual_Start",
  "Actual_Finish",
]);

/** "2025-02-17T13:00" as the Export Wizard writes it: long "February 17, 2025 1:00" or short "2/17/25 1:00". */
export function wizardDate(v: CellValue, long: boolean): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?/.exec(String(v ?? ""));
  if (!m) return "NA";
  const [y, mo, d, h = "0", mi = "00"] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5]];
  const clock = `${Number(h) % 12 || 12}:${mi}`;
  return long ? `${MONTHS[mo - 1]} ${d}, ${y} ${clock}` : `${mo}/${d}/${String(y % 100).padStart(2, "0")} ${clock}`;
}

/** "50%" as the fraction Project writes (0.5), small ones in exponent notation. */
export function wizardPercent(v: CellValue): string {
  if (v === null || v === "") return "0";
  const f = parseFloat(String(v)) / 100;
  if (!Number.isFinite(f)) return String(v);
  return f > 0 && f < 0.1 ? f.toExponential(16).toUpperCase() : String(f);
}

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Text in Windows-1252 (characters it lacks as "?", as Windows writes them), by the table the reader decodes with. */
export function windows1252(text: string): Uint8Array {
  const high = new Map(CP1252_HIGH.map((c, k) => [c, 0x80 + k]));
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    out[n++] = high.get(c) ?? (c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : 0x3f);
  }
  return out.subarray(0, n);
}

/** The MSPDI reader's Task_Table as the Export Wizard's CSV bytes. */
export function asWizardCsv(sheet: SheetSnapshot): Uint8Array {
  const [header, ...rows] = sheet.rows as CellValue[][];
  const names = header.map(String);
  const cell = (name: string, v: CellValue): string => {
    if (LONG_DATES.has(name)) return wizardDate(v, true);
    if (SHORT_DATES.has(name)) return wizardDate(v, false);
    if (name === "Percent_Complete") return wizardPercent(v);
    return v === null ? "" : String(v);
  };
  const lines = [names.join(","), ...rows.map((r) => names.map((h, i) => csvField(cell(h, r[i] ?? null))).join(","))];
  return windows1252(lines.join("\r\n") + "\r\n");
}

/** "8h", "1.5d?", "2w", "1ed" as Project shows a duration in a sheet: "8 hrs", "1.5 days?", "2 wks", "1 eday". */
export function durationWords(v: CellValue): string {
  const m = /^(-?[\d.]+)(e?)(m|h|d|w|mo)(\??)$/.exec(String(v ?? ""));
  if (!m) return String(v ?? "");
  const n = Number(m[1]);
  const word = { m: "min", h: "hr", d: "day", w: "wk", mo: "mon" }[m[3] as "m" | "h" | "d" | "w" | "mo"];
  return `${m[1]} ${m[2]}${word}${n === 1 ? "" : "s"}${m[4]}`;
}

const TEMPLATE: [string, string][] = [
  ["ID", "ID"],
  ["Active", "Active"],
  ["Task Mode", "Task_Mode"],
  ["Name", "Task_Name"],
  ["Duration", "Duration"],
  ["Start", "Start_Date"],
  ["Finish", "Finish_Date"],
  ["Predecessors", "Predecessors"],
  ["Outline Level", "Outline_Level"],
  ["Notes", "Notes"],
];

/** The MSPDI reader's Task_Table as the "Excel template" export's workbook. */
export async function asTemplateXlsx(sheet: SheetSnapshot): Promise<Uint8Array> {
  const [header, ...rows] = sheet.rows as CellValue[][];
  const at = new Map(header.map((h, i) => [String(h), i]));
  const value = (r: CellValue[], from: string): CellOut => {
    const v = r[at.get(from) ?? -1] ?? null;
    if (from === "Start_Date" || from === "Finish_Date") return wizardDate(v, true);
    if (from === "Duration") return durationWords(v);
    if (from === "Active") return v === null ? "Yes" : (v as CellOut);
    if (from === "Task_Mode") return v === null ? "Auto Scheduled" : (v as CellOut);
    return v as CellOut;
  };
  const out: CellOut[][] = [TEMPLATE.map(([h]) => h), ...rows.map((r) => TEMPLATE.map(([, from]) => value(r, from)))];
  return writeNewWorkbook({ sheets: [{ name: "Task_Table", rows: out }] });
}
