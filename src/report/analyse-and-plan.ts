import { analyseWorkbook, type Analysis } from "../checks/analyse";
import type { Day } from "../model/dates";
import type { WorkbookSnapshot } from "../model/snapshot";
import { buildReportPlan, type PlanOptions } from "./build";
import type { ReportPlan } from "./plan";

/** The checks and the report plan for a snapshot: what the pane's worker and the inline analyser both run. */
export function analyseAndPlan(snapshot: WorkbookSnapshot, opts: { asOf?: Day | null; include?: PlanOptions["include"]; now: Date }): { analysis: Analysis; plan: ReportPlan } {
  const analysis = analyseWorkbook(snapshot, { asOf: opts.asOf });
  return { analysis, plan: buildReportPlan(analysis) };
}
