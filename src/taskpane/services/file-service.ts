import { readWorkbook } from "../../hosts/xlsx/read";
import { writeReport } from "../../hosts/xlsx/write-report";
import { writeTemplate } from "../../hosts/xlsx/template";
import type { Analyser } from "../../hosts/office/run";
import type { WorkbookSnapshot } from "../../model/snapshot";
import { settingsWrites, type SettingValue } from "../../report/settings-plan";
import { SETTINGS_SHEET, type SettingSpec } from "../../ingest/schema";
import { locate } from "../../ingest/locate";
import { parseA1 } from "../../model/cell";
import { asOfDay, toCheckResult } from "./common";
import type { WorkbookService } from "./types";

/**
 * A workbook file opened in the browser (no Office): the same checks and report through the
 * .xlsx host, running in this page; the result is offered as a download. Nothing leaves the machine.
 */
export function fileService(name: string, data: Uint8Array, analyse: Analyser, urls: { create: (b: Blob) => string } = { create: (b) => URL.createObjectURL(b) }): WorkbookService {
  let overrides: Partial<Record<SettingSpec["key"], SettingValue>> = {};
  const snapshotFor = async (): Promise<WorkbookSnapshot> => applyOverrides(await readWorkbook(data), overrides);
  return {
    mode: "file",
    title: name,
    async check(opts, progress) {
      const started = performance.now();
      progress("Reading", 0, 1);
      const snapshot = await snapshotFor();
      progress("Checking", 0, 1);
      const { analysis } = await analyse(snapshot, { asOf: asOfDay(opts.asOf), now: new Date() });
      return toCheckResult(analysis, started);
    },
    async report(opts, progress) {
      progress("Reading", 0, 1);
      const snapshot = await snapshotFor();
      const { plan } = await analyse(snapshot, { asOf: asOfDay(opts.asOf), include: opts.include, now: new Date() });
      progress("Writing", 0, 1);
      const out = await writeReport(data, plan);
      const outName = name.replace(/\.xlsx$/i, "") + " - report.xlsx";
      const blob = new Blob([out.data as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      return { sheets: out.sheets, renamed: out.renamed, download: { name: outName, url: urls.create(blob), bytes: out.data.length } };
    },
    async saveSettings(values) {
      overrides = values as typeof overrides;
      return "session";
    },
    async templateDownload() {
      const bytes = await writeTemplate(new Date().getFullYear());
      return { name: "programme-template.xlsx", url: urls.create(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })) };
    },
  };
}

/** Settings edited in the pane, applied to the snapshot in memory (the file is not changed). */
export function applyOverrides(snap: WorkbookSnapshot, values: Partial<Record<SettingSpec["key"], SettingValue>>): WorkbookSnapshot {
  if (!Object.keys(values).length) return snap;
  // The Settings sheet as the reader finds it (same names, same rules).
  const settings = locate(snap, SETTINGS_SHEET)?.sheet;
  const lastRow = settings ? settings.top + settings.rows.length - 1 : 0;
  const plan = settingsWrites({ cells: {} } as never, values, settings ? { name: settings.name, lastRow } : null);
  const sheets = snap.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => (r ? [...r] : r)) }));
  let target = sheets.find((s) => s.name === (plan.createSheet ?? settings?.name));
  if (!target) {
    target = { name: plan.createSheet ?? "Settings", top: 0, left: 0, rows: [["Setting", "Value"]] };
    sheets.push(target);
  }
  for (const c of plan.cells) {
    const at = parseA1(c.cell)!;
    const row = (target.rows[at.row - target.top] ??= []);
    row[at.col - target.left] = c.value;
  }
  return { ...snap, sheets };
}
