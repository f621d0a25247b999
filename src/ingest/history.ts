import { isCellError, type CellValue } from "../model/cell";
import { dayFromSerial, parseDateText, type Day } from "../model/dates";
import { parseRag, type Rag } from "../model/rag";
import type { WorkbookSnapshot } from "../model/snapshot";

/**
 * RAG history: one row per programme, workstream, project and open risk per reporting date.
 * It lives in the workbook (the "history" report sheet), is appended on each run and replaced
 * when the same date is run again, so each report can show the trend since the last.
 */
export type HistoryLevel = "Programme" | "Workstream" | "Project" | "Risk";

export interface HistoryRow {
  date: Day;
  level: HistoryLevel;
  id: string;
  name: string;
  overall: Rag | null;
  schedule: Rag | null;
  cost: Rag | null;
  reported: Rag | null;
  /** A risk's score on that date. */
  score: number | null;
  /** A workstream's scope, quality, benefits and risk RAG on that date (null: not tracked, or an older history). */
  scope?: Rag | null;
  quality?: Rag | null;
  benefits?: Rag | null;
  risk?: Rag | null;
}

export const HISTORY_HEADERS = ["Date", "Level", "ID", "Name", "Overall", "Schedule", "Cost", "Reported", "Risk score", "Scope", "Quality", "Benefits", "Risk"];
const LEVELS = new Set<string>(["Programme", "Workstream", "Project", "Risk"]);

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
    // By position: the columns a history from before Scope…Risk lacks read as blank.
    const [d, level, id, name, overall, schedule, cost, reported, score, scope, quality, benefits, risk] = row;
    const date = typeof d === "number" ? dayFromSerial(d, snapshot.date1904) : typeof d === "string" ? parseDateText(d) : null;
    const lv = text(level);
    if (date === null || !LEVELS.has(lv)) continue; // the header row, or damage
    out.push({ date, level: lv as HistoryLevel, id: text(id), name: text(name), overall: rag(overall), schedule: rag(schedule), cost: rag(cost), reported: rag(reported), score: typeof score === "number" ? score : null, scope: rag(scope), quality: rag(quality), benefits: rag(benefits), risk: rag(risk) });
  }
  return out;
}
