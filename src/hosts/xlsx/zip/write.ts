/**
 * Writing an archive (APPNOTE 4.3.6): new items deflated (fflate's deflateSync, or the host's
 * codec), copied items with their compressed bytes unchanged. No ZIP64.
 */
import { deflateSync } from "fflate";
import { crc32 } from "./crc32";
import { Entry } from "./entry";
import { invalidName, quote, tooBigThrow, ZipError } from "./errors";
import {
  CENTRAL_HEADER_SIZE,
  DOS_DATE_1980,
  DOS_TIME_1980,
  EOCD_SIZE,
  EXTRA_UNICODE_PATH,
  EXTRA_ZIP64,
  FLAG_DATA_DESCRIPTOR,
  FLAG_UTF8,
  LOCAL_HEADER_SIZE,
  METHOD_DEFLATE,
  METHOD_STORED,
  SIG_CENTRAL,
  SIG_EOCD,
  SIG_LOCAL,
  stripExtra,
  U16_MAX,
  U32_MAX,
} from "./format";
import { codec } from "./inflate";
import { canonicalPartName, isAscii, isBytes, utf8Encoder } from "./names";
import type { ZipCopyItem, ZipDeflatedItem, ZipNewItem, ZipWriteItem, ZipWriteOptions } from "./types";

interface PlannedEntry {
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  body: Uint8Array;
  localExtra: Uint8Array;
  centralExtra: Uint8Array;
  comment: Uint8Array;
  versionMadeBy: number;
  versionNeeded: number;
  internalAttributes: number;
  externalAttributes: number;
  offset: number;
}

/** New names must already be clean zip item names (ECMA-376 Part 2 §9.1.1.1, §6.2.2.2). */
function checkNewName(name: string): void {
  if (typeof name !== "string" || name === "") throw invalidName(String(name), "the name is empty");
  if (name.includes("\\")) throw invalidName(name, "it contains a backslash");
  if (name.startsWith("/")) throw invalidName(name, "it starts with '/'");
  if (name.includes("\0")) throw invalidName(name, "it contains a NUL character");
  const segments = (name.endsWith("/") ? name.slice(0, -1) : name).split("/");
  for (const seg of segments) {
    if (seg === "") throw invalidName(name, "it has an empty segment");
    if (seg === "." || seg === "..") throw invalidName(name, "it contains a '.' or '..' segment");
  }
}

function isCopyItem(item: ZipWriteItem): item is ZipCopyItem {
  return (item as ZipCopyItem).copy !== undefined;
}

/**
 * Writes a zip archive (APPNOTE 4.3.6: local headers and data, central directory, EOCD).
 *  - New items are deflated at level 6 (fflate) unless `compress: false`, or stored when
 *    deflate does not make them smaller; their CRC-32 is computed; their timestamp is the
 *    fixed DOS date 1980-01-01 00:00, so the output is deterministic.
 *  - Copied items reuse the source's compressed bytes unchanged, with the same method, CRC,
 *    sizes, DOS time/date and flags — except bit 3 (data descriptor), which is cleared
 *    because sizes and CRC are written in the local header. Extra fields are kept except
 *    the Zip64 block (and the Unicode Path block when renamed).
 *  - Names are UTF-8, with flag bit 11 set when non-ASCII (a copy keeps its stored name bytes).
 * No ZIP64: throws {@link ZipError} past 65,535 entries or 4 GiB. Two items whose names are
 * the same part (see {@link canonicalPartName}) are refused.
 */
export function writeZip(items: readonly ZipWriteItem[], options: ZipWriteOptions = {}): Uint8Array {
  const plan = planZip(items, options);
  const out = new Uint8Array(plan.total);
  let at = 0;
  emitZip(plan, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  return out;
}

/**
 * The same archive as {@link writeZip}, handed to `sink` in pieces (each entry's header, its
 * body, then the central directory) instead of assembled: the command line writes them to its
 * temporary file, so the whole output is never held in one buffer. Returns the archive's size.
 */
export function writeZipTo(
  items: readonly ZipWriteItem[],
  sink: (chunk: Uint8Array) => void,
  options: ZipWriteOptions = {},
): number {
  const plan = planZip(items, options);
  emitZip(plan, sink);
  return plan.total;
}

interface ZipPlan {
  planned: PlannedEntry[];
  centralSize: number;
  total: number;
}

/** Every entry planned (names checked, data deflated, offsets placed) before a byte is written. */
function planZip(items: readonly ZipWriteItem[], options: ZipWriteOptions): ZipPlan {
  const level = options.level ?? 6;
  if (!Number.isInteger(level) || level < 1 || level > 9) throw new RangeError("writeZip: level must be 1–9");
  if (items.length > U16_MAX) tooBigThrow(`it would have ${items.length} parts`);

  const planned: PlannedEntry[] = [];
  const seen = new Map<string, string>();
  let offset = 0;
  let centralSize = 0;
  for (const item of items) {
    const p = isCopyItem(item) ? planCopy(item) : planNew(item, level);
    const name = isCopyItem(item) ? (item.name ?? item.copy.name) : item.name;
    const canonical = canonicalPartName(name);
    const earlier = seen.get(canonical);
    if (earlier !== undefined) {
      throw new ZipError(
        "name-collision",
        `Cannot write the workbook: ${quote(earlier)} and ${quote(name)} would be the same part.`,
        name,
      );
    }
    seen.set(canonical, name);
    if (p.compressedSize >= U32_MAX || p.uncompressedSize >= U32_MAX)
      tooBigThrow(`the part ${quote(name)} is 4 GiB or more`);
    if (offset >= U32_MAX) tooBigThrow("it would be 4 GiB or more");
    p.offset = offset;
    offset += LOCAL_HEADER_SIZE + p.nameBytes.length + p.localExtra.length + p.body.length;
    centralSize += CENTRAL_HEADER_SIZE + p.nameBytes.length + p.centralExtra.length + p.comment.length;
    planned.push(p);
  }
  const total = offset + centralSize + EOCD_SIZE;
  if (offset >= U32_MAX || centralSize >= U32_MAX || total > U32_MAX) tooBigThrow("it would be 4 GiB or more");
  return { planned, centralSize, total };
}

/** The planned archive to `sink`: each entry's local header and body, then the central directory and end record. */
function emitZip({ planned, centralSize }: ZipPlan, sink: (chunk: Uint8Array) => void): void {
  let pos = 0;
  for (const e of planned) {
    const w = new Writer(new Uint8Array(LOCAL_HEADER_SIZE + e.nameBytes.length + e.localExtra.length));
    writeLocalHeader(w, e);
    sink(w.out);
    if (e.body.length) sink(e.body);
    pos += w.out.length + e.body.length;
  }
  const cdOffset = pos;
  const w = new Writer(new Uint8Array(centralSize + EOCD_SIZE));
  for (const e of planned) writeCentralHeader(w, e);
  // APPNOTE 4.3.16 end of central directory record.
  w.u32(SIG_EOCD);
  w.u16(0);
  w.u16(0);
  w.u16(planned.length);
  w.u16(planned.length);
  w.u32(centralSize);
  w.u32(cdOffset);
  w.u16(0);
  sink(w.out);
}

/** APPNOTE 4.3.7 local file header, then the entry's name and extra field (its data follows). */
function writeLocalHeader(w: Writer, e: PlannedEntry): void {
  w.u32(SIG_LOCAL);
  w.u16(e.versionNeeded);
  w.u16(e.flags);
  w.u16(e.method);
  w.u16(e.time);
  w.u16(e.date);
  w.u32(e.crc);
  w.u32(e.compressedSize);
  w.u32(e.uncompressedSize);
  w.u16(e.nameBytes.length);
  w.u16(e.localExtra.length);
  w.bytes(e.nameBytes);
  w.bytes(e.localExtra);
}

/** APPNOTE 4.3.12 central directory file header. */
function writeCentralHeader(w: Writer, e: PlannedEntry): void {
  w.u32(SIG_CENTRAL);
  w.u16(e.versionMadeBy);
  w.u16(e.versionNeeded);
  w.u16(e.flags);
  w.u16(e.method);
  w.u16(e.time);
  w.u16(e.date);
  w.u32(e.crc);
  w.u32(e.compressedSize);
  w.u32(e.uncompressedSize);
  w.u16(e.nameBytes.length);
  w.u16(e.centralExtra.length);
  w.u16(e.comment.length);
  w.u16(0); // disk number start
  w.u16(e.internalAttributes);
  w.u32(e.externalAttributes);
  w.u32(e.offset);
  w.bytes(e.nameBytes);
  w.bytes(e.centralExtra);
  w.bytes(e.comment);
}

function planNew(item: ZipNewItem | ZipDeflatedItem, level: number): PlannedEntry {
  if ("deflated" in item) return planDeflated(item);
  checkNewName(item.name);
  const data = item.data;
  if (!isBytes(data)) throw new TypeError(`writeZip: data for "${item.name}" must be a Uint8Array`);
  const isDir = item.name.endsWith("/");
  if (isDir && data.length > 0) throw invalidName(item.name, "a directory (name ending in '/') cannot hold data");
  const nameBytes = utf8Encoder.encode(item.name);
  if (nameBytes.length > U16_MAX) throw invalidName(item.name, "the name is too long");
  if (data.length >= U32_MAX) tooBigThrow(`the part ${quote(item.name)} is 4 GiB or more`);
  let method = METHOD_STORED;
  let body = data;
  if (item.compress !== false && data.length > 0) {
    const deflated = codec ? codec.deflateRaw(data, level) : deflateSync(data, { level: level as 6 });
    if (deflated.length < data.length) {
      method = METHOD_DEFLATE;
      body = deflated;
    }
  }
  return {
    nameBytes,
    flags: isAscii(item.name) ? 0 : FLAG_UTF8,
    method,
    time: DOS_TIME_1980,
    date: DOS_DATE_1980,
    crc: crc32(data),
    compressedSize: body.length,
    uncompressedSize: data.length,
    body,
    localExtra: new Uint8Array(0),
    centralExtra: new Uint8Array(0),
    comment: new Uint8Array(0),
    versionMadeBy: 20, // 2.0, host 0 (MS-DOS attributes)
    versionNeeded: versionNeeded(method, isDir),
    internalAttributes: 0,
    externalAttributes: isDir ? 0x10 : 0, // MS-DOS directory attribute
    offset: 0,
  };
}

/** An item deflated by the caller (a streamed sheet): its bytes, CRC and size as given. */
function planDeflated(item: ZipDeflatedItem): PlannedEntry {
  // An empty new item of the same name: its name checks and header fields, then the data given.
  const empty = planNew({ name: item.name, data: new Uint8Array(0) }, 6);
  if (item.name.endsWith("/")) throw invalidName(item.name, "a directory (name ending in '/') cannot hold data");
  if (item.size >= U32_MAX) tooBigThrow(`the part ${quote(item.name)} is 4 GiB or more`);
  return {
    ...empty,
    method: METHOD_DEFLATE,
    crc: item.crc >>> 0,
    compressedSize: item.deflated.length,
    uncompressedSize: item.size,
    body: item.deflated,
    versionNeeded: versionNeeded(METHOD_DEFLATE, false),
  };
}

function planCopy(item: ZipCopyItem): PlannedEntry {
  const entry = item.copy;
  if (!(entry instanceof Entry)) {
    throw new TypeError("writeZip: `copy` must be an entry of an archive opened with openZip");
  }
  const src = entry.source;
  let nameBytes = src.nameBytes;
  let flags = entry.flags & ~FLAG_DATA_DESCRIPTOR;
  const drop = [EXTRA_ZIP64];
  if (item.name !== undefined && item.name !== entry.name) {
    checkNewName(item.name);
    nameBytes = utf8Encoder.encode(item.name);
    if (nameBytes.length > U16_MAX) throw invalidName(item.name, "the name is too long");
    flags = (flags & ~FLAG_UTF8) | (isAscii(item.name) ? 0 : FLAG_UTF8);
    drop.push(EXTRA_UNICODE_PATH);
  }
  return {
    nameBytes,
    flags,
    method: entry.method,
    time: entry.time,
    date: entry.date,
    crc: entry.crc32,
    compressedSize: entry.compressedSize,
    uncompressedSize: entry.uncompressedSize,
    body: entry.raw(),
    localExtra: stripExtra(src.localExtra, drop),
    centralExtra: stripExtra(src.centralExtra, drop),
    comment: src.comment,
    versionMadeBy: src.versionMadeBy,
    versionNeeded: versionNeeded(entry.method, entry.isDirectory),
    internalAttributes: src.internalAttributes,
    externalAttributes: src.externalAttributes,
    offset: 0,
  };
}

/** APPNOTE 4.4.3.2: 1.0 for stored files, 2.0 for deflate and directories. */
function versionNeeded(method: number, isDir: boolean): number {
  return method === METHOD_DEFLATE || isDir ? 20 : 10;
}

class Writer {
  pos = 0;
  constructor(readonly out: Uint8Array) {}
  u16(v: number): void {
    this.out[this.pos++] = v & 0xff;
    this.out[this.pos++] = (v >>> 8) & 0xff;
  }
  u32(v: number): void {
    this.out[this.pos++] = v & 0xff;
    this.out[this.pos++] = (v >>> 8) & 0xff;
    this.out[this.pos++] = (v >>> 16) & 0xff;
    this.out[this.pos++] = (v >>> 24) & 0xff;
  }
  bytes(b: Uint8Array): void {
    this.out.set(b, this.pos);
    this.pos += b.length;
  }
}
