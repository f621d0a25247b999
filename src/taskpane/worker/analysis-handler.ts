import type { Analysis } from "../../core/analysis/analyse";
import type { Day } from "../../core/primitives/dates";
import type { WorkbookSnapshot } from "../../core/primitives/snapshot";
import type { SourceInput } from "../../core/collation/part";
import { analyseAndPlan } from "../../core/pipeline";
import type { PlanOptions } from "../../core/report/build";
import type { ReportPlan } from "../../core/report/plan";

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
