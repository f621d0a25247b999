import { analyseInline } from "../../hosts/office/analyse-inline";
import type { Analyser } from "../../hosts/office/run";
import { plainError } from "../services/plain-errors";

/**
 * The analysis in a web worker (webpack builds analysis-worker.js beside the pane). Where
 * workers are unavailable it runs on the pane's thread after yielding once.
 */
export function workerAnalyser(url = "analysis-worker.js"): Analyser {
  return async (snapshot, { asOf, include, now, sources }) => {
    if (typeof Worker === "undefined") return analyseInline(snapshot, { asOf, include, now, sources });
    let worker: Worker;
    try {
      worker = new Worker(url);
    } catch {
      return analyseInline(snapshot, { asOf, include, now, sources });
    }
    try {
      return await new Promise((resolve, reject) => {
        worker.onmessage = (e) =>
          e.data.ok
            ? resolve({ analysis: e.data.analysis, plan: e.data.plan })
            : reject(new Error(plainError(e.data.error, "check the workbook")));
        worker.onerror = (e) => reject(new Error(plainError(e.error ?? e.message ?? "", "check the workbook")));
        try {
          worker.postMessage({ snapshot, asOf, include, now: now.getTime(), sources });
        } catch (e) {
          // A snapshot too large to copy to the worker ("could not be cloned", out of memory): said plainly.
          reject(new Error(plainError(e, "check the workbook")));
        }
      });
    } finally {
      worker.terminate();
    }
  };
}
