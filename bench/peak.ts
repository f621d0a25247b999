import { asDay } from "../src/core/primitives/dates";
// One analysis of each of the engine suite's two plans in a fresh process; prints its peak resident memory in MB.
import { analyseWorkbook } from "../src/core/analysis/analyse";
import { syntheticProgramme, syntheticProjectExport } from "./generate";

const size = Number(process.argv[2]);
for (const { snapshot } of [syntheticProgramme(Math.ceil(size / 2)), syntheticProjectExport(Math.floor(size / 2))])
  analyseWorkbook(snapshot, { asOf: asDay(40204 - 25569) });
console.log(process.resourceUsage().maxRSS / 1024);
