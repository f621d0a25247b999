/**
 * Excel's errors, explained to the user. Branch on `error.code` (stable), never on the message:
 * "The error message isn't intended for consumption by end users; you should use the error code
 * and appropriate business logic to determine the error message that your add-in shows to end
 * users" (docs testing/application-specific-api-error-handling.md). Each explanation says what
 * happened and what to do; Excel's own message goes to `details` only (a details line).
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
  | "inactive"
  | "unknown";
// "busy" also covers another run holding the workbook (ownership.ts, code RunInProgress).

export class HostError extends Error {
  constructor(
    readonly problem: ExcelProblem,
    message: string,
    readonly code?: string,
    /** Excel's code and message, for a details line (never the message shown). */
    public details?: string,
  ) {
    super(message);
    this.name = "HostError";
  }
}

export function codeOf(e: unknown): string | undefined {
  const c = (e as { code?: unknown })?.code;
  return typeof c === "string" ? c : undefined;
}

/** Retried with back-off (run.ts): conflicts, a busy service, a lost request context (office-js #6964), and a name taken meanwhile (a fresh layout picks another). */
export const RETRYABLE = new Set([
  "Conflict",
  "InsertDeleteConflict",
  "ActivityLimitReached",
  "ServiceNotAvailable",
  "InvalidRequestContext",
  "ItemAlreadyExists",
]);

/** Excel's own (English) text of a GeneralException a co-author's change causes: office-js #6501. */
const NOT_CURRENT = /data is not current on the server/i;

/**
 * A failure that passes: a co-authoring conflict, a busy service, a request context lost while a
 * co-author's change arrived (InvalidRequestContext, office-js #6964), or "Operation failed because
 * the data is not current on the server" (a GeneralException, office-js #6501; only the message,
 * in Excel's language, tells it from other GeneralExceptions, so it is recognised in English only
 * and otherwise explained as a GeneralException, whose message also says to try again).
 */
export function isTransient(e: unknown): boolean {
  const original = (e as { cause?: unknown })?.cause ?? e;
  const code = e instanceof HostError && e.code ? e.code : codeOf(original);
  if (code && RETRYABLE.has(code)) return true;
  if (code !== "GeneralException") return false;
  const info = (original as { debugInfo?: { message?: unknown }; message?: unknown }) ?? {};
  return NOT_CURRENT.test(String(info.debugInfo?.message ?? "")) || NOT_CURRENT.test(String(info.message ?? ""));
}
export const TOO_LARGE = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "RangeExceedsLimit",
]);

/**
 * The clients the add-in runs in. Not Excel 2019 or 2016: volume-licensed Office 2019 runs add-ins in
 * Internet Explorer 11 (Trident), which the ES2020 / React 19 pane cannot run, and the manifest's
 * ExcelApi 1.8 leaves it out (requirement sets: Office 2019 volume-licensed has 1.2–1.7).
 */
export const EXCEL_VERSION_NOTE = "Excel on the web, Excel for Microsoft 365 on Windows or Mac, or Excel 2021 or later";

export function explain(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const code = codeOf(e);
  const h = explainCode(code);
  (h as { cause?: unknown }).cause = e; // kept for the developer console, never shown to users
  const raw = (e as { message?: unknown })?.message;
  h.details = [code, typeof raw === "string" && raw !== code ? raw : ""].filter(Boolean).join(": ") || undefined;
  return h;
}

/** What each Excel error code means for the user: the problem and what to do (explain's text). */
const EXPLANATIONS = new Map<string, [ExcelProblem, string]>(
  (
    [
      [
        ["AccessDenied"],
        "protected",
        "Excel would not let the report be written: the workbook or one of its sheets is protected, or you can only view this file. Unprotect it (Review > Unprotect Sheet or Protect Workbook), or open it for editing, then try again. Nothing was changed.",
      ],
      [
        ["ItemAlreadyExists"],
        "name-taken",
        "A sheet or table name the add-in needs was taken while it was working (perhaps by a co-author). Try again; it will choose other names.",
      ],
      [
        ["Conflict", "InsertDeleteConflict"],
        "conflict",
        "Someone else is editing this workbook at the same moment, and Excel could not merge the changes. Wait a moment and try again.",
      ],
      [
        ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit"],
        "too-large",
        "The workbook is too large to move in one piece, even in small blocks. Remove unused rows and columns from the input sheets, or run the command-line tool on a saved copy.",
      ],
      [
        ["InvalidOperationInCellEditMode"],
        "cell-edit",
        "Excel is waiting for you to finish editing a cell. Press Enter or Esc, then try again.",
      ],
      // "multiple workbooks are open and the workbook being called by this API has lost focus" (error docs); office-js #2078, #6365.
      [
        ["InactiveWorkbook", "InvalidSelection"],
        "inactive",
        "Another workbook is in front. Click back into this workbook and try again.",
      ],
      // What Windows and Mac throw from add, activate, select and freeze panes while another workbook has
      // the focus (docs excel/excel-add-ins-troubleshooting.md, "API limitations when the active workbook switches"; office-js #2078, #6365).
      [
        ["GeneralException"],
        "unknown",
        "Excel stopped the job part-way. If you had clicked into another workbook, click back into this workbook and try again; otherwise just try again. If it keeps happening, save the workbook and run the command-line tool on it.",
      ],
      [
        ["InvalidRequestContext"],
        "conflict",
        "The workbook changed under the add-in (perhaps a co-author's edit arrived) and Excel could not go on. Try again.",
      ],
      [
        ["ItemNotFound"],
        "inactive",
        "A sheet the add-in was working with is no longer there (renamed or deleted meanwhile, or another workbook is in front). Click into this workbook, check the workbook again, then try again.",
      ],
      [
        ["MergedRangeConflict"],
        "unknown",
        "Excel refused to add a table over merged cells. Unmerge the cells of the input sheet, then try again.",
      ],
      // "the source worksheet contains one or more unsupported features" (error docs) — not an old Excel.
      [
        ["UnsupportedFeature"],
        "unsupported",
        "A sheet in this workbook holds a feature Excel's add-in interface cannot work with. Try again on a copy of the workbook without that sheet, or use the command-line tool on a saved copy.",
      ],
      [
        ["ApiNotFound", "NotImplemented"],
        "unsupported",
        `This version of Excel lacks a feature the add-in needs. It works in ${EXCEL_VERSION_NOTE}.`,
      ],
      [
        ["UndoNotSupported"],
        "unknown",
        "Excel could not group the report into one undo step. Try again; the report will be written without it.",
      ],
      [["ActivityLimitReached", "ServiceNotAvailable"], "busy", "Excel is busy. Wait a moment and try again."],
    ] as [string[], ExcelProblem, string][]
  ).flatMap(([codes, problem, text]) => codes.map((c): [string, [ExcelProblem, string]] => [c, [problem, text]])),
);

const UNEXPLAINED: [ExcelProblem, string] = [
  "unknown",
  "Excel could not finish the job. Try again; if it keeps happening, save the workbook and run the command-line tool on it.",
];

function explainCode(code: string | undefined): HostError {
  const [problem, text] = (code !== undefined && EXPLANATIONS.get(code)) || UNEXPLAINED;
  return new HostError(problem, text, code);
}
