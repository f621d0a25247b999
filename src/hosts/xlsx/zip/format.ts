/**
 * The zip format's fixed numbers (PKWARE APPNOTE.TXT 6.3.x: signatures, header sizes, flag bits,
 * methods, extra-field ids), its little-endian fields, and extra fields (APPNOTE 4.5).
 */

export const SIG_LOCAL = 0x04034b50; // APPNOTE 4.3.7
export const SIG_CENTRAL = 0x02014b50; // APPNOTE 4.3.12
export const SIG_EOCD = 0x06054b50; // APPNOTE 4.3.16
export const SIG_EOCD64 = 0x06064b50; // APPNOTE 4.3.14
export const SIG_EOCD64_LOCATOR = 0x07064b50; // APPNOTE 4.3.15

export const LOCAL_HEADER_SIZE = 30;
export const CENTRAL_HEADER_SIZE = 46;
export const EOCD_SIZE = 22;
export const EOCD64_LOCATOR_SIZE = 20;
export const EOCD64_MIN_SIZE = 56;
export const MAX_COMMENT = 0xffff;

export const FLAG_ENCRYPTED = 0x0001; // 4.4.4 bit 0
export const FLAG_DATA_DESCRIPTOR = 0x0008; // 4.4.4 bit 3
export const FLAG_STRONG_ENCRYPTION = 0x0040; // 4.4.4 bit 6
export const FLAG_UTF8 = 0x0800; // 4.4.4 bit 11
export const FLAG_ENCRYPTED_DIRECTORY = 0x2000; // 4.4.4 bit 13

export const METHOD_STORED = 0;
export const METHOD_DEFLATE = 8;

export const EXTRA_ZIP64 = 0x0001; // 4.5.3
export const EXTRA_UNICODE_PATH = 0x7075; // Info-ZIP Unicode Path (4.6.9): stale once renamed

export const U16_MAX = 0xffff;
export const U32_MAX = 0xffffffff;

/**
 * DEFLATE cannot expand data by more than 1032:1 (a 258-byte match costs at least a 1-bit
 * length code plus a 1-bit distance code). Used to size inflate steps and to reject headers
 * that claim more than their compressed data could ever hold.
 */
export const MAX_DEFLATE_RATIO = 1032;
/** Extra room one slice of inflation may run past the allowed size before we notice (see inflateBounded). */
export const INFLATE_SLACK = 1024 * 1024;
/** Largest slice of compressed input pushed into the streaming inflater at once. */
export const MAX_INFLATE_STEP = 256 * 1024;

/** Fixed DOS timestamp for new items: 1980-01-01 00:00:00 (APPNOTE 4.4.6). */
export const DOS_TIME_1980 = 0;
export const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;

export const COMPRESSION_NAMES: Record<number, string> = {
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

export function u16(d: Uint8Array, p: number): number {
  return d[p] | (d[p + 1] << 8);
}

export function u32(d: Uint8Array, p: number): number {
  return (d[p] | (d[p + 1] << 8) | (d[p + 2] << 16)) + d[p + 3] * 0x1000000;
}

/** A 64-bit field as a number, or Infinity when it exceeds 2^53 (never a valid size here). */
export function u64(d: Uint8Array, p: number): number {
  const hi = u32(d, p + 4);
  if (hi > 0x1fffff) return Infinity;
  return hi * 0x100000000 + u32(d, p);
}

export interface ExtraBlock {
  id: number;
  start: number; // offset of the block's data within the extra field
  size: number;
}

/** Splits an extra field into blocks; a malformed tail (some writers pad) is ignored. */
export function extraBlocks(extra: Uint8Array): ExtraBlock[] {
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
export function stripExtra(extra: Uint8Array, ids: readonly number[]): Uint8Array {
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
