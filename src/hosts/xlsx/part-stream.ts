import { Deflate } from "fflate";
import { crc32 } from "./zip";

/**
 * A part written in pieces: its XML arrives as strings (a report sheet's rows, a batch at a
 * time), is encoded and deflated as it comes, and only the compressed bytes, the CRC-32 and the
 * size are kept. So a 200 MB sheet is never one string or one buffer: the most held at once is a
 * batch of text and the part's compressed bytes (about a tenth of the XML).
 */
export interface DeflatedPart {
  /** Raw DEFLATE data (RFC 1951), one stream. */
  deflated: Uint8Array;
  crc: number;
  /** Bytes of the part before compression. */
  size: number;
}

/** A deflater fed in pieces; each push returns the compressed bytes it produced. */
export interface StreamDeflater {
  push(data: Uint8Array, final: boolean): Uint8Array[];
}
export type StreamDeflate = (level: number) => StreamDeflater;

/** fflate's streaming Deflate (plain JavaScript: the pane and its worker). */
const fflateStream: StreamDeflate = (level) => {
  let out: Uint8Array[] = [];
  const d = new Deflate({ level: level as 3 }, (chunk) => out.push(chunk));
  return {
    push(data, final) {
      d.push(data, final);
      const got = out;
      out = [];
      return got;
    },
  };
};

let stream: StreamDeflate = fflateStream;

/** Installs the host's streaming DEFLATE (the command line's is Node's zlib), or with null fflate's again. */
export function useStreamDeflate(s: StreamDeflate | null): void {
  stream = s ?? fflateStream;
}

/** Characters of XML gathered before they are encoded and deflated. */
const BATCH_CHARS = 1 << 20;

/**
 * Deflates a part given as pieces of text (UTF-8). `tooLarge` is thrown, before the part is
 * finished, once it passes `maxBytes`: a part a reader would refuse is not written.
 */
export function deflateChunks(
  chunks: Iterable<string>,
  opts: { level: number; maxBytes: number; tooLarge: (size: number) => Error },
): DeflatedPart {
  const encoder = new TextEncoder();
  const deflater = stream(opts.level);
  const compressed: Uint8Array[] = [];
  let batch: string[] = [];
  let chars = 0;
  let crc = 0;
  let size = 0;
  const flush = (final: boolean) => {
    const bytes = encoder.encode(batch.join(""));
    batch = [];
    chars = 0;
    size += bytes.length;
    if (size > opts.maxBytes) throw opts.tooLarge(size);
    crc = crc32(bytes, crc);
    compressed.push(...deflater.push(bytes, final));
  };
  for (const c of chunks) {
    batch.push(c);
    chars += c.length;
    if (chars >= BATCH_CHARS) flush(false);
  }
  flush(true);
  return { deflated: concat(compressed), crc, size };
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
