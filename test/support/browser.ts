import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
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

/** Builds the pane (production mode) into a fresh folder; returns it. */
export function buildPane(): string {
  const out = mkdtempSync(join(tmpdir(), "pmo-dist-"));
  execFileSync("npx", ["webpack", "--mode", "production", "--output-path", out], {
    cwd: join(__dirname, "..", ".."),
    stdio: "ignore",
    timeout: 300_000,
  });
  return out;
}
