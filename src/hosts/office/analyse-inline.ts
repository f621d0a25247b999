import { analyseWorkbook } from "../../checks/analyse";
import { buildReportPlan } from "../../report/build";
import type { Analyser } from "./run";

/** The analysis on the calling thread, after yielding once (the pane prefers its web worker). */
export const analyseInline: Analyser = async (snapshot, { asOf, include, now }) => {
  await new Promise((r) => setTimeout(r, 0));
  const analysis = analyseWorkbook(snapshot, { asOf });
  return { analysis, plan: buildReportPlan(analysis, snapshot, { now, include }) };
};
