import { analyseWorkbook, type Analysis } from "../../checks/analyse";
import type { Day } from "../../model/dates";
import type { WorkbookSnapshot } from "../../model/snapshot";
import { buildReportPlan, type PlanOptions } from "../../report/build";
import type { ReportPlan } from "../../report/plan";

export interface AnalysisRequest {
  snapshot: WorkbookSnapshot;
  asOf?: Day | null;
  include?: PlanOptions["include"];
  now: number;
}

/** The worker's job, as a plain function (tested directly; the worker only posts its result). */
export function handleAnalysis(req: AnalysisRequest): { analysis: Analysis; plan: ReportPlan } {
  const analysis = analyseWorkbook(req.snapshot, { asOf: req.asOf });
  return { analysis, plan: buildReportPlan(analysis, req.snapshot, { now: new Date(req.now), include: req.include }) };
}
