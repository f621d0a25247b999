/**
 * The central directory's records (APPNOTE 4.3.12) with their Zip64 sizes (4.5.3), and the local
 * header each points to (4.3.7), checked to describe the same entry: the checks fflate's readers
 * do not make (a local header naming another file is how "shadow" entries show one reader other
 * content than another).
 */
import { damaged, quote, splitArchive, tooLargeEntry, ZipError, type ZipLimits } from "./errors";
import {
  CENTRAL_HEADER_SIZE,
  COMPRESSION_NAMES,
  EXTRA_ZIP64,
  extraBlocks,
  FLAG_ENCRYPTED,
  FLAG_ENCRYPTED_DIRECTORY,
  FLAG_STRONG_ENCRYPTION,
  FLAG_UTF8,
  LOCAL_HEADER_SIZE,
  METHOD_DEFLATE,
  METHOD_STORED,
  SIG_CENTRAL,
  SIG_LOCAL,
  U16_MAX,
  U32_MAX,
  u16,
  u32,
  u64,
} from "./format";
import { decodeName } from "./names";

/** One central directory record, its Zip64 sizes applied. */
export interface CentralRecord {
  name: string;
  nameBytes: Uint8Array;
  centralExtra: Uint8Array;
  comment: Uint8Array;
  versionMadeBy: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  internalAttributes: number;
  externalAttributes: number;
  localOffset: number;
  /** Offset just after the record. */
  recordEnd: number;
}

/** Reads the record at p, which must end by cdEnd; throws ZipError for one that cannot be read. */
export function readCentral(data: Uint8Array, p: number, cdEnd: number, limits: ZipLimits): CentralRecord {
  if (p + CENTRAL_HEADER_SIZE > cdEnd || u32(data, p) !== SIG_CENTRAL) {
    throw damaged("its directory of parts is broken");
  }
  const flags = u16(data, p + 8);
  const nameLength = u16(data, p + 28);
  const extraLength = u16(data, p + 30);
  const commentLength = u16(data, p + 32);
  const recordEnd = p + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
  if (recordEnd > cdEnd) throw damaged("its directory of parts is broken");
  const nameBytes = data.subarray(p + CENTRAL_HEADER_SIZE, p + CENTRAL_HEADER_SIZE + nameLength);
  const rec: CentralRecord = {
    name: decodeName(nameBytes, (flags & FLAG_UTF8) !== 0),
    nameBytes,
    centralExtra: data.subarray(
      p + CENTRAL_HEADER_SIZE + nameLength,
      p + CENTRAL_HEADER_SIZE + nameLength + extraLength,
    ),
    comment: data.subarray(recordEnd - commentLength, recordEnd),
    versionMadeBy: u16(data, p + 4),
    flags,
    method: u16(data, p + 10),
    time: u16(data, p + 12),
    date: u16(data, p + 14),
    crc: u32(data, p + 16),
    compressedSize: u32(data, p + 20),
    uncompressedSize: u32(data, p + 24),
    internalAttributes: u16(data, p + 36),
    externalAttributes: u32(data, p + 38),
    localOffset: u32(data, p + 42),
    recordEnd,
  };
  applyZip64(rec, u16(data, p + 34));
  checkReadable(rec);
  if (rec.uncompressedSize > limits.maxEntryBytes)
    throw tooLargeEntry(rec.name, rec.uncompressedSize, limits.maxEntryBytes);
  return rec;
}

/**
 * APPNOTE 4.5.3: Zip64 extended information. Fields appear only for header values set to their
 * maximum, in this order. A part on another disk is a split archive.
 */
function applyZip64(rec: CentralRecord, diskStart: number): void {
  const { name, centralExtra } = rec;
  if (
    rec.uncompressedSize !== U32_MAX &&
    rec.compressedSize !== U32_MAX &&
    rec.localOffset !== U32_MAX &&
    diskStart !== U16_MAX
  ) {
    if (diskStart !== 0) throw splitArchive();
    return;
  }
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
  if (rec.uncompressedSize === U32_MAX) rec.uncompressedSize = next64();
  if (rec.compressedSize === U32_MAX) rec.compressedSize = next64();
  if (rec.localOffset === U32_MAX) rec.localOffset = next64();
  if (diskStart === U16_MAX) {
    if (q + 4 > blockEnd || u32(centralExtra, q) !== 0) throw splitArchive();
  }
}

/** Refuses encrypted entries and compression methods other than stored and deflate. */
function checkReadable(rec: CentralRecord): void {
  const { name, flags, method } = rec;
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
}

/**
 * APPNOTE 4.3.7 local file header: where the record's data starts (its name and extra lengths may
 * differ from the central ones), checked to lie before the directory and to describe the same entry.
 */
export function readLocal(
  data: Uint8Array,
  rec: CentralRecord,
  cdOffset: number,
): { dataOffset: number; localExtra: Uint8Array } {
  const { name, localOffset } = rec;
  if (!(localOffset + LOCAL_HEADER_SIZE <= cdOffset) || u32(data, localOffset) !== SIG_LOCAL) {
    throw damaged(`the part ${quote(name)} is missing from where the directory says it is`, name);
  }
  const localFlags = u16(data, localOffset + 6);
  const localMethod = u16(data, localOffset + 8);
  const localNameLength = u16(data, localOffset + 26);
  const localExtraLength = u16(data, localOffset + 28);
  const nameStart = localOffset + LOCAL_HEADER_SIZE;
  const dataOffset = nameStart + localNameLength + localExtraLength;
  if (!(dataOffset + rec.compressedSize <= cdOffset)) {
    throw damaged(`the data of the part ${quote(name)} runs past the end of the file`, name);
  }
  if (
    localMethod !== rec.method ||
    (localFlags & FLAG_ENCRYPTED) !== 0 ||
    !sameBytes(data, nameStart, localNameLength, rec.nameBytes)
  ) {
    // A local header that names another file is how "shadow" entries trick one reader
    // into seeing different content from another.
    throw damaged(`the part ${quote(name)} has two headers that disagree`, name);
  }
  return { dataOffset, localExtra: data.subarray(nameStart + localNameLength, dataOffset) };
}

function sameBytes(data: Uint8Array, start: number, length: number, other: Uint8Array): boolean {
  if (length !== other.length) return false;
  for (let i = 0; i < length; i++) if (data[start + i] !== other[i]) return false;
  return true;
}
