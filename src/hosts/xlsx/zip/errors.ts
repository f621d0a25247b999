import { wholeNumber } from "../../../core/primitives/text";
/**
 * The zip layer's limits and its one error, ZipError, each with a plain sentence for the person
 * who chose the file.
 */

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

export const SAVE_AGAIN = "Open it in Excel, save a fresh copy, and try again.";

export function formatBytes(n: number): string {
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

export function quote(name: string): string {
  return `"${name.length > 200 ? name.slice(0, 200) + "…" : name}"`;
}

export function damaged(detail: string, part?: string): ZipError {
  return new ZipError("damaged", `This workbook file is damaged: ${detail}. ${SAVE_AGAIN}`, part);
}

export function tooLargeEntry(name: string, size: number, limit: number): ZipError {
  const [s, l] = formatSizeAndLimit(size, limit);
  return new ZipError(
    "too-large",
    `The part ${quote(name)} would expand to ${s}, more than the ${l} ` +
      `allowed for one part. The workbook is too large to process here, or it is a "zip bomb".`,
    name,
  );
}

export function tooLargeTotal(size: number, limit: number): ZipError {
  const [s, l] = formatSizeAndLimit(size, limit);
  return new ZipError(
    "too-large",
    `The parts of this workbook would expand to ${s} in total, more than the ` +
      `${l} allowed. The workbook is too large to process here, or it is a "zip bomb".`,
  );
}

export function checkLimits(limits: Partial<ZipLimits> | undefined): ZipLimits {
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

export function notAZip(data: Uint8Array): ZipError {
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

export function splitArchive(): ZipError {
  return new ZipError(
    "unsupported",
    "This file is one piece of a zip archive split across several files, which cannot be read. " +
      "Open the workbook in Excel and save it as a single .xlsx file.",
  );
}

export function invalidName(name: string, why: string): ZipError {
  return new ZipError("invalid-name", `Cannot write a part named ${quote(name)}: ${why}.`, name);
}

export function tooBig(what: string): ZipError {
  return new ZipError(
    "too-big-to-write",
    `The workbook cannot be written: ${what} (more than a zip file without ZIP64 can hold).`,
  );
}

export function tooBigThrow(what: string): never {
  throw tooBig(what);
}
