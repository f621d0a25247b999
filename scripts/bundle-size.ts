/**
 * Gzipped sizes of the built pane: what the first load fetches (the scripts taskpane.html
 * names) and each chunk loaded later (the .xlsx file host, the Excel host, the analysis worker).
 *   npm run build && npm run size
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface ChunkSize {
  chunk: string;
  initial: boolean;
  bytes: number;
  gzipBytes: number;
}

export function bundleSizes(dist: string): ChunkSize[] {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const initial = new Set(
    [...html.matchAll(/<script[^>]+src="?([^">\s]+\.js)/g)].map((m) => m[1].replace(/^.*\//, "")),
  );
  return readdirSync(dist)
    .filter((f) => f.endsWith(".js"))
    .map((f) => {
      const data = readFileSync(join(dist, f));
      return {
        chunk: f.replace(/\.[0-9a-f]{8}\.js$/, "").replace(/\.js$/, ""),
        initial: initial.has(f),
        bytes: data.length,
        gzipBytes: gzipSync(data, { level: 9 }).length,
      };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzipBytes - a.gzipBytes);
}

if (require.main === module) {
  const dist = process.argv[2] ?? join(__dirname, "..", "dist");
  const rows = bundleSizes(dist);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log("chunk                 first load   gzip       raw");
  for (const r of rows)
    console.log(
      `${r.chunk.padEnd(22)}${(r.initial ? "yes" : ["commands", "notice"].includes(r.chunk) ? "ribbon page" : "on demand").padEnd(13)}${kb(r.gzipBytes).padEnd(11)}${kb(r.bytes)}`,
    );
  console.log(`first load, gzipped: ${kb(rows.filter((r) => r.initial).reduce((n, r) => n + r.gzipBytes, 0))}`);
}
