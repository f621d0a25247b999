import { goToCell, insertTemplateSheets, saveSettings } from "../../hosts/office/actions";
import { explain } from "../../hosts/office/errors";
import { checkOpenWorkbook, excelRunner, writeReportToWorkbook, type HostDeps } from "../../hosts/office/run";
import { officeIsSetSupported, officePlatform } from "../../hosts/office/requirements";
import { columnMapWrites, settingsWrites, type SettingValue } from "../../report/settings-plan";
import type { SettingSpec } from "../../ingest/schema";
import type { WorkbookService } from "./types";
import { asOfDay, toCheckResult } from "./common";
import { workerAnalyser } from "../worker/client";

/** Excel's errors as the user reads them: the plain explanation, Excel's own code and message on a details line. */
async function explained<T>(job: () => Promise<T>): Promise<T> {
  try {
    return await job();
  } catch (e) {
    const h = explain(e);
    throw new Error(h.details ? `${h.message}\nDetails: ${h.details}` : h.message);
  }
}

/** The open workbook, through the Office.js host. `deps` is injectable so tests can use the fake. */
export function excelService(
  deps: HostDeps = {
    run: excelRunner(),
    isSetSupported: officeIsSetSupported(),
    analyse: workerAnalyser(),
    platform: officePlatform(),
    source: "pane",
  },
): WorkbookService {
  let lastSettingsSheet: { name: string; lastRow: number } | null = null;
  let date1904 = false;
  return {
    mode: "excel",
    title: "This workbook",
    check: (opts, progress) =>
      explained(async () => {
        const started = performance.now();
        const out = await checkOpenWorkbook(deps, {
          asOf: asOfDay(opts.asOf),
          onProgress: (d, t) => progress("Reading", d, t),
        });
        date1904 = out.snapshot.date1904;
        progress("Checking", 1, 1);
        const s = out.analysis.programme.sources.find((x) => x.kind === "settings");
        lastSettingsSheet = s ? { name: s.sheet, lastRow: s.lastRow ?? 0 } : null;
        return toCheckResult(out.analysis, started);
      }),
    report: (opts, progress) =>
      explained(async () => {
        const out = await writeReportToWorkbook(deps, {
          asOf: asOfDay(opts.asOf),
          include: opts.include,
          onProgress: (stage, d, t) => progress(stage === "Reading" ? "Reading" : "Writing", d, t),
        });
        // What Excel refused (the report complete without it) and other runs' leftovers removed, for the pane to show.
        return {
          sheets: out.written.sheets,
          renamed: out.written.renamed,
          skipped: out.written.skipped,
          notes: out.written.notes,
        };
      }),
    goTo: (sheet, cell) => explained(() => deps.run({ delayForCellEdit: true }, (ctx) => goToCell(ctx, sheet, cell))),
    activate: (sheet) => explained(() => deps.run({ delayForCellEdit: true }, (ctx) => goToCell(ctx, sheet, ""))),
    insertMissing: (sheets) =>
      explained(() =>
        deps.run({ delayForCellEdit: true }, (ctx) =>
          insertTemplateSheets(ctx, sheets, { validation: deps.isSetSupported("ExcelApi", "1.8"), date1904 }),
        ),
      ),
    saveSettings: (values) =>
      explained(async () => {
        // Read the current settings (where each one lives) fresh, then write only what changed.
        const fresh = await checkOpenWorkbook(deps, {});
        const s = fresh.analysis.programme.sources.find((x) => x.kind === "settings");
        lastSettingsSheet = s ? { name: s.sheet, lastRow: s.lastRow ?? 0 } : null;
        const current = fresh.analysis.programme.settings;
        const changed: Partial<Record<SettingSpec["key"], SettingValue>> = {};
        for (const [k, v] of Object.entries(values))
          if (String((current as unknown as Record<string, unknown>)[k]) !== String(v) || !current.cells[k])
            changed[k as SettingSpec["key"]] = v;
        const plan = settingsWrites(current, changed, lastSettingsSheet);
        if (plan.cells.length) await deps.run({ delayForCellEdit: true }, (ctx) => saveSettings(ctx, plan));
        return "saved" as const;
      }),
    mapColumn: (map) =>
      explained(async () => {
        const fresh = await checkOpenWorkbook(deps, {});
        const s = fresh.analysis.programme.sources.find((x) => x.kind === "settings");
        const plan = columnMapWrites(s ? { name: s.sheet, lastRow: s.lastRow ?? 0 } : null, map);
        await deps.run({ delayForCellEdit: true }, (ctx) => saveSettings(ctx, plan));
        return "saved" as const;
      }),
  };
}
