/**
 * zip.ts — a small, defensive zip reader and writer for OOXML packages (.xlsx).
 *
 * Why it exists: the add-in reads a user's workbook, adds report sheets, and writes
 * a copy in which every part it did not change keeps its compressed bytes exactly
 * (so Excel, signatures and diff tools see the same parts). It must also refuse
 * hostile files — zip bombs, headers that lie about sizes, and "shadow" entries that
 * different readers would resolve to different parts — with a message a user can act on.
 *
 * References (section numbers are those of PKWARE's APPNOTE.TXT, version 6.3.x):
 *  - 4.3.6  overall zip file format (local headers + data, then central directory, then end records)
 *  - 4.3.7  local file header                 - 4.3.9  data descriptor
 *  - 4.3.12 central directory file header      - 4.3.14 Zip64 end of central directory record
 *  - 4.3.15 Zip64 end of central directory locator
 *  - 4.3.16 end of central directory record (EOCD)
 *  - 4.4.4  general purpose bit flag (bit 0 encrypted, bit 3 data descriptor, bit 6 strong
 *           encryption, bit 11 UTF-8 names, bit 13 encrypted central directory)
 *  - 4.4.5  compression method (0 stored, 8 deflate)
 *  - 4.5.3  Zip64 extended information extra field (header id 0x0001)
 *  - Appendix D: file names are CP437 unless bit 11 says UTF-8.
 * Part names follow ECMA-376 Part 2 (Open Packaging Conventions): §6.2.2 part names
 * (case-insensitive ASCII equivalence, §6.2.2.3) and §9.1.1.1 mapping zip item names to
 * part names.
 *
 * Pure module: no fs, no DOM. Needs only TextDecoder/TextEncoder (Node and web workers)
 * and fflate for DEFLATE.
 */
import { Inflate, deflateSync, inflateSync } from "fflate";
import { wholeNumber } from "../../model/text";

// ---------------------------------------------------------------------------------------------
// Limits and errors
// ---------------------------------------------------------------------------------------------

/** Ceilings applied when opening and reading an archive. */
export interface ZipLimits {
  /** Most entries (central directory records) accepted. Default 10,000. */
  maxEntries: number;
  /** Largest uncompressed size one entry may declare or inflate to. Default 256 MiB. */
  maxEntryBytes: number;
  /** Largest sum of declared uncompressed sizes, and of bytes actually inflated. Default 1 GiB. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxEntries: 10_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
});

/** Machine-readable reason carried by every {@link ZipError}. */
export type ZipErrorCode =
  | "not-zip" // no end of central directory record: not a zip at all
  | "truncated" // looks like a zip that was cut short
  | "damaged" // inconsistent structure, bad checksum, bad deflate stream
  | "encrypted" // password-protected entries
  | "unsupported" // compression method other than stored/deflate, split archives
  | "too-many-entries" // more entries than limits.maxEntries
  | "too-large" // declared or inflated sizes over the limits (zip bombs)
  | "invalid-name" // writeZip: a name that is not a valid part name
  | "name-collision" // writeZip: two items with the same canonical name
  | "too-big-to-write"; // writeZip: would need ZIP64 (4 GiB / 65,535 entries)

/**
 * The only error type this module throws for bad input. `message` is a plain sentence meant
 * for the person who chose the file; `code` is for programs; `part` names the entry involved.
 */
export class ZipError extends Error {
  readonly code: ZipErrorCode;
  readonly part: string | undefined;
  constructor(code: ZipErrorCode, message: string, part?: string) {
    super(message);
    this.name = "ZipError";
    this.code = code;
    this.part = part;
    Object.setPrototypeOf(this, ZipError.prototype);
  }
}

// ---------------------------------------------------------------------------------------------
// Public shapes
// ---------------------------------------------------------------------------------------------

/** One entry of the central directory (APPNOTE 4.3.12), with its local header resolved. */
export interface ZipEntry {
  /** The name as stored (decoded as UTF-8 when flag bit 11 is set, else as CP437). */
  readonly name: string;
  /** The canonical part name used for look-ups: see {@link canonicalPartName}. */
  readonly canonical: string;
  /** Compression method (APPNOTE 4.4.5): 0 stored or 8 deflate. */
  readonly method: number;
  /** General purpose bit flag (APPNOTE 4.4.4) from the central directory. */
  readonly flags: number;
  /** CRC-32 of the uncompressed data, from the central directory. */
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** DOS time and date fields (APPNOTE 4.4.6). */
  readonly time: number;
  readonly date: number;
  /** True for directory entries (names ending in '/' or '\'). */
  readonly isDirectory: boolean;
  /** Offset of the local file header in the archive. */
  readonly localHeaderOffset: number;
  /** Offset of the first byte of (compressed) data in the archive. */
  readonly dataOffset: number;
  /** The compressed bytes exactly as stored (a view into the archive; do not modify). */
  raw(): Uint8Array;
  /**
   * Inflate (or copy) the data, enforcing the limits and checking the CRC-32. The output never
   * exceeds the declared size (itself ≤ limits.maxEntryBytes); a stream that would inflate to
   * more is stopped after at most one slice of (declared size + 1 MiB) and throws a ZipError.
   */
  read(): Uint8Array;
  /** {@link read} decoded as text: UTF-8 (BOM stripped), or UTF-16 when a UTF-16 BOM is present. */
  readText(): string;
}

/** Two entries whose names resolve to the same part; `kept` is the one get() returns. */
export interface ZipCollision {
  kept: string;
  shadowed: string;
}

export interface ZipArchive {
  /** Every entry, in central-directory order (directories included). */
  readonly entries: readonly ZipEntry[];
  /** Entries hidden by an earlier entry with the same canonical name. */
  readonly collisions: readonly ZipCollision[];
  /** The archive comment (UTF-8 if valid, else CP437). */
  readonly comment: string;
  /** The limits in force for this archive. */
  readonly limits: Readonly<ZipLimits>;
  /**
   * Bytes charged so far against limits.maxTotalBytes: each entry is charged its declared
   * uncompressed size (the most read() lets it inflate to) on its first read; re-reading is free.
   */
  readonly inflatedBytes: number;
  /** Look up an entry by part name ("/xl/workbook.xml", "xl\\Workbook.xml" …): the plainly written entry, else the first. */
  get(partName: string): ZipEntry | undefined;
}

/** A new item: `data` is deflated (level 6) unless `compress` is false or deflate does not help. */
export interface ZipNewItem {
  name: string;
  data: Uint8Array;
  compress?: boolean;
}

/** An entry copied from an archive opened with {@link openZip}: its compressed bytes are reused. */
export interface ZipCopyItem {
  copy: ZipEntry;
  /** Store under a different name (the compressed data is still reused unchanged). */
  name?: string;
}

/**
 * A new item whose data was deflated already (raw DEFLATE, as a report sheet streamed in chunks
 * is): written with the CRC-32 and size given, which the caller computed over the data.
 */
export interface ZipDeflatedItem {
  name: string;
  deflated: Uint8Array;
  crc: number;
  size: number;
}

export type ZipWriteItem = ZipNewItem | ZipCopyItem | ZipDeflatedItem;

export interface ZipWriteOptions {
  /** Deflate level for new items, 1–9 (default 6). */
  level?: number;
}

// ---------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------

const SIG_LOCAL = 0x04034b50; // APPNOTE 4.3.7
const SIG_CENTRAL = 0x02014b50; // APPNOTE 4.3.12
const SIG_EOCD = 0x06054b50; // APPNOTE 4.3.16
const SIG_EOCD64 = 0x06064b50; // APPNOTE 4.3.14
const SIG_EOCD64_LOCATOR = 0x07064b50; // APPNOTE 4.3.15

const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
const EOCD_SIZE = 22;
const EOCD64_LOCATOR_SIZE = 20;
const EOCD64_MIN_SIZE = 56;
const MAX_COMMENT = 0xffff;

const FLAG_ENCRYPTED = 0x0001; // 4.4.4 bit 0
const FLAG_DATA_DESCRIPTOR = 0x0008; // 4.4.4 bit 3
const FLAG_STRONG_ENCRYPTION = 0x0040; // 4.4.4 bit 6
const FLAG_UTF8 = 0x0800; // 4.4.4 bit 11
const FLAG_ENCRYPTED_DIRECTORY = 0x2000; // 4.4.4 bit 13

const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

const EXTRA_ZIP64 = 0x0001; // 4.5.3
const EXTRA_UNICODE_PATH = 0x7075; // Info-ZIP Unicode Path (4.6.9): stale once renamed

const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

/**
 * DEFLATE cannot expand data by more than 1032:1 (a 258-byte match costs at least a 1-bit
 * length code plus a 1-bit distance code). Used to size inflate steps and to reject headers
 * that claim more than their compressed data could ever hold.
 */
const MAX_DEFLATE_RATIO = 1032;
/** Extra room one slice of inflation may run past the allowed size before we notice (see inflateBounded). */
const INFLATE_SLACK = 1024 * 1024;
/** Largest slice of compressed input pushed into the streaming inflater at once. */
const MAX_INFLATE_STEP = 256 * 1024;

/** Fixed DOS timestamp for new items: 1980-01-01 00:00:00 (APPNOTE 4.4.6). */
const DOS_TIME_1980 = 0;
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;

const COMPRESSION_NAMES: Record<number, string> = {
  1: "Shrink",
  6: "Implode",
  9: "Deflate64",
  12: "bzip2",
  14: "LZMA",
  93: "Zstandard",
  95: "XZ",
  98: "PPMd",
  99: "AES encryption",
};

const SAVE_AGAIN = "Open it in Excel, save a fresh copy, and try again.";

// ---------------------------------------------------------------------------------------------
// CRC-32 (IEEE 802.3 polynomial, reflected 0xEDB88320; APPNOTE 4.4.7), slicing-by-8 tables
// ---------------------------------------------------------------------------------------------

const CRC_TABLE: Uint32Array = (() => {
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n];
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff] ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

/**
 * CRC-32 as used by zip (same as zlib's crc32). Pass the previous result as `crc` to
 * continue over several chunks.
 */
export function crc32(data: Uint8Array, crc = 0): number {
  const t = CRC_TABLE;
  let c = ~crc;
  let i = 0;
  const n = data.length;
  for (const end = n - 8; i <= end; i += 8) {
    const a = (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)) ^ c;
    const b = data[i + 4] | (data[i + 5] << 8) | (data[i + 6] << 16) | (data[i + 7] << 24);
    c =
      t[1792 + (a & 0xff)] ^
      t[1536 + ((a >>> 8) & 0xff)] ^
      t[1280 + ((a >>> 16) & 0xff)] ^
      t[1024 + (a >>> 24)] ^
      t[768 + (b & 0xff)] ^
      t[512 + ((b >>> 8) & 0xff)] ^
      t[256 + ((b >>> 16) & 0xff)] ^
      t[b >>> 24];
  }
  for (; i < n; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Names: CP437, UTF-8 and OPC canonical part names
// ---------------------------------------------------------------------------------------------

/** Code page 437, bytes 0x80–0xFF (APPNOTE Appendix D). Bytes below 0x80 are ASCII. */
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐" +
  "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

function decodeCp437(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    s += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80];
  }
  return s;
}

const utf8Decoder = new TextDecoder("utf-8");
const utf8Encoder = new TextEncoder();

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  return utf8 ? utf8Decoder.decode(bytes) : decodeCp437(bytes);
}

function decodeComment(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeCp437(bytes);
  }
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/**
 * The canonical form of a zip item name or part name, used to decide which entries are the
 * same part. Follows how Excel and ECMA-376 Part 2 resolve names: §9.1.1.1 maps a zip item
 * name to a part name by prefixing '/', and §6.2.2.3 compares part names as case-insensitive
 * ASCII strings. Readers also accept '\' separators and dot segments, so we do too:
 *  - backslashes become '/';
 *  - a leading '/' is dropped (the result has none);
 *  - '.' segments and empty segments ("a//b") are removed; '..' removes the previous segment
 *    (never climbing above the root, as in RFC 3986 remove_dot_segments);
 *  - ASCII letters are folded to lower case (non-ASCII letters are left alone, per §6.2.2.3);
 *  - a trailing '/' (a directory) is kept, so the folder "xl/" never equals a part "xl".
 * Percent-encoded characters are not decoded.
 */
export function canonicalPartName(name: string): string {
  // A name with a NUL is read by C libraries (Python's zipfile, minizip) up to the NUL: the same part.
  const nul = name.indexOf("\0");
  const s = (nul >= 0 ? name.slice(0, nul) : name).replace(/\\/g, "/");
  const out: string[] = [];
  for (const seg of s.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      out.pop();
      continue;
    }
    out.push(seg);
  }
  let c = out.join("/");
  if (s.endsWith("/") && c !== "") c += "/";
  return asciiLower(c);
}

/** A name written as a part name is: "/"-separated, no dot or empty segments, no leading "/". */
/** A Uint8Array from any realm (a page's frame, jsdom, a worker): instanceof alone would refuse those. */
function isBytes(data: unknown): data is Uint8Array {
  return data instanceof Uint8Array || Object.prototype.toString.call(data) === "[object Uint8Array]";
}

export function isPlainName(name: string): boolean {
  return !/\\|(^|\/)\.{1,2}(\/|$)|\/\/|^\/|\0/.test(name);
}

function isDirectoryName(name: string): boolean {
  return name.endsWith("/") || name.endsWith("\\");
}

// ---------------------------------------------------------------------------------------------
// Little-endian readers (callers check bounds first)
// ---------------------------------------------------------------------------------------------

function u16(d: Uint8Array, p: number): number {
  return d[p] | (d[p + 1] << 8);
}

function u32(d: Uint8Array, p: number): number {
  return (d[p] | (d[p + 1] << 8) | (d[p + 2] << 16)) + d[p + 3] * 0x1000000;
}

/** A 64-bit field as a number, or Infinity when it exceeds 2^53 (never a valid size here). */
function u64(d: Uint8Array, p: number): number {
  const hi = u32(d, p + 4);
  if (hi > 0x1fffff) return Infinity;
  return hi * 0x100000000 + u32(d, p);
}

function formatBytes(n: number): string {
  if (n < 10 * 1024) return `${wholeNumber(n)} bytes`;
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const text = Number.isInteger(v) ? v.toString() : v.toFixed(1);
  return `${text} ${units[u]}`;
}

/** Formats a size and its limit so that they never read as the same number. */
function formatSizeAndLimit(size: number, limit: number): [string, string] {
  const a = formatBytes(size);
  const b = formatBytes(limit);
  return a === b ? [`${wholeNumber(size)} bytes`, `${wholeNumber(limit)} bytes`] : [a, b];
}

function quote(name: string): string {
  return `"${name.length > 200 ? name.slice(0, 200) + "…" : name}"`;
}

function damaged(detail: string, part?: string): ZipError {
  return new ZipError("damaged", `This workbook file is damaged: ${detail}. ${SAVE_AGAIN}`, part);
}

// ---------------------------------------------------------------------------------------------
// Extra fields (APPNOTE 4.5)
// ---------------------------------------------------------------------------------------------

interface ExtraBlock {
  id: number;
  start: number; // offset of the block's data within the extra field
  size: number;
}

/** Splits an extra field into blocks; a malformed tail (some writers pad) is ignored. */
function extraBlocks(extra: Uint8Array): ExtraBlock[] {
  const blocks: ExtraBlock[] = [];
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = u16(extra, p);
    const size = u16(extra, p + 2);
    if (p + 4 + size > extra.length) break;
    blocks.push({ id, start: p + 4, size });
    p += 4 + size;
  }
  return blocks;
}

/** The extra field without the blocks whose ids are listed (used when rewriting headers). */
function stripExtra(extra: Uint8Array, ids: readonly number[]): Uint8Array {
  if (extra.length === 0) return extra;
  const parts: Uint8Array[] = [];
  let len = 0;
  for (const b of extraBlocks(extra)) {
    if (ids.includes(b.id)) continue;
    const part = extra.subarray(b.start - 4, b.start + b.size);
    parts.push(part);
    len += part.length;
  }
  const out = new Uint8Array(len);
  let p = 0;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

interface ArchiveState {
  readonly data: Uint8Array;
  readonly limits: Readonly<ZipLimits>;
  charged: number;
}

/** What writeZip needs to re-emit a copied entry; not part of the public API. */
interface EntrySource {
  readonly state: ArchiveState;
  readonly nameBytes: Uint8Array;
  readonly centralExtra: Uint8Array;
  readonly localExtra: Uint8Array;
  readonly comment: Uint8Array;
  readonly versionMadeBy: number;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
}

class Entry implements ZipEntry {
  readonly isDirectory: boolean;
  /** Set once this entry has been charged against limits.maxTotalBytes. */
  private charged = false;

  constructor(
    readonly name: string,
    readonly canonical: string,
    readonly method: number,
    readonly flags: number,
    readonly crc32: number,
    readonly compressedSize: number,
    readonly uncompressedSize: number,
    readonly time: number,
    readonly date: number,
    readonly localHeaderOffset: number,
    readonly dataOffset: number,
    /** @internal */ readonly source: EntrySource,
  ) {
    this.isDirectory = isDirectoryName(name);
  }

  raw(): Uint8Array {
    return this.source.state.data.subarray(this.dataOffset, this.dataOffset + this.compressedSize);
  }

  read(): Uint8Array {
    try {
      return this.readChecked();
    } catch (e) {
      if (e instanceof ZipError) throw e;
      throw damaged(`the part ${quote(this.name)} cannot be decompressed`, this.name);
    }
  }

  readText(): string {
    return decodeText(this.read());
  }

  private readChecked(): Uint8Array {
    const state = this.source.state;
    const { maxEntryBytes, maxTotalBytes } = state.limits;
    const declared = this.uncompressedSize;
    // Both were checked at open time; re-checked so read() stands on its own.
    if (declared > maxEntryBytes) throw tooLargeEntry(this.name, declared, maxEntryBytes);
    if (!this.charged && state.charged + declared > maxTotalBytes) {
      throw tooLargeTotal(state.charged + declared, maxTotalBytes);
    }

    // Charge the entry once, on its first read, for the most it may inflate to: its declared
    // size (inflation is capped there). A read that fails still counts.
    if (!this.charged) {
      this.charged = true;
      state.charged += declared;
    }
    let out: Uint8Array;
    if (this.method === METHOD_STORED) {
      if (this.compressedSize !== declared) {
        throw damaged(`the stored part ${quote(this.name)} has two different sizes in its header`, this.name);
      }
      out = this.raw().slice();
    } else {
      if (declared > this.compressedSize * MAX_DEFLATE_RATIO) {
        throw damaged(
          `the part ${quote(this.name)} claims ${formatBytes(declared)} from only ` +
            `${formatBytes(this.compressedSize)} of compressed data, which is impossible`,
          this.name,
        );
      }
      out = inflateBounded(this.raw(), declared, this.name);
    }
    if (crc32(out) !== this.crc32) {
      throw new ZipError(
        "damaged",
        `The part ${quote(this.name)} is damaged: its contents do not match their checksum (CRC-32). ${SAVE_AGAIN}`,
        this.name,
      );
    }
    return out;
  }
}

/**
 * Inflates `raw`, which must inflate to exactly `limit` bytes, never letting a lying header
 * make us inflate (or allocate) much more than that.
 *
 * How fflate 0.8.3 behaves (read from its source, lib/index.cjs `inflt` and `Inflate`):
 *  - inflateSync(data, { out }) does NOT report overflow: with a caller's buffer it stops
 *    resizing, silently drops Huffman-coded bytes past the end (typed-array writes out of
 *    range are no-ops) while still decoding the whole stream, returns `out.subarray(0, n)`
 *    (so at most out.length bytes), and throws a RangeError when a stored block does not fit.
 *    So with an `out` of limit + 1 bytes, a result of limit + 1 bytes (or a RangeError) means
 *    overflow, and memory is exact — but the work is that of the whole stream.
 *  - the streaming Inflate decodes everything pushed so far on each push() and hands the new
 *    output to `ondata`, allocating about (output + 160 KiB) per push.
 *
 * DEFLATE expands at most 1032:1, so a slice of `step` compressed bytes yields at most
 * 1032 × step bytes. We push slices of (limit + INFLATE_SLACK) / 1032 bytes (at most 256 KiB)
 * and stop at the first slice whose output does not fit. So whatever the stream really
 * inflates to, a read holds at most the `limit`-byte output buffer plus one slice of at most
 * limit + 1 MiB (plus fflate's 32 KiB window and 128 KiB margin), and decodes at most about
 * 2 × limit + 1 MiB. (Shrinking the slices as the buffer fills would not lower that worst case,
 * which a stream reaches by exploding in its first slice; it would only add steps, each
 * costing fflate a fresh ~160 KiB buffer.) When the whole stream fits in one slice we inflate
 * it in one call into a limit + 1 byte buffer instead: same worst case, exact memory, less
 * overhead — the usual case for small parts.
 */
/**
 * A faster DEFLATE where the host has one (the command line installs Node's zlib, src/cli/zlib-codec.ts);
 * without one, fflate (plain JavaScript, runs in the pane and its worker) does the work.
 */
export interface DeflateCodec {
  deflateRaw(data: Uint8Array, level: number): Uint8Array;
  /** Inflates raw DEFLATE data; throws a RangeError rather than produce more than maxOutput bytes. */
  inflateRaw(data: Uint8Array, maxOutput: number): Uint8Array;
}

let codec: DeflateCodec | null = null;

/** Installs (or with null removes) the host's DEFLATE for every later read and write. */
export function useDeflateCodec(c: DeflateCodec | null): void {
  codec = c;
}

function inflateBounded(raw: Uint8Array, limit: number, name: string): Uint8Array {
  const overflowError = (): ZipError =>
    new ZipError(
      "too-large",
      `The part ${quote(name)} inflates to more than its header says (${formatBytes(limit)}). ` +
        `The file is damaged or was crafted to exhaust memory (a "zip bomb"), so it was not processed.`,
      name,
    );
  const shortError = (produced: number): ZipError =>
    damaged(
      `the part ${quote(name)} inflates to ${formatBytes(produced)} but its header says ${formatBytes(limit)}`,
      name,
    );
  const step = Math.min(MAX_INFLATE_STEP, Math.floor((limit + INFLATE_SLACK) / MAX_DEFLATE_RATIO));

  if (raw.length === 0) {
    // Not a valid DEFLATE stream, but some writers store empty files this way. (fflate would
    // hand back the whole `out` buffer for empty input, so it is handled here.)
    if (limit === 0) return new Uint8Array(0);
    throw shortError(0);
  }
  if (codec) {
    let result: Uint8Array;
    try {
      result = codec.inflateRaw(raw, limit + 1);
    } catch (e) {
      if ((e as Error)?.name === "RangeError") throw overflowError(); // by name: the codec's realm may differ
      throw damaged(`the part ${quote(name)} cannot be inflated (${(e as Error).message})`, name);
    }
    if (result.length > limit) throw overflowError();
    if (result.length < limit) throw shortError(result.length);
    return result;
  }
  if (raw.length <= step) {
    let result: Uint8Array;
    try {
      result = inflateSync(raw, { out: new Uint8Array(limit + 1) });
    } catch (e) {
      if (e instanceof RangeError) throw overflowError(); // a stored block ran past the buffer
      throw e;
    }
    if (result.length > limit) throw overflowError();
    if (result.length < limit) throw shortError(result.length);
    return result.slice(); // an exact-size copy (small: at most ~1 MiB of input)
  }

  const out = new Uint8Array(limit);
  let produced = 0;
  let overflow = false;
  const inflater = new Inflate((chunk: Uint8Array) => {
    if (overflow) return;
    if (produced + chunk.length > limit) {
      overflow = true;
      return;
    }
    out.set(chunk, produced);
    produced += chunk.length;
  });
  let pos = 0;
  const n = raw.length;
  do {
    const end = Math.min(n, pos + step);
    inflater.push(raw.subarray(pos, end), end === n);
    pos = end;
    if (overflow) throw overflowError();
  } while (pos < n);
  if (produced !== limit) throw shortError(produced);
  return out;
}

function decodeText(bytes: Uint8Array): string {
  // TextDecoder strips a BOM of its own encoding (ignoreBOM defaults to false).
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  // UTF-16 without a byte-order mark, known by its first character "<" (XML 1.0, Appendix F.1).
  if (bytes.length >= 4 && bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0)
    return new TextDecoder("utf-16le").decode(bytes);
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] !== 0)
    return new TextDecoder("utf-16be").decode(bytes);
  return utf8Decoder.decode(bytes);
}

function tooLargeEntry(name: string, size: number, limit: number): ZipError {
  const [s, l] = formatSizeAndLimit(size, limit);
  return new ZipError(
    "too-large",
    `The part ${quote(name)} would expand to ${s}, more than the ${l} ` +
      `allowed for one part. The workbook is too large to process here, or it is a "zip bomb".`,
    name,
  );
}

function tooLargeTotal(size: number, limit: number): ZipError {
  const [s, l] = formatSizeAndLimit(size, limit);
  return new ZipError(
    "too-large",
    `The parts of this workbook would expand to ${s} in total, more than the ` +
      `${l} allowed. The workbook is too large to process here, or it is a "zip bomb".`,
  );
}

function checkLimits(limits: Partial<ZipLimits> | undefined): ZipLimits {
  const merged: ZipLimits = { ...DEFAULT_ZIP_LIMITS };
  if (limits) {
    for (const key of ["maxEntries", "maxEntryBytes", "maxTotalBytes"] as const) {
      const v = limits[key];
      if (v === undefined) continue;
      if (typeof v !== "number" || !(v >= 0)) throw new RangeError(`openZip: limits.${key} must be a number ≥ 0`);
      merged[key] = v;
    }
  }
  return merged;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(data: Uint8Array, sig: readonly number[]): boolean {
  if (data.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (data[i] !== sig[i]) return false;
  return true;
}

function notAZip(data: Uint8Array): ZipError {
  if (startsWith(data, OLE_SIGNATURE)) {
    return new ZipError(
      "not-zip",
      "This file is not an .xlsx workbook package: it is either password-protected or an older " +
        "Excel 97–2003 (.xls) file. Remove the password, or save it as an Excel Workbook (.xlsx), and try again.",
    );
  }
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06])) {
    return new ZipError(
      "truncated",
      "This workbook file is incomplete: its end is missing, so it was probably cut short while being " +
        "copied, downloaded or saved. Open the original in Excel, save it again, and try again.",
    );
  }
  return new ZipError(
    "not-zip",
    "This file is not an Excel workbook (.xlsx): it is not a zip package. Choose an .xlsx file saved by Excel.",
  );
}

interface EndRecord {
  /** Where the central directory must end: the Zip64 record, or the EOCD. */
  directoryLimit: number;
  count: number;
  cdSize: number;
  cdOffset: number;
  comment: Uint8Array;
}

/** Finds the EOCD (APPNOTE 4.3.16) searching back over a comment, and the Zip64 records (4.3.14–15). */
function readEndRecord(data: Uint8Array, limits: ZipLimits): EndRecord {
  const len = data.length;
  let eocdPos = -1;
  let looseMatch = -1;
  const stop = Math.max(0, len - EOCD_SIZE - MAX_COMMENT);
  for (let p = len - EOCD_SIZE; p >= stop; p--) {
    if (data[p] !== 0x50 || data[p + 1] !== 0x4b || data[p + 2] !== 0x05 || data[p + 3] !== 0x06) continue;
    const commentLength = u16(data, p + 20);
    if (p + EOCD_SIZE + commentLength === len) {
      eocdPos = p;
      break;
    }
    // Tolerate trailing bytes after the comment, but prefer an exact fit.
    if (looseMatch < 0 && p + EOCD_SIZE + commentLength <= len) looseMatch = p;
  }
  if (eocdPos < 0) eocdPos = looseMatch;
  if (eocdPos < 0) throw notAZip(data);

  const disk = u16(data, eocdPos + 4);
  const cdDisk = u16(data, eocdPos + 6);
  const countOnDisk = u16(data, eocdPos + 8);
  let count = u16(data, eocdPos + 10);
  let cdSize = u32(data, eocdPos + 12);
  let cdOffset = u32(data, eocdPos + 16);
  const comment = data.subarray(eocdPos + EOCD_SIZE, eocdPos + EOCD_SIZE + u16(data, eocdPos + 20));
  let directoryLimit = eocdPos;

  const locatorPos = eocdPos - EOCD64_LOCATOR_SIZE;
  const hasLocator = locatorPos >= 0 && u32(data, locatorPos) === SIG_EOCD64_LOCATOR;
  const usesMarkers =
    disk === U16_MAX ||
    cdDisk === U16_MAX ||
    countOnDisk === U16_MAX ||
    count === U16_MAX ||
    cdSize === U32_MAX ||
    cdOffset === U32_MAX;

  if (hasLocator) {
    const rec = u64(data, locatorPos + 8);
    if (u32(data, locatorPos + 4) !== 0) throw splitArchive();
    if (!(rec + EOCD64_MIN_SIZE <= locatorPos) || u32(data, rec) !== SIG_EOCD64) {
      throw damaged("its ZIP64 end record is missing or points outside the file");
    }
    const disk64 = u32(data, rec + 16);
    const cdDisk64 = u32(data, rec + 20);
    const countOnDisk64 = u64(data, rec + 24);
    const count64 = u64(data, rec + 32);
    const cdSize64 = u64(data, rec + 40);
    const cdOffset64 = u64(data, rec + 48);
    if (disk64 !== 0 || cdDisk64 !== 0) throw splitArchive();
    if (countOnDisk64 !== count64) throw splitArchive();
    // A field that is not a Zip64 marker must agree with the Zip64 record; if it does not,
    // two readers could see two different directories.
    if (
      (count !== U16_MAX && count !== count64) ||
      (cdSize !== U32_MAX && cdSize !== cdSize64) ||
      (cdOffset !== U32_MAX && cdOffset !== cdOffset64)
    ) {
      throw damaged("its two end-of-directory records disagree");
    }
    count = count64;
    cdSize = cdSize64;
    cdOffset = cdOffset64;
    directoryLimit = rec;
  } else {
    if (usesMarkers) throw damaged("it needs a ZIP64 end record but has none");
    if (disk !== 0 || cdDisk !== 0) throw splitArchive();
    if (countOnDisk !== count) throw splitArchive();
  }

  if (count > limits.maxEntries) {
    throw new ZipError(
      "too-many-entries",
      `This workbook contains ${Number.isFinite(count) ? wholeNumber(count) : "too many"} parts, ` +
        `more than the ${wholeNumber(limits.maxEntries)} allowed. It is too large to process ` +
        `here, or it was crafted to exhaust memory.`,
    );
  }
  if (!(cdOffset + cdSize <= directoryLimit)) {
    // The usual cause is a file cut short whose tail happened to contain an end record.
    throw damaged("its directory points outside the file (the file may be truncated)");
  }
  if (count * CENTRAL_HEADER_SIZE > cdSize) throw damaged("its directory is shorter than its entry count says");
  return { directoryLimit, count, cdSize, cdOffset, comment };
}

function splitArchive(): ZipError {
  return new ZipError(
    "unsupported",
    "This file is one piece of a zip archive split across several files, which cannot be read. " +
      "Open the workbook in Excel and save it as a single .xlsx file.",
  );
}

/**
 * Opens a zip archive held in memory. Reads the end records, the whole central directory and
 * every local header up front, so structural problems are reported here; entry data is only
 * decompressed by {@link ZipEntry.read}. Throws {@link ZipError} for anything wrong with the
 * file. `data` must not be modified while the archive is in use (entries are views into it).
 */
export function openZip(data: Uint8Array, limits?: Partial<ZipLimits>): ZipArchive {
  if (!isBytes(data)) throw new TypeError("openZip: data must be a Uint8Array");
  const merged = checkLimits(limits);
  try {
    return openChecked(data, merged);
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw damaged("its structure could not be read");
  }
}

function openChecked(data: Uint8Array, limits: ZipLimits): ZipArchive {
  if (data.length < EOCD_SIZE) throw notAZip(data);
  const end = readEndRecord(data, limits);
  const state: ArchiveState = { data, limits, charged: 0 };
  const cdEnd = end.cdOffset + end.cdSize;

  const entries: Entry[] = [];
  let declaredTotal = 0;
  let p = end.cdOffset;
  for (let i = 0; i < end.count; i++) {
    // APPNOTE 4.3.12 central directory file header.
    if (p + CENTRAL_HEADER_SIZE > cdEnd || u32(data, p) !== SIG_CENTRAL) {
      throw damaged("its directory of parts is broken");
    }
    const versionMadeBy = u16(data, p + 4);
    const flags = u16(data, p + 8);
    const method = u16(data, p + 10);
    const time = u16(data, p + 12);
    const date = u16(data, p + 14);
    const crc = u32(data, p + 16);
    let compressedSize = u32(data, p + 20);
    let uncompressedSize = u32(data, p + 24);
    const nameLength = u16(data, p + 28);
    const extraLength = u16(data, p + 30);
    const commentLength = u16(data, p + 32);
    const diskStart = u16(data, p + 34);
    const internalAttributes = u16(data, p + 36);
    const externalAttributes = u32(data, p + 38);
    let localOffset = u32(data, p + 42);
    const recordEnd = p + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
    if (recordEnd > cdEnd) throw damaged("its directory of parts is broken");
    const nameBytes = data.subarray(p + CENTRAL_HEADER_SIZE, p + CENTRAL_HEADER_SIZE + nameLength);
    const centralExtra = data.subarray(
      p + CENTRAL_HEADER_SIZE + nameLength,
      p + CENTRAL_HEADER_SIZE + nameLength + extraLength,
    );
    const comment = data.subarray(recordEnd - commentLength, recordEnd);
    const name = decodeName(nameBytes, (flags & FLAG_UTF8) !== 0);
    p = recordEnd;

    // APPNOTE 4.5.3: Zip64 extended information. Fields appear only for header values
    // set to their maximum, in this order.
    if (
      uncompressedSize === U32_MAX ||
      compressedSize === U32_MAX ||
      localOffset === U32_MAX ||
      diskStart === U16_MAX
    ) {
      const block = extraBlocks(centralExtra).find((b) => b.id === EXTRA_ZIP64);
      if (!block) throw damaged(`the directory entry for ${quote(name)} lacks its ZIP64 sizes`, name);
      let q = block.start;
      const blockEnd = block.start + block.size;
      const next64 = (): number => {
        if (q + 8 > blockEnd) throw damaged(`the ZIP64 sizes of ${quote(name)} are incomplete`, name);
        const v = u64(centralExtra, q);
        q += 8;
        return v;
      };
      if (uncompressedSize === U32_MAX) uncompressedSize = next64();
      if (compressedSize === U32_MAX) compressedSize = next64();
      if (localOffset === U32_MAX) localOffset = next64();
      if (diskStart === U16_MAX) {
        if (q + 4 > blockEnd || u32(centralExtra, q) !== 0) throw splitArchive();
      }
    } else if (diskStart !== 0) {
      throw splitArchive();
    }

    if ((flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_ENCRYPTED_DIRECTORY)) !== 0 || method === 99) {
      throw new ZipError(
        "encrypted",
        `The part ${quote(name)} is password-protected (an encrypted zip entry), so it cannot be read. ` +
          `Save the workbook from Excel without a password and try again.`,
        name,
      );
    }
    if (method !== METHOD_STORED && method !== METHOD_DEFLATE) {
      const label = COMPRESSION_NAMES[method] ? ` (${COMPRESSION_NAMES[method]})` : "";
      throw new ZipError(
        "unsupported",
        `The part ${quote(name)} uses compression method ${method}${label}, which cannot be read here ` +
          `(only "stored" and "deflate" are supported). Open the workbook in Excel, save it again, and try again.`,
        name,
      );
    }
    if (uncompressedSize > limits.maxEntryBytes) throw tooLargeEntry(name, uncompressedSize, limits.maxEntryBytes);
    declaredTotal += uncompressedSize;
    if (declaredTotal > limits.maxTotalBytes) throw tooLargeTotal(declaredTotal, limits.maxTotalBytes);

    // APPNOTE 4.3.7 local file header: find where the data starts (its name/extra lengths
    // may differ from the central ones) and check it describes the same entry.
    if (!(localOffset + LOCAL_HEADER_SIZE <= end.cdOffset) || u32(data, localOffset) !== SIG_LOCAL) {
      throw damaged(`the part ${quote(name)} is missing from where the directory says it is`, name);
    }
    const localFlags = u16(data, localOffset + 6);
    const localMethod = u16(data, localOffset + 8);
    const localNameLength = u16(data, localOffset + 26);
    const localExtraLength = u16(data, localOffset + 28);
    const nameStart = localOffset + LOCAL_HEADER_SIZE;
    const dataOffset = nameStart + localNameLength + localExtraLength;
    if (!(dataOffset + compressedSize <= end.cdOffset)) {
      throw damaged(`the data of the part ${quote(name)} runs past the end of the file`, name);
    }
    if (
      localMethod !== method ||
      (localFlags & FLAG_ENCRYPTED) !== 0 ||
      !sameBytes(data, nameStart, localNameLength, nameBytes)
    ) {
      // A local header that names another file is how "shadow" entries trick one reader
      // into seeing different content from another.
      throw damaged(`the part ${quote(name)} has two headers that disagree`, name);
    }
    const localExtra = data.subarray(nameStart + localNameLength, dataOffset);

    entries.push(
      new Entry(
        name,
        canonicalPartName(name),
        method,
        flags,
        crc,
        compressedSize,
        uncompressedSize,
        time,
        date,
        localOffset,
        dataOffset,
        {
          state,
          nameBytes,
          centralExtra,
          localExtra,
          comment,
          versionMadeBy,
          internalAttributes,
          externalAttributes,
        },
      ),
    );
  }
  if (p !== cdEnd) throw damaged("its directory holds more than its end record says");

  // Entries must not share bytes: overlapping entries are a zip-bomb technique (one stream
  // counted many times) and a way to hide content from other readers.
  const byOffset = entries.slice().sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1];
    if (prev.dataOffset + prev.compressedSize > byOffset[i].localHeaderOffset) {
      throw damaged(`the parts ${quote(prev.name)} and ${quote(byOffset[i].name)} overlap`);
    }
  }

  const byName = new Map<string, Entry>();
  const collisions: ZipCollision[] = [];
  for (const entry of entries) {
    const kept = byName.get(entry.canonical);
    if (!kept) byName.set(entry.canonical, entry);
    else if (!isPlainName(kept.name) && isPlainName(entry.name)) {
      // The plainly written name is the part Excel and LibreOffice show; a "../" or "\\" spelling shadows it.
      collisions.push({ kept: entry.name, shadowed: kept.name });
      byName.set(entry.canonical, entry);
    } else collisions.push({ kept: kept.name, shadowed: entry.name });
  }

  const archiveComment = decodeComment(end.comment);
  return {
    entries,
    collisions,
    comment: archiveComment,
    limits,
    get inflatedBytes(): number {
      return state.charged;
    },
    get(partName: string): ZipEntry | undefined {
      return byName.get(canonicalPartName(partName));
    },
  };
}

function sameBytes(data: Uint8Array, start: number, length: number, other: Uint8Array): boolean {
  if (length !== other.length) return false;
  for (let i = 0; i < length; i++) if (data[start + i] !== other[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

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

function invalidName(name: string, why: string): ZipError {
  return new ZipError("invalid-name", `Cannot write a part named ${quote(name)}: ${why}.`, name);
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

function tooBig(what: string): ZipError {
  return new ZipError(
    "too-big-to-write",
    `The workbook cannot be written: ${what} (more than a zip file without ZIP64 can hold).`,
  );
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

function emitZip({ planned, centralSize }: ZipPlan, sink: (chunk: Uint8Array) => void): void {
  let pos = 0;
  for (const e of planned) {
    // APPNOTE 4.3.7 local file header.
    const w = new Writer(new Uint8Array(LOCAL_HEADER_SIZE + e.nameBytes.length + e.localExtra.length));
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
    sink(w.out);
    if (e.body.length) sink(e.body);
    pos += w.out.length + e.body.length;
  }
  const cdOffset = pos;
  const w = new Writer(new Uint8Array(centralSize + EOCD_SIZE));
  for (const e of planned) {
    // APPNOTE 4.3.12 central directory file header.
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

function tooBigThrow(what: string): never {
  throw tooBig(what);
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

function planDeflated(item: ZipDeflatedItem): PlannedEntry {
  checkNewName(item.name);
  if (item.name.endsWith("/")) throw invalidName(item.name, "a directory (name ending in '/') cannot hold data");
  const nameBytes = utf8Encoder.encode(item.name);
  if (nameBytes.length > U16_MAX) throw invalidName(item.name, "the name is too long");
  if (item.size >= U32_MAX) tooBigThrow(`the part ${quote(item.name)} is 4 GiB or more`);
  return {
    ...planNew({ name: item.name, data: new Uint8Array(0) }, 6),
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
