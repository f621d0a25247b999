/** An entry of an opened archive: its compressed bytes, and read() within the limits. */
import { crc32 } from "./crc32";
import {
  damaged,
  formatBytes,
  quote,
  SAVE_AGAIN,
  tooLargeEntry,
  tooLargeTotal,
  ZipError,
  type ZipLimits,
} from "./errors";
import { MAX_DEFLATE_RATIO, METHOD_STORED } from "./format";
import { decodeText, inflateBounded } from "./inflate";
import { isDirectoryName } from "./names";
import type { ZipEntry } from "./types";

export interface ArchiveState {
  readonly data: Uint8Array;
  readonly limits: Readonly<ZipLimits>;
  charged: number;
}

/** What writeZip needs to re-emit a copied entry; not part of the public API. */
export interface EntrySource {
  readonly state: ArchiveState;
  readonly nameBytes: Uint8Array;
  readonly centralExtra: Uint8Array;
  readonly localExtra: Uint8Array;
  readonly comment: Uint8Array;
  readonly versionMadeBy: number;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
}

export class Entry implements ZipEntry {
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
