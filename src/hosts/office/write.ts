import { append } from "../../core/primitives/arrays";
import { markerValue, type ReportPlan } from "../../core/report/plan";
import { contentHash } from "../../core/report/stored";
import { applyCharts, type ChartJob } from "./charts";
import { codeOf, explain } from "./errors";
import type { ContextLike, NamedItemLike, WorksheetLike } from "./excel-types";
import { type Layout } from "./layout";
import { sendOps } from "./batching";
import { sheetOps, storedGrid, type Op, type OpOptions } from "./ops";
import {
  busyError,
  confirmLock,
  lockState,
  queueTakeLock,
  RUN_TAG,
  tagFormula,
  tagOf,
  tempSheetName,
  tempSheetRun,
  tempTableName,
  type RunContext,
} from "./ownership";
import { applySettings, viewSettings } from "./view-settings";
import type { Capabilities } from "./requirements";

// The parts, for callers that import them from here.
export {
  POINTS_PER_CHAR,
  blockFormatOps,
  mergeRuns,
  planValue,
  storedGrid,
  styleRectangles,
  styleSetters,
} from "./ops";
export { headerSections, viewSettings } from "./view-settings";
export { addChart } from "./charts";
export { prepareLayout, type Layout } from "./layout";

/**
 * Applies a report plan to the open workbook, in one of two ways chosen by what Excel can undo
 * (docs excel/excel-add-ins-undo-capabilities.md: `Worksheet.delete` is undoable nowhere;
 * `Worksheet.name`, `.visibility` and `.position` are not undoable on Windows and Mac):
 *
 *  - **first report** (nothing of ours to replace): new sheets are added under their final names
 *    and written in place — no rename, no visibility change, no delete — so the whole write can be
 *    one undo group (`mergeUndoGroup`, ExcelApi 1.20). Moving the sheets to the front
 *    (`Worksheet.position`) is done only where it is undoable too (the web) or where there is no
 *    undo group anyway. A failure is cleaned up by the caller in a run of its own (deleting cannot
 *    be grouped).
 *  - **regeneration** (earlier report sheets to replace): deleting them cannot be undone on any
 *    client, so this runs without an undo group: the report is written into hidden temporary
 *    sheets and swapped in at the end, so a failure part-way leaves the previous report (and,
 *    always, the user's sheets) as they were.
 *
 * Either way view and print settings (freeze panes, page layout, print area, breaks) are applied
 * once the sheets are visible, each refusal costing only that setting (office-js #1463: panes on a
 * hidden sheet; the reference: freezeAt "Sets the frozen cells in the active worksheet view").
 * Writes go in batches kept under Excel on the web's 5 MB request limit; a batch that is still too
 * large is split and sent again.
 *
 * Ownership is the file host's: a sheet's marker holds its key and fingerprints of the name and
 * content written (src/core/report/plan.ts); a marked sheet whose name or content changed since is the
 * user's and is kept. Report sheets go where the old ones were, else first; the board is activated.
 *
 * Text is written with the cell's number format set to Text ("@") first, in the same batch, so
 * a user's "=HYPERLINK(…)", "+44…" or "@SUM(…)" is stored as text (an undocumented behaviour to
 * confirm in real Excel: docs/office-host.md).
 */

export interface ApplyOptions extends OpOptions {
  capabilities: Capabilities;
  /** The run writing (ownership.ts): it takes the workbook's lock first, tags what it adds, and releases the lock last. */
  run?: RunContext;
  /** Names for temporary sheets when there is no run (tests, bench). */
  runId?: string;
  /** Whether to move the report's sheets into place (`Worksheet.position`); false inside an undo group on Windows and Mac. */
  place?: boolean;
  /** Ids of the sheets this run added, as soon as they are known (for the caller's clean-up after a failure). */
  created?: string[];
  onProgress?: (done: number, total: number) => void;
}

export interface ApplyResult {
  sheets: { key: string; name: string }[];
  renamed: { wanted: string; name: string }[];
  replaced: string[];
  /** Sheets carrying the report's marker that were copied or edited, so are the user's and were left alone. */
  kept: string[];
  /** What Excel refused, the report complete without it: view or print settings ("Board Report: freeze panes"), charts. */
  skipped: string[];
  /** What the user should know about other runs (a dead run's hold taken over, its leftovers removed). */
  notes: string[];
  syncs: number;
}

/** One write: what it adds, under which names, and its marks. */
interface Job {
  ctx: ContextLike;
  plan: ReportPlan;
  layout: Layout;
  opts: ApplyOptions;
  runId: string;
  replacing: boolean;
  made: WorksheetLike[];
  tags: NamedItemLike[];
  lock?: NamedItemLike;
  finalName: (i: number) => string;
  marker: (i: number) => string;
  sync: () => Promise<void>;
}

export async function applyPlan(
  ctx: ContextLike,
  plan: ReportPlan,
  layout: Layout,
  opts: ApplyOptions,
): Promise<ApplyResult> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await ctx.sync();
  };
  const finalName = (i: number) => layout.finalNames.get(plan.sheets[i].key)!;
  const hashes = plan.sheets.map((s) => contentHash(storedGrid(s, opts.date1904)));
  const job: Job = {
    ...{ ctx, plan, layout, opts, sync, finalName, made: [], tags: [] },
    runId: opts.run?.runId ?? opts.runId ?? Math.random().toString(36).slice(2, 8),
    replacing: layout.ours.length > 0,
    marker: (i) => `=${markerValue(plan.sheets[i].key, finalName(i), hashes[i])}`,
  };
  let skipped: string[];
  try {
    await addSheets(job);
    skipped = await writeContent(job);
  } catch (e) {
    // The caller removes what this run added, in a run of its own (deleting cannot be grouped).
    throw explain(e);
  }
  await (job.replacing ? swapIn(job) : putInPlace(job));
  append(skipped, await finish(job));
  return {
    sheets: plan.sheets.map((s, i) => ({ key: s.key, name: finalName(i) })),
    renamed: layout.renamed,
    replaced: layout.ours,
    kept: layout.kept,
    skipped,
    notes: layout.notes,
    syncs,
  };
}

/** 1. The lock (first, so a second run's batch stops there), and the sheets: under their final names on a first report, hidden temporary ones when replacing; each tagged with the run. */
async function addSheets(job: Job): Promise<void> {
  const { ctx, plan, opts } = job;
  const run = opts.run;
  if (run) queueTakeLock(ctx, run);
  // Kept sheets (the user's now) first take their period's name, freeing the report's (the core decides: settleKeptSheets).
  for (const k of job.layout.keptSheets ?? []) if (k.to !== k.from) ctx.workbook.worksheets.getItem(k.from).name = k.to;
  plan.sheets.forEach((_, i) => {
    const ws = ctx.workbook.worksheets.add(job.replacing ? tempSheetName(job.runId, i) : job.finalName(i));
    if (run) job.tags.push(ws.names.add(RUN_TAG, tagFormula(job.runId)));
    if (job.replacing) ws.visibility = "Hidden";
    ws.load("id");
    job.made.push(ws);
  });
  try {
    await job.sync();
  } catch (e) {
    if (run && codeOf(e) === "ItemAlreadyExists") await refuseIfHeld(ctx, run);
    throw e;
  }
  for (const ws of job.made) opts.created?.push(ws.id);
  if (run) job.lock = await confirmLock(ctx, run);
}

/** After ItemAlreadyExists on the first batch: was it the lock (another run holds the workbook)? */
async function refuseIfHeld(ctx: ContextLike, run: RunContext): Promise<void> {
  ctx.workbook.names.load("items/name,items/formula");
  await ctx.sync();
  const s = lockState(ctx.workbook.names.items, run.now());
  if (s.state !== "free" && s.lock.runId !== run.runId) throw busyError(s.lock);
}

/** 2. Values, formats, links, conditional formats and tables in batches; then the charts, each refusal costing only that chart. */
async function writeContent(job: Job): Promise<string[]> {
  const { plan, opts, made } = job;
  const content: Op[] = [];
  const objects: Op[] = [];
  const charts: ChartJob[] = [];
  plan.sheets.forEach((sheet, i) => {
    const o = sheetOps(
      plan,
      sheet,
      () => made[i],
      (k) => job.layout.finalNames.get(k),
      opts,
      tempTableName(job.runId, i),
    );
    append(content, o.content);
    append(objects, o.objects);
    for (const spec of sheet.charts) charts.push({ sheet: job.finalName(i), ws: () => made[i], spec });
  });
  await sendOps(
    job.ctx,
    content,
    objects,
    { requestBudget: opts.requestBudget, pageLayout: opts.capabilities.pageLayout, onProgress: opts.onProgress },
    job.sync,
  );
  return applyCharts(job.ctx, charts, opts.date1904, job.sync);
}

/** 3a. A first report: the markers, the run's tags gone (the same sync: a sheet is tagged and unmarked, or marked and untagged), the move to the front where allowed. */
async function putInPlace(job: Job): Promise<void> {
  job.plan.sheets.forEach((_, i) => (job.made[i].names.add(job.plan.marker, job.marker(i)).visible = false));
  for (const t of job.tags) t.delete();
  if (job.opts.place !== false) {
    job.made.forEach((ws, i) => (ws.position = job.layout.at + i));
    moveKeptToEnd(job.ctx.workbook, job.layout);
  }
  try {
    await job.sync();
  } catch (e) {
    throw explain(e);
  }
}

/** Kept sheets go after everything else, out of the pack's print order (position -1 is not accepted, so the last index). */
function moveKeptToEnd(wb: { worksheets: { getItem(name: string): WorksheetLike } }, layout: Layout): void {
  const kept = (layout.keptSheets ?? []).map((k) => k.to);
  const total = layout.present.length - layout.ours.length + layout.finalNames.size;
  kept.forEach((name, i) => (wb.worksheets.getItem(name).position = total - kept.length + i));
}

/** 3b. Replacing: mark the new sheets, remove the old, give the new their names, show and place them. */
async function swapIn(job: Job): Promise<void> {
  const { ctx, plan, made } = job;
  try {
    plan.sheets.forEach((_, i) => (made[i].names.add(plan.marker, job.marker(i)).visible = false));
    for (const t of job.tags) t.delete();
    for (const name of job.layout.ours) ctx.workbook.worksheets.getItem(name).delete();
    plan.sheets.forEach((_, i) => {
      made[i].name = job.finalName(i);
      made[i].visibility = "Visible";
    });
    made.forEach((ws, i) => (ws.position = job.layout.at + i));
    moveKeptToEnd(ctx.workbook, job.layout);
    await job.sync();
  } catch (e) {
    await settleSwap(
      ctx,
      plan,
      (i) => tempSheetName(job.runId, i),
      job.finalName,
      job.marker,
      new Set(job.layout.ours),
    );
    throw explain(e);
  }
}

/**
 * 4. The report is complete and in place: view and print settings, the tables' names, the board
 * opened — each refusal costing only itself — and the workbook released (before opening the
 * board, in the same sync: a refused `activate` must not keep the hold; office-js #2078).
 */
async function finish(job: Job): Promise<string[]> {
  const { ctx, plan, made, sync } = job;
  const skipped = await applySettings(
    ctx,
    plan.sheets.flatMap((s, i) => viewSettings(s, () => made[i], job.opts.capabilities)),
    sync,
  );
  try {
    // Tables can take their names once the old sheets (and their tables) are gone.
    ctx.workbook.tables.load("items/name");
    await sync();
    const present = new Set(ctx.workbook.tables.items.map((t) => t.name.toLowerCase()));
    for (const t of ctx.workbook.tables.items) {
      const m = /^PMO_(\w+)_(\d+)$/.exec(t.name);
      if (!m || m[1] !== job.runId) continue;
      const wanted = plan.sheets[Number(m[2])].table!.name;
      let name = wanted;
      for (let k = 2; present.has(name.toLowerCase()); k++) name = `${wanted}${k}`;
      t.name = name;
      present.add(name.toLowerCase());
    }
    await sync();
  } catch {
    skipped.push("table names (the tables keep temporary names)");
  }
  job.lock?.delete();
  const active = plan.sheets.findIndex((s) => s.key === plan.activeKey);
  if (active >= 0) made[active].activate();
  try {
    await sync();
  } catch {
    if (active >= 0) skipped.push(`${plan.sheets[active].name}: opening it`);
    if (job.lock)
      await releaseOnItsOwn(ctx, job.runId).catch(() =>
        skipped.push("releasing the workbook for other runs (they can start 10 minutes after this one began)"),
      );
  }
  return skipped;
}

/** Releases the workbook in a sync of its own (after a sync that was to release it failed). */
async function releaseOnItsOwn(ctx: ContextLike, runId: string): Promise<void> {
  const names = ctx.workbook.names;
  names.load("items/name,items/formula");
  await ctx.sync();
  const s = lockState(names.items, 0);
  if (s.state !== "free" && s.lock.runId === runId) s.item.delete();
  await ctx.sync();
}

/**
 * After a failed swap, leaves one whole report: the old one if it is still all there (the new
 * sheets are removed), otherwise the new one (its sheets get their marker and names, and are shown).
 */
async function settleSwap(
  ctx: ContextLike,
  plan: ReportPlan,
  tempName: (i: number) => string,
  finalName: (i: number) => string,
  marker: (i: number) => string,
  oldNames: Set<string>,
): Promise<void> {
  try {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name");
    await ctx.sync();
    const names = new Set(sheets.items.map((w) => w.name));
    const oldIntact = [...oldNames].every((n) => names.has(n));
    const temps = plan.sheets.map((_, i) => sheets.items.find((w) => w.name === tempName(i)));
    if (oldIntact) {
      for (const ws of temps) ws?.delete();
      await ctx.sync();
      return;
    }
    for (const ws of temps) ws?.names.load("items/name");
    await ctx.sync();
    temps.forEach((ws, i) => {
      if (!ws) return;
      if (!ws.names.items.some((n) => n.name === plan.marker)) ws.names.add(plan.marker, marker(i)).visible = false;
      ws.name = finalName(i);
      ws.visibility = "Visible";
    });
    await ctx.sync();
  } catch {
    /* best effort: the original failure is what the user is told about; the run's clean-up and the next run finish it */
  }
}

/**
 * After a failed write, in a run of its own (never in an undo group: "Worksheet.delete" cannot be
 * undone anywhere): removes what this run added and did not finish — the sheets whose ids it
 * learnt, those with its tag, its temporary sheets — never a sheet chosen by name; takes its tag
 * off sheets that are a finished report; releases the workbook. When Excel will not delete (another
 * workbook in front: `Worksheet.delete` throws InvalidSelection, docs excel/excel-add-ins-troubleshooting.md)
 * they are hidden instead, still tagged, and the next run removes them. Returns what is left behind.
 */
export async function cleanUpRun(ctx: ContextLike, runId: string, ids: readonly string[] = []): Promise<string[]> {
  const wb = ctx.workbook;
  wb.worksheets.load("items/id,items/name");
  wb.names.load("items/name,items/formula");
  await ctx.sync();
  for (const w of wb.worksheets.items) w.names.load("items/name,items/formula");
  await ctx.sync();
  const mine = (w: WorksheetLike) =>
    ids.includes(w.id) ||
    tagOf(w.names.items.find((n) => n.name === RUN_TAG)) === runId ||
    tempSheetRun(w.name) === runId;
  const finished = (w: WorksheetLike) => w.names.items.some((n) => n.name === "PMOHighlights.Report");
  const doomed = wb.worksheets.items.filter((w) => mine(w) && !finished(w));
  for (const w of wb.worksheets.items)
    if (mine(w) && finished(w)) w.names.items.find((n) => n.name === RUN_TAG)?.delete();
  let left: string[] = [];
  try {
    for (const w of doomed) w.delete();
    await ctx.sync();
  } catch {
    for (const w of doomed) w.visibility = "Hidden";
    await ctx.sync().catch(() => undefined);
    left = doomed.map((w) => w.name);
  }
  const lock = lockState(wb.names.items, 0);
  if (lock.state !== "free" && lock.lock.runId === runId) lock.item.delete();
  await ctx.sync();
  return left;
}
