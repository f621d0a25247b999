import type { Programme } from "../programme/entities";
import { costLine, type CostLine, type Rating, type RagResult } from "../rag/rag";

/**
 * Money by workstream and for the programme: budget, forecast (the larger of the forecast and
 * what is already spent, as each project's status takes it) and actual spend, summed; the
 * variance is over the projects that have both a budget and a forecast. The cost RAG shown is the
 * one the status model gives each group (its tolerance on these sums), never a second opinion.
 */
export interface FinanceLine extends CostLine {
  name: string;
  cost: Rating | null;
}

export interface FinanceResult {
  workstreams: FinanceLine[];
  programme: FinanceLine;
  /** True when any project has a budget, forecast or actual other than zero. */
  tracked: boolean;
  /** Which money the workbook holds: a figure with no column (or only zeros) is "not tracked", never £0. */
  holds: { budget: boolean; forecast: boolean; actual: boolean };
}

export function analyseFinance(p: Programme, rag: RagResult): FinanceResult {
  const byId = new Map(p.projects.map((x) => [x.id, x]));
  const workstreams = rag.workstreams.map((w) => ({
    name: w.name,
    cost: w.cost,
    ...costLine(
      w.projects.map((id) => byId.get(id)!),
      rag.projects,
    ),
  }));
  const programme = { name: p.settings.programmeName, cost: rag.cost, ...costLine(p.projects, rag.projects) };
  const some = (k: "budget" | "forecastCost" | "actualCost") => p.projects.some((x) => x[k] !== null && x[k] !== 0);
  const holds = {
    budget: some("budget"),
    forecast: some("forecastCost") || some("actualCost"),
    actual: some("actualCost"),
  };
  return { workstreams, programme, tracked: holds.budget || holds.forecast || holds.actual, holds };
}
