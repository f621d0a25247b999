import { analyseAndPlan } from "../../core/pipeline";
import type { Analyser } from "./run";

/** The analysis on the calling thread, after yielding once (the pane prefers its web worker). */
export const analyseInline: Analyser = async (snapshot, opts) => {
  await new Promise((r) => setTimeout(r, 0));
  return analyseAndPlan(snapshot, opts);
};
