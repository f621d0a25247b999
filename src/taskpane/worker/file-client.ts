import type { SourceInput } from "../../core/collation/part";
import type { PreviewSource } from "../services/cell-preview";
import { plainError } from "../services/plain-errors";
import type { SessionEdits } from "../services/session-edits";
import type { CellPreview, CheckResult, Progress, ReportOptions } from "../services/types";
import { handleFileJob, type JobState } from "./file-job";
import type { FileJobRequest, FileJobResponse, ReportBytes, SourceBytes } from "./file-protocol";

/** The file work the browser mode asks for; in the file worker, or inline where there is none. */
export interface FileJobs {
  open(name: string, bytes: Uint8Array): Promise<void>;
  check(
    name: string,
    bytes: Uint8Array,
    edits: SessionEdits,
    asOf: string | undefined,
    progress: Progress,
    sources?: SourceBytes[],
  ): Promise<CheckResult>;
  report(
    name: string,
    bytes: Uint8Array,
    edits: SessionEdits,
    opts: ReportOptions,
    progress: Progress,
    sources?: SourceBytes[],
  ): Promise<ReportBytes>;
  preview(sheet: string, cell: string, source?: PreviewSource): Promise<CellPreview | null>;
  /** Excel mode: the workstream sources read by the file host, to collate with the open workbook. */
  sources(list: SourceBytes[]): Promise<SourceInput[]>;
  dispose(): void;
}

/** A check's findings as they arrive in slices, put back into its result when it is done. */
class Findings {
  private parts: CheckResult["json"]["diagnostics"][] = [];
  add(part: CheckResult["json"]["diagnostics"]): void {
    this.parts.push(part);
  }
  into<T>(result: T): T {
    if (!this.parts.length) return result;
    const r = result as unknown as CheckResult;
    return { ...r, json: { ...r.json, diagnostics: this.parts.flat() } } as unknown as T;
  }
}

type Send = (req: FileJobRequest, transfer: Transferable[], progress: Progress) => Promise<unknown>;

/** The bytes' own buffer when the view covers all of it (moved, not copied), else a copy of the view. */
function bufferOf(bytes: Uint8Array): ArrayBuffer {
  const whole =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
}

function jobsOver(send: Send, dispose: () => void): FileJobs {
  let next = 1;
  type Body = FileJobRequest extends infer R ? (R extends FileJobRequest ? Omit<R, "id"> : never) : never;
  const job = <T>(req: Body, progress: Progress = () => undefined) =>
    send({ ...req, id: next++ } as FileJobRequest, transfers(req), progress) as Promise<T>;
  return {
    open: (name, bytes) => job({ job: "open", name, bytes: bufferOf(bytes) }),
    check: (name, bytes, edits, asOf, progress, sources) =>
      job({ job: "check", name, bytes: bufferOf(bytes), edits, asOf, sources }, progress),
    report: (name, bytes, edits, opts, progress, sources) =>
      job(
        { job: "report", name, bytes: bufferOf(bytes), edits, asOf: opts.asOf, include: opts.include, sources },
        progress,
      ),
    preview: (sheet, cell, source) => job({ job: "preview", sheet, cell, source }),
    sources: (list) => job({ job: "sources", sources: list }),
    dispose,
  };
}

/** The buffers a request hands over to the worker (the workbook's and its sources'), moved rather than copied. */
function transfers(req: FileJobRequest | Omit<FileJobRequest, "id">): Transferable[] {
  const r = req as { bytes?: ArrayBuffer; sources?: SourceBytes[] };
  const out: Transferable[] = r.bytes ? [r.bytes] : [];
  for (const s of r.sources ?? []) if (s.bytes) out.push(s.bytes);
  return out;
}

/** The same jobs on this thread (tests, and browsers without workers). */
export function inlineFileJobs(): FileJobs {
  const state: JobState = { snapshot: null };
  return jobsOver(
    (req, _t, progress) =>
      new Promise((resolve, reject) => {
        const found = new Findings();
        void handleFileJob(state, req, (r) =>
          r.type === "progress"
            ? progress(r.stage, r.done, r.total)
            : r.type === "findings"
              ? found.add(r.findings)
              : r.type === "done"
                ? resolve(found.into(r.result))
                : reject(new Error(r.message)),
        );
      }),
    () => undefined,
  );
}

/**
 * The jobs in the file worker (webpack builds file-worker.js beside the pane): one worker for the
 * open file, which keeps the last read for the cell preview. Without workers, inline.
 */
export function workerFileJobs(url = "file-worker.js"): FileJobs {
  if (typeof Worker === "undefined") return inlineFileJobs();
  const waiting = new Map<
    number,
    { progress: Progress; found: Findings; resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  let worker: Worker | null = null;
  /** The worker, started on first use and again after one that failed (it may have run out of memory). */
  const get = (): Worker => {
    if (worker) return worker;
    const w = new Worker(url);
    w.onmessage = (e: MessageEvent<FileJobResponse>) => {
      const job = waiting.get(e.data.id);
      if (!job) return;
      if (e.data.type === "progress") return job.progress(e.data.stage, e.data.done, e.data.total);
      if (e.data.type === "findings") return job.found.add(e.data.findings);
      waiting.delete(e.data.id);
      if (e.data.type === "done") job.resolve(job.found.into(e.data.result));
      else job.reject(new Error(e.data.message));
    };
    w.onerror = (e) => {
      e.preventDefault();
      const raw: Error = e.error ?? new Error(e.message ?? "");
      const text = plainError(raw, "finish the work");
      const failure = new Error(
        text === String(raw.message)
          ? `The pane's checker stopped before it finished${raw.message ? ` (${raw.message})` : ""}. Reload the pane and try again.`
          : text,
      );
      for (const job of waiting.values()) job.reject(failure);
      waiting.clear();
      w.terminate();
      worker = null;
    };
    return (worker = w);
  };
  const send: Send = (req, transfer, progress) =>
    new Promise((resolve, reject) => {
      waiting.set(req.id, { progress, found: new Findings(), resolve, reject });
      try {
        get().postMessage(req, transfer);
      } catch (e) {
        waiting.delete(req.id);
        reject(new Error(plainError(e, req.job === "report" ? "write the report" : "check the workbook")));
      }
    });
  return jobsOver(send, () => worker?.terminate());
}
