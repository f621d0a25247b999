/**
 * The core's pipeline, read → check → plan, one stage a line. Each stage lives in its concept's folder
 * (workbook/ reads, analysis/ runs the concepts' rules, report/ lays the sheets out); a host hands in a
 * workbook snapshot and writes the plan back. The hosts and faces call the core's stages through this
 * file (the types and small helpers they share they import from their concepts).
 */
/** Read: a workbook snapshot read as a programme, with the findings of reading. */
export { readProgramme } from "./workbook/read-programme";
/** Check: every concept's rules, in order. */
export { analyseWorkbook, analyseProgramme } from "./analysis/analyse";
/** Plan: the report plan: declarative sheets a host writes. */
export { buildReportPlan } from "./report/build";
/** All three: with workstream sources collated first. */
export { analyseAndPlan } from "./report/analyse-and-plan";
