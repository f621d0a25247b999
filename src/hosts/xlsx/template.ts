import { a1 } from "../../core/primitives/cell";
import { serialFromDay } from "../../core/primitives/dates";
import { TEMPLATE_ROWS, templateSheets } from "../../core/workbook/template";
import { STYLE, tableRange, writeNewWorkbook, type NewSheet } from "./new-workbook";
import { listValidation, wholeValidation, type CellOut } from "./sheet-xml";

/** Writes the blank input workbook (every input sheet as a table with drop-downs). */
export async function writeTemplate(year: number): Promise<Uint8Array> {
  const sheets: NewSheet[] = templateSheets(year).map((t) => {
    if (t.kind === "instructions") {
      return {
        name: t.name,
        rows: [
          [{ v: t.headers[0], s: STYLE.title }],
          [],
          ...t.rows.map((r) => [{ v: String(r[0]), s: STYLE.wrap }] as CellOut[]),
        ],
        widths: t.widths,
      };
    }
    const header: CellOut[] = t.headers.map((h) => ({ v: h, s: STYLE.header }));
    const body: CellOut[][] = t.rows.length
      ? t.rows.map((r) =>
          r.map((v): CellOut => (typeof v === "object" ? { v: serialFromDay(v.day, false), s: STYLE.date } : v)),
        )
      : [t.headers.map(() => null)];
    const validations = t.validations.map((v) => {
      const col = t.headers.indexOf(v.header);
      const sqref = `${a1(1, col)}:${a1(TEMPLATE_ROWS, col)}`;
      return v.list ? listValidation(sqref, v.list) : wholeValidation(sqref, v.whole![0], v.whole![1]);
    });
    return {
      name: t.name,
      rows: [header, ...body],
      widths: t.widths,
      table: t.table ? { name: t.table, range: tableRange(0, 0, t.headers.length, body.length) } : undefined,
      validations,
      freezeRows: 1,
    };
  });
  return writeNewWorkbook({ sheets, title: "Programme workbook (PMO Highlights template)" });
}
