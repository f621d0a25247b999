import { type CellRange, rangeAddress } from "../../core/primitives/cell";
import { worksheetXml, type CellOut } from "./sheet-xml";
import { escapeXml } from "./xml";
import { DATE_FORMAT, MONEY_FORMAT } from "../../core/primitives/number-formats";
import { writeZip, type ZipNewItem } from "./zip";

/**
 * Writes a brand-new workbook (the template, the sample, test fixtures): a few sheets,
 * optionally each holding one Excel table, drop-down validations and a frozen header.
 * Reports are NOT written this way: they are added to the user's own package (see report writer).
 */

/** Style indexes of the fixed style sheet below. */
export const STYLE = { normal: 0, header: 1, date: 2, title: 3, percent: 4, money: 5, wrap: 6, note: 7 } as const;

export interface NewSheet {
  name: string;
  rows: CellOut[][];
  widths?: (number | undefined)[];
  /** An Excel table over the header row and data rows. */
  table?: { name: string; range: CellRange; style?: string };
  /** Raw <dataValidation> elements (see listValidation). */
  validations?: string[];
  freezeRows?: number;
  /** Row outline (grouping) levels by row index, as Smartsheet's export writes its hierarchy. */
  outline?: number[];
}

export interface NewWorkbook {
  sheets: NewSheet[];
  date1904?: boolean;
  /** Core properties. */
  title?: string;
}

/**
 * The template's date and money formats, from the report's (model/number-formats.ts) as the
 * template has always stored them: the date's spaces escaped, and the money format's positive
 * section alone (a one-section format shows a negative with a leading minus, so both read -£1,200).
 */
const TEMPLATE_DATE = DATE_FORMAT.replace(/ /g, "\\ ");
const TEMPLATE_MONEY = MONEY_FORMAT.split(";")[0];

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="${escapeXml(TEMPLATE_DATE)}"/><numFmt numFmtId="165" formatCode="${escapeXml(TEMPLATE_MONEY)}"/></numFmts>
<fonts count="4"><font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><color rgb="FF1F3864"/><name val="Calibri"/><family val="2"/></font><font><i/><sz val="10"/><color rgb="FF595959"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF1F4E79"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="8">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment wrapText="1" vertical="center"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>
<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>
</styleSheet>`;

function tableXml(id: number, t: NonNullable<NewSheet["table"]>, headers: string[]): string {
  const ref = rangeAddress(t.range);
  const cols = headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeXml(t.name)}" displayName="${escapeXml(t.name)}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${headers.length}">${cols}</tableColumns><tableStyleInfo name="${t.style ?? "TableStyleMedium2"}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
}

/** The parts of a new workbook as they are written, and the lists that tie them together. */
interface NewParts {
  add: (path: string, content: string) => void;
  overrides: string[];
  sheetEntries: string[];
  wbRels: string[];
  tableId: number;
}

/** A sheet's table part (its headers from the first row of its range); returns the sheet's tableParts. */
function addTable(parts: NewParts, s: NewSheet, table: NonNullable<NewSheet["table"]>, sheetRels: string[]): string {
  const tableId = ++parts.tableId;
  const headerRow = s.rows[table.range.top] ?? [];
  const headers: string[] = [];
  for (let c = table.range.left; c <= table.range.right; c++) {
    const h = headerRow[c];
    const text = h !== null && typeof h === "object" ? String(h.v ?? "") : String(h ?? "");
    headers.push(text || `Column${c + 1}`);
  }
  parts.add(`xl/tables/table${tableId}.xml`, tableXml(tableId, table, headers));
  parts.overrides.push(
    `<Override PartName="/xl/tables/table${tableId}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`,
  );
  sheetRels.push(
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table${tableId}.xml"/>`,
  );
  return `<tableParts count="1"><tablePart r:id="rId1"/></tableParts>`;
}

/** Sheet i's worksheet part, its relationships and its entries in the workbook and content types. */
function addSheet(parts: NewParts, s: NewSheet, i: number): void {
  const n = i + 1;
  const sheetRels: string[] = [];
  const tail = s.table ? addTable(parts, s, s.table, sheetRels) : "";
  const dv = s.validations?.length
    ? `<dataValidations count="${s.validations.length}">${s.validations.join("")}</dataValidations>`
    : "";
  const margins = `<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  parts.add(
    `xl/worksheets/sheet${n}.xml`,
    worksheetXml(s.rows, {
      widths: s.widths,
      freezeRows: s.freezeRows,
      afterData: dv + margins,
      tail,
      selected: i === 0,
      outline: s.outline,
    }),
  );
  if (sheetRels.length)
    parts.add(
      `xl/worksheets/_rels/sheet${n}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels.join("")}</Relationships>`,
    );
  parts.overrides.push(
    `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  );
  parts.sheetEntries.push(`<sheet name="${escapeXml(s.name)}" sheetId="${n}" r:id="rId${n}"/>`);
  parts.wbRels.push(
    `<Relationship Id="rId${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>`,
  );
}

export async function writeNewWorkbook(wb: NewWorkbook): Promise<Uint8Array> {
  const items: ZipNewItem[] = [];
  const encoder = new TextEncoder();
  const add = (path: string, content: string) => items.push({ name: path, data: encoder.encode(content) });
  const parts: NewParts = { add, overrides: [], sheetEntries: [], wbRels: [], tableId: 0 };
  wb.sheets.forEach((s, i) => addSheet(parts, s, i));
  const { overrides, sheetEntries, wbRels } = parts;
  const k = wb.sheets.length;
  wbRels.push(
    `<Relationship Id="rId${k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`,
  );
  add("xl/styles.xml", STYLES);
  add(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${wb.date1904 ? ' date1904="1"' : ""}/><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheetEntries.join("")}</sheets></workbook>`,
  );
  add(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wbRels.join("")}</Relationships>`,
  );
  add(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
  add(
    "docProps/core.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeXml(wb.title ?? "Programme workbook")}</dc:title><dc:creator>PMO Highlights</dc:creator></cp:coreProperties>`,
  );
  add(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>${overrides.join("")}</Types>`,
  );
  return writeZip(items);
}

/** A1 range for a table with a header at (top,left), `cols` columns and `dataRows` rows (at least one). */
export function tableRange(top: number, left: number, cols: number, dataRows: number): CellRange {
  return { top, left, bottom: top + Math.max(1, dataRows), right: left + cols - 1 };
}
