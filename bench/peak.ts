// One analysis in a fresh process; prints its peak resident memory in MB.
import { analyseWorkbook } from "../src/checks/analyse";
import { syntheticProgramme } from "./generate";

const size = Number(process.argv[2]);
const { snapshot } = syntheticProgramme(size);
analyseWorkbook(snapshot, { asOf: 40204 - 25569 });
console.log(process.resourceUsage().maxRSS / 1024);
