import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Debian's Chromium, headless, with the flags this machine needs (no background networking). */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

const ROOT = join(__dirname, "..", "..");

/** A digest of everything the pane's build reads: its sources, assets and build settings. */
function buildInputsDigest(): string {
  const h = createHash("sha256");
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(p).update(readFileSync(p));
    }
  };
  walk(join(ROOT, "src"));
  walk(join(ROOT, "assets"));
  for (const f of ["webpack.config.js", "tsconfig.json", "package-lock.json", "manifest.xml", "manifest.json"])
    if (existsSync(join(ROOT, f))) h.update(f).update(readFileSync(join(ROOT, f)));
  return h.digest("hex").slice(0, 16);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds the pane (production mode) and returns its folder. The build is kept per digest of its
 * inputs, so the end-to-end files of one run (in parallel workers) share one build instead of
 * each spending half a minute on webpack; a changed source gets a new folder.
 */
export function buildPane(): string {
  const out = join(tmpdir(), `pmo-dist-${buildInputsDigest()}`);
  const done = join(out, ".built");
  const lock = `${out}.lock`;
  for (let waited = 0; !existsSync(done); waited += 250) {
    try {
      mkdirSync(lock); // only one worker builds; the others wait for its marker
    } catch {
      // A lock left by a run that was killed mid-build is older than any build takes: take it over.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 600_000) rmSync(lock, { recursive: true, force: true });
      if (waited > 300_000) throw new Error(`the pane's build at ${out} did not finish`);
      sleep(250);
      continue;
    }
    try {
      rmSync(out, { recursive: true, force: true });
      execFileSync("npx", ["webpack", "--mode", "production", "--output-path", out], {
        cwd: ROOT,
        stdio: "ignore",
        timeout: 300_000,
      });
      writeFileSync(done, "");
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return out;
}
