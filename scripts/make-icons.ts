/**
 * Draws the add-in's icons (assets/icon-*.png): a navy tile with red, amber and green bars.
 * A tiny PNG encoder, so no image tool is needed:  npx ts-node --transpile-only scripts/make-icons.ts
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function icon(size: number): Buffer {
  const px = Buffer.alloc(size * (size * 4 + 1));
  const r = size * 0.18;
  const bars: [number, number, number][] = [
    [0xd1, 0x34, 0x38],
    [0xff, 0xb9, 0x00],
    [0x10, 0x7c, 0x10],
  ];
  for (let y = 0; y < size; y++) {
    px[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const o = y * (size * 4 + 1) + 1 + x * 4;
      // rounded tile
      const dx = Math.max(r - x - 0.5, 0, x + 0.5 - (size - r));
      const dy = Math.max(r - y - 0.5, 0, y + 0.5 - (size - r));
      const inside = dx * dx + dy * dy <= r * r;
      let c: [number, number, number] = [0x1f, 0x4e, 0x79];
      const fy = y / size;
      const fx = x / size;
      for (let i = 0; i < 3; i++) {
        const top = 0.2 + i * 0.22;
        const len = [0.62, 0.45, 0.3][i];
        if (fy >= top && fy < top + 0.14 && fx >= 0.19 && fx < 0.19 + len) c = bars[i];
      }
      px[o] = c[0];
      px[o + 1] = c[1];
      px[o + 2] = c[2];
      px[o + 3] = inside ? 255 : 0;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(px)), chunk("IEND", Buffer.alloc(0))]);
}

if (require.main === module) {
  for (const s of [16, 32, 64, 80, 128]) writeFileSync(join(__dirname, "..", "assets", `icon-${s}.png`), icon(s));
  console.log("wrote assets/icon-{16,32,64,80,128}.png");
}
