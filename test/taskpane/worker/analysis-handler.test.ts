import { handleAnalysis } from "../../../src/taskpane/worker/analysis-handler";
import { planFor } from "../../support/sample";

/**
 * The worker posts its result with postMessage, which copies by the structured-clone algorithm:
 * a function anywhere in the analysis or plan throws DataCloneError and the pane never shows results.
 */
describe("the analysis worker's result", () => {
  it("survives structured cloning, as postMessage needs", async () => {
    const result = handleAnalysis({ snapshot: (await planFor()).snapshot, now: Date.UTC(2010, 0, 31) });
    const copy = structuredClone(result);
    expect(copy.analysis.trends.last.date).toBe(result.analysis.trends.last.date);
    expect(copy.plan.sheets.map((s) => s.name)).toEqual(result.plan.sheets.map((s) => s.name));
  });
});
