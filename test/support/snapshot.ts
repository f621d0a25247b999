import type { CellValue } from "../../src/core/primitives/cell";
import { dayFromYmd, serialFromDay } from "../../src/core/primitives/dates";
import type { TableSnapshot, WorkbookSnapshot } from "../../src/core/primitives/snapshot";

/** Builds an in-memory snapshot: sheet name → rows (first row at A1). */
export function snap(
  sheets: Record<string, CellValue[][]>,
  opts: { tables?: TableSnapshot[]; date1904?: boolean } = {},
): WorkbookSnapshot {
  return {
    sheets: Object.entries(sheets).map(([name, rows]) => ({ name, top: 0, left: 0, rows })),
    tables: opts.tables ?? [],
    date1904: opts.date1904 ?? false,
  };
}

/** Excel serial (1900 system) for a calendar date. */
export const serial = (y: number, m: number, d: number): number => serialFromDay(dayFromYmd(y, m, d), false);

export const PROJECT_HEADERS = [
  "ID",
  "Name",
  "Workstream",
  "Lead",
  "Start",
  "Finish",
  "Baseline Finish",
  "Budget",
  "Forecast Cost",
  "% Complete",
  "Status",
  "Reported RAG",
  "Depends On",
  "Competencies",
];

/** A project row in PROJECT_HEADERS order, dates as ISO text. */
export function projectRow(p: {
  id: string;
  ws?: string;
  lead?: string;
  start?: string;
  finish: string;
  baseline?: string;
  budget?: number;
  forecast?: number;
  pct?: number;
  status?: string;
  rag?: string;
  deps?: string;
  comps?: string;
}): CellValue[] {
  return [
    p.id,
    `Project ${p.id}`,
    p.ws ?? "WS1",
    p.lead ?? "Lead",
    p.start ?? null,
    p.finish,
    p.baseline ?? null,
    p.budget ?? null,
    p.forecast ?? null,
    p.pct ?? null,
    p.status ?? null,
    p.rag ?? null,
    p.deps ?? null,
    p.comps ?? null,
  ];
}
