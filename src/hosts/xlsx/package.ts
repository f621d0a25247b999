import JSZip from "jszip";
import { markerKey } from "../../report/plan";
import { attr, decodeXml, elements } from "./xml";

/**
 * An opened .xlsx package: the zip, and the parts found through its relationships
 * (never by guessing names: producers place parts differently).
 */
export interface XlsxPackage {
  zip: JSZip;
  workbookPath: string;
  workbookXml: string;
  sheets: { name: string; path: string; rid: string; sheetId: number; state: string }[];
  /** Every sheet's name in workbook order, chart sheets included (defined names index this list). */
  allSheetNames: string[];
  date1904: boolean;
}

export class XlsxReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxReadError";
  }
}

/** Resolves a relationship target against the part that owns it ("/xl/x.xml" is absolute). */
export function resolveTarget(ownerPath: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = ownerPath.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== ".") base.push(seg);
  }
  return base.join("/");
}

export function relsPathFor(partPath: string): string {
  const parts = partPath.split("/");
  const file = parts.pop()!;
  return [...parts, "_rels", `${file}.rels`].join("/");
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export async function readRels(zip: JSZip, partPath: string): Promise<Relationship[]> {
  const f = zip.file(relsPathFor(partPath));
  if (!f) return [];
  const xml = await f.async("string");
  return elements(xml, "Relationship").map((e) => ({
    id: attr(e.attrs, "Id") ?? "",
    type: attr(e.attrs, "Type") ?? "",
    target: attr(e.attrs, "Target") ?? "",
    external: (attr(e.attrs, "TargetMode") ?? "") === "External",
  }));
}

/** Opens a package from bytes; a clear XlsxReadError when the bytes are not an .xlsx workbook. */
export async function openPackage(data: Uint8Array): Promise<XlsxPackage> {
  if (data.length >= 4 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0)
    throw new XlsxReadError("it is an old-format .xls file or a password-protected workbook. Open it in Excel, remove any password, and save it as an Excel Workbook (.xlsx)");
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b)
    throw new XlsxReadError("it is not an Excel workbook (.xlsx). If it is a CSV or another format, open it in Excel and save it as an Excel Workbook (.xlsx)");
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (e) {
    throw new XlsxReadError(`it is damaged or not a complete .xlsx file (${(e as Error).message})`);
  }
  const rootRels = await readRels(zip, "");
  const office = rootRels.find((r) => /\/officeDocument$/.test(r.type));
  const workbookPath = office ? resolveTarget("", office.target) : "xl/workbook.xml";
  const wbFile = zip.file(workbookPath);
  if (!wbFile) throw new XlsxReadError("it has no workbook part, so it is not an Excel workbook. Save it again from Excel as .xlsx");
  const workbookXml = await wbFile.async("string");
  if (/<(?:\w+:)?sheets\b/.test(workbookXml) === false) throw new XlsxReadError("its workbook part lists no sheets. Save it again from Excel as .xlsx");
  const rels = await readRels(zip, workbookPath);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: XlsxPackage["sheets"] = [];
  const allSheetNames: string[] = [];
  for (const e of elements(workbookXml, "sheet")) {
    const rid = attr(e.attrs, "id") ?? "";
    allSheetNames.push(attr(e.attrs, "name") ?? "");
    const rel = byId.get(rid);
    if (!rel || !/\/worksheet$/.test(rel.type)) continue; // chart sheets and dialog sheets hold no cells
    sheets.push({
      name: attr(e.attrs, "name") ?? "",
      path: resolveTarget(workbookPath, rel.target),
      rid,
      sheetId: Number(attr(e.attrs, "sheetId") ?? 0),
      state: attr(e.attrs, "state") ?? "visible",
    });
  }
  const pr = elements(workbookXml, "workbookPr")[0];
  const d1904 = pr ? attr(pr.attrs, "date1904") : null;
  return { zip, workbookPath, workbookXml, sheets, allSheetNames, date1904: d1904 === "1" || d1904 === "true" };
}

/** Sheets an earlier run of this tool wrote: those carrying the marker as a sheet-scoped defined name. */
export function markedSheets(pkg: XlsxPackage, marker: string): { sheet: string; key: string; index: number }[] {
  const out: { sheet: string; key: string; index: number }[] = [];
  for (const e of elements(pkg.workbookXml, "definedName")) {
    if (attr(e.attrs, "name") !== marker) continue;
    const local = attr(e.attrs, "localSheetId");
    if (local === null) continue;
    const index = Number(local);
    const name = pkg.allSheetNames[index];
    const key = markerKey(decodeXml(e.inner));
    if (name !== undefined && key !== null) out.push({ sheet: name, key, index });
  }
  return out;
}
