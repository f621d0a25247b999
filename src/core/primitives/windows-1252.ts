/**
 * Windows-1252, the code page Excel and Microsoft Project write CSV files in, decoded by its WHATWG
 * index (https://encoding.spec.whatwg.org/index-windows-1252.txt). Not `new TextDecoder("windows-1252")`:
 * Node from 20.18.3 and 22.13.0 decodes that label as Latin-1, so 0x96 (an en dash) becomes the
 * control character U+0096 (nodejs/node#60888, #56542).
 */
/** Windows-1252's characters at 0x80–0x9F (the five unassigned bytes kept as their C1 code points, as Windows does). */
export const CP1252_HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

/**
 * Windows-1252 by its own table: Node's TextDecoder("windows-1252") decodes as ISO-8859-1 (0x97
 * becomes a C1 control, not the em dash Project wrote). In slices, so no one string is built from
 * a huge array at once.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const SLICE = 1 << 16;
  const codes = new Uint16Array(SLICE);
  for (let at = 0; at < bytes.length; at += SLICE) {
    const n = Math.min(SLICE, bytes.length - at);
    for (let i = 0; i < n; i++) {
      const b = bytes[at + i];
      codes[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]));
  }
  return parts.join("");
}
