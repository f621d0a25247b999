/**
 * The zip layer of the .xlsx host: a small, defensive reader and writer for OOXML packages.
 *
 * Why it exists: the add-in reads a user's workbook, adds report sheets, and writes a copy in which
 * every part it did not change keeps its compressed bytes exactly (so Excel, signatures and diff
 * tools see the same parts). It must also refuse hostile files — zip bombs, headers that lie about
 * sizes, and "shadow" entries that different readers would resolve to different parts — with a
 * message a user can act on. fflate does the DEFLATE work (inflate.ts, write.ts); what is here is
 * what fflate lacks: the directory checks (open.ts, directory.ts, end-record.ts), CP437 names and
 * OPC part names (names.ts), CRC checks (crc32.ts), bounded inflation and plain errors (errors.ts).
 *
 * References: PKWARE's APPNOTE.TXT 6.3.x (section numbers in each file); ECMA-376 Part 2 (Open
 * Packaging Conventions) 6.2.2 part names and 9.1.1.1 zip item names. Pure: no fs, no DOM.
 */
export { crc32 } from "./crc32";
export { DEFAULT_ZIP_LIMITS, ZipError, type ZipErrorCode, type ZipLimits } from "./errors";
export { useDeflateCodec, type DeflateCodec } from "./inflate";
export { canonicalPartName, isPlainName } from "./names";
export { openZip } from "./open";
export type {
  ZipArchive,
  ZipCollision,
  ZipCopyItem,
  ZipDeflatedItem,
  ZipEntry,
  ZipNewItem,
  ZipWriteItem,
  ZipWriteOptions,
} from "./types";
export { writeZip, writeZipTo } from "./write";
