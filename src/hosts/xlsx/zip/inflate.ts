/**
 * DEFLATE for the reader, bounded by the declared size: fflate's own inflateSync and streaming
 * Inflate do the decoding (or a host's faster codec: the command line installs Node's zlib);
 * what is kept here is the bound fflate lacks, so a lying header cannot make a read allocate or
 * inflate much more than it declares.
 */
import { Inflate, inflateSync } from "fflate";
import { damaged, formatBytes, quote, ZipError } from "./errors";
import { INFLATE_SLACK, MAX_DEFLATE_RATIO, MAX_INFLATE_STEP } from "./format";
import { utf8Decoder } from "./names";

/**
 * A faster DEFLATE where the host has one (the command line installs Node's zlib, src/cli/zlib-codec.ts);
 * without one, fflate (plain JavaScript, runs in the pane and its worker) does the work.
 */
export interface DeflateCodec {
  deflateRaw(data: Uint8Array, level: number): Uint8Array;
  /** Inflates raw DEFLATE data; throws a RangeError rather than produce more than maxOutput bytes. */
  inflateRaw(data: Uint8Array, maxOutput: number): Uint8Array;
}

/** The host's DEFLATE, if one was installed (read by write.ts too). */
export let codec: DeflateCodec | null = null;

/** Installs (or with null removes) the host's DEFLATE for every later read and write. */
export function useDeflateCodec(c: DeflateCodec | null): void {
  codec = c;
}

/**
 * Inflates `raw`, which must inflate to exactly `limit` bytes, never letting a lying header
 * make us inflate (or allocate) much more than that.
 *
 * How fflate 0.8.3 behaves (read from its source, lib/index.cjs `inflt` and `Inflate`):
 *  - inflateSync(data, { out }) does NOT report overflow: with a caller's buffer it stops
 *    resizing, silently drops Huffman-coded bytes past the end (typed-array writes out of
 *    range are no-ops) while still decoding the whole stream, returns `out.subarray(0, n)`
 *    (so at most out.length bytes), and throws a RangeError when a stored block does not fit.
 *    So with an `out` of limit + 1 bytes, a result of limit + 1 bytes (or a RangeError) means
 *    overflow, and memory is exact — but the work is that of the whole stream.
 *  - the streaming Inflate decodes everything pushed so far on each push() and hands the new
 *    output to `ondata`, allocating about (output + 160 KiB) per push.
 *
 * DEFLATE expands at most 1032:1, so a slice of `step` compressed bytes yields at most
 * 1032 × step bytes. We push slices of (limit + INFLATE_SLACK) / 1032 bytes (at most 256 KiB)
 * and stop at the first slice whose output does not fit. So whatever the stream really
 * inflates to, a read holds at most the `limit`-byte output buffer plus one slice of at most
 * limit + 1 MiB (plus fflate's 32 KiB window and 128 KiB margin), and decodes at most about
 * 2 × limit + 1 MiB. (Shrinking the slices as the buffer fills would not lower that worst case,
 * which a stream reaches by exploding in its first slice; it would only add steps, each
 * costing fflate a fresh ~160 KiB buffer.) When the whole stream fits in one slice we inflate
 * it in one call into a limit + 1 byte buffer instead: same worst case, exact memory, less
 * overhead — the usual case for small parts.
 */
export function inflateBounded(raw: Uint8Array, limit: number, name: string): Uint8Array {
  const overflowError = (): ZipError =>
    new ZipError(
      "too-large",
      `The part ${quote(name)} inflates to more than its header says (${formatBytes(limit)}). ` +
        `The file is damaged or was crafted to exhaust memory (a "zip bomb"), so it was not processed.`,
      name,
    );
  const shortError = (produced: number): ZipError =>
    damaged(
      `the part ${quote(name)} inflates to ${formatBytes(produced)} but its header says ${formatBytes(limit)}`,
      name,
    );
  const step = Math.min(MAX_INFLATE_STEP, Math.floor((limit + INFLATE_SLACK) / MAX_DEFLATE_RATIO));

  if (raw.length === 0) {
    // Not a valid DEFLATE stream, but some writers store empty files this way. (fflate would
    // hand back the whole `out` buffer for empty input, so it is handled here.)
    if (limit === 0) return new Uint8Array(0);
    throw shortError(0);
  }
  if (codec) {
    let result: Uint8Array;
    try {
      result = codec.inflateRaw(raw, limit + 1);
    } catch (e) {
      if ((e as Error)?.name === "RangeError") throw overflowError(); // by name: the codec's realm may differ
      throw damaged(`the part ${quote(name)} cannot be inflated (${(e as Error).message})`, name);
    }
    if (result.length > limit) throw overflowError();
    if (result.length < limit) throw shortError(result.length);
    return result;
  }
  if (raw.length <= step) {
    let result: Uint8Array;
    try {
      result = inflateSync(raw, { out: new Uint8Array(limit + 1) });
    } catch (e) {
      if (e instanceof RangeError) throw overflowError(); // a stored block ran past the buffer
      throw e;
    }
    if (result.length > limit) throw overflowError();
    if (result.length < limit) throw shortError(result.length);
    return result.slice(); // an exact-size copy (small: at most ~1 MiB of input)
  }

  const out = new Uint8Array(limit);
  let produced = 0;
  let overflow = false;
  const inflater = new Inflate((chunk: Uint8Array) => {
    if (overflow) return;
    if (produced + chunk.length > limit) {
      overflow = true;
      return;
    }
    out.set(chunk, produced);
    produced += chunk.length;
  });
  let pos = 0;
  const n = raw.length;
  do {
    const end = Math.min(n, pos + step);
    inflater.push(raw.subarray(pos, end), end === n);
    pos = end;
    if (overflow) throw overflowError();
  } while (pos < n);
  if (produced !== limit) throw shortError(produced);
  return out;
}

export function decodeText(bytes: Uint8Array): string {
  // TextDecoder strips a BOM of its own encoding (ignoreBOM defaults to false).
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  // UTF-16 without a byte-order mark, known by its first character "<" (XML 1.0, Appendix F.1).
  if (bytes.length >= 4 && bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0)
    return new TextDecoder("utf-16le").decode(bytes);
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] !== 0)
    return new TextDecoder("utf-16be").decode(bytes);
  return utf8Decoder.decode(bytes);
}
