import type { SourceInput } from "../../core/collation/part";
import type { Analysis } from "../../core/analysis/analyse";
import type { Day } from "../../core/primitives/dates";
import type { WorkbookSnapshot } from "../../core/primitives/snapshot";
import type { ReportPlan } from "../../core/report/plan";
import { explain, HostError, isTransient, codeOf } from "./errors";
import type { ContextLike } from "./excel-types";
import type { Layout } from "./layout";
import { readSnapshot, type ReadStats } from "./read";
import { capabilities, type IsSetSupported } from "./requirements";
import { newRunId, type RunContext, type RunSource } from "./ownership";
import { applyPlan, cleanUpRun, prepareLayout, type ApplyResult } from "./write";

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

export type Analyser = (
  snapshot: WorkbookSnapshot,
  opts: { asOf?: Day | null; include?: ReportInclude; now: Date; sources?: readonly SourceInput[] },
) => Promise<{ analysis: Analysis; plan: ReportPlan }>;

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
  /** Where runs start from, for the workbook's lock (ownership.ts): the pane or the ribbon. */
  source?: RunSource;
  /** The wall clock for the lock's expiry (tests move it on); Date.now by default. */
  clock?: () => number;
}

const BACKOFF_MS = [500, 1500, 4000];

/** Retries a co-authoring conflict or a passing error (errors.ts `isTransient`) with back-off, then explains it. */
async function withRetry<T>(deps: HostDeps, job: () => Promise<T>): Promise<T> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await job();
    } catch (e) {
      if (attempt < BACKOFF_MS.length && isTransient(e)) {
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

/**
 * Reads the open workbook and checks it, collated with the workstream `sources` when there are
 * some (read by the file host, never written into the workbook: only the report is).
 */
export async function checkOpenWorkbook(
  deps: HostDeps,
  opts: {
    asOf?: Day | null;
    include?: ReportInclude;
    onProgress?: (done: number, total: number) => void;
    sources?: readonly SourceInput[];
  } = {},
): Promise<CheckOutcome> {
  capabilities(deps.isSetSupported);
  const { snapshot, stats } = await withRetry(deps, () =>
    deps.run({ delayForCellEdit: true }, (ctx) => readSnapshot(ctx, { onProgress: opts.onProgress })),
  );
  const { analysis, plan } = await deps.analyse(snapshot, {
    asOf: opts.asOf,
    include: opts.include,
    now: (deps.now ?? (() => new Date()))(),
    ...(opts.sources?.length ? { sources: opts.sources } : {}),
  });
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
  opts: {
    asOf?: Day | null;
    include?: ReportInclude;
    onProgress?: (stage: string, done: number, total: number) => void;
    beforeWrite?: (checked: CheckOutcome) => void;
    sources?: readonly SourceInput[];
  } = {},
): Promise<ReportOutcome> {
  const caps = capabilities(deps.isSetSupported);
  const checked = await checkOpenWorkbook(deps, {
    asOf: opts.asOf,
    include: opts.include,
    onProgress: (d, t) => opts.onProgress?.("Reading", d, t),
    sources: opts.sources,
  });
  opts.beforeWrite?.(checked);
  const plan = checked.plan;
  const platform = deps.platform ?? "other";
  let undoable = false;
  const written = await withRetry(deps, async () => {
    // A fresh run id per attempt, and the layout taken afresh: a co-author may have changed the sheets.
    const run: RunContext = { runId: newRunId(), source: deps.source ?? "pane", now: deps.clock ?? Date.now };
    const layout = await deps.run({ delayForCellEdit: true }, (ctx) => prepareLayout(ctx, plan, { run }));
    const merge = caps.mergeUndo && layout.ours.length === 0;
    const attempt = (grouped: boolean, runId: string) =>
      writeOnce(deps, {
        run: { ...run, runId },
        layout,
        grouped,
        checked,
        opts,
        caps,
        place: !grouped || platform === "web",
      });
    try {
      const out = await attempt(merge, run.runId);
      undoable = merge;
      return out;
    } catch (e) {
      // Not expected (nothing non-undoable is grouped); should Excel refuse the group anyway —
      // UndoNotSupported, or the errors office-js #6711 and #6255 show from mergeUndoGroup on the web — write once more without it.
      if (merge && undoGroupRefused(e)) return attempt(false, newRunId());
      throw e;
    }
  });
  return { ...checked, written, undoable };
}

/** Errors that say the write itself cannot be done, whatever the undo group: not worth a second try without it. */
const NOT_THE_GROUP = new Set([
  "protected",
  "read-only",
  "name-taken",
  "cell-edit",
  "too-large",
  "busy",
  "inactive",
  "conflict",
]);

function undoGroupRefused(e: unknown): boolean {
  const code = codeOf((e as { cause?: unknown }).cause ?? e);
  if (code === "UndoNotSupported") return true;
  return e instanceof HostError && !NOT_THE_GROUP.has(e.problem) && code !== "AccessDenied";
}

/** One write, in one Excel.run (grouped or not); after a failure, what this run added is removed in a run of its own. */
async function writeOnce(
  deps: HostDeps,
  w: {
    run: RunContext;
    layout: Layout;
    grouped: boolean;
    checked: CheckOutcome;
    opts: { onProgress?: (stage: string, done: number, total: number) => void };
    caps: ReturnType<typeof capabilities>;
    place: boolean;
  },
): Promise<ApplyResult> {
  const created: string[] = [];
  try {
    return await deps.run({ delayForCellEdit: true, mergeUndoGroup: w.grouped }, (ctx) =>
      applyPlan(ctx, w.checked.plan, w.layout, {
        date1904: w.checked.snapshot.date1904,
        capabilities: w.caps,
        run: w.run,
        // Worksheet.position is undoable on the web only: inside an undo group elsewhere the report stays at the end.
        place: w.place,
        created,
        onProgress: (d, t) => w.opts.onProgress?.("Writing", d, t),
      }),
    );
  } catch (e) {
    const left = await deps
      .run({ delayForCellEdit: true }, (ctx) => cleanUpRun(ctx, w.run.runId, created))
      .catch(() => null);
    const h = explain(e);
    if (left === null || left.length) {
      // Excel would not remove them now (another workbook in front, a lost connection): hidden, or left as they are, and tagged; the next run removes them.
      throw withNote(h, "The sheets this attempt had started are removed the next time the report is generated.");
    }
    throw h;
  }
}

function withNote(h: HostError, note: string): HostError {
  const out = new HostError(h.problem, `${h.message} ${note}`, h.code, h.details);
  (out as { cause?: unknown }).cause = (h as { cause?: unknown }).cause;
  return out;
}
