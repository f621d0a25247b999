import { readWorkbook, XlsxReadError } from "../../hosts/xlsx/read";
import { writeReport } from "../../hosts/xlsx/write-report";
import { writeTemplate } from "../../hosts/xlsx/template";
import type { Analyser } from "../../hosts/office/run";
import type { WorkbookSnapshot } from "../../model/snapshot";
import { columnMapWrites, settingsWrites, type SettingValue } from "../../report/settings-plan";
import { SETTINGS_SHEET, type SettingSpec } from "../../ingest/schema";
import { locate } from "../../ingest/locate";
import { cellAt } from "../../model/snapshot";
import { columnLetters, parseA1, type CellValue } from "../../model/cell";
import { asOfDay, toCheckResult } from "./common";
import { sourceFiles } from "./source-files";
import { FileGoneError, type CellPreview, type FileSource, type WorkbookService } from "./types";

/**
 * A workbook file opened in the browser (no Office): the same checks and report through the
 * .xlsx host, running in this page; the result is offered as a download. Nothing leaves the machine.
 */
export function fileService(source: FileSource, analyse: Analyser, urls: { create: (b: Blob) => string } = { create: (b) => URL.createObjectURL(b) }): WorkbookService {
  const name = source.name;
  let overrides: Partial<Record<SettingSpec["key"], SettingValue>> = {};
  const maps: ColumnMap[] = [];
  let last: WorkbookSnapshot | null = null;
  let data: Uint8Array = new Uint8Array();
  const sources = sourceFiles();
  /** The file as it is now on disk, read again each time. */
  const snapshotFor = async (): Promise<WorkbookSnapshot> => {
    try {
      data = await source.read();
    } catch (e) {
      throw new FileGoneError(`${name} could not be read again: it may have been changed, moved or deleted since you opened it. Choose "Open another workbook" and pick it again (${(e as Error).message})`);
    }
    last = await readWorkbook(data);
    return applyOverrides(last, overrides, maps);
  };
  return {
    mode: "file",
    title: name,
    sources,
    preview: (sheet, cell, headerCell) => (last ? cellPreview(last, sheet, cell, headerCell) : null),
    async check(opts, progress) {
      const started = performance.now();
      progress("Reading", 0, 1);
      const snapshot = await snapshotFor();
      progress("Checking", 0, 1);
      const { analysis } = await analyse(snapshot, { asOf: asOfDay(opts.asOf), now: new Date(), sources: await sources.read() });
      return toCheckResult(analysis, started);
    },
    async report(opts, progress) {
      progress("Reading", 0, 1);
      const snapshot = await snapshotFor();
      const { plan } = await analyse(snapshot, { asOf: asOfDay(opts.asOf), include: opts.include, now: new Date(), sources: await sources.read() });
      progress("Writing", 0, 1);
      const out = await writeReport(data, plan);
      const outName = name.replace(/\.xlsx$/i, "") + " - report.xlsx";
      const blob = new Blob([out.data as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      return { sheets: out.sheets, renamed: out.renamed, download: { name: outName, url: urls.create(blob), bytes: out.data.length } };
    },
    async mapColumn(map) {
      maps.push(map);
      return "session";
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

/**
 * Reads the file once as it is chosen: a file that is not a workbook (a CSV, a README, an old .xls)
 * is refused at once with its name and what to do, instead of failing later on Run.
 */
export async function checkWorkbook(source: FileSource): Promise<void> {
  try {
    await readWorkbook(await source.read());
  } catch (e) {
    if (e instanceof XlsxReadError) throw new Error(`${source.name} cannot be opened: ${e.message}.`);
    throw new Error(`${source.name} cannot be opened: ${(e as Error).message}. Choose an Excel workbook (.xlsx); in Excel, File > Save As > Excel Workbook makes one.`);
  }
}

/** The cell, its row and the sheet's header row (as the reader found it), two columns either side. */
export function cellPreview(snap: WorkbookSnapshot, sheetName: string, cell: string, headerCell?: string): CellPreview | null {
  const sheet = snap.sheets.find((s) => s.name === sheetName);
  const at = parseA1(cell);
  if (!sheet || !at) return null;
  const first = Math.max(0, at.col - 2);
  const cols = Array.from({ length: 5 }, (_, i) => first + i);
  const text = (r: number) => cols.map((c) => show(cellAt(sheet, r, c)));
  const header = headerCell ? parseA1(headerCell) : null;
  const headerRow = header && header.row < at.row ? header.row : null;
  return { sheet: sheetName, cell, columns: cols.map(columnLetters), header: headerRow === null ? null : text(headerRow), headerRow: headerRow === null ? null : headerRow + 1, row: text(at.row), rowNumber: at.row + 1, at: at.col - first };
}

function show(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return v.error;
  return String(v);
}

/** Settings edited in the pane, applied to the snapshot in memory (the file is not changed). */
type ColumnMap = { sheet: string; header: string; field: string };

export function applyOverrides(snap: WorkbookSnapshot, values: Partial<Record<SettingSpec["key"], SettingValue>>, maps: readonly ColumnMap[] = []): WorkbookSnapshot {
  if (!Object.keys(values).length && !maps.length) return snap;
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
  const put = (cells: { cell: string; value: SettingValue }[]) => {
    for (const c of cells) {
      const at = parseA1(c.cell)!;
      const row = (target!.rows[at.row - target!.top] ??= []);
      row[at.col - target!.left] = c.value;
    }
  };
  put(plan.cells);
  for (const m of maps) put(columnMapWrites({ name: target.name, lastRow: target.top + target.rows.length - 1 }, m).cells);
  return { ...snap, sheets };
}
