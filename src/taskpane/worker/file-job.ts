import { analyseWorkbook, buildReportPlan } from "../../core/pipeline";
import type { Analysis } from "../../core/analysis/analyse";
import { analyseCollation } from "../../core/collation/analyse";
import type { SourceInput } from "../../core/collation/part";
import { readCsvFile } from "../../core/workbook/csv";
import { readWorkbook, XlsxReadError } from "../../hosts/xlsx/read";
import { writeReport } from "../../hosts/xlsx/write-report";
import type { WorkbookSnapshot } from "../../core/primitives/snapshot";
import type { PlanOptions } from "../../core/report/build";
import { asOfDay, toCheckResult } from "../services/common";
import { plainError } from "../services/plain-errors";
import { notAWorkbook } from "../services/refusals";
import { cellPreview, type PreviewSource } from "../services/cell-preview";
import { applyOverrides, type SessionEdits } from "../services/session-edits";
import type { FileJobRequest, FileJobResponse, ReportBytes, SourceBytes } from "./file-protocol";
import type { CellPreview, CheckResult, Stage } from "../services/types";

/**
 * The browser mode's work on a workbook file, as plain functions: read the bytes, check them, plan
 * and write the report. The file worker runs them off the pane's thread; where workers are
 * unavailable (and in tests) the same functions run inline. Each phase reports as it starts.
 */
export interface JobState {
  /** The last file read, for the cell preview. */
  snapshot: WorkbookSnapshot | null;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** What the pane's views read of a check: the summary, the sources, RAG by workstream. */
const SHOWN = new Set(["sources", "holidays", "workstreams"]);

/**
 * A check's summary as the pane receives it: its per-item lists (every project, milestone, risk…,
 * 50,000 of them in a big plan) stay in the worker, and the findings follow in slices, so nothing
 * large is received on the pane's thread at once.
 */
function forThePane(json: CheckResult["json"]): CheckResult["json"] {
  const out = Object.fromEntries(
    Object.entries(json).map(([k, v]) => [k, Array.isArray(v) && !SHOWN.has(k) ? [] : v]),
  ) as CheckResult["json"];
  return { ...out, workstreams: json.workstreams.map((w) => ({ ...w, projects: [] })) };
}

/** Findings per message: each is received on the pane's thread in a few milliseconds. */
export const FINDINGS_PER_MESSAGE = 2_000;

type Post = (r: FileJobResponse, transfer?: Transferable[]) => void;

/** A file chosen by the user, refused by name and in plain words when it is not a workbook. */
async function read(
  name: string,
  bytes: Uint8Array,
  progress: (stage: Stage, done: number, total: number) => void,
): Promise<WorkbookSnapshot> {
  const plain = notAWorkbook(name, bytes);
  if (plain) throw new Error(plain);
  progress("Reading", 0, 1);
  try {
    return await readWorkbook(bytes, { onSheet: (_s, i, n) => progress("Reading", i, n) });
  } catch (e) {
    if (e instanceof XlsxReadError) throw new Error(`${name} cannot be opened: ${e.message}.`);
    throw new Error(
      `${name} cannot be opened: ${plainError(e, "read it")}. Choose an Excel workbook (.xlsx); in Excel, File > Save As > Excel Workbook makes one.`,
    );
  }
}

/** Each workstream source read by the same file host (a CSV as the command line reads it); one that cannot be read keeps its reason. */
export async function readSources(list: readonly SourceBytes[]): Promise<SourceInput[]> {
  const out: SourceInput[] = [];
  for (const s of list) {
    if (!s.bytes) {
      out.push({ file: s.file, error: s.error ?? "it could not be read" });
      continue;
    }
    const bytes = new Uint8Array(s.bytes);
    const at = s.readAt ? { readAt: s.readAt } : {};
    try {
      if (/\.csv$/i.test(s.file))
        out.push({ file: s.file, ...at, snapshot: readCsvFile(bytes, s.file) }); // as the command line reads a CSV
      else out.push({ file: s.file, ...at, snapshot: await readWorkbook(bytes) });
    } catch (e) {
      out.push({ file: s.file, error: plainError(e, "read it").replace(/\.$/, "") });
    }
  }
  return out;
}

/** The workbook alone, or collated with the workstream sources (src/core/collation). */
async function analyse(
  snapshot: WorkbookSnapshot,
  sources: readonly SourceBytes[] | undefined,
  asOf: string | undefined,
): Promise<Analysis> {
  const opts = { asOf: asOfDay(asOf) };
  return sources?.length
    ? analyseCollation(snapshot, await readSources(sources), opts)
    : analyseWorkbook(snapshot, opts);
}

export async function checkFile(
  state: JobState,
  name: string,
  bytes: Uint8Array,
  edits: SessionEdits,
  asOf: string | undefined,
  progress: (stage: Stage, done: number, total: number) => void,
  sources?: SourceBytes[],
): Promise<CheckResult> {
  const started = performance.now();
  state.snapshot = await read(name, bytes, progress);
  progress("Checking", 0, 1);
  const analysis = await analyse(applyOverrides(state.snapshot, edits), sources, asOf);
  return toCheckResult(analysis, started);
}

export async function reportFile(
  state: JobState,
  name: string,
  bytes: Uint8Array,
  edits: SessionEdits,
  opts: { asOf?: string; include?: PlanOptions["include"]; sources?: SourceBytes[] },
  progress: (stage: Stage, done: number, total: number) => void,
): Promise<ReportBytes> {
  state.snapshot = await read(name, bytes, progress);
  progress("Checking", 0, 1);
  const analysis = await analyse(applyOverrides(state.snapshot, edits), opts.sources, opts.asOf);
  progress("Planning", 0, 1);
  const plan = buildReportPlan(analysis, { include: opts.include });
  progress("Writing", 0, 1);
  const out = await writeReport(bytes, plan);
  return { blob: new Blob([out.data as BlobPart], { type: XLSX_TYPE }), sheets: out.sheets, renamed: out.renamed };
}

export function previewCell(state: JobState, sheet: string, cell: string, source?: PreviewSource): CellPreview | null {
  return state.snapshot ? cellPreview(state.snapshot, sheet, cell, source) : null;
}

/** One request, answered through `post`: progress as it goes, then the result or a plain failure. */
export async function handleFileJob(state: JobState, req: FileJobRequest, post: Post): Promise<void> {
  const progress = (stage: Stage, done: number, total: number) =>
    post({ id: req.id, type: "progress", stage, done, total });
  try {
    switch (req.job) {
      case "open":
        await read(req.name, new Uint8Array(req.bytes), () => undefined);
        return post({ id: req.id, type: "done", result: null });
      case "check": {
        const result = await checkFile(
          state,
          req.name,
          new Uint8Array(req.bytes),
          req.edits,
          req.asOf,
          progress,
          req.sources,
        );
        const all = result.json.diagnostics;
        for (let i = 0; i < all.length; i += FINDINGS_PER_MESSAGE)
          post({ id: req.id, type: "findings", findings: all.slice(i, i + FINDINGS_PER_MESSAGE) });
        return post({ id: req.id, type: "done", result: { ...result, json: forThePane(result.json) } });
      }
      case "report":
        return post({
          id: req.id,
          type: "done",
          result: await reportFile(
            state,
            req.name,
            new Uint8Array(req.bytes),
            req.edits,
            { asOf: req.asOf, include: req.include, sources: req.sources },
            progress,
          ),
        });
      case "preview":
        return post({ id: req.id, type: "done", result: previewCell(state, req.sheet, req.cell, req.source) });
      case "sources":
        return post({ id: req.id, type: "done", result: await readSources(req.sources) });
    }
  } catch (e) {
    post({
      id: req.id,
      type: "failed",
      message: plainError(e, req.job === "report" ? "write the report" : "check the workbook"),
    });
  }
}
