import { HISTORY_HEADERS, type HistoryLevel, type HistoryRow } from "./read-history";
import { cell, type PlanSheet } from "../report/plan";
import type { ReportContext } from "../report/context";
import { RECORD_BODY_ROWS } from "../primitives/sheet-rows";
import { ragStyle } from "../report/styles";
import { workstreamRatings } from "../report/highlight";
import { keptTableSheet } from "../report/kept-table";

/**
 * This report's rows for the RAG History: the programme and each workstream (with the scope,
 * quality, benefits and risk RAG its highlight report shows, so the next report can show them as
 * last period's). A project's RAG and a risk's score per report are kept once, on the Plan
 * Snapshots (src/core/history/movement.ts), which the trends read (src/core/history/trend.ts).
 */
export function currentHistory(ctx: ReportContext): HistoryRow[] {
  const a = ctx.a;
  const rows: HistoryRow[] = [];
  const at = {
    date: a.asOf,
    id: "",
    schedule: null,
    cost: null,
    reported: null,
    score: null,
    scope: null,
    quality: null,
    benefits: null,
    risk: null,
  };
  rows.push({
    ...at,
    level: "Programme",
    name: a.programme.settings.programmeName,
    overall: a.rag.overall?.rag ?? null,
    schedule: a.rag.schedule?.rag ?? null,
    cost: a.rag.cost?.rag ?? null,
  });
  for (const w of a.rag.workstreams) {
    const d = workstreamRatings(ctx, w);
    rows.push({
      ...at,
      level: "Workstream",
      name: w.name,
      overall: w.overall?.rag ?? null,
      schedule: w.schedule?.rag ?? null,
      cost: w.cost?.rag ?? null,
      reported: w.reported,
      scope: d.scope?.rag ?? null,
      quality: d.quality?.rag ?? null,
      benefits: d.benefits?.rag ?? null,
      risk: d.risk?.rag ?? null,
    });
  }
  return rows;
}

/**
 * Earlier dates kept, this date's rows replaced, within the sheet's bound of rows (older dates
 * dropped first; this report's rows are always kept).
 */
export function mergeHistory(previous: HistoryRow[], current: HistoryRow[], limit = RECORD_BODY_ROWS): HistoryRow[] {
  const dates = new Set(current.map((r) => r.date));
  const order: Record<HistoryLevel, number> = { Programme: 0, Workstream: 1, Project: 2, Risk: 3 };
  const earlier = previous.filter((r) => !dates.has(r.date)).sort((a, b) => b.date - a.date);
  let keep = Math.max(0, limit - current.length);
  if (keep < earlier.length) {
    const cut = earlier[keep].date; // a date is kept whole or not at all
    while (keep > 0 && earlier[keep - 1].date === cut) keep--;
  }
  return [...earlier.slice(0, keep), ...current].sort((a, b) => a.date - b.date || order[a.level] - order[b.level]);
}

/** The RAG history sheet: a plain table from A1, so that the next run can read it back. */
export function historySheet(ctx: ReportContext): PlanSheet {
  const rows = mergeHistory(ctx.a.programme.history, currentHistory(ctx));
  const body = rows.map((r) => [
    cell({ day: r.date }, "date"),
    cell(r.level, "text"),
    cell(r.id, "text"),
    cell(r.name, "wrap"),
    cell(r.overall, ragStyle(r.overall)),
    cell(r.schedule, ragStyle(r.schedule)),
    cell(r.cost, ragStyle(r.cost)),
    cell(r.reported, ragStyle(r.reported)),
    cell(r.score, "number"),
    cell(r.scope ?? null, ragStyle(r.scope ?? null)),
    cell(r.quality ?? null, ragStyle(r.quality ?? null)),
    cell(r.benefits ?? null, ragStyle(r.benefits ?? null)),
    cell(r.risk ?? null, ragStyle(r.risk ?? null)),
  ]);
  // Every row gets the height its wrapped text needs (a name longer than its column wraps).
  return keptTableSheet(ctx, {
    key: "history",
    name: "RAG History",
    title: "RAG history",
    table: "PMORagHistory",
    headers: HISTORY_HEADERS,
    widths: [13, 12, 8, 40, 9, 9, 9, 9, 8, 9, 9, 9, 9],
    body,
  });
}
