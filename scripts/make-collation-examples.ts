/**
 * Builds examples/collation/ from scripts/collation-examples.ts.
 *   npx ts-node --transpile-only scripts/make-collation-examples.ts
 * test/core/collation/examples.test.ts checks that the committed files match what this writes.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { collationExamples } from "./collation-examples";

async function main(): Promise<void> {
  const root = process.argv[2] ?? join(__dirname, "..", "examples", "collation");
  for (const [path, bytes] of Object.entries(await collationExamples())) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), bytes);
    console.log(`wrote ${join(root, path)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
