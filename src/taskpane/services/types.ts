import type { AnalysisJson } from "../../core/analysis/summary";
import type { SettingValue } from "../../core/report/settings-plan";
import type { TemplateSheet } from "../../core/workbook/template";
import type { KeptSource, SourceSummary } from "../../core/primitives/provenance";

/**
 * What the pane asks of a workbook, whichever host holds it: the open workbook in Excel, or
 * a file opened in the browser. Views call this and nothing else (no Office.js in views).
 */
/** The phases of a run, in order: a check reads and checks; a report also plans and writes. */
export type Stage = "Reading" | "Checking" | "Planning" | "Writing";
export type Progress = (stage: Stage, done: number, total: number) => void;

export interface CheckResult {
  json: AnalysisJson;
  /** Template sheets for the input sheets the workbook lacks. */
  missing: TemplateSheet[];
  /** Settings as the pane edits them. */
  settings: Record<string, SettingValue>;
  /** The Settings sheet's reporting date (YYYY-MM-DD), if it has one. */
  reportingDate: string | null;
  takenAt: Date;
  durationMs: number;
  /** With workstream sources: what each contributed (src/core/collation). */
  collation?: SourceSummary[];
  /** The Sources sheet as a report from this check would leave it: earlier sources, refreshed where read now. */
  keptSources?: KeptSource[];
}

export interface ReportOptions {
  asOf?: string;
  include: { board: boolean; highlights: boolean; exceptions: boolean; history: boolean; charts: boolean };
}

export interface ReportResult {
  sheets: { key: string; name: string }[];
  renamed: { wanted: string; name: string }[];
  /** Excel mode: parts Excel refused, the report complete without them ("Board Report: frozen rows"). */
  skipped?: string[];
  /** Excel mode: other runs' leftovers removed, a dead run's hold taken over. */
  notes?: string[];
  /** Browser mode: the workbook with the report, to download. */
  download?: { name: string; url: string; bytes: number };
}

export interface WorkbookService {
  mode: "excel" | "file";
  /** The workbook's name for the header ("this workbook" in Excel). */
  title: string;
  check(opts: { asOf?: string }, progress: Progress): Promise<CheckResult>;
  report(opts: ReportOptions, progress: Progress): Promise<ReportResult>;
  /** Selects a cell (Excel only). */
  goTo?(sheet: string, cell: string): Promise<void>;
  /** Shows a sheet (Excel only). */
  activate?(sheet: string): Promise<void>;
  /** Adds the missing input sheets; returns their names (Excel only). */
  insertMissing?(sheets: TemplateSheet[]): Promise<string[]>;
  /** Saves settings to the Settings sheet (Excel), or uses them for this session (browser). */
  saveSettings(values: Record<string, SettingValue>): Promise<"saved" | "session">;
  /** Saves "this header on this sheet means that field" as a Column map row on Settings (Excel), or for this session (browser). */
  mapColumn(map: { sheet: string; header: string; field: string }): Promise<"saved" | "session">;
  /** Browser mode: the blank template, to download. */
  templateDownload?(): Promise<{ name: string; url: string }>;
  /** The workstream files collated with this workbook on every check and report (views/SourcesPanel.tsx). */
  sources?: SourceFiles;
  /** Browser mode: what a finding's cell holds, with its row and the sheet's header row (from the last read). */
  preview?(sheet: string, cell: string, source?: { kind?: string; headerCell?: string }): Promise<CellPreview | null>;
  /** Browser mode: stops the file's worker when another workbook is opened. */
  dispose?(): void;
}

/** A cell shown in context: the header row and the cell's row, a few columns either side. */
export interface CellPreview {
  sheet: string;
  cell: string;
  /** Column letters, the header texts and the row's texts, for the same columns. */
  columns: string[];
  header: string[] | null;
  headerRow: number | null;
  row: string[];
  rowNumber: number;
  /** Index into columns of the cell itself. */
  at: number;
}

/**
 * Where a browser-mode workbook's bytes come from, read again for every check and report so a
 * user who fixed the file sees the fix. A file chosen through the File System Access API can
 * always be read again; one chosen through a file input may refuse once it changes on disk.
 */
export interface FileSource {
  name: string;
  read(): Promise<Uint8Array>;
}

/** The workstream files chosen in the pane, read again by the file host on every check and report. */
export interface SourceFiles {
  names(): string[];
  /** Adds files (one already listed under the same name is replaced: a refresh). */
  add(files: FileSource[]): void;
  remove(name: string): void;
}

/** Thrown when the browser will not read the file again (it changed on disk): choose it again. */
export class FileGoneError extends Error {}
