import type { Day } from "../../src/core/primitives/dates";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyseWorkbook } from "../../src/core/analysis/analyse";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { buildReportPlan } from "../../src/core/report/build";

export const SAMPLE_PATH = join(__dirname, "../../examples/sample-programme.xlsx");
export const LO_RICH = join(__dirname, "../fixtures/lo-rich.xlsx");
/** A fixed clock, so plans are the same on every run. */
export const NOW = new Date("2010-02-01T09:30:00Z");

export async function planFor(path: string = SAMPLE_PATH, asOf?: Day) {
  const data = new Uint8Array(readFileSync(path));
  const snapshot = await readWorkbook(data);
  const analysis = analyseWorkbook(snapshot, { asOf });
  return { data, snapshot, analysis, plan: buildReportPlan(analysis) };
}
