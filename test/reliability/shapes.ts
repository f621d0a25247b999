/**
 * Hostile shapes of issue 23, generated small: each is a package or CSV an attacker (or an odd
 * producer) could hand the command line. Packages are zipped with fflate's zipSync (independent of
 * the writer under test), so names and CRCs our writer refuses can be made.
 */
import { deflateSync, zipSync } from "fflate";
import { crc32 } from "../../src/hosts/xlsx/zip";
import { buildRawZip, type RawEntry } from "../hosts/xlsx/zip-helpers";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

export const HEADERS = ["ID", "Name", "Workstream", "Lead", "Start", "Finish", "Reported RAG"];

export function colName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const inl = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
export const num = (ref: string, v: string | number, s?: number) =>
  `<c r="${ref}"${s !== undefined ? ` s="${s}"` : ""}><v>${v}</v></c>`;

/** A row of inline strings starting at column A. */
export function textRow(r: number, cells: string[]): string {
  return `<row r="${r}">${cells.map((v, i) => inl(`${colName(i)}${r}`, v)).join("")}</row>`;
}

export function worksheet(sheetData: string, after = ""): string {
  return `${XML_DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

export const PROJECTS = [
  textRow(1, HEADERS),
  textRow(2, ["P1", "Project one", "Commissioning", "A Lead", "2009-04-01", "2010-03-31", "Green"]),
].join("");

export interface Sheet {
  name: string;
  xml: string | Uint8Array;
  /** Table parts on this sheet: their XML. */
  tables?: string[];
}

export interface PackageOptions {
  /** Extra workbook.xml content placed before <sheets> (workbookProtection, say). */
  workbookHead?: string;
  styles?: string;
  sharedStrings?: string;
  /** More parts, by name. */
  extra?: Record<string, string | Uint8Array>;
  /** Extra Overrides for [Content_Types].xml. */
  overrides?: string;
  /** Extra relationships for _rels/.rels. */
  rootRels?: string;
}

export const STYLES = `${XML_DECL}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`;

/** The parts of a workbook with these sheets, as a map of name to content. */
export function parts(sheets: Sheet[], o: PackageOptions = {}): Record<string, string | Uint8Array> {
  const p: Record<string, string | Uint8Array> = {};
  let tableNo = 0;
  const overrides: string[] = [];
  sheets.forEach((s, i) => {
    p[`xl/worksheets/sheet${i + 1}.xml`] = s.xml;
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    if (s.tables?.length) {
      p[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = `${XML_DECL}<Relationships xmlns="${PKG}">${s.tables
        .map((t) => {
          const n = ++tableNo;
          p[`xl/tables/table${n}.xml`] = t;
          overrides.push(
            `<Override PartName="/xl/tables/table${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`,
          );
          return `<Relationship Id="rId${n}" Type="${REL}/table" Target="../tables/table${n}.xml"/>`;
        })
        .join("")}</Relationships>`;
    }
  });
  p["[Content_Types].xml"] =
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${o.sharedStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : ""}${overrides.join("")}${o.overrides ?? ""}</Types>`;
  p["_rels/.rels"] =
    `${XML_DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>${o.rootRels ?? ""}</Relationships>`;
  p["xl/workbook.xml"] =
    `${XML_DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}">${o.workbookHead ?? ""}<sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`;
  p["xl/_rels/workbook.xml.rels"] =
    `${XML_DECL}<Relationships xmlns="${PKG}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>${o.sharedStrings ? `<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`;
  p["xl/styles.xml"] = o.styles ?? STYLES;
  if (o.sharedStrings) p["xl/sharedStrings.xml"] = o.sharedStrings;
  Object.assign(p, o.extra ?? {});
  return p;
}

/** Zips parts with fflate (deflated, level 6). */
export function zipParts(p: Record<string, string | Uint8Array>): Uint8Array {
  const enc = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(p)) files[k] = typeof v === "string" ? enc.encode(v) : v;
  return zipSync(files, { level: 6 });
}

export function workbook(sheets: Sheet[], o: PackageOptions = {}): Uint8Array {
  return zipParts(parts(sheets, o));
}

/** Raw entries (for names fflate would not write, bad CRCs), deflated. */
export function rawEntries(p: Record<string, string | Uint8Array>): RawEntry[] {
  const enc = new TextEncoder();
  return Object.entries(p).map(([name, v]) => {
    const data = typeof v === "string" ? enc.encode(v) : v;
    return { name, body: deflateSync(data), method: 8, crc: crc32(data), uncompressed: data.length };
  });
}
export { buildRawZip };

export function settingsTable(ref: string): string {
  return `${XML_DECL}<table xmlns="${MAIN}" id="1" name="Settings" displayName="Settings" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="2"><tableColumn id="1" name="Setting"/><tableColumn id="2" name="Value"/></tableColumns></table>`;
}

export const SETTINGS_ROWS = [textRow(1, ["Setting", "Value"]), textRow(2, ["Programme name", "Bounded"])].join("");

// ---- The shapes ----

/** A 3 KB workbook whose Settings sheet has one cell at XFD1048576. */
export function settingsCellAtEnd(): Uint8Array {
  return workbook([
    { name: "Projects", xml: worksheet(PROJECTS) },
    { name: "Settings", xml: worksheet(SETTINGS_ROWS + `<row r="1048576">${inl("XFD1048576", "x")}</row>`) },
  ]);
}

/** A Settings table whose ref is the whole grid. */
export function settingsTableWholeGrid(): Uint8Array {
  return workbook([
    { name: "Projects", xml: worksheet(PROJECTS) },
    { name: "Settings", xml: worksheet(SETTINGS_ROWS), tables: [settingsTable("A1:XFD1048576")] },
  ]);
}

/** A Projects sheet of `n` rows under the header each holding only a cell in column XFD. */
export function xfdRows(n: number): Uint8Array {
  const rows: string[] = [PROJECTS];
  for (let r = 3; r < n + 3; r++) rows.push(`<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`);
  return workbook([{ name: "Projects", xml: worksheet(rows.join("")) }]);
}

/** `n` project rows with only an ID and a name (the other fields missing: a finding each). */
export function missingFields(n: number): Uint8Array {
  const rows: string[] = [textRow(1, HEADERS)];
  for (let r = 2; r < n + 2; r++)
    rows.push(`<row r="${r}">${inl(`A${r}`, `P${r}`)}${inl(`B${r}`, `Project ${r}`)}</row>`);
  return workbook([{ name: "Projects", xml: worksheet(rows.join("")) }]);
}

/** A row bomb: `n` rows of one number each (compresses about 300:1). */
export function rowBomb(n: number): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [enc.encode(`${XML_DECL}<worksheet xmlns="${MAIN}"><sheetData>${PROJECTS}`)];
  const block: string[] = [];
  for (let r = 3; r < n + 3; r++) {
    block.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`);
    if (block.length === 100_000) {
      chunks.push(enc.encode(block.join("")));
      block.length = 0;
    }
  }
  chunks.push(enc.encode(block.join("") + "</sheetData></worksheet>"));
  const total = chunks.reduce((s, c) => s + c.length, 0);
  const xml = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    xml.set(c, off);
    off += c.length;
  }
  return zipParts(parts([{ name: "Projects", xml }]));
}

/** A CSV with a header and `rows` rows of `cols` columns (project-like in the first seven). */
export function csv(rows: number, cols = 7): string {
  const head = [
    ...HEADERS,
    ...Array.from({ length: Math.max(0, cols - HEADERS.length) }, (_, i) => `Extra ${i + 1}`),
  ].slice(0, cols);
  const out = [head.join(",")];
  for (let r = 1; r <= rows; r++)
    out.push(
      `P${r},Project ${r},WS,Lead,2009-04-01,2010-03-31,Green`.split(",").slice(0, cols).join(",") +
        ",x".repeat(Math.max(0, cols - 7)),
    );
  return out.join("\n") + "\n";
}
