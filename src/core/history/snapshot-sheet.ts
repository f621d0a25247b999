import type { Day } from "../primitives/dates";
import { mergeSnapshots } from "./keep-snapshots";
import { SNAPSHOT_HEADERS } from "./read-snapshots";
import { keptTableSheet } from "../report/kept-table";
import { cell, type PlanSheet } from "../report/plan";
import type { ReportContext } from "../report/context";
import { ragStyle } from "../report/styles";

/** The sheet's key: the reader (src/core/history/read-snapshots.ts) finds its rows by it. */
export const SNAPSHOT_KEY = "snapshot";

/**
 * The plan snapshots: a plain table from A1 that the next report reads back to say what moved.
 * A report sheet like the RAG History (replaced on each run, kept within the bounds of
 * src/core/history/keep-snapshots.ts).
 */
export function snapshotSheet(ctx: ReportContext): PlanSheet {
  const rows = mergeSnapshots(ctx.a.programme.snapshots ?? [], ctx.a.movement.now);
  const day = (d: Day | null) => cell(d === null ? null : { day: d }, "date");
  const body = rows.map((r) => [
    day(r.date),
    cell(r.kind, "text"),
    cell(r.id, "text"),
    cell(r.name, "text"),
    cell(r.workstream, "text"),
    day(r.finishNow),
    day(r.baseline),
    cell(r.rag, ragStyle(r.rag)),
    cell(r.float, "number"),
    cell(r.score, "number"),
    cell(r.status, "text"),
    cell(r.source, "text"),
  ]);
  return keptTableSheet(ctx, {
    key: SNAPSHOT_KEY,
    name: "Plan Snapshots",
    title: "Plan snapshots",
    table: "PMOPlanSnapshots",
    headers: SNAPSHOT_HEADERS,
    widths: [13, 11, 10, 44, 24, 13, 13, 9, 8, 8, 10, 12],
    body,
  });
}
