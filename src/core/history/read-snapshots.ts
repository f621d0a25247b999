import { isCellError, type CellValue } from "../primitives/cell";
import { dayFromSerial, parseDateText, type Day } from "../primitives/dates";
import { parseRag } from "../rag/scale";
import type { SnapshotKind, SnapshotRow } from "./snapshot-row";
import type { WorkbookSnapshot } from "../primitives/snapshot";

export type { SnapshotKind, SnapshotRow } from "./snapshot-row";

/** The sheet's columns, in order; the reader finds them by these words, so columns may be added later. */
export const SNAPSHOT_HEADERS = [
  "Date",
  "Kind",
  "ID",
  "Name",
  "Workstream",
  "Finish now",
  "Baseline",
  "RAG",
  "Float",
  "Score",
  "Status",
  "Source",
] as const;

const KINDS = new Set<string>(["Workstream", "Project", "Milestone", "Risk", "Decision", "Omitted"]);

/** Reads the snapshots our earlier runs wrote; a user's sheet of the same name is not ours and is ignored. */
export function readPlanSnapshots(snapshot: WorkbookSnapshot): SnapshotRow[] {
  const mine = snapshot.reportSheets?.find((r) => r.key === "snapshot");
  const sheet = mine && snapshot.sheets.find((s) => s.name === mine.sheet);
  if (!sheet) return [];
  const text = (v: CellValue | undefined) => (v === null || v === undefined || isCellError(v) ? "" : String(v).trim());
  const day = (v: CellValue | undefined): Day | null =>
    typeof v === "number"
      ? dayFromSerial(v, snapshot.date1904)
      : typeof v === "string" && v.trim()
        ? parseDateText(v)
        : null;
  const num = (v: CellValue | undefined) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const rows = sheet.rows;
  const headerAt = rows.findIndex((r) => r && text(r[0]) === "Date" && text(r[1]) === "Kind");
  if (headerAt < 0) return [];
  const col = new Map(rows[headerAt].map((h, i) => [text(h), i] as const));
  const at = (r: CellValue[], h: (typeof SNAPSHOT_HEADERS)[number]) => (col.has(h) ? r[col.get(h)!] : undefined);
  const out: SnapshotRow[] = [];
  for (let i = headerAt + 1; i < rows.length; i++) {
    const r = rows[i];
    if (!r) continue;
    const date = day(at(r, "Date"));
    const kind = text(at(r, "Kind"));
    if (date === null || !KINDS.has(kind)) continue; // damage: the row is not ours to guess at
    out.push({
      date,
      kind: kind as SnapshotKind,
      id: text(at(r, "ID")),
      name: text(at(r, "Name")),
      workstream: text(at(r, "Workstream")),
      finishNow: day(at(r, "Finish now")),
      baseline: day(at(r, "Baseline")),
      rag: parseRag(text(at(r, "RAG"))),
      float: num(at(r, "Float")),
      score: num(at(r, "Score")),
      status: text(at(r, "Status")),
      source: text(at(r, "Source")),
    });
  }
  return out;
}
