/**
 * Writes manifest.json, the unified manifest for Microsoft 365, from manifest.xml (the add-in only
 * manifest): the two cannot drift, since test/manifest-json.test.ts regenerates it and compares.
 * Edit manifest.xml, then:  npm run manifest:json
 *
 * With --package DIR (after `npm run build`, DIR = dist): zips DIR/manifest.json and the two app
 * icons it names into DIR/app-package.zip, the app package that "Upload a custom app" and
 * `atk install` take ("Manually create the app package file", office-js-docs-pr
 * docs/overview/app-package-for-microsoft-365.md: the manifest at the root, the icons at the
 * relative paths the manifest gives).
 *
 * Sources for the mapping and its limits: scripts/manifest/unified.ts. The offline checks:
 * scripts/manifest/check-json.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { checkUnifiedManifest, checkContextFrom } from "./manifest/check-json";
import { buildUnifiedManifest, serialiseManifest } from "./manifest/unified";
import { readXmlFacts } from "./manifest/xml-facts";

const ROOT = join(__dirname, "..");

function packageApp(dir: string): void {
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { icons: Record<string, string> };
  const files: Record<string, Uint8Array> = { "manifest.json": readFileSync(join(dir, "manifest.json")) };
  for (const rel of Object.values(manifest.icons)) files[rel] = readFileSync(join(dir, rel));
  writeFileSync(join(dir, "app-package.zip"), zipSync(files, { level: 9, mtime: new Date("2000-01-01T00:00:00Z") }));
  console.log(`wrote ${join(dir, "app-package.zip")} (${Object.keys(files).join(", ")})`);
}

if (require.main === module) {
  const at = process.argv.indexOf("--package");
  if (at >= 0) packageApp(join(ROOT, process.argv[at + 1] ?? "dist"));
  else {
    const manifest = buildUnifiedManifest(readXmlFacts(readFileSync(join(ROOT, "manifest.xml"), "utf8")));
    const problems = checkUnifiedManifest(manifest, checkContextFrom(ROOT));
    if (problems.length) {
      console.error(`manifest.json not written, it would fail the offline checks:\n- ${problems.join("\n- ")}`);
      process.exit(1);
    }
    writeFileSync(join(ROOT, "manifest.json"), serialiseManifest(manifest));
    console.log("wrote manifest.json");
  }
}
