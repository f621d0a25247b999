/**
 * Renders the sample's report with LibreOffice into docs/images/ (board report pages and one
 * highlight report), so readers can see what the report looks like:  npm run images
 * Needs libreoffice-calc and poppler-utils.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyseWorkbook } from "../src/core/analysis/analyse";
import { readWorkbook } from "../src/hosts/xlsx/read";
import { writeReport } from "../src/hosts/xlsx/write-report";
import { buildReportPlan } from "../src/core/report/build";

async function main(): Promise<void> {
  const root = join(__dirname, "..");
  const dir = mkdtempSync(join(tmpdir(), "pmo-images-"));
  const data = new Uint8Array(readFileSync(join(root, "examples", "sample-programme.xlsx")));
  const snap = await readWorkbook(data);
  const result = await writeReport(data, buildReportPlan(analyseWorkbook(snap)));
  const xlsx = join(dir, "sample-report.xlsx");
  writeFileSync(xlsx, result.data);
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx],
    { stdio: "ignore" },
  );
  const pdf = join(dir, "sample-report.pdf");
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString())![1]);
  const wanted: [RegExp, string][] = [
    [/Programme Board report/, "board-report"],
    [/Highlight report: Working in Partnership/, "highlight-report"],
  ];
  for (const [re, name] of wanted) {
    let found = 0;
    for (let p = 1; p <= pages; p++) {
      const text = execFileSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"]).toString();
      const isSame =
        re.test(text) ||
        (found > 0 && /Board report \d/.test(text) && name === "board-report" && !/Highlight report/.test(text));
      if (!isSame) continue;
      found++;
      const base = join(dir, `${name}-${found}`);
      execFileSync("pdftoppm", ["-r", "80", "-png", "-singlefile", "-f", String(p), "-l", String(p), pdf, base]);
      renameSync(`${base}.png`, join(root, "docs", "images", `${name}-${found}.png`));
      if (name === "highlight-report") break;
    }
  }
  console.log("wrote docs/images/*.png");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
