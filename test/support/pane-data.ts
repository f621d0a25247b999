import { readFileSync } from "node:fs";
import { analyseWorkbook } from "../../src/core/analysis/analyse";
import { toJson, type AnalysisJson } from "../../src/core/analysis/summary";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { SAMPLE_PATH } from "./sample";

export async function sampleJson(): Promise<AnalysisJson> {
  return toJson(analyseWorkbook(await readWorkbook(new Uint8Array(readFileSync(SAMPLE_PATH)))));
}

/** A result with thousands of findings, for the large-result state. */
export function manyFindings(base: AnalysisJson, n: number): AnalysisJson {
  const diagnostics = Array.from({ length: n }, (_, i) => ({
    severity: i % 3 === 0 ? "error" : "warning",
    code: "bad-date",
    message: `Finish "x${i}" is not a date.`,
    sheet: i % 2 ? "Projects" : "Milestones",
    cell: `F${i + 2}`,
    entity: `P${i}`,
  }));
  return {
    ...base,
    diagnostics,
    counts: { error: Math.ceil(n / 3), warning: n - Math.ceil(n / 3), info: 0 },
  } as AnalysisJson;
}
