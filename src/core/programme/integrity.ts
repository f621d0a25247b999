import { cellOf } from "./entities";
import { flat } from "../primitives/text";
import { formatDayLong, type Day } from "../primitives/dates";
import type { Diagnostic } from "../primitives/diagnostic";
import type { Programme } from "./entities";
import { isProjectDone } from "../status/done";

/** References between sheets that do not resolve, and records nobody owns. */
export function checkIntegrity(p: Programme, diags: Diagnostic[]): void {
  const projectIds = new Set(p.projects.map((x) => x.id.toUpperCase()));
  for (const m of p.milestones) {
    if (m.project && !projectIds.has(m.project.trim().toUpperCase()))
      diags.push({
        severity: "error",
        code: "unknown-reference",
        message: `Milestone ${m.id} belongs to project "${m.project}", which is not on the Projects sheet. Correct the project ID or add the project.`,
        sheet: m.src.sheet,
        cell: cellOf(m.src, "project") ?? "",
        entity: m.id,
      });
  }
  const noLeadColumn = new Set<string>();
  for (const pr of p.projects) {
    if (pr.lead || isProjectDone(pr)) continue;
    // A sheet with no Lead column at all (an export without Resource Names) gets one note, not one warning per row.
    if (cellOf(pr.src, "lead") === undefined) noLeadColumn.add(pr.src.sheet);
    else
      diags.push({
        severity: "warning",
        code: "missing-owner",
        message: flat(`${pr.id} "${pr.name}" has no lead. Name who is accountable for it.`),
        sheet: pr.src.sheet,
        cell: cellOf(pr.src, "lead") ?? "",
        entity: pr.id,
      });
  }
  for (const sheet of noLeadColumn)
    diags.push({
      severity: "info",
      code: "missing-owner",
      message: `The projects on "${sheet}" have no Lead column (Lead, Owner or Resource Names), so who is accountable for each is not checked. Add the column to have leads shown and checked.`,
      sheet,
      cell: "",
    });
  const benefitIds = new Set(p.benefits.map((b) => b.id.toUpperCase()));
  if (benefitIds.size) {
    for (const pr of p.projects)
      for (const b of pr.benefits)
        if (!benefitIds.has(b.toUpperCase()))
          diags.push({
            severity: "warning",
            code: "unknown-reference",
            message: `${pr.id} names benefit "${b}", which is not on the Benefits sheet. Correct the ID or add the benefit.`,
            sheet: pr.src.sheet,
            cell: cellOf(pr.src, "benefits") ?? "",
            entity: pr.id,
          });
  }
  const s = p.settings;
  if (s.amberSlipDays > s.redSlipDays)
    diags.push({
      severity: "warning",
      code: "out-of-range",
      message: `Amber slip days (${s.amberSlipDays}) is above Red slip days (${s.redSlipDays}), so nothing can be Amber for slip. Make Amber the smaller.`,
      sheet: s.cells.amberSlipDays?.sheet ?? "",
      cell: s.cells.amberSlipDays?.cell ?? "",
    });
  if (s.amberCostPercent > s.redCostPercent)
    diags.push({
      severity: "warning",
      code: "out-of-range",
      message: `Amber cost variance (${s.amberCostPercent}%) is above Red (${s.redCostPercent}%). Make Amber the smaller.`,
      sheet: s.cells.amberCostPercent?.sheet ?? "",
      cell: s.cells.amberCostPercent?.cell ?? "",
    });
}

/** An actual date after the as-of date: work cannot have finished in the future. */
export function checkActuals(p: Programme, asOf: Day, diags: Diagnostic[]): void {
  const flag = (id: string, name: string, date: Day, sheet: string, cell: string | undefined) =>
    diags.push({
      severity: "warning",
      code: "future-actual",
      message: flat(
        `${id} "${name}" has an actual date of ${formatDayLong(date)}, after the as-of date ${formatDayLong(asOf)}. An actual date records work done: enter it as a forecast instead, or check the as-of date.`,
      ),
      sheet,
      cell: cell ?? "",
      entity: id,
    });
  for (const m of p.milestones)
    if (m.actual !== null && m.actual > asOf) flag(m.id, m.name, m.actual, m.src.sheet, cellOf(m.src, "actual"));
  for (const pr of p.projects)
    if (pr.actualFinish !== null && pr.actualFinish > asOf)
      flag(pr.id, pr.name, pr.actualFinish, pr.src.sheet, cellOf(pr.src, "actualFinish"));
}
