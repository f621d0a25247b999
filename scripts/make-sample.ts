/**
 * Builds examples/sample-programme.xlsx from scripts/sample-data.ts.
 *   npm run sample            (writes the file)
 * test/examples/sample.test.ts checks that the committed file matches what this writes.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildSampleWorkbook } from "./sample-workbook";

async function main(): Promise<void> {
  const out = process.argv[2] ?? join(__dirname, "..", "examples", "sample-programme.xlsx");
  writeFileSync(out, await buildSampleWorkbook());
  console.log(`wrote ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
