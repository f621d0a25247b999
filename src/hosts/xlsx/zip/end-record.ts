import { wholeNumber } from "../../../core/primitives/text";
/**
 * The end of central directory record (APPNOTE 4.3.16), found searching back over the archive
 * comment, and the Zip64 end record and locator (4.3.14, 4.3.15) when there are any.
 */
import { damaged, notAZip, splitArchive, ZipError, type ZipLimits } from "./errors";
import {
  CENTRAL_HEADER_SIZE,
  EOCD64_LOCATOR_SIZE,
  EOCD64_MIN_SIZE,
  EOCD_SIZE,
  MAX_COMMENT,
  SIG_EOCD64,
  SIG_EOCD64_LOCATOR,
  U16_MAX,
  U32_MAX,
  u16,
  u32,
  u64,
} from "./format";

export interface EndRecord {
  /** Where the central directory must end: the Zip64 record, or the EOCD. */
  directoryLimit: number;
  count: number;
  cdSize: number;
  cdOffset: number;
  comment: Uint8Array;
}

/** Finds the EOCD (APPNOTE 4.3.16) searching back over a comment, and the Zip64 records (4.3.14–15). */
export function readEndRecord(data: Uint8Array, limits: ZipLimits): EndRecord {
  const eocdPos = findEocd(data);
  const disk = u16(data, eocdPos + 4);
  const cdDisk = u16(data, eocdPos + 6);
  const countOnDisk = u16(data, eocdPos + 8);
  const end: EndRecord = {
    directoryLimit: eocdPos,
    count: u16(data, eocdPos + 10),
    cdSize: u32(data, eocdPos + 12),
    cdOffset: u32(data, eocdPos + 16),
    comment: data.subarray(eocdPos + EOCD_SIZE, eocdPos + EOCD_SIZE + u16(data, eocdPos + 20)),
  };
  const locatorPos = eocdPos - EOCD64_LOCATOR_SIZE;
  if (locatorPos >= 0 && u32(data, locatorPos) === SIG_EOCD64_LOCATOR) readZip64(data, locatorPos, end);
  else {
    const usesMarkers =
      disk === U16_MAX ||
      cdDisk === U16_MAX ||
      countOnDisk === U16_MAX ||
      end.count === U16_MAX ||
      end.cdSize === U32_MAX ||
      end.cdOffset === U32_MAX;
    if (usesMarkers) throw damaged("it needs a ZIP64 end record but has none");
    if (disk !== 0 || cdDisk !== 0) throw splitArchive();
    if (countOnDisk !== end.count) throw splitArchive();
  }
  checkEnd(end, limits);
  return end;
}

/** The offset of the EOCD: the last whose comment ends the file, else the last that fits in it. */
function findEocd(data: Uint8Array): number {
  const len = data.length;
  let looseMatch = -1;
  const stop = Math.max(0, len - EOCD_SIZE - MAX_COMMENT);
  for (let p = len - EOCD_SIZE; p >= stop; p--) {
    if (data[p] !== 0x50 || data[p + 1] !== 0x4b || data[p + 2] !== 0x05 || data[p + 3] !== 0x06) continue;
    const commentLength = u16(data, p + 20);
    if (p + EOCD_SIZE + commentLength === len) return p;
    // Tolerate trailing bytes after the comment, but prefer an exact fit.
    if (looseMatch < 0 && p + EOCD_SIZE + commentLength <= len) looseMatch = p;
  }
  if (looseMatch < 0) throw notAZip(data);
  return looseMatch;
}

/** Reads the Zip64 end record the locator at locatorPos points to into `end`. */
function readZip64(data: Uint8Array, locatorPos: number, end: EndRecord): void {
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
    (end.count !== U16_MAX && end.count !== count64) ||
    (end.cdSize !== U32_MAX && end.cdSize !== cdSize64) ||
    (end.cdOffset !== U32_MAX && end.cdOffset !== cdOffset64)
  ) {
    throw damaged("its two end-of-directory records disagree");
  }
  end.count = count64;
  end.cdSize = cdSize64;
  end.cdOffset = cdOffset64;
  end.directoryLimit = rec;
}

/** The entry count within the limit, and a directory that fits where the end record says. */
function checkEnd(end: EndRecord, limits: ZipLimits): void {
  const { count, cdSize, cdOffset } = end;
  if (count > limits.maxEntries) {
    throw new ZipError(
      "too-many-entries",
      `This workbook contains ${Number.isFinite(count) ? wholeNumber(count) : "too many"} parts, ` +
        `more than the ${wholeNumber(limits.maxEntries)} allowed. It is too large to process ` +
        `here, or it was crafted to exhaust memory.`,
    );
  }
  if (!(cdOffset + cdSize <= end.directoryLimit)) {
    // The usual cause is a file cut short whose tail happened to contain an end record.
    throw damaged("its directory points outside the file (the file may be truncated)");
  }
  if (count * CENTRAL_HEADER_SIZE > cdSize) throw damaged("its directory is shorter than its entry count says");
}
