import { analyseInline } from "../../hosts/office/analyse-inline";
import type { Analyser } from "../../hosts/office/run";

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
        worker.onmessage = (e) => (e.data.ok ? resolve({ analysis: e.data.analysis, plan: e.data.plan }) : reject(new Error(e.data.error)));
        worker.onerror = (e) => reject(new Error(e.message || "the analysis worker failed"));
        worker.postMessage({ snapshot, asOf, include, now: now.getTime(), sources });
      });
    } finally {
      worker.terminate();
    }
  };
}
