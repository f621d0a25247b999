import { inflateSync } from "fflate";
import type { DeflatedPart } from "../part-stream";
import { writeZip, writeZipTo, ZipError, type ZipEntry, type ZipWriteItem } from "../zip";

import { partText, XlsxReadError, zipMessage, type XlsxPackage } from "./parts";

/**
 * Changes to a package: parts replaced, added or removed, the rest copied byte for byte
 * (compressed data reused) in their original order, shadow entries dropped.
 */
const plainSlashes = (name: string) => {
  const nul = name.indexOf("\0");
  return (nul >= 0 ? name.slice(0, nul) : name).replace(/\\/g, "/").replace(/^\/+/, "");
};

/** `text` in the encoding the part's first bytes show: UTF-8 (with its BOM if it had one) or UTF-16 LE/BE with BOM. */
function encodeLike(head: Uint8Array | undefined, text: string, utf8: TextEncoder): Uint8Array {
  const bom = (...b: number[]) => !!head && b.every((x, i) => head[i] === x);
  // UTF-16 with a BOM, or without one (first bytes "<\0" or "\0<", as the reader detects it): the same again.
  const utf16 = bom(0xff, 0xfe) || bom(0xfe, 0xff) ? 2 : bom(0x3c, 0) || bom(0, 0x3c) ? 0 : -1;
  if (utf16 >= 0) {
    const le = bom(0xff, 0xfe) || bom(0x3c, 0);
    const out = new Uint8Array(utf16 + text.length * 2);
    if (utf16) out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[utf16 + i * 2 + (le ? 0 : 1)] = c & 0xff;
      out[utf16 + i * 2 + (le ? 1 : 0)] = c >> 8;
    }
    return out;
  }
  const body = utf8.encode(text);
  if (!bom(0xef, 0xbb, 0xbf)) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** Reads an entry to check it (size limits and CRC-32), or says which part is damaged. */
function verified(e: ZipEntry): void {
  if (e.isDirectory) return;
  try {
    e.read();
  } catch (err) {
    if (err instanceof ZipError) throw new XlsxReadError(zipMessage(err));
    throw err;
  }
}

export class PackageEdit {
  private readonly parts = new Map<string, { name: string; data: Uint8Array | null; deflated?: DeflatedPart }>();
  private readonly encoder = new TextEncoder();

  constructor(readonly pkg: XlsxPackage) {}

  private key(path: string): string {
    return this.pkg.zip.get(path)?.canonical ?? path.toLowerCase();
  }

  exists(path: string): boolean {
    const p = this.parts.get(this.key(path));
    if (p) return p.data !== null || !!p.deflated;
    const e = this.pkg.zip.get(path);
    return !!e && !e.isDirectory;
  }

  text(path: string): string | null {
    const p = this.parts.get(this.key(path));
    if (p?.deflated) return new TextDecoder().decode(inflateSync(p.deflated.deflated));
    if (p) return p.data === null ? null : new TextDecoder().decode(p.data);
    return partText(this.pkg, path);
  }

  /**
   * Adds or replaces a part with one deflated as it was made (part-stream.ts: a report sheet). Its
   * text is UTF-8 without a byte-order mark, declared so in its XML, whatever the part it replaces was.
   */
  setDeflated(path: string, part: DeflatedPart): void {
    const existing = this.pkg.zip.get(path);
    const name = existing && !existing.isDirectory ? existing.name : path;
    this.parts.set(this.key(path), { name, data: null, deflated: part });
  }

  /** Replaces or adds a part; a replaced part keeps its encoding and byte-order mark (UTF-8 with or without, UTF-16). */
  set(path: string, text: string): void {
    const existing = this.pkg.zip.get(path);
    const kept = existing && !existing.isDirectory ? existing : undefined;
    const before = this.parts.get(this.key(path))?.data ?? kept?.read();
    this.parts.set(this.key(path), {
      name: kept ? kept.name : path,
      data: encodeLike(before?.subarray(0, 3), text, this.encoder),
    });
  }

  remove(path: string): void {
    if (this.exists(path)) this.parts.set(this.key(path), { name: path, data: null });
  }

  /** The new package: untouched entries first, in their order, then the parts added. */
  build(): Uint8Array {
    return writeZip(this.items(), { level: 3 });
  }

  /** The same package handed to `sink` piece by piece (writeZipTo); returns its size. */
  buildTo(sink: (chunk: Uint8Array) => void): number {
    return writeZipTo(this.items(), sink, { level: 3 });
  }

  private items(): ZipWriteItem[] {
    const items: ZipWriteItem[] = [];
    const done = new Set<string>();
    const collided = new Set(this.pkg.zip.collisions.map((c) => c.shadowed));
    const added = (name: string, p: { data: Uint8Array | null; deflated?: DeflatedPart }): ZipWriteItem | null =>
      p.deflated ? { name, ...p.deflated } : p.data ? { name, data: p.data } : null;
    for (const e of this.pkg.zip.entries as ZipEntry[]) {
      if (collided.has(e.name) || done.has(e.canonical)) continue;
      done.add(e.canonical);
      const p = this.parts.get(e.canonical);
      // Some writers store "xl\\styles.xml"; Excel reads it, but OPC part names use "/" (ECMA-376 Part 2, 6.2.2),
      // so the copy gets the plain spelling (the compressed bytes are reused unchanged).
      const name = plainSlashes(e.name);
      // A copied part is read once (inflated, its CRC-32 checked): a damaged part the report never read is refused, not copied on.
      if (!p) verified(e);
      const item = p ? added(name, p) : name === e.name ? { copy: e } : { copy: e, name };
      if (item) items.push(item);
    }
    for (const [k, p] of this.parts) {
      const item = done.has(k) ? null : added(plainSlashes(p.name), p);
      if (item) items.push(item);
    }
    return items;
  }
}
