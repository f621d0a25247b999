/**
 * The core's pipeline, read → check → plan, one stage a line. Each stage lives in its concept's folder
 * (workbook/ reads, analysis/ runs the concepts' rules, report/ lays the sheets out); a host hands in a
 * workbook snapshot and writes the plan back, so a host or a face needs no other entry to the core.
 */
/** Read: a workbook snapshot read as a programme, with the findings of reading. */
export { readProgramme } from "./workbook/read-programme";
/** Check: every concept's rules, in order. */
export { analyseWorkbook, analyseProgramme } from "./analysis/analyse";
/** Plan: the report plan: declarative sheets a host writes. */
export { buildReportPlan } from "./report/build";
/** All three: with workstream sources collated first. */
export { analyseAndPlan } from "./report/analyse-and-plan";
