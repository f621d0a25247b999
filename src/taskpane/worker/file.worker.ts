/// <reference lib="webworker" />
import { handleFileJob, type JobState } from "./file-job";
import type { FileJobRequest, FileJobResponse } from "./file-protocol";

/**
 * The browser mode's file work off the pane's thread: reading the .xlsx, the checks, the report
 * plan and writing the report. The pane stays responsive however large the workbook.
 */
const state: JobState = { snapshot: null };
const scope = self as unknown as DedicatedWorkerGlobalScope;
let queue = Promise.resolve();

scope.onmessage = (e: MessageEvent<FileJobRequest>) => {
  // One job at a time, in the order asked (a preview waits for the check that reads the file).
  queue = queue.then(() =>
    handleFileJob(state, e.data, (r: FileJobResponse, transfer?: Transferable[]) =>
      scope.postMessage(r, transfer ?? []),
    ),
  );
};
