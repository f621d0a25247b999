import type { ItemRef, Movement } from "./movement";
import { nothingMoved } from "./movement";
import { milestoneTrend } from "./milestone-trend";
import { mergeSnapshots, omittedCount, omittedWhat } from "./keep-snapshots";
import type { ItemKind, SnapshotRow } from "./snapshot-row";
import { REPORT_SHEET_ROWS } from "../primitives/sheet-rows";
import { wholeNumber } from "../primitives/text";
import { asDay, formatDayLong, type Day } from "../primitives/dates";
import { capped, cappedTo, HIGHLIGHT_LIST_LIMIT } from "../report/board";
import { finishCell, ragCell, scoreCell } from "../report/cells";
import type { ReportContext } from "../report/context";
import type { SheetLayout } from "../report/layout";
import { cell, range, type PlanCell } from "../report/plan";

/** Where the table's columns sit: ID, item, change, workstream (board only), from, to, days. */
export interface MovementCols {
  cols: [number, number][];
  /** The workstream column is shown (the board); a highlight report is one workstream's. */
  workstream: boolean;
}

const KIND_WORD: Record<ItemRef["kind"], string> = {
  Workstream: "Workstream",
  Project: "Project",
  Milestone: "Milestone",
  Risk: "Risk",
  Decision: "Decision",
};
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * "Since the last report": what moved between the last report's plan snapshot and this one —
 * finishes moved (from → to, in calendar days), items completed, added or removed, RAG changes,
 * risks opened, closed and re-scored, decisions no longer asked. `workstream` narrows it to one.
 */
export function sinceLastReport(L: SheetLayout, ctx: ReportContext, layout: MovementCols, workstream?: string): void {
  const a = ctx.a;
  const m = a.movement;
  L.section("Since the last report");
  if (m.since === null) {
    const last = a.trends.last.date;
    L.note(
      last === null
        ? "This is the first report: there is no earlier report to compare with. The next report will show what moved since this one."
        : `The last report (${formatDayLong(last)}) kept no plan snapshot, so what moved since cannot be shown; the next report will show what moved since this one.`,
    );
    if (workstream === undefined) for (const n of boundNotes(ctx)) L.note(n);
    return;
  }
  const mine = <T extends ItemRef>(xs: T[]) =>
    workstream === undefined ? xs : xs.filter((x) => x.workstream === workstream);
  const mv: Movement = {
    ...m,
    moved: mine(m.moved),
    completed: mine(m.completed),
    added: mine(m.added),
    removed: mine(m.removed),
    risks: mine(m.risks),
    rag: mine(m.rag),
    decisions: mine(m.decisions),
  };
  if (nothingMoved(mv)) {
    L.note(
      `Nothing moved since the last report (${formatDayLong(m.since)}): no finish date, RAG, risk or decision changed${workstream === undefined ? "" : " in this workstream"}.`,
    );
    if (workstream === undefined) for (const n of boundNotes(ctx)) L.note(n);
    return;
  }
  L.line(summary(mv), "summary");
  const all = movementRows(ctx, mv, layout.workstream);
  // The board's lists are capped to its limit, a highlight report's to its own (src/core/report/board.ts).
  const rows =
    workstream === undefined
      ? capped(all, "changes", L)
      : cappedTo(all, HIGHLIGHT_LIST_LIMIT, "changes", "the rest are in check --format json", L);
  L.table(["ID", "Item", "Change", ...(layout.workstream ? ["Workstream"] : []), "From", "To", "Days"], rows, "", {
    cols: layout.cols,
  });
  L.note(
    `Against the last report, ${formatDayLong(m.since)}. Days are calendar days; a positive number is later than last reported.`,
  );
  if (workstream === undefined) for (const n of boundNotes(ctx)) L.note(n);
}

/** What the bounded Plan Snapshots left out, at the last report and at this one (src/core/history/keep-snapshots.ts). */
function boundNotes(ctx: ReportContext): string[] {
  const a = ctx.a;
  const out: string[] = [];
  const omitted = (rows: readonly SnapshotRow[], date: Day | null) =>
    rows
      .filter((r) => r.date === date && r.kind === "Omitted")
      .map((r) => omittedWhat(r.id as ItemKind, omittedCount(r)));
  const before = omitted(a.programme.snapshots ?? [], a.movement.since);
  if (before.length)
    out.push(
      `The last report's snapshot left out ${before.join(" and ")} (the Plan Snapshots sheet keeps ${wholeNumber(REPORT_SHEET_ROWS)} rows): what moved is said for the items it kept.`,
    );
  const now = omitted(mergeSnapshots(a.programme.snapshots ?? [], a.movement.now), a.asOf);
  if (now.length)
    out.push(
      `This report's snapshot leaves out ${now.join(" and ")}, keeping open and critical items first: the next report says what moved among those kept.`,
    );
  return out;
}

/** One sentence a board reads first. */
function summary(m: Movement): string {
  const later = m.moved.filter((x) => x.days > 0).length;
  const parts: string[] = [];
  if (m.moved.length)
    parts.push(
      `${plural(m.moved.length, "finish", "finishes")} moved ${later === m.moved.length ? "later" : later === 0 ? "earlier" : `(${later} later, ${m.moved.length - later} earlier)`}`,
    );
  if (m.completed.length) parts.push(`${plural(m.completed.length, "item")} completed`);
  if (m.rag.length) parts.push(`${plural(m.rag.length, "RAG change")}`);
  const risk = (how: string) => m.risks.filter((r) => r.how === how).length;
  const riskWords = (
    [
      ["opened", risk("opened")],
      ["closed", risk("closed") + risk("removed")],
      ["re-scored", risk("re-scored")],
    ] as [string, number][]
  ).filter(([, n]) => n);
  if (riskWords.length) parts.push(`risks ${riskWords.map(([w, n]) => `${n} ${w}`).join(", ")}`);
  if (m.added.length) parts.push(`${plural(m.added.length, "item")} added to the plan`);
  if (m.removed.length) parts.push(`${plural(m.removed.length, "item")} removed`);
  if (m.decisions.length) parts.push(`${plural(m.decisions.length, "decision")} no longer requested`);
  return `Since ${formatDayLong(m.since!)}: ${parts.join("; ")}.`;
}

function movementRows(ctx: ReportContext, m: Movement, withWs: boolean): PlanCell[][] {
  const date = (d: Day | null) => cell(d === null ? null : { day: d }, "date");
  const blank = cell(null, "text");
  const row = (
    x: ItemRef,
    change: string,
    from: PlanCell,
    to: PlanCell,
    d: PlanCell = blank,
    style = "text",
  ): PlanCell[] => [
    cell(x.id || "–", "text"),
    cell(x.kind === "Workstream" ? x.name : `${x.name}`, "wrap"),
    cell(change, style),
    ...(withWs ? [cell(x.workstream || "Programme", "wrap")] : []),
    from,
    to,
    d,
  ];
  const out: PlanCell[][] = [];
  for (const x of m.moved)
    out.push(
      row(
        x,
        `${KIND_WORD[x.kind]} finish ${x.days > 0 ? "later" : "earlier"}`,
        date(x.from),
        finishCell(x.to, x.id),
        cell(x.days, "days-signed"),
        x.days > 0 ? "warning" : "text",
      ),
    );
  for (const x of m.completed)
    out.push(
      row(
        x,
        `${KIND_WORD[x.kind]} completed`,
        blank,
        date(
          x.kind === "Project"
            ? (ctx.a.rag.projects.get(x.id)?.finishNow ?? null)
            : (ctx.a.rag.milestones.get(x.id)?.finishNow ?? null),
        ),
      ),
    );
  for (const x of m.rag)
    out.push(
      row(
        x,
        `${KIND_WORD[x.kind]} RAG changed`,
        ragCell(x.from),
        ragCell(x.to, x.kind === "Workstream" ? `ws:${x.name}` : x.id),
      ),
    );
  for (const r of m.risks) {
    const change =
      r.how === "opened"
        ? "Risk opened"
        : r.how === "closed"
          ? "Risk closed"
          : r.how === "removed"
            ? "Risk removed from the register"
            : `Risk re-scored ${(r.to ?? 0) > (r.from ?? 0) ? "up" : "down"}`;
    out.push(
      row(
        r,
        change,
        cell(r.from, "number"),
        r.how === "closed" || r.how === "removed" ? cell(null, "number") : scoreCell(r.to, r.id),
        blank,
        r.how === "opened" || (r.how === "re-scored" && (r.to ?? 0) > (r.from ?? 0)) ? "warning" : "text",
      ),
    );
  }
  for (const x of m.added) out.push(row(x, `${KIND_WORD[x.kind]} added to the plan`, blank, blank));
  for (const x of m.removed) out.push(row(x, `${KIND_WORD[x.kind]} removed from the plan`, blank, blank));
  for (const x of m.decisions)
    out.push(row({ ...x, id: "" }, "Decision no longer requested (taken or withdrawn)", blank, blank));
  return out;
}

/**
 * The milestone trend chart (board, from the second report on): x the reporting dates, y each key
 * milestone's forecast finish, with the diagonal where the forecast meets the reporting date.
 */
export function milestoneTrendChart(L: SheetLayout, ctx: ReportContext): void {
  const a = ctx.a;
  const gates = new Set(a.programme.milestones.filter((x) => x.reviewPoint.trim()).map((x) => x.id.toUpperCase()));
  const t = milestoneTrend(mergeSnapshots(a.programme.snapshots ?? [], a.movement.now), a.asOf, gates);
  if (!t || !t.lines.length) return;
  L.section("Milestone trend");
  const header = [
    cell("Reporting date", "chart-data"),
    ...t.lines.map((l) => cell(`${l.id} ${l.name}`.slice(0, 60), "chart-data")),
    cell("Reporting date (reached)", "chart-data"),
  ];
  const data = L.data([
    header,
    ...t.dates.map((d, i) => [
      cell(formatDayLong(d)),
      ...t.lines.map((l) => {
        const finish = l.finishes[i];
        return cell(finish === null ? null : { day: finish });
      }),
      cell({ day: d }),
    ]),
  ]);
  const all = [...t.dates, ...t.lines.flatMap((l) => l.finishes.filter((f): f is Day => f !== null))];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const pad = Math.max(7, Math.round((max - min) * 0.05));
  const top = L.chartSpace(20);
  const colour = ["1F4E79", "C00000", "ED7D31", "70AD47", "7030A0", "00B0F0", "BF9000", "595959"];
  L.charts.push({
    type: "line",
    seriesBy: "columns",
    title: "Milestone trend: forecast finish at each report",
    categories: range(data.top + 1, data.left, data.bottom, data.left),
    series: [
      ...t.lines.map((l, i) => ({
        name: `${l.id} ${l.name}`.slice(0, 60),
        values: range(data.top + 1, data.left + 1 + i, data.bottom, data.left + 1 + i),
        color: colour[i % colour.length],
      })),
      {
        name: "Reporting date (reached)",
        values: range(data.top + 1, data.left + 1 + t.lines.length, data.bottom, data.left + 1 + t.lines.length),
        color: "A6A6A6",
        dash: true,
      },
    ],
    anchor: { fromRow: top, fromCol: 0, toRow: top + 19, toCol: L.width },
    valueAxis: { min: { day: asDay(min - pad) }, max: { day: asDay(max + pad) }, numFmt: "dd mmm yy" },
    legend: true,
  });
  L.note(
    `Each line is a milestone's forecast finish as each report saw it: flat is holding, rising is slipping. Lines shown: ${t.chosen} (at most 8).`,
  );
}
