import { REPORT_MARKER } from "../../core/report/plan";
import { HostError } from "./errors";
import type { ContextLike, NamedItemLike, TableLike, WorksheetLike } from "./excel-types";

/**
 * One run at a time per workbook, across the pane, the ribbon and co-authors, and clean-up of
 * only what a run made.
 *
 * Where the marks live: in the workbook's own names. Co-authoring "only synchronizes the content
 * within the shared workbook" (docs excel/co-authoring-in-excel-add-ins.md), and a named item is
 * workbook content; adding and deleting one is undoable on every client (it is not among the
 * "Unsupported APIs" of docs excel/excel-add-ins-undo-capabilities.md), so a first report stays one
 * undo step. Not the add-in's settings: they are an in-memory copy per add-in instance, written
 * back only by `saveAsync` (docs develop/persisting-add-in-state-and-settings.md: "The get, set,
 * and remove methods operate only on the in-memory copy"), so the pane's and the ribbon's
 * runtimes would each hold their own; `saveAsync` clears the undo stack (office-js #3141) and a
 * refresh lost saved data on the web (#594). Not a custom XML part: nothing documents that parts
 * merge under co-authoring, and syncs with them failed on iPad (#3936). Not a hidden sheet:
 * adding, hiding and deleting sheets cannot be undone on Windows and Mac.
 *
 *  - **The lock**: a hidden workbook-scoped name `PMOHighlights.Run` holding the run's id, where
 *    it was started from, and until when it holds. The write run adds it as its first command
 *    (`add` refuses a name that exists: ItemAlreadyExists, so a second run's batch stops there,
 *    before it adds anything), reads it back to be sure a co-author's run did not win the merge,
 *    and deletes it in its last sync. A lock past its time belongs to a run that died (a closed
 *    pane, a lost network, the ribbon's 5-minute limit) and is taken over, with a note.
 *  - **The tag**: every sheet a run adds carries a hidden sheet-scoped name `PMOHighlights.RunTag`
 *    with the run's id from the batch that adds it, until the report is in place. Clean-up after a
 *    failure removes the sheets with this run's tag (and its temporary sheets and tables, whose
 *    names hold its id), never a sheet chosen by name.
 *  - **Leftovers**: a run that finds the workbook free (or the lock expired) removes what dead runs
 *    left: their temporary `PMO~<run>~n` sheets (and the `PMO_<run>_n` tables on them), sheets
 *    with a dead run's tag and no report marker (a first report cut off), and stray tags.
 */
export const RUN_LOCK = "PMOHighlights.Run";
export const RUN_TAG = "PMOHighlights.RunTag";
/** How long a lock holds: past the ribbon's 5-minute limit (docs design/add-in-commands.md), and long enough for the pane's largest writes. */
export const LOCK_TTL_MS = 10 * 60_000;

export type RunSource = "pane" | "ribbon";

export interface RunLock {
  runId: string;
  source: RunSource | "other";
  started: number;
  expires: number;
}

/** The run writing: its id (letters and digits), where it was started from, and its clock. */
export interface RunContext {
  runId: string;
  source: RunSource;
  now: () => number;
}

/** A run's id: letters and digits, unique enough per workbook (it names temporary sheets and tables). */
export function newRunId(): string {
  return Math.random()
    .toString(36)
    .slice(2, 10)
    .replace(/[^a-z0-9]/g, "0")
    .padEnd(8, "0");
}

const quoted = (text: string) => `="${text}"`;
const unquoted = (formula: unknown) => String(formula ?? "").replace(/^="?|"$/g, "");

export function lockFormula(l: RunLock): string {
  return quoted(`pmo-run|${l.runId}|${l.source}|${l.started}|${l.expires}`);
}

export function parseLock(formula: unknown): RunLock | null {
  const m = /^pmo-run\|(\w+)\|(\w+)\|(\d+)\|(\d+)$/.exec(unquoted(formula));
  if (!m) return null;
  const source = m[2] === "pane" || m[2] === "ribbon" ? m[2] : "other";
  return { runId: m[1], source, started: Number(m[3]), expires: Number(m[4]) };
}

export const tagFormula = (runId: string) => quoted(runId);
export const tagOf = (item: NamedItemLike | undefined): string | null => (item ? unquoted(item.formula) || null : null);

/** Temporary sheet and table names hold the run's id. */
export const tempSheetName = (runId: string, i: number) => `PMO~${runId}~${i}`;
export const tempTableName = (runId: string, i: number) => `PMO_${runId}_${i}`;
const TEMP_SHEET = /^PMO~(\w+)~\d+$/;
const TEMP_TABLE = /^PMO_(\w+)_\d+$/;
export const tempSheetRun = (name: string) => TEMP_SHEET.exec(name)?.[1] ?? null;
export const tempTableRun = (name: string) => TEMP_TABLE.exec(name)?.[1] ?? null;

function clock(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 16)} UTC`;
}

/** What the lock says now: free, held by a live run, or expired (with the item to take over). */
export function lockState(
  names: NamedItemLike[],
  now: number,
): { state: "free" } | { state: "held" | "expired"; lock: RunLock; item: NamedItemLike } {
  const item = names.find((n) => n.name === RUN_LOCK);
  const lock = item ? parseLock(item.formula) : null;
  if (!item) return { state: "free" };
  // An unreadable lock (not ours to parse) is treated as expired: it cannot be a live run of ours.
  if (!lock) return { state: "expired", lock: { runId: "unknown", source: "other", started: 0, expires: 0 }, item };
  return { state: lock.expires > now ? "held" : "expired", lock, item };
}

export function busyError(lock: RunLock): HostError {
  const from =
    lock.source === "ribbon" ? "from the ribbon" : lock.source === "pane" ? "from the Programme Check pane" : "";
  return new HostError(
    "busy",
    `A report is already being written in this workbook ${from} (started ${clock(lock.started)}, here or by a co-author). Wait until it has finished, then try again. Should that run have stopped part-way, this workbook is free again at ${clock(lock.expires)}. Nothing was changed.`.replace(
      "  ",
      " ",
    ),
    "RunInProgress",
  );
}

export function takeoverNote(lock: RunLock): string {
  return lock.started
    ? `An earlier report run (started ${clock(lock.started)}) did not finish; its hold on the workbook expired and this run took over.`
    : "An unreadable report-run mark was found and replaced.";
}

/**
 * Queues the lock as the batch's first command: `add` refuses an existing name (ItemAlreadyExists),
 * so when another run holds the workbook nothing after it in the batch is done.
 */
export function queueTakeLock(ctx: ContextLike, run: RunContext): void {
  const now = run.now();
  ctx.workbook.names.add(
    RUN_LOCK,
    lockFormula({ runId: run.runId, source: run.source, started: now, expires: now + LOCK_TTL_MS }),
  ).visible = false;
}

/** After the batch that took it: is the lock ours (a co-author's run may have won the merge)? Throws "busy" if not. */
export async function confirmLock(ctx: ContextLike, run: RunContext): Promise<NamedItemLike> {
  const names = ctx.workbook.names;
  names.load("items/name,items/formula");
  await ctx.sync();
  const s = lockState(names.items, run.now());
  if (s.state === "free" || s.lock.runId !== run.runId)
    throw busyError(
      s.state === "free"
        ? { runId: "?", source: "other", started: run.now(), expires: run.now() + LOCK_TTL_MS }
        : s.lock,
    );
  return s.item;
}

export interface Leftovers {
  /** Sheets to delete: dead runs' temporary sheets, and their tagged sheets without a report marker. */
  sheets: WorksheetLike[];
  /** Tags to remove from sheets that are kept (complete report sheets of a run that died after writing them). */
  tags: NamedItemLike[];
  tables: number;
}

/** Dead runs' leftovers (the caller holds the workbook, so any other run is dead). Sheets' names and tables loaded. */
export function findLeftovers(
  sheets: WorksheetLike[],
  tables: TableLike[],
  tableSheet: (t: TableLike) => string,
  runId: string,
): Leftovers {
  const out: Leftovers = { sheets: [], tags: [], tables: 0 };
  for (const ws of sheets) {
    const tag = ws.names.items.find((n) => n.name === RUN_TAG);
    const tagRun = tagOf(tag);
    const tempRun = tempSheetRun(ws.name);
    if (
      (tempRun && tempRun !== runId) ||
      (tagRun && tagRun !== runId && !ws.names.items.some((n) => n.name === REPORT_MARKER))
    )
      out.sheets.push(ws);
    else if (tag && tagRun !== runId) out.tags.push(tag);
  }
  const gone = new Set(out.sheets.map((w) => w.name));
  out.tables = tables.filter(
    (t) => tempTableRun(t.name) && tempTableRun(t.name) !== runId && gone.has(tableSheet(t)),
  ).length;
  return out;
}

export function leftoversNote(l: Leftovers): string | null {
  if (!l.sheets.length && !l.tags.length) return null;
  const temps = l.sheets.filter((w) => tempSheetRun(w.name)).length;
  const cut = l.sheets.filter((w) => !tempSheetRun(w.name)).map((w) => w.name);
  const parts = [
    temps ? `${temps} hidden temporary sheet${temps === 1 ? "" : "s"}` : "",
    cut.length ? `${cut.length} unfinished report sheet${cut.length === 1 ? "" : "s"} (${cut.join(", ")})` : "",
    l.tables ? `${l.tables} table${l.tables === 1 ? "" : "s"} on them` : "",
    l.tags.length && !l.sheets.length
      ? `the marks it left on ${l.tags.length} finished sheet${l.tags.length === 1 ? "" : "s"}`
      : "",
  ].filter(Boolean);
  return `An earlier report run stopped part-way; what it left was removed: ${parts.join(", ")}.`;
}
