import { cellOf } from "../programme/entities";
import { formatDayLong } from "../primitives/dates";
import { periodRange } from "../programme/period";
import { capped, COLS } from "../report/board";
import { dueCell, finishCell, overdueDaysCell, ragCell, slipCell } from "../report/cells";
import { milestoneStatus, type ReportContext } from "../report/context";
import { known } from "../primitives/lookup";
import type { SheetLayout } from "../report/layout";
import { cell, type PlanCell } from "../report/plan";
import { scheduleSections } from "../schedule/board-section";
import { milestonesCompleted, milestonesDueNext, raidCounts } from "../report/selections";

/** The board's delivery sections: milestones, dependencies at risk, issues, benefits and the RAID summary. */
export function delivery(L: SheetLayout, ctx: ReportContext): void {
  milestones(L, ctx);
  scheduleSections(L, ctx);
  issues(L, ctx);
  benefits(L, ctx);
  raidSummary(L, ctx);
}

function milestoneRow(ctx: ReportContext, id: string, extra: PlanCell[], date?: PlanCell): PlanCell[] {
  const m = known(ctx.milestoneById, id, "milestone");
  const st = milestoneStatus(ctx, id);
  return [
    cell(m.id, "link", { sheet: m.src.sheet, cell: cellOf(m.src, "id") ?? "A1" }),
    cell(m.name, "wrap"),
    cell(ctx.labelOf(m.project), "wrap"),
    cell(m.owner, "wrap"),
    date ?? finishCell(st.finishNow, m.id),
    ...extra,
    ragCell(st.rating, m.id),
  ];
}

function milestones(L: SheetLayout, ctx: ReportContext): void {
  const a = ctx.a;
  if (!a.programme.milestones.length) return;
  // An overdue milestone has a due date.
  const overdue = a.programme.milestones
    .map((m) => ({ m, st: milestoneStatus(ctx, m.id) }))
    .filter(({ st }) => st.overdue)
    .sort((x, y) => x.st.dueDate! - y.st.dueDate!);
  L.section(`Milestones overdue (${overdue.length})`);
  L.table(
    ["ID", "Milestone", "Project", "Owner", "Was due", "Days overdue", "RAG"],
    capped(overdue, "overdue milestones", L).map(({ m, st }) =>
      milestoneRow(ctx, m.id, [overdueDaysCell(st.overdueDays, m.id)], dueCell(st.dueDate, m.id)),
    ),
    "No milestone is overdue.",
    { cols: COLS.milestones },
  );
  const done = milestonesCompleted(ctx);
  L.section(`Milestones completed this period, ${periodRange(a.period.start, a.asOf)} (${done.length})`);
  L.table(
    ["ID", "Milestone", "Project", "Owner", "Completed", "Slip (days)", "RAG"],
    capped(done, "milestones completed", L).map((m) =>
      milestoneRow(ctx, m.id, [slipCell(milestoneStatus(ctx, m.id).slipDays, m.id)]),
    ),
    "No milestone was completed this period.",
    { cols: COLS.milestones },
  );
  const next = milestonesDueNext(ctx);
  L.section(
    `Milestones due by the end of next period, ${a.period.nextLabel} (to ${formatDayLong(a.period.nextEnd)}) (${next.length})`,
  );
  L.table(
    ["ID", "Milestone", "Project", "Owner", "Finish now", "Slip (days)", "RAG"],
    capped(next, "milestones due", L).map((m) =>
      milestoneRow(ctx, m.id, [slipCell(milestoneStatus(ctx, m.id).slipDays, m.id)]),
    ),
    "No milestone falls due by the end of next period.",
    { cols: COLS.milestones },
  );
}

function issues(L: SheetLayout, ctx: ReportContext): void {
  const a = ctx.a;
  if (!a.programme.issues.length) return;
  const open = a.programme.issues.map((i, k) => ({ i, r: a.issues[k] })).filter((x) => x.r.open);
  open.sort(
    (x, y) =>
      Number(y.r.overdue) - Number(x.r.overdue) ||
      x.r.priorityRank - y.r.priorityRank ||
      (x.i.due ?? Infinity) - (y.i.due ?? Infinity),
  );
  L.section(`Issues: open (${open.length}), overdue first`);
  L.table(
    ["ID", "Issue", "Project", "Owner", "Priority", "Due", "Days overdue"],
    capped(open, "open issues", L).map(({ i, r }) => [
      cell(i.id, "link", { sheet: i.src.sheet, cell: cellOf(i.src, "id") ?? "A1" }),
      cell(i.title, "wrap"),
      cell(i.project, "text"),
      cell(i.owner || "Not named", i.owner ? "wrap" : "error"),
      cell(i.priority, "text"),
      cell(i.due === null ? null : { day: i.due }, "date"),
      cell(r.overdueDays, r.overdue ? "error" : "number"),
    ]),
    "No issue is open.",
    { cols: COLS.issues },
  );
}

function benefits(L: SheetLayout, ctx: ReportContext): void {
  const a = ctx.a;
  if (!a.programme.benefits.length) return;
  const off = a.benefits.filter((b) => b.offTrack).length;
  L.section(`Benefits: ${off} off track of ${a.benefits.length}`);
  L.table(
    ["ID", "Benefit", "Measure", "Baseline", "Target", "Actual", "Due", "Status"],
    a.programme.benefits.map((b, k) => {
      const r = a.benefits[k];
      const status = r.offTrack ? "Off track: short of target" : r.due ? "Achieved" : "Not yet due";
      return [
        cell(b.id, "link", { sheet: b.src.sheet, cell: cellOf(b.src, "id") ?? "A1" }),
        cell(b.benefit, "wrap"),
        cell(b.measure, "wrap"),
        cell(b.baseline, "number"),
        cell(b.target, "number"),
        cell(b.actual, "number"),
        cell(b.due === null ? null : { day: b.due }, "date"),
        cell(status, r.offTrack ? "error" : "text"),
      ];
    }),
    "",
    { cols: COLS.benefits },
  );
}

function raidSummary(L: SheetLayout, ctx: ReportContext): void {
  const rows = raidCounts(ctx, null);
  if (!rows) return;
  L.section("RAID summary");
  L.table(
    ["Type", "Open", "Overdue", "Escalated or at risk", "Notes"],
    rows.map((r) => [
      cell(r.type, "bold"),
      cell(r.open, "number"),
      cell(r.overdue, r.overdue ? "error" : "number"),
      cell(r.flagged, r.flagged ? "warning" : "number"),
      cell(r.note, "wrap"),
    ]),
    "",
    { cols: COLS.raid },
  );
}
