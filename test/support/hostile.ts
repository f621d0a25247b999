/**
 * Hostile and unusual packages, built in memory, each a reproduction of a shape that real files
 * or crafted ones showed (issue 17). The real files that exposed them are public but not ours to
 * commit (see docs/reliability.md); each case names the file or the producer it reproduces:
 *  - ClosedXML test resources (github.com/ClosedXML/ClosedXML, ClosedXML.Tests/Resource): an empty
 *    <definedNames/> in 163 of 367 files; `Other/StrictOpenXml/universal-content-strict.xlsx`.
 *  - Apache POI test-data/spreadsheet (github.com/apache/poi): `SampleSS.strict.xlsx`,
 *    `sample.strict.xlsx` (ISO/IEC 29500 Strict), six files with <definedNames/>.
 *  - LibreOffice writes a vertical tab as _x000B_ (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
 * Packages are zipped with the raw builder, so names our own writer refuses ("../") can be made.
 */
import { deflateSync } from "fflate";
import { writeNewWorkbook } from "../../src/hosts/xlsx/new-workbook";
import { crc32, openZip } from "../../src/hosts/xlsx/zip";
import { buildRawZip, type RawEntry } from "../hosts/xlsx/zip-helpers";

export const H = ["ID", "Name", "Workstream", "Lead", "Start", "Finish", "Reported RAG"];

export async function baseWorkbook(
  rows: (string | number | null)[][] = [
    ["P1", "Project one", "Commissioning", "A Lead", "2009-04-01", "2010-03-31", "Green"],
  ],
): Promise<Record<string, string>> {
  return unpack(await writeNewWorkbook({ sheets: [{ name: "Projects", rows: [H, ...rows] }] }));
}

export function unpack(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of openZip(data).entries) if (!e.isDirectory) out[e.name] = e.readText();
  return out;
}

/** Zips parts as given (names unchecked), deflated; `extra` entries go after them. */
export function pack(parts: Record<string, string | Uint8Array>, extra: RawEntry[] = []): Uint8Array {
  const entries = Object.entries(parts).map(([name, v]) => entry(name, v));
  return buildRawZip([...entries, ...extra]);
}

export function entry(name: string, v: string | Uint8Array): RawEntry {
  const data = typeof v === "string" ? new TextEncoder().encode(v) : v;
  return { name, body: deflateSync(data), method: 8, crc: crc32(data), uncompressed: data.length };
}

/** A shared-strings workbook: Projects with the given names written as shared strings, raw XML text. */
export async function withSharedText(items: string[]): Promise<Record<string, string>> {
  const parts = await baseWorkbook();
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" uniqueCount="${items.length}">${items.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join("")}</sst>`;
  parts["xl/sharedStrings.xml"] = sst;
  parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
    "</Relationships>",
    '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  );
  parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
    "</Types>",
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  );
  return parts;
}

/** The worksheet XML of a sheet with these rows of raw cell XML. */
export function sheetWith(body: string, before = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${before}<sheetData>${body}</sheetData></worksheet>`;
}

/** One inline-string cell. */
export function t(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

/** A header row and project rows for the Projects sheet, as raw row XML (text already XML). */
export function projectRows(rows: string[][]): string {
  const cols = "ABCDEFG";
  const all = [H, ...rows];
  return all.map((r, i) => `<row r="${i + 1}">${r.map((v, k) => t(`${cols[k]}${i + 1}`, v)).join("")}</row>`).join("");
}

/** A Strict Open XML (ISO/IEC 29500 Strict) workbook, as POI's SampleSS.strict.xlsx is written. */
export function strictWorkbook(): Uint8Array {
  const S = "http://purl.oclc.org/ooxml/spreadsheetml/main";
  const R = "http://purl.oclc.org/ooxml/officeDocument/relationships";
  return pack({
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${S}" xmlns:r="${R}" conformance="strict"><sheets><sheet name="Projects" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${S}"><sheetData>${projectRows([["P1", "Strict project", "WS", "Lead", "2009-04-01", "2010-03-31", "Green"]])}</sheetData></worksheet>`,
  });
}

/** A sheet of `rows` tiny rows, deflated: small on disk, large inflated (issue 17's 715 KB → 233 MB). */
export function manyRows(rows: number): Uint8Array {
  const chunks: string[] = [];
  for (let r = 1; r <= rows; r++) chunks.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`);
  return new TextEncoder().encode(sheetWith(chunks.join("")));
}
