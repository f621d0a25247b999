import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

/** LibreOffice as an independent client: convert workbooks to PDF and inspect them through UNO. */
export function soffice(): string {
  try {
    return execFileSync("which", ["soffice"]).toString().trim();
  } catch {
    throw new Error(
      "LibreOffice is not installed: apt-get install -y libreoffice-calc poppler-utils (.ci/run does this)",
    );
  }
}

export function toPdf(files: string[], outDir: string): string[] {
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  execFileSync(
    soffice(),
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, ...files],
    { stdio: "ignore", timeout: 180_000 },
  );
  return files.map((f) => join(outDir, basename(f).replace(/\.xlsx$/, ".pdf")));
}

export function pdfPages(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf]).toString();
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

export function pdfText(pdf: string): string {
  return execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
}

export interface LoSheet {
  charts: { title: string; type: string }[];
  images: number;
  pivots: string[];
}

export function inspect(files: string[]): Record<string, { sheets: Record<string, LoSheet>; names: string[] }> {
  const out = execFileSync("/usr/bin/python3", [join(__dirname, "lo_inspect.py"), ...files], {
    timeout: 180_000,
  }).toString();
  return JSON.parse(out);
}
