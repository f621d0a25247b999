/**
 * Opening an archive: its end record, every central record and local header read and checked up
 * front (plain errors for every way a file can be broken or hostile), entries that overlap refused,
 * and two spellings of one part resolved to the plainly written one.
 *
 * Why not fflate's unzipSync or Unzip: they inflate every entry or stream the local headers, give
 * no offsets or raw bytes (the writer copies unchanged parts byte for byte), and make none of the
 * checks below. fflate does the inflating (inflate.ts).
 */
import { readCentral, readLocal } from "./directory";
import { readEndRecord } from "./end-record";
import { Entry, type ArchiveState } from "./entry";
import { checkLimits, damaged, notAZip, quote, tooLargeTotal, ZipError, type ZipLimits } from "./errors";
import { EOCD_SIZE } from "./format";
import { canonicalPartName, decodeComment, isBytes, isPlainName } from "./names";
import type { ZipArchive, ZipCollision, ZipEntry } from "./types";

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
    const rec = readCentral(data, p, cdEnd, limits);
    p = rec.recordEnd;
    declaredTotal += rec.uncompressedSize;
    if (declaredTotal > limits.maxTotalBytes) throw tooLargeTotal(declaredTotal, limits.maxTotalBytes);
    const { dataOffset, localExtra } = readLocal(data, rec, end.cdOffset);
    const { name, method, flags, crc, compressedSize, uncompressedSize, time, date, localOffset } = rec;
    const { nameBytes, centralExtra, comment, versionMadeBy, internalAttributes, externalAttributes } = rec;
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
        { state, nameBytes, centralExtra, localExtra, comment, versionMadeBy, internalAttributes, externalAttributes },
      ),
    );
  }
  if (p !== cdEnd) throw damaged("its directory holds more than its end record says");
  checkOverlap(entries);
  const { byName, collisions } = indexByName(entries);
  return {
    entries,
    collisions,
    comment: decodeComment(end.comment),
    limits,
    get inflatedBytes(): number {
      return state.charged;
    },
    get(partName: string): ZipEntry | undefined {
      return byName.get(canonicalPartName(partName));
    },
  };
}

/**
 * Entries must not share bytes: overlapping entries are a zip-bomb technique (one stream
 * counted many times) and a way to hide content from other readers.
 */
function checkOverlap(entries: readonly Entry[]): void {
  const byOffset = entries.slice().sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1];
    if (prev.dataOffset + prev.compressedSize > byOffset[i].localHeaderOffset) {
      throw damaged(`the parts ${quote(prev.name)} and ${quote(byOffset[i].name)} overlap`);
    }
  }
}

/** Entries by canonical part name: of two spellings of one part, the plainly written one, else the first. */
function indexByName(entries: readonly Entry[]): { byName: Map<string, Entry>; collisions: ZipCollision[] } {
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
  return { byName, collisions };
}
