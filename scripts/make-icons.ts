/**
 * Draws the add-in's icons (assets/icon-*.png): a navy tile with red, amber and green bars.
 * A tiny PNG encoder, so no image tool is needed:  npx ts-node --transpile-only scripts/make-icons.ts
 *
 * The unified manifest (manifest.json, scripts/make-manifest-json.ts) also needs the two icons of
 * the Microsoft 365 app schema ("icons.color": "A relative file path to a full color PNG icon.
 * Size 192x192."; "icons.outline": "A relative file path to a transparent PNG outline icon. The
 * border color needs to be white. Size 32x32.", MicrosoftTeams.schema.json v1.29):
 * assets/icon-color-192.png is the same tile at 192 pixels, assets/icon-outline-32.png the tile's
 * border and bars in white on a transparent ground.
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
export function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

const BAR_LENGTHS = [0.62, 0.45, 0.3];
const barAt = (fx: number, fy: number): number => {
  for (let i = 0; i < 3; i++) {
    const top = 0.2 + i * 0.22;
    if (fy >= top && fy < top + 0.14 && fx >= 0.19 && fx < 0.19 + BAR_LENGTHS[i]) return i;
  }
  return -1;
};

/** A square RGBA image as PNG; `paint` gives each pixel's [r, g, b, a]. */
export function png(size: number, paint: (x: number, y: number) => [number, number, number, number]): Buffer {
  const px = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    px[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const [r, g, b, a] = paint(x, y);
      px[o] = r;
      px[o + 1] = g;
      px[o + 2] = b;
      px[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(px)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Inside the tile's rounded square (corner radius 18 % of the side). */
function inTile(size: number, x: number, y: number, inset = 0): boolean {
  const r = size * 0.18;
  const lo = inset;
  const hi = size - inset;
  const dx = Math.max(lo + r - x - 0.5, 0, x + 0.5 - (hi - r));
  const dy = Math.max(lo + r - y - 0.5, 0, y + 0.5 - (hi - r));
  return x + 0.5 >= lo && x + 0.5 <= hi && y + 0.5 >= lo && y + 0.5 <= hi && dx * dx + dy * dy <= r * r;
}

/** The outline icon: the tile's border (2 px at 32) and its three bars in white, the rest transparent. */
export function outlineIcon(size: number): Buffer {
  const stroke = Math.max(1, Math.round(size / 16));
  return png(size, (x, y) => {
    const border = inTile(size, x, y) && !inTile(size, x, y, stroke);
    const bar = barAt(x / size, y / size) >= 0;
    return border || bar ? [255, 255, 255, 255] : [0, 0, 0, 0];
  });
}

/** The tile: navy, rounded, with red, amber and green bars; transparent outside the corners. */
export function icon(size: number): Buffer {
  const bars: [number, number, number][] = [
    [0xd1, 0x34, 0x38],
    [0xff, 0xb9, 0x00],
    [0x10, 0x7c, 0x10],
  ];
  return png(size, (x, y) => {
    const bar = barAt(x / size, y / size);
    const [r, g, b] = bar >= 0 ? bars[bar] : [0x1f, 0x4e, 0x79];
    return [r, g, b, inTile(size, x, y) ? 255 : 0];
  });
}

if (require.main === module) {
  for (const s of [16, 32, 64, 80, 128]) writeFileSync(join(__dirname, "..", "assets", `icon-${s}.png`), icon(s));
  writeFileSync(join(__dirname, "..", "assets", "icon-color-192.png"), icon(192));
  writeFileSync(join(__dirname, "..", "assets", "icon-outline-32.png"), outlineIcon(32));
  console.log("wrote assets/icon-{16,32,64,80,128}.png, assets/icon-color-192.png, assets/icon-outline-32.png");
}
