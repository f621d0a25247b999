/* global Office */
import { explain } from "../hosts/office/errors";
import { goToCell } from "../hosts/office/actions";
import { excelRunner, writeReportToWorkbook, type HostDeps } from "../hosts/office/run";
import { officeIsSetSupported, officePlatform } from "../hosts/office/requirements";
import { workerAnalyser } from "../taskpane/worker/client";

/**
 * The ribbon's function commands: Run checks and Generate report without opening the pane.
 * The outcome is shown in the workbook itself (the Exceptions sheet, or the Board Report is
 * opened); a failure is explained in a small dialog.
 */
export async function runCommand(kind: "check" | "report", deps: HostDeps, notify: (message: string) => void): Promise<void> {
  try {
    const include = kind === "check" ? { board: false, highlights: false, exceptions: true, history: false, charts: false } : undefined;
    const out = await writeReportToWorkbook(deps, { include });
    const target = out.written.sheets.find((s) => s.key === (kind === "check" ? "exceptions" : "board"));
    if (target) await deps.run({ delayForCellEdit: true }, (ctx) => goToCell(ctx, target.name, "A1"));
  } catch (e) {
    notify(explain(e).message);
  }
}

function notifyInDialog(message: string): void {
  const url = `${window.location.origin}${window.location.pathname.replace(/[^/]*$/, "")}notice.html?m=${encodeURIComponent(message)}`;
  Office.context.ui.displayDialogAsync(url, { height: 25, width: 30, displayInIframe: true });
}

function deps(): HostDeps {
  return { run: excelRunner(), isSetSupported: officeIsSetSupported(), analyse: workerAnalyser(), platform: officePlatform() };
}

Office.onReady(() => {
  Office.actions.associate("runChecks", (event: Office.AddinCommands.Event) => {
    void runCommand("check", deps(), notifyInDialog).finally(() => event.completed());
  });
  Office.actions.associate("generateReport", (event: Office.AddinCommands.Event) => {
    void runCommand("report", deps(), notifyInDialog).finally(() => event.completed());
  });
});
