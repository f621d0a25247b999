import { goToCell, insertTemplateSheets, saveSettings } from "../../hosts/office/actions";
import { explain } from "../../hosts/office/errors";
import { checkOpenWorkbook, excelRunner, writeReportToWorkbook, type HostDeps } from "../../hosts/office/run";
import { officeIsSetSupported, officePlatform } from "../../hosts/office/requirements";
import { columnMapWrites, settingsWrites, type SettingValue } from "../../core/report/settings-plan";
import type { SettingSpec } from "../../core/workbook/schema";
import type { WorkbookService } from "./types";
import { asOfDay, toCheckResult } from "./common";
import { workerAnalyser } from "../worker/client";
import { workerFileJobs, type FileJobs } from "../worker/file-client";
import { sourceFiles } from "./source-files";

/** Excel's errors as the user reads them: the plain explanation, Excel's own code and message on a details line. */
async function explained<T>(job: () => Promise<T>): Promise<T> {
  try {
    return await job();
  } catch (e) {
    const h = explain(e);
    throw new Error(h.details ? `${h.message}\nDetails: ${h.details}` : h.message);
  }
}

/** Reads the current settings (where each one lives) fresh, then writes only what changed to the Settings sheet. */
async function saveChangedSettings(deps: HostDeps, values: Record<string, SettingValue>): Promise<"saved"> {
  const fresh = await checkOpenWorkbook(deps, {});
  const s = fresh.analysis.programme.sources.find((x) => x.kind === "settings");
  const current = fresh.analysis.programme.settings;
  const changed: Partial<Record<SettingSpec["key"], SettingValue>> = {};
  for (const [k, v] of Object.entries(values))
    if (String((current as unknown as Record<string, unknown>)[k]) !== String(v) || !current.cells[k])
      changed[k as SettingSpec["key"]] = v;
  const plan = settingsWrites(current, changed, s ? { name: s.sheet, lastRow: s.lastRow ?? 0 } : null);
  if (plan.cells.length) await deps.run({ delayForCellEdit: true }, (ctx) => saveSettings(ctx, plan));
  return "saved";
}

/**
 * The open workbook, through the Office.js host. `deps` is injectable so tests can use the fake.
 * The workstream sources the officer chooses are read in the file worker (`files`) by the same
 * file host as browser mode, and collated with the workbook; only the report is written into it.
 */
export function excelService(
  deps: HostDeps = {
    run: excelRunner(),
    isSetSupported: officeIsSetSupported(),
    analyse: workerAnalyser(),
    platform: officePlatform(),
    source: "pane",
  },
  files: FileJobs = workerFileJobs(),
): WorkbookService {
  let date1904 = false;
  const sources = sourceFiles();
  /** The chosen sources, read afresh by the file host (none chosen: the workbook alone). */
  const collated = async () => {
    const list = await sources.read();
    return list.length ? files.sources(list) : undefined;
  };
  return {
    mode: "excel",
    title: "This workbook",
    sources,
    check: (opts, progress) =>
      explained(async () => {
        const started = performance.now();
        const out = await checkOpenWorkbook(deps, {
          asOf: asOfDay(opts.asOf),
          onProgress: (d, t) => progress("Reading", d, t),
          sources: await collated(),
        });
        date1904 = out.snapshot.date1904;
        progress("Checking", 1, 1);
        return toCheckResult(out.analysis, started);
      }),
    report: (opts, progress) =>
      explained(async () => {
        const out = await writeReportToWorkbook(deps, {
          asOf: asOfDay(opts.asOf),
          include: opts.include,
          onProgress: (stage, d, t) => progress(stage === "Reading" ? "Reading" : "Writing", d, t),
          sources: await collated(),
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
    saveSettings: (values) => explained(() => saveChangedSettings(deps, values)),
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
