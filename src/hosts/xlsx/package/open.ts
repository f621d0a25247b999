import { markerKey, parseMarker, type MarkerInfo } from "../../../core/report/plan";
import { find, findAll, getAttr, isMainNs, SPREADSHEETML_STRICT_NS } from "../xml";
import { isPlainName, openZip, ZipError, type ZipArchive } from "../zip";

import {
  AGAIN,
  DEFAULT_LIMITS,
  partText,
  partTree,
  XlsxReadError,
  zipMessage,
  type PackageLimits,
  type SheetEntry,
  type XlsxPackage,
} from "./parts";
import { readRels, relId, resolveTarget } from "./rels";

/** Opening a package: the zip checked, the workbook, its sheets and shared parts found through relationships, and the sheets an earlier run marked. */

/**
 * Two entries that resolve to the same part: the plainly written name is the part Excel and
 * LibreOffice show (a "../" or "\" spelling is a shadow); two plain spellings cannot be told apart.
 */
function checkCollisions(zip: ZipArchive): void {
  for (const c of zip.collisions) {
    const plain = isPlainName;
    if (plain(c.kept) && plain(c.shadowed))
      throw new XlsxReadError(
        `it holds the part ${c.kept} twice (also as ${c.shadowed}), so it is not clear which one Excel would show. ${AGAIN}`,
      );
  }
}

/** Opens a package from bytes; a one-line XlsxReadError when the bytes are not an .xlsx workbook or exceed a limit. */
export function openPackage(data: Uint8Array, limits: Partial<PackageLimits> = {}): XlsxPackage {
  const lim: PackageLimits = { ...DEFAULT_LIMITS, ...limits };
  if (data.length >= 4 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0)
    throw new XlsxReadError(
      "it is an old-format .xls file or a password-protected workbook. Open it in Excel, remove any password, and save it as an Excel Workbook (.xlsx)",
    );
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b)
    throw new XlsxReadError(
      "it is not an Excel workbook (.xlsx). If it is a CSV or another format, open it in Excel and save it as an Excel Workbook (.xlsx)",
    );
  let zip: ZipArchive;
  try {
    zip = openZip(data, lim);
  } catch (e) {
    if (e instanceof ZipError) throw new XlsxReadError(zipMessage(e));
    throw e;
  }
  checkCollisions(zip);
  const ctx = { zip, limits: lim };
  const office = readRels(ctx, "").find((r) => /\/officeDocument$/.test(r.type));
  const workbookPath = office ? resolveTarget("", office.target) : "xl/workbook.xml";
  const workbookXml = partText(ctx, workbookPath);
  if (workbookXml === null)
    throw new XlsxReadError(`it has no workbook part, so it is not an Excel workbook. ${AGAIN}`);
  const workbook = partTree(ctx, workbookPath)!;
  const sheetsNode = find(workbook, "sheets");
  if (workbook.local !== "workbook" || !isMainNs(workbook.ns) || !sheetsNode)
    throw new XlsxReadError(`its workbook part lists no sheets. ${AGAIN}`);
  const byId = new Map(readRels(ctx, workbookPath).map((r) => [r.id, r]));
  const allSheets: SheetEntry[] = findAll(sheetsNode, "sheet").map((node, index) => {
    const rid = relId(node);
    const rel = byId.get(rid);
    const isWorksheet = !!rel && !rel.external && /\/worksheet$/.test(rel.type);
    return {
      name: getAttr(node, "name") ?? "",
      path: isWorksheet ? resolveTarget(workbookPath, rel.target) : "",
      rid,
      sheetId: Number(getAttr(node, "sheetId") ?? 0),
      state: getAttr(node, "state") ?? "visible",
      index,
      node,
    };
  });
  const pr = find(workbook, "workbookPr");
  const d1904 = pr ? getAttr(pr, "date1904") : null;
  const strict = workbook.ns === SPREADSHEETML_STRICT_NS || getAttr(workbook, "conformance") === "strict";
  return {
    zip,
    workbookPath,
    workbookXml,
    workbook,
    sheets: allSheets.filter((s) => s.path !== ""),
    allSheets,
    allSheetNames: allSheets.map((s) => s.name),
    date1904: d1904 === "1" || d1904 === "true",
    strict,
    limits: lim,
  };
}

/** Sheets an earlier run of this tool wrote: those carrying the marker as a sheet-scoped defined name. */
export function markedSheets(
  pkg: XlsxPackage,
  marker: string,
): ({ sheet: string; key: string; index: number } & MarkerInfo)[] {
  const names = find(pkg.workbook, "definedNames");
  if (!names) return [];
  const out: ({ sheet: string; key: string; index: number } & MarkerInfo)[] = [];
  for (const n of findAll(names, "definedName")) {
    if (getAttr(n, "name") !== marker) continue;
    const local = getAttr(n, "localSheetId");
    if (local === null) continue;
    const index = Number(local);
    const name = pkg.allSheetNames[index];
    const info = parseMarker(n.text);
    if (name !== undefined && info && markerKey(n.text) !== null) out.push({ sheet: name, index, ...info });
  }
  return out;
}
