/// <reference lib="webworker" />
import { handleAnalysis, type AnalysisRequest } from "./analysis-handler";

/** Runs the analysis off the pane's thread, so a big workbook never makes Excel wait on the add-in. */
self.onmessage = (e: MessageEvent<AnalysisRequest>) => {
  try {
    (self as unknown as Worker).postMessage({ ok: true, ...handleAnalysis(e.data) });
  } catch (err) {
    (self as unknown as Worker).postMessage({
      ok: false,
      error: { name: (err as Error)?.name, message: (err as Error)?.message ?? String(err) },
    });
  }
};
