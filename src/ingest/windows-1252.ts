/**
 * Windows-1252, the code page Excel and Microsoft Project write CSV files in, decoded by its WHATWG
 * index (https://encoding.spec.whatwg.org/index-windows-1252.txt). Not `new TextDecoder("windows-1252")`:
 * Node from 20.18.3 and 22.13.0 decodes that label as Latin-1, so 0x96 (an en dash) becomes the
 * control character U+0096 (nodejs/node#60888, #56542).
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80] : b)));
  }
  return out;
}
