import type { Analysis } from "../../checks/analyse";
import type { Day } from "../../model/dates";
import type { WorkbookSnapshot } from "../../model/snapshot";
import type { SourceInput } from "../../collation/part";
import { analyseAndPlan } from "../../report/analyse-and-plan";
import type { PlanOptions } from "../../report/build";
import type { ReportPlan } from "../../report/plan";

export interface AnalysisRequest {
  snapshot: WorkbookSnapshot;
  asOf?: Day | null;
  include?: PlanOptions["include"];
  now: number;
  /** Workstream sources to collate with the workbook (browser mode's Sources list), already read by the file host. */
  sources?: SourceInput[];
}

/** The worker's job, as a plain function (the worker only posts its result). */
export function handleAnalysis(req: AnalysisRequest): { analysis: Analysis; plan: ReportPlan } {
  return analyseAndPlan(req.snapshot, {
    asOf: req.asOf,
    include: req.include,
    now: new Date(req.now),
    sources: req.sources,
  });
}
