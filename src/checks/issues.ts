import { formatDayLong, type Day } from "../model/dates";
import type { Diagnostic } from "../model/diagnostic";
import type { Programme } from "../model/entities";
import { isClosedStatus } from "../model/status";

/** An open issue past its due date. */
export function analyseIssues(p: Programme, asOf: Day, diags: Diagnostic[]): { id: string; open: boolean; overdue: boolean }[] {
  return p.issues.map((i) => {
    const open = !isClosedStatus(i.status);
    const overdue = open && i.due !== null && i.due < asOf;
    if (overdue)
      diags.push({
        severity: "warning",
        code: "overdue-issue",
        message: `Issue ${i.id} "${i.title}" was due to be resolved by ${formatDayLong(i.due!)} and is still open. Resolve it, or agree a new due date.`,
        sheet: i.src.sheet,
        cell: i.src.cells.due ?? "",
        entity: i.id,
      });
    if (open && !i.owner)
      diags.push({ severity: "warning", code: "missing-owner", message: `Open issue ${i.id} has no owner. Name who will resolve it.`, sheet: i.src.sheet, cell: i.src.cells.owner ?? i.src.cells.id ?? "", entity: i.id });
    return { id: i.id, open, overdue };
  });
}
