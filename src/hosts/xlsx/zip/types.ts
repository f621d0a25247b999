/** The shapes the zip layer reads and writes. */
import type { ZipLimits } from "./errors";

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
