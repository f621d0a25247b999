/**
 * Excel's errors, explained to the user. Branch on `error.code` (stable), never on the
 * message (localised). Each explanation says what happened and what to do.
 */
export type ExcelProblem =
  | "protected"
  | "read-only"
  | "name-taken"
  | "conflict"
  | "too-large"
  | "cell-edit"
  | "unsupported"
  | "busy"
  | "unknown";

export class HostError extends Error {
  constructor(
    readonly problem: ExcelProblem,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "HostError";
  }
}

export function codeOf(e: unknown): string | undefined {
  const c = (e as { code?: unknown })?.code;
  return typeof c === "string" ? c : undefined;
}

export const RETRYABLE = new Set(["Conflict", "InsertDeleteConflict", "ActivityLimitReached", "ServiceNotAvailable"]);
export const TOO_LARGE = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit"]);

export const EXCEL_VERSION_NOTE = "Excel on the web, Microsoft 365, Excel 2019 or later on Windows, or Excel 16.9 or later on Mac";

export function explain(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const h = explainCode(codeOf(e));
  (h as { cause?: unknown }).cause = e; // kept for the developer console, never shown to users
  return h;
}

function explainCode(code: string | undefined): HostError {
  switch (code) {
    case "AccessDenied":
      return new HostError("protected", "Excel would not let the report be written: the workbook or a sheet is protected, or you can only view this file. Unprotect the workbook (Review > Protect Workbook), or open it for editing, then try again. Nothing was changed.", code);
    case "ItemAlreadyExists":
      return new HostError("name-taken", "A sheet or table name the report needs was taken while it was being written (perhaps by a co-author). Try again; the report will choose other names. Nothing was changed.", code);
    case "Conflict":
    case "InsertDeleteConflict":
      return new HostError("conflict", "Someone else is editing this workbook at the same moment, and Excel could not merge the changes. Wait a moment and try again. Nothing was changed.", code);
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "RangeExceedsLimit":
      return new HostError("too-large", "The workbook is too large to move in one piece, even in small blocks. Remove unused rows and columns from the input sheets, or run the command-line tool on a saved copy. Nothing was changed.", code);
    case "InvalidOperationInCellEditMode":
      return new HostError("cell-edit", "Excel is waiting for you to finish editing a cell. Press Enter or Esc, then try again.", code);
    case "ApiNotFound":
    case "NotImplemented":
    case "UnsupportedFeature":
      return new HostError("unsupported", `This version of Excel lacks a feature the add-in needs. It works in ${EXCEL_VERSION_NOTE}.`, code);
    case "ActivityLimitReached":
    case "ServiceNotAvailable":
      return new HostError("busy", "Excel is busy. Wait a moment and try again. Nothing was changed.", code);
    default:
      return new HostError("unknown", `Excel reported a problem${code ? ` (${code})` : ""}. Try again; if it keeps happening, save the workbook and run the command-line tool on it. Nothing was changed.`, code);
  }
}
