import type { SourceInput } from "../../core/collation/part";
import type { PlanOptions } from "../../core/report/build";
import type { PreviewSource } from "../services/cell-preview";
import type { SessionEdits } from "../services/session-edits";
import type { CheckResult, ReportResult, Stage } from "../services/types";

/**
 * Messages between the pane and its file worker. The workbook's bytes go in as a transferred
 * ArrayBuffer and the written report comes back as a Blob, so neither is copied on the pane's
 * thread; everything else is small (settings, options, the check's summary).
 */
export type FileJobRequest =
  | { id: number; job: "open"; name: string; bytes: ArrayBuffer }
  | {
      id: number;
      job: "check";
      name: string;
      bytes: ArrayBuffer;
      edits: SessionEdits;
      asOf?: string;
      sources?: SourceBytes[];
    }
  | {
      id: number;
      job: "report";
      name: string;
      bytes: ArrayBuffer;
      edits: SessionEdits;
      asOf?: string;
      include?: PlanOptions["include"];
      sources?: SourceBytes[];
    }
  | { id: number; job: "preview"; sheet: string; cell: string; source?: PreviewSource }
  /** Excel mode: the workstream sources read by the file host, for the open workbook's analysis to collate. */
  | { id: number; job: "sources"; sources: SourceBytes[] };

/** A workstream source's bytes (the pane's Sources list), or why it could not be read. */
export interface SourceBytes {
  file: string;
  bytes?: ArrayBuffer;
  error?: string;
  /** When its bytes were read (model/provenance.ts `readAtText`): the Sources sheet's Last read. */
  readAt?: string;
}

/**
 * The written workbook and the sheets it holds. The workbook is a Blob made in the worker: posting
 * a Blob passes a reference to its data, so the pane's thread never copies the file.
 */
export interface ReportBytes extends Pick<ReportResult, "sheets" | "renamed"> {
  blob: Blob;
}

export type FileJobResponse =
  | { id: number; type: "progress"; stage: Stage; done: number; total: number }
  /** A check's findings, a slice at a time before its "done": one message of 100,000 findings would take the pane's thread seconds to receive. */
  | { id: number; type: "findings"; findings: CheckResult["json"]["diagnostics"] }
  | {
      id: number;
      type: "done";
      result: CheckResult | ReportBytes | import("../services/types").CellPreview | SourceInput[] | null;
    }
  | { id: number; type: "failed"; message: string };
