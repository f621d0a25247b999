import { readFileSync, writeFileSync } from "node:fs";
import { writeNewWorkbook, type CellOut } from "../src/hosts/xlsx/new-workbook";
import { readWorkbook } from "../src/hosts/xlsx/read";
import { writeReport } from "../src/hosts/xlsx/write-report";
import { analyseWorkbook } from "../src/checks/analyse";
import { buildReportPlan } from "../src/report/build";
import { wideRows } from "../bench/generate";
import { useDeflateCodec } from "../src/hosts/xlsx/zip";
import { zlibCodec } from "../src/cli/zlib-codec";
if (process.env.ZLIB) useDeflateCodec(zlibCodec);
(async () => {
  const data = await writeNewWorkbook({ sheets: [{ name: "Projects", rows: wideRows(50000) as CellOut[][] }] });
  let t = Date.now();
  const snap = await readWorkbook(data); console.log("read", Date.now() - t); t = Date.now();
  const a = analyseWorkbook(snap); console.log("analyse", Date.now() - t); t = Date.now();
  const p = buildReportPlan(a); console.log("plan", Date.now() - t); t = Date.now();
  const r = await writeReport(data, p); console.log("write", Date.now() - t, r.data.length);
})();
