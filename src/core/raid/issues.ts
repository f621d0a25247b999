import { cellOf } from "../programme/entities";
import { formatDayLong, type Day } from "../primitives/dates";
import type { Diagnostic } from "../primitives/diagnostic";
import type { Issue, Programme } from "../programme/entities";
import { isClosedStatus } from "../status/done";
import { isOverdue, overdueDays } from "../status/slip";

export interface IssueResult {
  id: string;
  open: boolean;
  overdue: boolean;
  /** Days from its due date to the as-of date while overdue, else null. */
  overdueDays: number | null;
  /** 1 (highest) to 4, from words (Critical, High, Medium, Low) or numbers; 5 when unknown. */
  priorityRank: number;
}

const PRIORITY_WORDS: Record<string, number> = {
  critical: 1,
  urgent: 1,
  "very high": 1,
  high: 2,
  h: 2,
  medium: 3,
  med: 3,
  m: 3,
  moderate: 3,
  low: 4,
  l: 4,
  "very low": 4,
};

export function priorityRank(priority: string): number {
  const t = priority.trim().toLowerCase();
  const n = /^p?(\d)/.exec(t);
  if (n) return Math.min(5, Math.max(1, Number(n[1])));
  return PRIORITY_WORDS[t.replace(/\s*priority$/, "")] ?? 5;
}

/** An issue is open until its status closes it or it has a resolution date. */
export function isIssueOpen(i: Issue): boolean {
  return !isClosedStatus(i.status) && i.resolved === null;
}

/** Open issues past their due date; open issues nobody owns. */
export function analyseIssues(p: Programme, asOf: Day, diags: Diagnostic[]): IssueResult[] {
  return p.issues.map((i) => {
    const open = isIssueOpen(i);
    const overdue = isOverdue(!open, i.due, asOf);
    if (overdue)
      diags.push({
        severity: "warning",
        code: "overdue-issue",
        message: `Issue ${i.id} "${i.title}" was due to be resolved by ${formatDayLong(i.due!)} and is still open. Resolve it, or agree a new due date.`,
        sheet: i.src.sheet,
        cell: cellOf(i.src, "due") ?? "",
        entity: i.id,
      });
    if (open && !i.owner && cellOf(i.src, "owner") !== undefined)
      diags.push({
        severity: "warning",
        code: "missing-owner",
        message: `Open issue ${i.id} has no owner. Name who will resolve it.`,
        sheet: i.src.sheet,
        cell: cellOf(i.src, "owner") ?? cellOf(i.src, "id") ?? "",
        entity: i.id,
      });
    return {
      id: i.id,
      open,
      overdue,
      overdueDays: overdueDays(overdue, i.due, asOf),
      priorityRank: priorityRank(i.priority),
    };
  });
}
