import { cellOf } from "../programme/entities";
import { formatDayLong, type Day } from "../primitives/dates";
import type { Diagnostic } from "../primitives/diagnostic";
import type { Assumption, ExternalDependency, Programme } from "../programme/entities";
import { isAtRiskDependencyStatus, isMetDependencyStatus, isSettledAssumptionStatus } from "../status/done";
import { isOverdue } from "../status/slip";

/**
 * The rest of a RAID log: assumptions (open until validated) and external dependencies (open
 * until met). docs/raid.md describes the shapes read and these rules.
 */
export interface AssumptionResult {
  id: string;
  open: boolean;
  overdue: boolean;
}

export interface DependencyResult {
  id: string;
  met: boolean;
  overdue: boolean;
  atRisk: boolean;
}

export function isAssumptionOpen(a: Assumption): boolean {
  return !isSettledAssumptionStatus(a.status);
}

export function isDependencyMet(d: ExternalDependency): boolean {
  return isMetDependencyStatus(d.status);
}

export function analyseAssumptions(p: Programme, asOf: Day, diags: Diagnostic[]): AssumptionResult[] {
  return p.assumptions.map((a) => {
    const open = isAssumptionOpen(a);
    const overdue = isOverdue(!open, a.validationDue, asOf);
    if (overdue)
      diags.push({
        severity: "warning",
        code: "assumption-unvalidated",
        message: `Assumption ${a.id} "${a.description}" was to be validated by ${formatDayLong(a.validationDue!)} and is still open${a.impactIfWrong ? ` (if wrong: ${a.impactIfWrong})` : ""}. Validate it and record the outcome, or agree a new date.`,
        sheet: a.src.sheet,
        cell: cellOf(a.src, "validationDue") ?? cellOf(a.src, "id") ?? "",
        entity: a.id,
      });
    return { id: a.id, open, overdue };
  });
}

export function analyseDependencyLog(p: Programme, asOf: Day, diags: Diagnostic[]): DependencyResult[] {
  return p.dependencyLog.map((d) => {
    const met = isDependencyMet(d);
    const overdue = isOverdue(met, d.requiredBy, asOf);
    const atRisk = !met && isAtRiskDependencyStatus(d.status);
    const on = d.dependentOn || d.externalParty;
    if (overdue)
      diags.push({
        severity: "warning",
        code: "dependency-overdue",
        message: `Dependency ${d.id} "${d.description}"${on ? ` on ${on}` : ""} was required by ${formatDayLong(d.requiredBy!)} and is not met. Chase it with its owner, or replan the work that needs it.`,
        sheet: d.src.sheet,
        cell: cellOf(d.src, "requiredBy") ?? cellOf(d.src, "id") ?? "",
        entity: d.id,
      });
    if (atRisk)
      diags.push({
        severity: "warning",
        code: "dependency-at-risk",
        message: `Dependency ${d.id} "${d.description}"${on ? ` on ${on}` : ""} is ${d.status}. Agree the action to unblock it, and escalate if it threatens the plan.`,
        sheet: d.src.sheet,
        cell: cellOf(d.src, "status") ?? cellOf(d.src, "id") ?? "",
        entity: d.id,
      });
    return { id: d.id, met, overdue, atRisk };
  });
}
