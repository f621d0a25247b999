import { isCellError, type CellValue } from "../primitives/cell";
import { dayFromSerial, parseDateText } from "../primitives/dates";
import { parseRag } from "../rag/scale";
import type { HistoryLevel, HistoryRow } from "./history-row";
import type { WorkbookSnapshot } from "../primitives/snapshot";

export type { HistoryLevel, HistoryRow } from "./history-row";

export const HISTORY_HEADERS = [
  "Date",
  "Level",
  "ID",
  "Name",
  "Overall",
  "Schedule",
  "Cost",
  "Reported",
  "Risk score",
  "Scope",
  "Quality",
  "Benefits",
  "Risk",
];
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
    const date =
      typeof d === "number" ? dayFromSerial(d, snapshot.date1904) : typeof d === "string" ? parseDateText(d) : null;
    const lv = text(level);
    if (date === null || !LEVELS.has(lv)) continue; // the header row, or damage
    out.push({
      date,
      level: lv as HistoryLevel,
      id: text(id),
      name: text(name),
      overall: rag(overall),
      schedule: rag(schedule),
      cost: rag(cost),
      reported: rag(reported),
      score: typeof score === "number" ? score : null,
      scope: rag(scope),
      quality: rag(quality),
      benefits: rag(benefits),
      risk: rag(risk),
    });
  }
  return out;
}
