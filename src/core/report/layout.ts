import type { Block, ChartSpec, PlanCell, PlanValue, RangeRef } from "./plan";
import { cell } from "./plan";
import { STYLES } from "./styles";
import { wrappedLines } from "./text-metrics";
import { namePlaceOfOtherFiles } from "./provenance-cells";

/**
 * Lays a report sheet out top to bottom — titles, sections, tables, notes, charts — and pages
 * it as it goes, as a board secretary would: column widths are fixed per sheet, so each row's
 * height is known when it is placed; a section or a table never starts in the last lines of a
 * page (a break goes before it), and a table that runs onto a new page repeats its header row.
 *
 * The page is A4 landscape with the margins both hosts write (0.4" left and right, 0.6" top and
 * bottom), printed one page wide: the sheet is scaled down to the printable width, so a page
 * holds printable height ÷ scale points of rows. A small margin is kept for rounding in clients.
 */
const PRINTABLE_WIDTH_PT = (11.69 - 0.8) * 72;
const PRINTABLE_HEIGHT_PT = (8.27 - 1.2) * 72 * 0.94;
const DEFAULT_ROW_PT = 15;
const LINE_PT = 15;
/**
 * Excel keeps at most 1,026 horizontal page breaks on a sheet (Microsoft, "Worksheet.HPageBreaks
 * property (Excel)"); past them, a long sheet's pages run on as the client breaks them.
 */
const MAX_BREAKS = 1026;
/** The least a page is filled, but a section's last: a third of the printed page, less the rounding margin above. */
const MIN_FILL = 0.36;
/** Styles whose text wraps, so that long text makes a row taller. */
const WRAPPING = new Set([
  "wrap",
  "note",
  "muted",
  "link-wrap",
  "text",
  "error",
  "warning",
  "info",
  "header",
  "bold",
  "summary",
  "total-text",
]);

/** Excel's column width (characters of the default font) in points. */
export function columnPoints(chars: number): number {
  return (chars * 7 + 5) * 0.75;
}

const NO_SHEETS: ReadonlySet<string> = new Set();

export class SheetLayout {
  row = 0;
  readonly blocks: Block[] = [];
  readonly merges: RangeRef[] = [];
  readonly charts: ChartSpec[] = [];
  readonly heights: Record<number, number> = {};
  /** The page breaks as placed; {@link rowBreaks} gives them with the last page balanced. */
  private readonly breaks: number[] = [];
  /** The rows of section headings, where a page may start. */
  private readonly sectionRows: number[] = [];
  /** Points used on the current page. */
  private used = 0;
  /** Next free row of the chart-data area, to the right of the printed columns. */
  private dataRow = 0;
  private readonly capacity: number;

  /** `external`: the sheets of other files (a collated programme's sources), which a cell names instead of linking to. */
  constructor(
    readonly widths: number[],
    private readonly external: ReadonlySet<string> = NO_SHEETS,
  ) {
    const total = widths.reduce((n, w) => n + columnPoints(w), 0);
    this.capacity = PRINTABLE_HEIGHT_PT / Math.min(1, PRINTABLE_WIDTH_PT / total);
  }

  get width(): number {
    return this.widths.length;
  }

  /** The height a row of cells needs, given merged spans (col → last col) on it. */
  heightOf(cells: PlanCell[], col: number, spans: Map<number, number>, fixed?: number): number {
    if (fixed !== undefined) return fixed;
    let height = DEFAULT_ROW_PT;
    cells.forEach((c, k) => {
      if (!c.s || !WRAPPING.has(c.s) || c.v === null || typeof c.v === "object") return;
      const from = col + k;
      const to = spans.get(from) ?? from;
      // The cell's width in pixels as Excel draws it (each column chars × 7 + 5 at Calibri 11), less its padding, in points.
      let px = 0;
      for (let x = from; x <= to; x++) px += (this.widths[x] ?? 10) * 7 + 5;
      const style = STYLES[c.s] ?? {};
      const size = style.size ?? 11;
      const lines = wrappedLines(String(c.v), Math.max(10, (px - 7) * 0.75), size, !!style.bold);
      // A line of Calibri 11 is 14.4 pt (Excel's autofit: 15 pt for one line, 14.4 for each further one), scaled by size.
      height = Math.max(
        height,
        lines > 1 ? Math.ceil(lines * 14.4 * (size / 11) + 1.5) : Math.ceil(LINE_PT * Math.max(1, size / 11)),
      );
    });
    return Math.min(height, 409); // Excel's tallest row
  }

  private remaining(): number {
    return this.capacity - this.used;
  }

  /** How many pages the sheet prints on: every page is started by a break of ours. */
  get pages(): number {
    return 1 + this.breaks.length;
  }

  /**
   * Manual page breaks: a new page starts at each of these rows. When the last page would hold
   * less than a third of a page of whole sections (the lessons alone, say), its break moves back
   * to an earlier section heading, so the last two pages share the sections between them.
   */
  get rowBreaks(): number[] {
    const breaks = [...this.breaks];
    const n = breaks.length;
    if (n > MAX_BREAKS) return breaks.slice(0, MAX_BREAKS);
    if (!n || !this.sectionRows.includes(breaks[n - 1])) return breaks; // a table's tail may be short
    const sum = (from: number, to: number) => {
      let t = 0;
      for (let r = from; r < to; r++) t += this.heights[r] ?? DEFAULT_ROW_PT;
      return t;
    };
    const third = this.capacity * MIN_FILL;
    const before = n > 1 ? breaks[n - 2] : 0;
    if (sum(breaks[n - 1], this.row) >= third) return breaks;
    for (let i = this.sectionRows.length - 1; i >= 0; i--) {
      const r = this.sectionRows[i];
      if (r >= breaks[n - 1]) continue;
      if (r <= before || sum(r, this.row) > this.capacity) break;
      if (sum(r, this.row) >= third && sum(before, r) >= third) {
        breaks[n - 1] = r;
        break;
      }
    }
    return breaks;
  }

  /**
   * Where a plain table of rows of these heights breaks its pages, at this sheet's widths: the row
   * that would run past the foot of a page starts the next, under the header row repeated there.
   */
  breaksOf(heights: readonly number[]): number[] {
    const breaks: number[] = [];
    let used = 0;
    heights.forEach((h, row) => {
      if (used > 0 && used + h > this.capacity) {
        breaks.push(row);
        used = heights[0]; // the repeated header
      }
      used += h;
    });
    return breaks;
  }

  /** Starts a new page here. */
  pageBreak(): void {
    if (this.used === 0) return;
    this.breaks.push(this.row);
    this.used = 0;
  }

  /**
   * Breaks the page unless this many points still fit on it. When a section heading was the last
   * row placed, the break goes before the heading, so a heading never ends a page without its table.
   */
  keep(points: number, unsplittable = false): void {
    if (points <= this.remaining() || points > this.capacity) return;
    // A break here would leave this page less than a third full: let the content run on instead
    // (a table repeats its header on the next page), so no page is left mostly empty.
    if (!unsplittable && this.used < this.capacity / 3) return;
    this.breakHere();
  }

  /** Starts a new page at the current row, or before the section heading just placed (a heading never ends a page). */
  private breakHere(): void {
    const h = this.heading;
    if (h && h.row === this.row - 1 && h.usedBefore > 0) {
      this.breaks.push(h.row);
      this.used -= h.usedBefore;
      this.heading = null;
      return;
    }
    this.pageBreak();
  }

  /** The last section heading placed, and the points used on its page before it. */
  private heading: { row: number; usedBefore: number } | null = null;

  /** Puts one row at the current row, moving down; `merge` spans a cell to a last column. */
  private putRow(
    cells: PlanCell[],
    col = 0,
    opts: { merge?: [number, number][]; height?: number; spill?: boolean } = {},
  ): number {
    if (this.external.size) cells = cells.map((c) => namePlaceOfOtherFiles(c, this.external));
    const spans = new Map<number, number>();
    for (const [from, to] of opts.merge ?? []) {
      spans.set(from, to);
      this.merges.push({ top: this.row, left: from, bottom: this.row, right: to });
    }
    const h = this.heightOf(cells, col, spans, opts.height);
    // A row that runs past the foot of the page starts the next one: the break is ours, not the
    // client's, so it is where the plan counts it and never between a heading and what follows.
    // A one-line note may use a little of the margin kept for rounding, so that it stays under the table it explains.
    const room = opts.spill ? this.capacity * 1.03 : this.capacity;
    if (this.used > 0 && this.used + h > room) this.breakHere();
    this.heights[this.row] = h; // every written row: a client never guesses a wrapped row's height
    this.blocks.push({ row: this.row, col, cells: [cells] });
    this.used += h;
    return this.row++;
  }

  /** Puts rows of cells, keeping them on one page. */
  put(rows: PlanCell[][], col = 0, opts: { merge?: [number, number][]; height?: number } = {}): RangeRef {
    if (rows.length <= 50)
      this.keep(rows.reduce((n, r) => n + this.heightOf(r, col, new Map(opts.merge ?? []), opts.height), 0));
    const top = this.row;
    let widest = 1;
    for (const r of rows) {
      this.putRow(r, col, opts);
      if (r.length > widest) widest = r.length;
    }
    return { top, left: col, bottom: this.row - 1, right: col + widest - 1 };
  }

  title(text: string, style = "title"): void {
    this.putRow([cell(text, style)], 0, { merge: [[0, this.width - 1]], height: style === "title" ? 26 : 18 });
  }

  /** A full-width line of text (subtitle, note, summary paragraph). */
  line(text: string, style = "note", link?: PlanCell["link"]): void {
    this.putRow([cell(text, style, link)], 0, { merge: [[0, this.width - 1]], spill: style === "note" });
  }

  note(text: string): void {
    this.line(text, "note");
  }

  /** A section heading, kept with at least the first few lines of what follows. */
  section(text: string): void {
    this.gap();
    this.keep(20 + 2 * DEFAULT_ROW_PT); // the heading and the first lines of what follows (a table asks for more itself)
    const usedBefore = this.used;
    this.heading = { row: this.putRow([cell(text, "section")], 0, { height: 20 }), usedBefore };
    this.sectionRows.push(this.heading.row);
  }

  gap(n = 1): void {
    for (let i = 0; i < n; i++) {
      if (this.used === 0) return; // no blank lines at the top of a page
      if (this.used + DEFAULT_ROW_PT > this.capacity) {
        this.pageBreak(); // the blank line is left out: the next row starts the page
        return;
      }
      this.used += DEFAULT_ROW_PT;
      this.row++;
    }
  }

  /**
   * A header row and body rows; `empty` is shown (as a note) when there are none. `cols` places
   * each logical column on a span of the sheet's columns (merged), so every table fits the fixed
   * widths; without it the columns run from A. Returns the rows used, or null when empty.
   */
  table(
    headers: string[],
    rows: PlanCell[][],
    empty: string,
    opts: { merge?: [number, number][]; cols?: [number, number][] } = {},
  ): { header: number; body: number[] } | null {
    if (!rows.length) {
      this.note(empty);
      return null;
    }
    if (opts.cols) {
      const cols = opts.cols;
      const place = (cells: PlanCell[]) => {
        const out: PlanCell[] = [];
        cells.forEach((c, i) => {
          const [from, to] = cols[i] ?? [i, i];
          out[from] = c;
          for (let x = from + 1; x <= to; x++) out[x] = cell(null, c.s);
        });
        for (let x = 0; x < out.length; x++) out[x] ??= cell(null);
        return out;
      };
      const merge = cols.filter(([f, t]) => t > f);
      return this.table(
        place(headers.map((h) => cell(h, "header"))).map((c) => String(c.v ?? "")),
        rows.map(place),
        empty,
        { merge },
      );
    }
    const headerCells = headers.map((h) => cell(h, "header"));
    const headerHeight = this.heightOf(headerCells, 0, new Map(opts.merge ?? []));
    // A short table (a third of a page at most) is kept whole; a longer one keeps its header with its first rows.
    const heights = rows.slice(0, 30).map((r) => this.heightOf(r, 0, new Map(opts.merge ?? [])));
    const whole = rows.length <= 30 ? headerHeight + heights.reduce((n, h) => n + h, 0) : Infinity;
    this.keep(whole <= this.capacity / 3 ? whole : headerHeight + heights[0] * Math.min(3, rows.length));
    const header = this.putRow(headerCells, 0, opts);
    const body: number[] = [];
    for (const r of rows) {
      const h = this.heightOf(r, 0, new Map(opts.merge ?? []));
      if (h > this.remaining() && this.used > headerHeight) {
        this.pageBreak();
        this.putRow(headerCells, 0, opts); // the header again on the new page
      }
      body.push(this.putRow(r, 0, opts));
    }
    return { header, body };
  }

  /**
   * Puts a chart's data to the right of the printed columns (left out of the print area), so the
   * printed tables can page freely and a chart's ranges stay whole.
   */
  data(rows: PlanCell[][]): RangeRef {
    const col = this.width + 1;
    if (this.dataRow === 0) {
      this.blocks.push({ row: 0, col, cells: [[cell("Chart data (not printed)", "chart-data")]] });
      this.dataRow = 1;
    }
    const top = this.dataRow;
    this.blocks.push({ row: top, col, cells: rows });
    this.dataRow += rows.length + 1;
    let widest = 1;
    for (const r of rows) if (r.length > widest) widest = r.length;
    return { top, left: col, bottom: top + rows.length - 1, right: col + widest - 1 };
  }

  /**
   * The rows a chart of `rows` default-height rows takes here: a little fewer (down to `fewest`)
   * when that keeps it on this page, rather than leaving the rest of the page empty.
   */
  chartRows(rows: number, fewest = Math.ceil(rows * 0.85)): number {
    const fit = Math.floor(this.remaining() / DEFAULT_ROW_PT);
    return fit < rows && fit >= fewest ? fit : rows;
  }

  /** Reserves rows for a chart of `rows` default-height rows; returns its first row. */
  chartSpace(rows: number): number {
    this.keep(rows * DEFAULT_ROW_PT, true); // a chart cannot be split across pages
    const top = this.row;
    this.row += rows;
    this.used += rows * DEFAULT_ROW_PT;
    return top;
  }
}

/** A value rounded to what its style shows, so the stored number is the number printed. */
export function shown(v: number | null, style: "money" | "percent1" | "percent" | "number" | "decimal"): PlanValue {
  if (v === null || !Number.isFinite(v)) return null;
  const round = (x: number, dp: number) => Math.round(x * 10 ** dp) / 10 ** dp;
  switch (style) {
    case "money":
    case "number":
      return Math.round(v);
    case "decimal":
      return round(v, 1);
    case "percent":
      return round(v, 2);
    case "percent1":
      return round(v, 3);
  }
}

/**
 * A plain table sheet's rows measured (each the height its wrapped text needs) and paged: the
 * breaks are the plan's, so the pages counted are the pages printed. Its header row (row 0) is
 * repeated on every page.
 */
export function measureTable(
  widths: number[],
  rows: PlanCell[][],
): { heights: Record<number, number>; pages: number; rowBreaks: number[] } {
  const measure = new SheetLayout(widths);
  const heights: Record<number, number> = {};
  rows.forEach((r, i) => (heights[i] = measure.heightOf(r, 0, new Map())));
  const rowBreaks = measure.breaksOf(rows.map((_, i) => heights[i]));
  return { heights, pages: rowBreaks.length + 1, rowBreaks: rowBreaks.slice(0, MAX_BREAKS) };
}
