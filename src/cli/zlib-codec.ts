import { constants, deflateRawSync, inflateRawSync } from "node:zlib";
import type { StreamDeflate } from "../hosts/xlsx/part-stream";
import type { DeflateCodec } from "../hosts/xlsx/zip";

/**
 * Node's own zlib for the .xlsx host's zip layer: native, several times faster than fflate on a
 * large report. `maxOutputLength` bounds inflation (a RangeError past it), which the zip layer
 * turns into its "zip bomb" refusal, as it does for fflate.
 */
export const zlibCodec: DeflateCodec = {
  deflateRaw: (data, level) => {
    const b = deflateRawSync(data, { level });
    return new Uint8Array(b.buffer, b.byteOffset, b.length);
  },
  inflateRaw: (data, maxOutput) => {
    try {
      const b = inflateRawSync(data, { maxOutputLength: Math.max(1, maxOutput) });
      return new Uint8Array(b.buffer, b.byteOffset, b.length);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
        throw new RangeError(`more than ${maxOutput} bytes`);
      throw e;
    }
  },
};

/**
 * A streaming DEFLATE from zlib's one-shot calls: each batch is deflated on its own and ended with
 * a full flush (no final block), the last with a final block, so the batches joined are one raw
 * DEFLATE stream (RFC 1951, 3.2.3: blocks in sequence, BFINAL on the last), as pigz writes them.
 */
export const zlibStream: StreamDeflate = (level) => ({
  push(data, final) {
    const b = deflateRawSync(data, { level, finishFlush: final ? constants.Z_FINISH : constants.Z_FULL_FLUSH });
    return [new Uint8Array(b.buffer, b.byteOffset, b.length)];
  },
});
