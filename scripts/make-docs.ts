/** Regenerates docs/workbook-format.md from the schema:  npm run docs */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { workbookFormatDoc } from "../src/core/workbook/format-doc";

writeFileSync(join(__dirname, "..", "docs", "workbook-format.md"), workbookFormatDoc());
console.log("wrote docs/workbook-format.md");
