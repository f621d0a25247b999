import type { CellValue } from "../../core/primitives/cell";
import {
  inScope,
  markerKeyOf,
  parseMarker,
  stillOurs,
  textHash,
  type MarkerInfo,
  type ReportPlan,
} from "../../core/report/plan";
import { assignSheetNames, settleKeptSheets, type KeptSheet } from "../../core/report/sheet-names";
import { reportInsertionIndex } from "../../core/report/sheet-placement";
import { contentHash } from "../../core/report/stored";
import { readRegions, RESPONSE_BUDGET } from "./batching";
import { HostError } from "./errors";
import type { ContextLike, WorksheetLike } from "./excel-types";
import {
  busyError,
  findLeftovers,
  leftoversNote,
  lockState,
  takeoverNote,
  tempTableRun,
  type RunContext,
} from "./ownership";

/** What is in the workbook now, and where the report goes: decided in a run of its own before writing. */
export interface Layout {
  /** Earlier report sheets (still ours, in scope) that this report replaces, in tab order. */
  ours: string[];
  kept: string[];
  /** Each kept sheet's name before and after (sheet-names.ts, settleKeptSheets): renamed with its period, moved to the end. */
  keptSheets: KeptSheet[];
  /** Final name of each plan sheet, by key. */
  finalNames: Map<string, string>;
  renamed: { wanted: string; name: string }[];
  /** Tab index the report's first sheet takes once the old ones are gone. */
  at: number;
  /** Every sheet name present when the layout was taken (after dead runs' leftovers were removed). */
  present: string[];
  /** What the user should know: a dead run's hold taken over, its leftovers removed. */
  notes: string[];
}

/**
 * The cells of a report sheet read back to check it is unedited, at most: a report the host writes
 * is far smaller, so a larger used range (one stray value at XFD1048576 makes 17 billion cells)
 * means the sheet was edited and is the user's — without reading it (the reader's cap, read.ts).
 */
export const MAX_REPORT_CELLS = 3_000_000;

/** A value as Excel's `values` returns it, for the fingerprint: "" is an empty cell; text stays text (even "#N/A", as the file host reads a text cell). */
function fromValues(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  return typeof v === "number" || typeof v === "boolean" || typeof v === "string" ? v : String(v);
}

/**
 * The fingerprint as Excel stores what was written: a link's `textToDisplay` can turn a number
 * into its text (issue 26, item 11), so a text that is exactly a number's own spelling counts as
 * that number when the exact fingerprint does not match.
 */
function asWritten(rows: CellValue[][]): CellValue[][] {
  return rows.map((r) => r?.map((v) => (typeof v === "string" && v !== "" && String(Number(v)) === v ? Number(v) : v)));
}

/** Fingerprints of the marked sheets whose content decides something, read in blocks under the response budget. */
async function contentHashes(
  ctx: ContextLike,
  sheets: WorksheetLike[],
  budget: number,
): Promise<Map<WorksheetLike, (want?: string) => string>> {
  const used = sheets.map((ws) => {
    const u = ws.getUsedRangeOrNullObject(true);
    u.load("rowIndex,columnIndex,rowCount,columnCount");
    return u;
  });
  if (sheets.length) await ctx.sync();
  const out = new Map<WorksheetLike, (want?: string) => string>();
  const toRead = sheets.flatMap((ws, i) => {
    const u = used[i];
    if (u.isNullObject) out.set(ws, () => contentHash([]));
    else if (u.rowCount * u.columnCount > MAX_REPORT_CELLS) out.set(ws, () => "edited");
    else return [{ ws, top: u.rowIndex, left: u.columnIndex, rows: u.rowCount, cols: u.columnCount }];
    return [];
  });
  const values = await readRegions(ctx, toRead, fromValues, () => ctx.sync(), budget);
  toRead.forEach((r, k) => {
    const exact = contentHash(values[k], r.top, r.left);
    out.set(r.ws, (want) =>
      want === undefined || want === exact ? exact : contentHash(asWritten(values[k]), r.top, r.left),
    );
  });
  return out;
}

/**
 * Reads the workbook's sheets and markers, and the content of the marked sheets that still have
 * the name they were written with, to decide which are still ours (replaced), which are the user's
 * now (kept), and where the report goes. With a run: stops if another run holds the workbook, and
 * otherwise first removes what dead runs left (ownership.ts).
 */
export async function prepareLayout(
  ctx: ContextLike,
  plan: ReportPlan,
  opts: { responseBudget?: number; run?: RunContext } = {},
): Promise<Layout> {
  const wb = ctx.workbook;
  wb.worksheets.load("items/name,items/position");
  wb.protection.load("protected");
  if (opts.run) wb.names.load("items/name,items/formula");
  await ctx.sync();
  if (wb.protection.protected)
    throw new HostError(
      "protected",
      "The workbook's structure is protected, so the report's sheets cannot be added. Unprotect it (Review > Protect Workbook), then try again. Nothing was changed.",
    );
  let sheets = [...wb.worksheets.items].sort((a, b) => a.position - b.position);
  for (const ws of sheets) ws.names.load("items/name,items/formula");
  let notes: string[] = [];
  if (opts.run) notes = await clearDeadRuns(ctx, sheets, opts.run);
  else await ctx.sync();
  if (notes.length) {
    // Dead runs' sheets are gone: the sheets as they are now.
    wb.worksheets.load("items/name,items/position");
    await ctx.sync();
    sheets = [...wb.worksheets.items].sort((a, b) => a.position - b.position);
    for (const ws of sheets) ws.names.load("items/name,items/formula");
    await ctx.sync();
  }
  const defaultName = new Map(plan.sheets.map((s) => [markerKeyOf(s.key), s.name]));
  const marked = sheets.flatMap((ws) => {
    const n = ws.names.items.find((x) => x.name === plan.marker);
    const info = n ? parseMarker(String(n.formula)) : null;
    return info ? [{ ws, info }] : [];
  });
  // Content is read only where it decides something: a sheet in scope whose name is still the one written.
  const needContent = marked.filter((m) => m.info.nameHash === textHash(m.ws.name) && inScope(plan.scope, m.info.key));
  const hashes = await contentHashes(
    ctx,
    needContent.map((m) => m.ws),
    opts.responseBudget ?? RESPONSE_BUDGET,
  );
  return placeReport(plan, sheets, marked, hashes, defaultName, notes);
}

function placeReport(
  plan: ReportPlan,
  sheets: WorksheetLike[],
  marked: { ws: WorksheetLike; info: MarkerInfo }[],
  hashes: Map<WorksheetLike, (want?: string) => string>,
  defaultName: Map<string, string>,
  notes: string[],
): Layout {
  const ours: WorksheetLike[] = [];
  const otherOurs: WorksheetLike[] = [];
  const kept: string[] = [];
  for (const m of marked) {
    // Out of scope, a sheet is only a landmark for placement: its name is enough.
    const content = () =>
      hashes.get(m.ws)?.(m.info.contentHash) ?? (inScope(plan.scope, m.info.key) ? "" : (m.info.contentHash ?? ""));
    if (!stillOurs(m.info, m.ws.name, defaultName.get(m.info.key), content)) kept.push(m.ws.name);
    else if (inScope(plan.scope, m.info.key)) ours.push(m.ws);
    else otherOurs.push(m.ws);
  }
  const keptSheets = settleKeptSheets(
    kept,
    plan,
    sheets.map((w) => w.name),
  );
  const keptNames = new Set(kept);
  const remaining = sheets.filter((w) => !ours.includes(w) && !keptNames.has(w.name));
  const { names: finalNames, renamed } = assignSheetNames(plan.sheets, [
    ...remaining.map((w) => w.name),
    ...keptSheets.map((k) => k.to),
  ]);
  const position = (w: WorksheetLike) => w.position;
  const at = reportInsertionIndex(remaining.map(position), ours.map(position), otherOurs.map(position));
  return {
    ours: ours.map((w) => w.name),
    kept: keptSheets.map((k) => k.to),
    keptSheets,
    finalNames,
    renamed,
    at,
    present: sheets.map((w) => w.name),
    notes,
  };
}

/**
 * With the sheets' names queued (not yet synced): stops if a live run holds the workbook; else
 * removes an expired hold and what dead runs left, and says so. Checks the hold again in the same
 * sync as the sheets' names, so a run that started meanwhile is never taken for a dead one.
 */
async function clearDeadRuns(ctx: ContextLike, sheets: WorksheetLike[], run: RunContext): Promise<string[]> {
  const wb = ctx.workbook;
  const first = lockState(wb.names.items, run.now());
  if (first.state === "held") throw busyError(first.lock);
  wb.names.load("items/name,items/formula");
  wb.tables.load("items/name");
  await ctx.sync();
  const again = lockState(wb.names.items, run.now());
  if (
    again.state === "held" ||
    (again.state === "expired" &&
      (first.state !== "expired" || String(again.item.formula) !== String(first.item.formula)))
  )
    throw busyError(again.lock);
  const tempTables = wb.tables.items.filter((t) => tempTableRun(t.name) !== null);
  for (const t of tempTables) t.worksheet.load("name");
  if (tempTables.length) await ctx.sync();
  const left = findLeftovers(sheets, tempTables, (t) => t.worksheet.name, run.runId);
  const notes = [again.state === "expired" ? takeoverNote(again.lock) : null, leftoversNote(left)].filter(
    (n): n is string => !!n,
  );
  if (!notes.length) return [];
  if (again.state === "expired") again.item.delete();
  for (const tag of left.tags) tag.delete();
  for (const ws of left.sheets) ws.delete();
  await ctx.sync();
  return notes;
}
