import type { Day } from "../primitives/dates";

/**
 * The report plan: a declarative description of what to write into the workbook.
 * Hosts (the .xlsx file host, the Office.js host) only translate it; no business rule
 * lives in a host. Positions are 0-based rows and columns within the plan's sheet.
 */

/** A cell: text is always written as text (never a formula), dates as the workbook's serials. */
export type PlanValue = string | number | boolean | null | { day: Day };

export interface PlanCell {
  v: PlanValue;
  /** A key of ReportPlan.styles. */
  s?: string;
  /** A link to a place in this workbook: the host writes a hyperlink to sheet!cell. */
  link?: PlanLink;
  /**
   * Which item's status this cell shows (hosts ignore it): the consistency test reads every
   * annotated cell of every sheet back against the one status the core computed.
   */
  about?: CellAbout;
}

/** A status value a cell shows: an item's (project, milestone, risk, workstream) or the programme's. */
export interface CellAbout {
  item: string;
  field:
    | "rag"
    | "schedule"
    | "cost"
    | "finishNow"
    | "slip"
    | "milestoneSlip"
    | "dueDate"
    | "overdueDays"
    | "tolerance"
    | "trend"
    | "score"
    | "band";
}

/**
 * An in-workbook link: to a user's sheet by name, or to one of the plan's own sheets by key
 * (its final name is the host's to choose). Never a URL: user text is never made a link target.
 */
export type PlanLink = { sheet: string; cell: string } | { sheetKey: string; cell: string };

export interface Block {
  row: number;
  col: number;
  /** Rows of cells; a row may be shorter than others. */
  cells: PlanCell[][];
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Font size in points. */
  size?: number;
  /** Font colour, RRGGBB. */
  color?: string;
  /** Solid fill, RRGGBB. */
  fill?: string;
  /** Excel number format code (en-US), e.g. model/number-formats.ts's DATE_FORMAT. */
  numFmt?: string;
  wrap?: boolean;
  align?: "left" | "center" | "right";
  vAlign?: "top" | "center";
  /** A thin border on every side, RRGGBB. */
  border?: string;
}

export interface RangeRef {
  /** Inclusive, 0-based, within the same sheet. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "line": lines with markers over the categories (the milestone trend: forecast dates at each reporting date). */
export type ChartType = "columnStacked" | "doughnut" | "radar" | "gantt" | "line";

export interface ChartSeries {
  name: string;
  values: RangeRef;
  /** RRGGBB; explicit, since theme colours can draw invisibly in some clients. */
  color: string;
  /** One colour per point (doughnut slices). */
  pointColors?: string[];
  /** Drawn with no fill (the Gantt chart's start series). */
  hidden?: boolean;
  /** A dashed line (a line chart's reference line). */
  dash?: boolean;
}

export interface ChartSpec {
  type: ChartType;
  title: string;
  /** Each series is a column of the data (the hosts pass this on, e.g. Office.js's seriesBy). */
  seriesBy: "columns";
  categories: RangeRef;
  series: ChartSeries[];
  /** Where it sits: top-left and bottom-right cells (exclusive). */
  anchor: { fromRow: number; fromCol: number; toRow: number; toCol: number };
  /**
   * Value axis: bounds, number format and tick spacing (the Gantt chart's dates); `crossAt` puts the
   * category axis line at a value (the Gantt chart's as-of line), its labels staying at the low end.
   */
  valueAxis?: {
    min?: number | { day: Day };
    max?: number | { day: Day };
    numFmt?: string;
    majorUnit?: number;
    crossAt?: { day: Day };
  };
  legend?: boolean;
}

export interface ConditionalFormat {
  range: RangeRef;
  /** Cells whose text equals one of these get the style. */
  equals: string;
  style: string;
}

export interface PlanSheet {
  /** Stable identity across runs: "board", "highlight:<workstream>", "exceptions", "history". */
  key: string;
  /** The name wanted (already valid for Excel); a host may have to pick another if a user's sheet has it. */
  name: string;
  tabColor?: string;
  /** Column widths in characters, from column A. */
  widths: number[];
  blocks: Block[];
  /** Cells to merge (titles across the page). */
  merges?: RangeRef[];
  /** Rows above this are frozen. */
  freezeRows?: number;
  charts: ChartSpec[];
  conditionalFormats?: ConditionalFormat[];
  /** An Excel table (filterable) over a range whose first row is the header. */
  table?: { name: string; range: RangeRef };
  print: {
    landscape: boolean;
    /** Rows repeated at the top of every printed page (0-based, inclusive). */
    repeatRows?: [number, number];
    header: string;
    footer: string;
    /** The number the sheet's first printed page takes, so the pack's pages run on from sheet to sheet (Excel's firstPageNumber). */
    firstPageNumber?: number;
  };
  /** How many pages the sheet prints on, as the layout paged it. */
  pages?: number;
  /** Row heights in points. */
  heights?: Record<number, number>;
  /** Manual page breaks: a new page starts at each of these rows. */
  rowBreaks?: number[];
  /** What prints (chart data kept to the right is left out). */
  printArea?: RangeRef;
}

export interface ReportPlan {
  sheets: PlanSheet[];
  /**
   * Key prefixes this plan covers: an earlier report sheet whose key starts with one of them is
   * replaced; others (a board report when only exceptions are rewritten) are kept.
   */
  scope: string[];
  styles: Record<string, CellStyle>;
  /** Name of the workbook-level marker that tags a sheet as ours (a sheet-scoped defined name). */
  marker: string;
  /** The sheet the workbook opens on (its key): the board report, when it is written. */
  activeKey?: string;
  /** The period the previous report was written for ("Jan 2010"): what a kept report sheet is renamed with (sheet-names.ts, settleKeptSheets). */
  keptPeriod?: string;
}

/** The marker: a hidden name scoped to each report sheet, whose value is the sheet's key. */
export const REPORT_MARKER = "PMOHighlights.Report";

/**
 * What a report sheet's marker says: the sheet's key, and hashes of the name and the content
 * it was written with. A sheet is ours only while its name and content are still what we wrote:
 * a copy (Excel's Move or Copy carries sheet-scoped names along) or a sheet the user edited
 * is theirs. Markers from before the hashes (just the key) carry neither.
 */
export interface MarkerInfo {
  key: string;
  nameHash?: string;
  contentHash?: string;
}

/** Excel caps a text constant in a formula at 255 characters: long keys are kept short by a hash. */
function storedKey(key: string): string {
  return key.length <= 120 ? key : `${key.slice(0, 100)}#${textHash(key)}`;
}

/** The marker name's value: a quoted text constant ("board|1a2b3c4d|5e6f7a8b"), as both hosts write it. */
export function markerValue(key: string, name?: string, contentHash?: string): string {
  const text =
    name === undefined || contentHash === undefined
      ? storedKey(key)
      : `${storedKey(key)}|${textHash(name)}|${contentHash}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The marker in a name's value or formula ("board|…|…" or ="board"); null when it is not one. */
export function parseMarker(valueOrFormula: string): MarkerInfo | null {
  const m = /^=?"(.*)"$/s.exec(valueOrFormula.trim());
  if (!m) return null;
  const text = m[1].replace(/""/g, '"');
  const h = /^(.*)\|([0-9a-f]{8})\|([0-9a-f]{8})$/s.exec(text);
  return h ? { key: h[1], nameHash: h[2], contentHash: h[3] } : { key: text };
}

/** The sheet key in a marker's value or formula; null when it is not one. */
export function markerKey(valueOrFormula: string): string | null {
  return parseMarker(valueOrFormula)?.key ?? null;
}

/** Whether a marked sheet is still the one we wrote for a key; `content` is asked for only when needed. */
export function stillOurs(
  info: MarkerInfo,
  sheetName: string,
  defaultName: string | undefined,
  content: () => string,
): boolean {
  if (info.nameHash === undefined) return defaultName !== undefined && sheetName === defaultName;
  return info.nameHash === textHash(sheetName) && info.contentHash === content();
}

/** The key a plan sheet's marker holds (long keys shortened), to compare with a parsed marker. */
export function markerKeyOf(key: string): string {
  return storedKey(key);
}

/** FNV-1a over UTF-16 code units, fed piece by piece; 8 hex digits: a fingerprint, not a security measure. */
export class Fnv1a {
  private h = 0x811c9dc5;

  unit(c: number): this {
    this.h = Math.imul(this.h ^ c, 0x01000193) >>> 0;
    return this;
  }

  text(s: string): this {
    for (let i = 0; i < s.length; i++) this.unit(s.charCodeAt(i));
    return this;
  }

  hex(): string {
    return this.h.toString(16).padStart(8, "0");
  }
}

/** {@link Fnv1a} of one text. */
export function textHash(s: string): string {
  return new Fnv1a().text(s).hex();
}

export function cell(v: PlanValue, s?: string, link?: PlanCell["link"]): PlanCell {
  return link ? { v, s, link } : s ? { v, s } : { v };
}

export function range(top: number, left: number, bottom: number, right: number): RangeRef {
  return { top, left, bottom, right };
}

/** Text for a print header or footer: "&" starts a code there, so a literal one is doubled. */
export function hfText(s: string): string {
  return s.replace(/&/g, "&&");
}

/** Does a plan with this scope replace an earlier report sheet with this key? */
export function inScope(scope: readonly string[], key: string): boolean {
  return scope.some((p) => key === p || (p.endsWith(":") && key.startsWith(p)));
}
