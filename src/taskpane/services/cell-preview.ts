import { headerIndex } from "../../core/workbook/locate";
import { normaliseName } from "../../core/workbook/normalise";
import { SHEETS, type FieldType } from "../../core/workbook/schema";
import { columnLetters, parseA1, type CellValue } from "../../core/primitives/cell";
import { dayFromSerial, formatDayLong } from "../../core/primitives/dates";
import { cellAt, type WorkbookSnapshot } from "../../core/primitives/snapshot";
import type { CellPreview } from "./types";
import { decimalNumber } from "../../core/primitives/text";

/** Which sheet kind a finding's sheet was read as, and where its header row is (from the check's sources). */
export interface PreviewSource {
  kind?: string;
  headerCell?: string;
}

/** The field type each header of a sheet kind is read as (by the reader's own header index), or undefined. */
function columnTypes(kind: string | undefined, headers: (CellValue | undefined)[]): (FieldType | undefined)[] {
  const spec = SHEETS.find((s) => s.kind === kind);
  if (!spec) return headers.map(() => undefined);
  const index = headerIndex(spec);
  return headers.map((h) => {
    if (typeof h !== "string") return undefined;
    const key = index.get(normaliseName(h));
    return spec.fields.find((f) => f.key === key)?.type;
  });
}

/** A cell's value as Excel would show it in that column: dates as dates, numbers with thousands separators, IDs as typed. */
export function showValue(v: CellValue | undefined, type: FieldType | undefined, date1904: boolean): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return v.error;
  if (typeof v === "number") {
    if (type === "date") {
      const d = dayFromSerial(v, date1904);
      return d === null ? String(v) : formatDayLong(d);
    }
    if (type === "id" || type === "level" || type === "risklevel") return String(v);
    return decimalNumber(v, 6);
  }
  return String(v);
}

/** The cell, its row and the sheet's header row (as the reader found it), two columns either side. */
export function cellPreview(
  snap: WorkbookSnapshot,
  sheetName: string,
  cell: string,
  source: PreviewSource = {},
): CellPreview | null {
  const sheet = snap.sheets.find((s) => s.name === sheetName);
  const at = parseA1(cell);
  if (!sheet || !at) return null;
  const first = Math.max(0, at.col - 2);
  const cols = Array.from({ length: 5 }, (_, i) => first + i);
  const header = source.headerCell ? parseA1(source.headerCell) : null;
  const headerRow = header && header.row < at.row ? header.row : null;
  const types =
    headerRow === null
      ? cols.map(() => undefined)
      : columnTypes(
          source.kind,
          cols.map((c) => cellAt(sheet, headerRow, c)),
        );
  const text = (r: number, typed: boolean) =>
    cols.map((c, i) => showValue(cellAt(sheet, r, c), typed ? types[i] : undefined, snap.date1904));
  return {
    sheet: sheetName,
    cell,
    columns: cols.map(columnLetters),
    header: headerRow === null ? null : text(headerRow, false),
    headerRow: headerRow === null ? null : headerRow + 1,
    row: text(at.row, true),
    rowNumber: at.row + 1,
    at: at.col - first,
  };
}
