import type { Day } from "../model/dates";
import { mergeSnapshots, SNAPSHOT_HEADERS } from "../ingest/plan-snapshot";
import { measureTable } from "./layout";
import { cell, range, type PlanSheet } from "./plan";
import { printSetup, type ReportContext } from "./context";
import { ragStyle } from "./styles";

/** The sheet's key: the reader (src/ingest/plan-snapshot.ts) finds its rows by it. */
export const SNAPSHOT_KEY = "snapshot";

/**
 * The plan snapshots: a plain table from A1 that the next report reads back to say what moved.
 * A report sheet like the RAG History (replaced on each run, kept to the latest
 * SNAPSHOT_DATES_KEPT reporting dates and SNAPSHOT_ROWS_KEPT rows, in src/ingest/plan-snapshot.ts).
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
  const widths = [13, 11, 10, 44, 24, 13, 13, 9, 8, 8, 10, 12];
  const all = [SNAPSHOT_HEADERS.map((h) => cell(h, "header")), ...body];
  const { heights, pages, rowBreaks } = measureTable(widths, all);
  return {
    key: SNAPSHOT_KEY,
    name: "Plan Snapshots",
    tabColor: "7F7F7F",
    widths,
    heights,
    pages,
    rowBreaks,
    blocks: [{ row: 0, col: 0, cells: all }],
    charts: [],
    freezeRows: 1,
    table: { name: "PMOPlanSnapshots", range: range(0, 0, Math.max(1, body.length), SNAPSHOT_HEADERS.length - 1) },
    print: printSetup(ctx, "Plan snapshots", [0, 0]),
  };
}
