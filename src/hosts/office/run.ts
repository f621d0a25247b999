import type { SourceInput } from "../../collation/part";
import type { Analysis } from "../../checks/analyse";
import type { Day } from "../../model/dates";
import type { WorkbookSnapshot } from "../../model/snapshot";
import type { ReportPlan } from "../../report/plan";
import { explain, HostError, RETRYABLE, codeOf } from "./errors";
import type { ContextLike } from "./excel-types";
import { readSnapshot, type ReadStats } from "./read";
import { capabilities, type IsSetSupported } from "./requirements";
import { applyPlan, prepareLayout, removeAdded, type ApplyResult } from "./write";

/**
 * The Office.js host's two jobs, each one Excel.run: check the open workbook, and write the
 * report into it. The run is injected (Excel.run in the add-in, a fake in the tests), and so is
 * the analysis, which the pane runs in a web worker so Excel never waits on it.
 */
export interface RunOptions {
  /** Queue the batch while the user is typing in a cell, rather than fail. */
  delayForCellEdit?: boolean;
  /** Merge the run's syncs into one undo step (ExcelApi 1.20). */
  mergeUndoGroup?: boolean;
}
export type Runner = <T>(options: RunOptions, batch: (ctx: ContextLike) => Promise<T>) => Promise<T>;

/** Excel.run, typed for this host. */
export function excelRunner(): Runner {
  return (options, batch) => Excel.run(options as Excel.RunOptions, (ctx) => batch(ctx));
}

export type Analyser = (snapshot: WorkbookSnapshot, opts: { asOf?: Day | null; include?: ReportInclude; now: Date; sources?: readonly SourceInput[] }) => Promise<{ analysis: Analysis; plan: ReportPlan }>;

export interface ReportInclude {
  board?: boolean;
  highlights?: boolean;
  exceptions?: boolean;
  history?: boolean;
  charts?: boolean;
}

/** The client, for its undo rules (Office.context.platform: OfficeOnline, PC, Mac; anything else is "other"). */
export type Platform = "web" | "windows" | "mac" | "other";

export interface HostDeps {
  run: Runner;
  /** Which client (its undo rules differ: docs excel/excel-add-ins-undo-capabilities.md). Unknown counts as not the web. */
  platform?: Platform;
  isSetSupported: IsSetSupported;
  analyse: Analyser;
  /** Waits before a retry (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

const BACKOFF_MS = [500, 1500, 4000];

/** Retries a co-authoring conflict with back-off, then explains it. */
async function withRetry<T>(deps: HostDeps, job: () => Promise<T>): Promise<T> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await job();
    } catch (e) {
      const code = e instanceof HostError ? e.code : codeOf(e);
      if (attempt < BACKOFF_MS.length && code && RETRYABLE.has(code)) {
        await sleep(BACKOFF_MS[attempt]);
        continue;
      }
      throw explain(e);
    }
  }
}

export interface CheckOutcome {
  snapshot: WorkbookSnapshot;
  analysis: Analysis;
  plan: ReportPlan;
  read: ReadStats;
}

export async function checkOpenWorkbook(deps: HostDeps, opts: { asOf?: Day | null; include?: ReportInclude; onProgress?: (done: number, total: number) => void } = {}): Promise<CheckOutcome> {
  capabilities(deps.isSetSupported);
  const { snapshot, stats } = await withRetry(deps, () => deps.run({ delayForCellEdit: true }, (ctx) => readSnapshot(ctx, { onProgress: opts.onProgress })));
  const { analysis, plan } = await deps.analyse(snapshot, { asOf: opts.asOf, include: opts.include, now: (deps.now ?? (() => new Date()))() });
  return { snapshot, analysis, plan, read: stats };
}

export interface ReportOutcome extends CheckOutcome {
  written: ApplyResult;
  /** Whether Excel can undo the whole write in one step (Ctrl+Z). */
  undoable: boolean;
}

/**
 * Reads, checks, plans and writes the report, once. Where the write can be one undo step it is
 * (ExcelApi 1.20, a first report: nothing to delete, rename or hide — see write.ts); a
 * regeneration deletes the old sheets, which no client can undo, so it asks for no undo group
 * rather than be refused and written again.
 */
export async function writeReportToWorkbook(
  deps: HostDeps,
  opts: { asOf?: Day | null; include?: ReportInclude; onProgress?: (stage: string, done: number, total: number) => void; beforeWrite?: (checked: CheckOutcome) => void } = {},
): Promise<ReportOutcome> {
  const caps = capabilities(deps.isSetSupported);
  const checked = await checkOpenWorkbook(deps, { asOf: opts.asOf, include: opts.include, onProgress: (d, t) => opts.onProgress?.("Reading", d, t) });
  opts.beforeWrite?.(checked);
  const plan = checked.plan;
  const platform = deps.platform ?? "other";
  let undoable = false;
  const written = await withRetry(deps, async () => {
    // The layout is taken afresh on every attempt: a co-author may have changed the sheets.
    const layout = await deps.run({ delayForCellEdit: true }, (ctx) => prepareLayout(ctx, plan));
    const first = layout.ours.length === 0;
    const attempt = async (merge: boolean) => {
      const created: string[] = [];
      try {
        return await deps.run({ delayForCellEdit: true, mergeUndoGroup: merge }, (ctx) =>
          applyPlan(ctx, plan, layout, {
            date1904: checked.snapshot.date1904,
            capabilities: caps,
            // Worksheet.position is undoable on the web only: inside an undo group elsewhere the report stays at the end.
            place: !merge || platform === "web",
            created,
            onProgress: (d, t) => opts.onProgress?.("Writing", d, t),
          }),
        );
      } catch (e) {
        // A first report writes into its final sheets: remove them, in a run of its own (deleting cannot be grouped).
        if (first) await deps.run({ delayForCellEdit: true }, (ctx) => removeAdded(ctx, created, [...layout.finalNames.values()], layout.present)).catch(() => undefined);
        throw e;
      }
    };
    const merge = caps.mergeUndo && first;
    try {
      const out = await attempt(merge);
      undoable = merge;
      return out;
    } catch (e) {
      // Not expected (nothing non-undoable is grouped); should Excel refuse anyway, write without the group.
      if (merge && codeOf((e as { cause?: unknown }).cause ?? e) === "UndoNotSupported") return attempt(false);
      throw e;
    }
  });
  return { ...checked, written, undoable };
}
