/**
 * Provenance across files. A collated programme (src/core/collation) reads several workbooks; a row
 * from a workstream's file keeps its file in its sheet's name, "estates.xlsx › Projects", so every
 * finding, link and report row that names the sheet names the file too. The programme workbook's
 * own sheets keep their plain names: only they are in the pack, so only they can be linked to.
 */
export const PLACE_SEPARATOR = " › ";

/** "estates.xlsx › Projects"; the file alone for a finding about the file as a whole. */
export function qualifiedSheet(file: string, sheet: string): string {
  return sheet ? `${file}${PLACE_SEPARATOR}${sheet}` : file;
}

/** "estates.xlsx › Projects!B5": a place in words, for a cell that cannot be a live link. */
export function placeText(sheet: string, cell: string): string {
  return cell ? `${sheet}!${cell}` : sheet;
}

/** What one source contributed to a collated programme (the CLI's one line per source, the pane's Sources list). */
export interface SourceSummary {
  file: string;
  /** The workstream its items are reported under (several when its own rows name several). */
  workstream: string;
  /** What its IDs are qualified with when they collide with another source's: `Estates:P04`. */
  qualifier: string;
  /** Rows read, all kinds together. */
  rows: number;
  /** Items taken, by kind ("projects", "milestones", "risks"…), only kinds with some. */
  contributed: Record<string, number>;
  /** Links it names to items of other sources. */
  crossLinks: number;
  /** Its IDs that collided with another source's and are reported qualified. */
  qualifiedIds: string[];
  errors: number;
  warnings: number;
  /** Why it could not be read (then it contributed nothing). */
  unreadable?: string;
  /** When the host read it, as the Sources sheet writes it ("2026-03-02 14:05", local time). */
  readAt?: string;
}

/**
 * A row of the programme workbook's **Sources** sheet (a report sheet, src/core/report/sources-sheet.ts):
 * a workstream source the programme was collated from, as it was last read. The pane lists them, so
 * the officer sees which files to choose again; a file chosen again refreshes its row.
 */
export interface KeptSource {
  file: string;
  /** The workstream its items were reported under. */
  workstream: string;
  /** When it was last read ("2026-03-02 14:05", local time); "" if never. */
  lastRead: string;
  /** Rows read, all kinds together. */
  rows: number;
}

/** "2026-03-02 14:05": a moment as the Sources sheet's Last read column writes it (the host's local time). */
export function readAtText(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The sources behind a collated programme. */
export interface Collation {
  sources: SourceSummary[];
  /** The qualified names of the sheets read from other files: a report cell naming one is text, not a link. */
  externalSheets: string[];
  /** Each item's (project's or milestone's) source file, by its final ID: the hook the plan snapshot's `source` column reads. */
  itemSource: Record<string, string>;
}
