import type { Block, ChartSpec, PlanCell, RangeRef } from "./plan";
import { maxOf } from "../model/arrays";
import { cell } from "./plan";

/** Lays a report sheet out top to bottom: titles, sections, tables, notes. */
export class SheetLayout {
  row = 0;
  readonly blocks: Block[] = [];
  readonly merges: RangeRef[] = [];
  readonly charts: ChartSpec[] = [];
  readonly heights: Record<number, number> = {};

  constructor(readonly width: number) {}

  /** Puts rows of cells at the current row (or at an explicit column), moving down past them. */
  put(cells: PlanCell[][], col = 0): RangeRef {
    const top = this.row;
    this.blocks.push({ row: top, col, cells });
    this.row += cells.length;
    const right = col + maxOf(cells.map((r) => r.length), 1) - 1;
    return { top, left: col, bottom: top + cells.length - 1, right };
  }

  /** Puts cells at a fixed place without moving the cursor. */
  at(row: number, col: number, cells: PlanCell[][]): RangeRef {
    this.blocks.push({ row, col, cells });
    return { top: row, left: col, bottom: row + cells.length - 1, right: col + maxOf(cells.map((r) => r.length), 1) - 1 };
  }

  title(text: string, style = "title"): void {
    this.merges.push({ top: this.row, left: 0, bottom: this.row, right: this.width - 1 });
    this.heights[this.row] = style === "title" ? 24 : 18;
    this.put([[cell(text, style)]]);
  }

  note(text: string): void {
    this.merges.push({ top: this.row, left: 0, bottom: this.row, right: this.width - 1 });
    this.put([[cell(text, "note")]]);
  }

  section(text: string): void {
    this.gap();
    this.heights[this.row] = 18;
    this.put([[cell(text, "section")]]);
  }

  gap(n = 1): void {
    this.row += n;
  }

  /** A header row and body rows; `empty` is shown (as a note) when there are no rows. */
  table(headers: string[], rows: PlanCell[][], empty: string): RangeRef | null {
    if (!rows.length) {
      this.put([[cell(empty, "note")]]);
      return null;
    }
    return this.put([headers.map((h) => cell(h, "header")), ...rows]);
  }
}
