import { analyseWorkbook } from "../checks/analyse";
import { toJson, type AnalysisJson } from "../checks/summary";
import { readWorkbook } from "../hosts/xlsx/read";

/** Runs the checks on a workbook file's bytes, in the browser. */
export async function checkFile(data: Uint8Array): Promise<AnalysisJson> {
  return toJson(analyseWorkbook(await readWorkbook(data)));
}
