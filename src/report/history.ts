import type { Analysis } from "../checks/analyse";
import { isCellError, type CellValue } from "../model/cell";
import { dayFromSerial, parseDateText, type Day } from "../model/dates";
import { parseRag, ragRank, type Rag } from "../model/rag";
import type { WorkbookSnapshot } from "../model/snapshot";

/**
 * RAG history: one row per programme, workstream and project per reporting date. It lives in
 * the workbook (the "history" report sheet), is appended on each run and replaced when the
 * same date is run again, so each report can show the trend since the last.
 */
export type HistoryLevel = "Programme" | "Workstream" | "Project";

export interface HistoryRow {
  date: Day;
  level: HistoryLevel;
  id: string;
  name: string;
  overall: Rag | null;
  schedule: Rag | null;
  cost: Rag | null;
  reported: Rag | null;
}

export const HISTORY_HEADERS = ["Date", "Level", "ID", "Name", "Overall", "Schedule", "Cost", "Reported"];

/** Reads the history our last run wrote; a user's sheet of the same name is not ours and is ignored. */
export function readHistory(snapshot: WorkbookSnapshot): HistoryRow[] {
  const mine = snapshot.reportSheets?.find((r) => r.key === "history");
  const sheet = mine && snapshot.sheets.find((s) => s.name === mine.sheet);
  if (!sheet) return [];
  const out: HistoryRow[] = [];
  const text = (v: CellValue | undefined) => (v === null || v === undefined || isCellError(v) ? "" : String(v).trim());
  const rag = (v: CellValue | undefined) => parseRag(text(v));
  for (const row of sheet.rows) {
    if (!row) continue;
    const [d, level, id, name, overall, schedule, cost, reported] = row;
    const date = typeof d === "number" ? dayFromSerial(d, snapshot.date1904) : typeof d === "string" ? parseDateText(d) : null;
    const lv = text(level) as HistoryLevel;
    if (date === null || !["Programme", "Workstream", "Project"].includes(lv)) continue; // the header row, or damage
    out.push({ date, level: lv, id: text(id), name: text(name), overall: rag(overall), schedule: rag(schedule), cost: rag(cost), reported: rag(reported) });
  }
  return out;
}

export function currentHistory(a: Analysis): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const name = a.programme.settings.programmeName;
  rows.push({ date: a.asOf, level: "Programme", id: "", name, overall: a.overall, schedule: null, cost: null, reported: null });
  for (const w of a.rag.workstreams) rows.push({ date: a.asOf, level: "Workstream", id: "", name: w.name, overall: w.overall?.rag ?? null, schedule: w.schedule?.rag ?? null, cost: w.cost?.rag ?? null, reported: w.reported });
  for (const p of a.programme.projects) {
    const r = a.rag.projects.get(p.id)!;
    rows.push({ date: a.asOf, level: "Project", id: p.id, name: p.name, overall: r.overall.rag, schedule: r.schedule.rag, cost: r.cost?.rag ?? null, reported: p.reportedRag });
  }
  return rows;
}

/** Earlier dates kept, this date's rows replaced. */
export function mergeHistory(previous: HistoryRow[], current: HistoryRow[]): HistoryRow[] {
  const dates = new Set(current.map((r) => r.date));
  const order: Record<HistoryLevel, number> = { Programme: 0, Workstream: 1, Project: 2 };
  return [...previous.filter((r) => !dates.has(r.date)), ...current].sort((a, b) => a.date - b.date || order[a.level] - order[b.level]);
}

/** The last report before this date: its date, and a lookup of its rows. */
export function lastReport(history: HistoryRow[], asOf: Day): { date: Day | null; find: (level: HistoryLevel, key: string) => HistoryRow | undefined } {
  let date: Day | null = null;
  for (const r of history) if (r.date < asOf && (date === null || r.date > date)) date = r.date;
  const rows = history.filter((r) => r.date === date);
  return { date, find: (level, key) => rows.find((r) => r.level === level && (level === "Project" ? r.id === key : r.name === key)) };
}

/** "↑ Better", "↓ Worse", "→ Same", "New" against the last report. */
export function trend(now: Rag | null, before: Rag | null | undefined): string {
  if (before === undefined) return "New";
  if (!now || !before) return "–";
  const d = ragRank(now) - ragRank(before);
  return d < 0 ? "↑ Better" : d > 0 ? "↓ Worse" : "→ Same";
}
