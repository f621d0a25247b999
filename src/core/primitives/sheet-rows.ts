/**
 * The most rows any report sheet holds, title and header rows included (issue 21: a plan of
 * thousands of tasks must not give a sheet of thousands of rows). The record sheets (RAG History,
 * Plan Snapshots: src/core/history/keep-snapshots.ts) keep their newest rows within it; the
 * Exceptions sheet folds its most repeated findings (src/core/report/exceptions.ts); every other
 * sheet caps its lists well below it.
 */
export const REPORT_SHEET_ROWS = 1_500;

/** The rows a record sheet's table body may hold: the bound less its header row. */
export const RECORD_BODY_ROWS = REPORT_SHEET_ROWS - 1;
