import type { Day } from "../primitives/dates";
import type { Rag } from "../rag/scale";

/**
 * RAG history: one row per programme and workstream per reporting date (a history written by
 * an earlier version also has a row per project and open risk, still read; the report now keeps
 * those on the Plan Snapshots). It lives in the workbook (the "history" report sheet), is appended
 * on each run and replaced when the same date is run again, so each report can show the trend since the last.
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
