import { analyseWorkbook, type Analysis } from "../analysis/analyse";
import { analyseCollation } from "../collation/analyse";
import type { SourceInput } from "../collation/part";
import type { Day } from "../primitives/dates";
import type { WorkbookSnapshot } from "../primitives/snapshot";
import { buildReportPlan, type PlanOptions } from "./build";
import type { ReportPlan } from "./plan";

/** The checks and the report plan for a snapshot: what the pane's worker and the inline analyser both run. */
export function analyseAndPlan(
  snapshot: WorkbookSnapshot,
  opts: { asOf?: Day | null; include?: PlanOptions["include"]; now: Date; sources?: readonly SourceInput[] },
): { analysis: Analysis; plan: ReportPlan } {
  // With workstream sources (the pane's Sources list), the programme is collated from them all (src/core/collation).
  const analysis = opts.sources?.length
    ? analyseCollation(snapshot, opts.sources, { asOf: opts.asOf })
    : analyseWorkbook(snapshot, { asOf: opts.asOf });
  return { analysis, plan: buildReportPlan(analysis) };
}
