import { deflateRawSync, inflateRawSync } from "node:zlib";
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
