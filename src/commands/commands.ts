/* global Office */
import { explain, HostError } from "../hosts/office/errors";
import { goToCell } from "../hosts/office/actions";
import { excelRunner, writeReportToWorkbook, type CheckOutcome, type HostDeps } from "../hosts/office/run";
import { officeIsSetSupported, officePlatform } from "../hosts/office/requirements";
import { workerAnalyser } from "../taskpane/worker/client";

/**
 * The ribbon's function commands: Run checks and Generate report without opening the pane.
 * The outcome is shown in the workbook itself (the Exceptions sheet, or the Board Report is
 * opened); a failure is explained in a small dialog.
 *
 * A function command's runtime "closes when either the function completes or 5 minutes have
 * passed, whichever is earlier" (docs design/add-in-commands.md; testing/runtimes.md), and a write
 * cut off there would leave temporary sheets and no message. So a command never starts a job that
 * could get near that: past a size estimate, or when reading and checking took too long, it writes
 * nothing and asks for the pane (Programme Check), which has no such limit and shows progress.
 * (A shared runtime could open the pane itself with Office.addin.showAsTaskpane, but it needs
 * SharedRuntime 1.1 and a reworked manifest, allows one task pane only, and has open reports of a
 * blank pane on Windows — office-js #2716, #3101 — so the commands keep their own short-lived runtime.)
 */

/** Above this many input cells read, or report cells planned, the ribbon leaves the job to the pane. */
export const COMMAND_MAX_CELLS = 150_000;
/** Reading and checking must be done by then, leaving the write well inside the 5-minute limit. */
export const COMMAND_READ_BUDGET_MS = 90_000;

export const USE_THE_PANE =
  "This workbook is large, so the report is not written from the ribbon button (Excel stops a button's work after 5 minutes). Nothing was changed. Open Programme Check on the Home tab and generate the report there: it shows its progress and has no time limit.";

function plannedCells(checked: CheckOutcome): number {
  let n = 0;
  for (const s of checked.plan.sheets) for (const b of s.blocks) for (const r of b.cells) n += r.length;
  return n;
}

export async function runCommand(
  kind: "check" | "report",
  deps: HostDeps,
  notify: (message: string) => Promise<void> | void,
  now: () => number = Date.now,
): Promise<void> {
  const started = now();
  try {
    const include =
      kind === "check"
        ? { board: false, highlights: false, exceptions: true, history: false, charts: false }
        : undefined;
    const out = await writeReportToWorkbook(deps, {
      include,
      beforeWrite: (checked) => {
        if (
          checked.read.cells > COMMAND_MAX_CELLS ||
          plannedCells(checked) > COMMAND_MAX_CELLS ||
          now() - started > COMMAND_READ_BUDGET_MS
        )
          throw new HostError("too-large", USE_THE_PANE);
      },
    });
    const target = out.written.sheets.find((s) => s.key === (kind === "check" ? "exceptions" : "board"));
    if (target)
      await deps.run({ delayForCellEdit: true }, (ctx) => goToCell(ctx, target.name, "A1")).catch(() => undefined);
    const told = afterTheWrite(kind, out.written);
    if (told) await notify(told);
  } catch (e) {
    const h = explain(e);
    await notify(h.details ? `${h.message}\n\nDetails: ${h.details}` : h.message);
  }
}

/** What the user should know after a write that succeeded: what Excel refused (the report is complete without it), and other runs' leftovers removed. */
export function afterTheWrite(kind: "check" | "report", w: { skipped: string[]; notes: string[] }): string | null {
  if (!w.skipped.length && !w.notes.length) return null;
  const done = kind === "check" ? "The Exceptions sheet was written." : "The report was written.";
  const skipped = w.skipped.length
    ? ` Excel did not accept ${w.skipped.length === 1 ? "this part" : "these parts"}, so ${w.skipped.length === 1 ? "it is" : "they are"} left out: ${w.skipped.join("; ")}. Generate the report again to retry them (if another workbook was in front, click back into this workbook first).`
    : "";
  return `${done}${skipped}${w.notes.length ? ` ${w.notes.join(" ")}` : ""}`;
}

/** Where a message the user would not let open is kept, for the pane to show (12009). */
export const UNSHOWN_MESSAGE_KEY = "pmo-highlights.unshown-command-message";

/** Longest the command waits for the user to close the message (the runtime is closed at 5 minutes). */
const DIALOG_WAIT_MS = 4 * 60_000;

/**
 * Shows the message in a dialog and resolves once it is closed (or could not open), so the
 * command calls `event.completed()` only then: completing "Indicates that the add-in has completed
 * processing and will automatically be closed" (reference Office.AddinCommands.Event.completed).
 */
export function notifyInDialog(
  message: string,
  ui: Pick<Office.UI, "displayDialogAsync"> = Office.context.ui,
  storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage,
): Promise<void> {
  const at = globalThis.location ?? { origin: "", pathname: "/" };
  const url = `${at.origin}${at.pathname.replace(/[^/]*$/, "")}notice.html?m=${encodeURIComponent(message)}`;
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, DIALOG_WAIT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    ui.displayDialogAsync(url, { height: 25, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        // 12009: "The user chose to ignore the dialog box … users may choose not to allow an add-in to present a
        // dialog box" (docs develop/dialog-api-in-office-add-ins.md, errors from displayDialogAsync). The message
        // is kept (same origin as the pane) rather than lost, and the console has it. 12007 (a dialog already open): likewise.
        try {
          storage?.setItem(
            UNSHOWN_MESSAGE_KEY,
            JSON.stringify({ at: new Date().toISOString(), code: result.error?.code, message }),
          );
        } catch {
          /* storage refused: the console line below is all that is left */
        }
        console.warn(`PMO Highlights (message not shown, ${result.error?.code}): ${message}`);
        return done();
      }
      result.value.addEventHandler(Office.EventType.DialogEventReceived, done); // closed by the user
    });
  });
}

function deps(): HostDeps {
  return {
    run: excelRunner(),
    isSetSupported: officeIsSetSupported(),
    analyse: workerAnalyser(),
    platform: officePlatform(),
    source: "ribbon",
  };
}

Office.onReady(() => {
  Office.actions.associate("runChecks", (event: Office.AddinCommands.Event) => {
    void runCommand("check", deps(), notifyInDialog).finally(() => event.completed());
  });
  Office.actions.associate("generateReport", (event: Office.AddinCommands.Event) => {
    void runCommand("report", deps(), notifyInDialog).finally(() => event.completed());
  });
});
