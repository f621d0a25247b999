import { inflateSync } from "fflate";
import { markerKey, parseMarker, type MarkerInfo } from "../../core/report/plan";
import type { DeflatedPart } from "./part-stream";
import { XmlError, find, findAll, getAttr, isMainNs, parseTree, SPREADSHEETML_STRICT_NS, type XmlNode } from "./xml";
import {
  DEFAULT_ZIP_LIMITS,
  isPlainName,
  openZip,
  writeZip,
  writeZipTo,
  ZipError,
  type ZipArchive,
  type ZipEntry,
  type ZipLimits,
  type ZipWriteItem,
} from "./zip";
import { wholeNumber } from "../../core/primitives/text";

/**
 * An opened .xlsx package: the zip, and the parts found through its relationships (never by
 * guessing names: producers place parts differently). Small parts are parsed with the XML
 * module's tree, which keeps offsets so edits splice the user's text rather than rewrite it.
 */
export interface SheetEntry {
  name: string;
  /** The worksheet part, or "" for a chart sheet, dialog sheet or a sheet whose part is missing. */
  path: string;
  rid: string;
  sheetId: number;
  state: string;
  /** Position in the workbook's <sheets> (what localSheetId and activeTab count). */
  index: number;
  node: XmlNode;
}

export interface XlsxPackage {
  zip: ZipArchive;
  workbookPath: string;
  workbookXml: string;
  workbook: XmlNode;
  /** Worksheets only, in workbook order. */
  sheets: SheetEntry[];
  /** Every <sheet> in workbook order, chart sheets included (defined names index this list). */
  allSheets: SheetEntry[];
  allSheetNames: string[];
  date1904: boolean;
  /** Saved as Strict Open XML (ISO/IEC 29500 Strict): readable, but reports are not added to it. */
  strict: boolean;
  limits: PackageLimits;
}

/** The ceilings on work and memory, each refused in one line (docs/xlsx-host.md lists them). */
export interface PackageLimits extends ZipLimits {
  /** Most cells with a value read from the whole workbook (Office.js's own ceiling per read). */
  maxCells: number;
  /** Longest text part (characters) handed to the XML reader: JavaScript's string ceiling is near 2^29. */
  maxPartChars: number;
}

export const DEFAULT_LIMITS: Readonly<PackageLimits> = Object.freeze({
  ...DEFAULT_ZIP_LIMITS,
  maxCells: 5_000_000,
  maxPartChars: 256 * 1024 * 1024,
});

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
    else if (seg !== "." && seg !== "") base.push(seg);
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

const AGAIN = "Open it in Excel and save it again as an Excel Workbook (.xlsx)";

/** A zip error in the words of someone who chose a workbook. */
function zipMessage(e: ZipError): string {
  switch (e.code) {
    case "too-many-entries":
    case "too-large":
      return `it is larger than this tool reads (${e.message.replace(/\.$/, "")}). Split the workbook or remove what the programme does not need, then run again`;
    case "encrypted":
      return "it is password-protected. Open it in Excel, remove the password (File > Info > Protect Workbook), save it and run again";
    case "not-zip":
      return "it is not an Excel workbook (.xlsx). If it is a CSV or another format, open it in Excel and save it as an Excel Workbook (.xlsx)";
    default:
      return `it is damaged or not a complete .xlsx file (${e.message}). ${AGAIN}`;
  }
}

/** Reads a part as text within the limits; null when the package has no such part. */
export function partText(pkg: { zip: ZipArchive; limits: PackageLimits }, path: string): string | null {
  const entry = pkg.zip.get(path);
  if (!entry || entry.isDirectory) return null;
  try {
    const text = entry.readText();
    if (text.length > pkg.limits.maxPartChars)
      throw new XlsxReadError(
        `its part ${path} holds more than ${wholeNumber(pkg.limits.maxPartChars)} characters, more than this tool reads. Split the workbook, then run again`,
      );
    return text;
  } catch (e) {
    if (e instanceof ZipError) throw new XlsxReadError(zipMessage(e));
    if (e instanceof RangeError)
      throw new XlsxReadError(
        `its part ${path} is larger than this tool can hold in memory. Split the workbook, then run again`,
      );
    throw e;
  }
}

/** Parses a small part (workbook, relationships, styles, content types) or says which part is broken. */
export function partTree(pkg: { zip: ZipArchive; limits: PackageLimits }, path: string): XmlNode | null {
  const text = partText(pkg, path);
  if (text === null) return null;
  try {
    return parseTree(text);
  } catch (e) {
    if (e instanceof XmlError)
      throw new XlsxReadError(`its part ${path} is not well-formed XML (${e.message}). ${AGAIN}`);
    throw e;
  }
}

export function readRels(pkg: { zip: ZipArchive; limits: PackageLimits }, partPath: string): Relationship[] {
  const root = partTree(pkg, relsPathFor(partPath));
  if (!root) return [];
  return findAll(root, "Relationship").map((r) => ({
    id: getAttr(r, "Id") ?? "",
    type: getAttr(r, "Type") ?? "",
    target: getAttr(r, "Target") ?? "",
    external: (getAttr(r, "TargetMode") ?? "") === "External",
  }));
}

/** The relationship-namespace attribute r:id of a <sheet>, whatever prefix or namespace form it uses. */
function relId(node: XmlNode): string {
  for (const a of node.attrs) if (a.local === "id" && /\/relationships$/.test(a.ns)) return a.value;
  return "";
}

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

/**
 * Changes to a package: parts replaced, added or removed, the rest copied byte for byte
 * (compressed data reused) in their original order, shadow entries dropped.
 */
const plainSlashes = (name: string) => {
  const nul = name.indexOf("\0");
  return (nul >= 0 ? name.slice(0, nul) : name).replace(/\\/g, "/").replace(/^\/+/, "");
};

/** `text` in the encoding the part's first bytes show: UTF-8 (with its BOM if it had one) or UTF-16 LE/BE with BOM. */
function encodeLike(head: Uint8Array | undefined, text: string, utf8: TextEncoder): Uint8Array {
  const bom = (...b: number[]) => !!head && b.every((x, i) => head[i] === x);
  // UTF-16 with a BOM, or without one (first bytes "<\0" or "\0<", as the reader detects it): the same again.
  const utf16 = bom(0xff, 0xfe) || bom(0xfe, 0xff) ? 2 : bom(0x3c, 0) || bom(0, 0x3c) ? 0 : -1;
  if (utf16 >= 0) {
    const le = bom(0xff, 0xfe) || bom(0x3c, 0);
    const out = new Uint8Array(utf16 + text.length * 2);
    if (utf16) out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[utf16 + i * 2 + (le ? 0 : 1)] = c & 0xff;
      out[utf16 + i * 2 + (le ? 1 : 0)] = c >> 8;
    }
    return out;
  }
  const body = utf8.encode(text);
  if (!bom(0xef, 0xbb, 0xbf)) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** Reads an entry to check it (size limits and CRC-32), or says which part is damaged. */
function verified(e: ZipEntry): void {
  if (e.isDirectory) return;
  try {
    e.read();
  } catch (err) {
    if (err instanceof ZipError) throw new XlsxReadError(zipMessage(err));
    throw err;
  }
}

export class PackageEdit {
  private readonly parts = new Map<string, { name: string; data: Uint8Array | null; deflated?: DeflatedPart }>();
  private readonly encoder = new TextEncoder();

  constructor(readonly pkg: XlsxPackage) {}

  private key(path: string): string {
    return this.pkg.zip.get(path)?.canonical ?? path.toLowerCase();
  }

  exists(path: string): boolean {
    const p = this.parts.get(this.key(path));
    if (p) return p.data !== null || !!p.deflated;
    const e = this.pkg.zip.get(path);
    return !!e && !e.isDirectory;
  }

  text(path: string): string | null {
    const p = this.parts.get(this.key(path));
    if (p?.deflated) return new TextDecoder().decode(inflateSync(p.deflated.deflated));
    if (p) return p.data === null ? null : new TextDecoder().decode(p.data);
    return partText(this.pkg, path);
  }

  /**
   * Adds or replaces a part with one deflated as it was made (part-stream.ts: a report sheet). Its
   * text is UTF-8 without a byte-order mark, declared so in its XML, whatever the part it replaces was.
   */
  setDeflated(path: string, part: DeflatedPart): void {
    const existing = this.pkg.zip.get(path);
    const name = existing && !existing.isDirectory ? existing.name : path;
    this.parts.set(this.key(path), { name, data: null, deflated: part });
  }

  /** Replaces or adds a part; a replaced part keeps its encoding and byte-order mark (UTF-8 with or without, UTF-16). */
  set(path: string, text: string): void {
    const existing = this.pkg.zip.get(path);
    const kept = existing && !existing.isDirectory ? existing : undefined;
    const before = this.parts.get(this.key(path))?.data ?? kept?.read();
    this.parts.set(this.key(path), {
      name: kept ? kept.name : path,
      data: encodeLike(before?.subarray(0, 3), text, this.encoder),
    });
  }

  remove(path: string): void {
    if (this.exists(path)) this.parts.set(this.key(path), { name: path, data: null });
  }

  /** The new package: untouched entries first, in their order, then the parts added. */
  build(): Uint8Array {
    return writeZip(this.items(), { level: 3 });
  }

  /** The same package handed to `sink` piece by piece (writeZipTo); returns its size. */
  buildTo(sink: (chunk: Uint8Array) => void): number {
    return writeZipTo(this.items(), sink, { level: 3 });
  }

  private items(): ZipWriteItem[] {
    const items: ZipWriteItem[] = [];
    const done = new Set<string>();
    const collided = new Set(this.pkg.zip.collisions.map((c) => c.shadowed));
    const added = (name: string, p: { data: Uint8Array | null; deflated?: DeflatedPart }): ZipWriteItem | null =>
      p.deflated ? { name, ...p.deflated } : p.data ? { name, data: p.data } : null;
    for (const e of this.pkg.zip.entries as ZipEntry[]) {
      if (collided.has(e.name) || done.has(e.canonical)) continue;
      done.add(e.canonical);
      const p = this.parts.get(e.canonical);
      // Some writers store "xl\\styles.xml"; Excel reads it, but OPC part names use "/" (ECMA-376 Part 2, 6.2.2),
      // so the copy gets the plain spelling (the compressed bytes are reused unchanged).
      const name = plainSlashes(e.name);
      // A copied part is read once (inflated, its CRC-32 checked): a damaged part the report never read is refused, not copied on.
      if (!p) verified(e);
      const item = p ? added(name, p) : name === e.name ? { copy: e } : { copy: e, name };
      if (item) items.push(item);
    }
    for (const [k, p] of this.parts) {
      const item = done.has(k) ? null : added(plainSlashes(p.name), p);
      if (item) items.push(item);
    }
    return items;
  }
}
