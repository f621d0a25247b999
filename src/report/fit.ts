import type { PlanSheet, PlanValue } from "./plan";

/**
 * Column widths and row heights estimated from the content, so reports read well in any
 * client (LibreOffice and Excel on the web do not refit rows of wrapped text written by a file).
 * Widths are in characters of the default font, heights in points.
 */
const WRAPPING = new Set(["wrap", "note", "link-wrap", "text", "error", "warning", "info"]);
const LINE = 15;

function textLength(v: PlanValue): number {
  if (v === null) return 0;
  if (typeof v === "object") return 11; // "31 Mar 2010"
  if (typeof v === "number") return Number.isInteger(v) ? String(v).length + 1 : 6;
  if (typeof v === "boolean") return 5;
  return Math.max(0, ...v.split("\n").map((l) => l.length));
}

/**
 * `wide`: the columns that hold long text (names, titles, messages) and may grow to `maxWide`;
 * every other column wraps its text beyond `maxNarrow` characters, so one long owner's name
 * in a lower table does not stretch the page.
 */
export function fitSheet(sheet: PlanSheet, opts: { wide?: number[]; maxWide?: number; maxNarrow?: number } = {}): void {
  const wide = new Set(opts.wide ?? [1]);
  const maxWide = opts.maxWide ?? 44;
  const maxNarrow = opts.maxNarrow ?? 22;
  const merged = new Set<string>();
  for (const m of sheet.merges ?? []) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) merged.add(`${r},${c}`);
  let cols = sheet.widths.length;
  for (const b of sheet.blocks) for (const row of b.cells) cols = Math.max(cols, b.col + row.length);
  const widths = new Array<number>(cols).fill(6);
  for (const b of sheet.blocks)
    b.cells.forEach((row, r) =>
      row.forEach((c, k) => {
        const col = b.col + k;
        if (merged.has(`${b.row + r},${col}`)) return;
        let len = textLength(c.v);
        if (c.s === "header") len = Math.max(...String(c.v ?? "").split(/\s+/).map((w) => w.length), Math.min(len, 12));
        else if (c.s === "title" || c.s === "subtitle" || c.s === "section") return;
        else if (c.s && (WRAPPING.has(c.s) || c.s.startsWith("heat") || c.s.startsWith("band-") || c.s === "link")) len = Math.min(len, wide.has(col) ? maxWide : maxNarrow);
        widths[col] = Math.max(widths[col], Math.min(len + 2, 60));
      }),
    );
  sheet.widths = widths;
  const heights: Record<number, number> = { ...(sheet.heights ?? {}) };
  const mergeAt = new Map<string, number>();
  for (const m of sheet.merges ?? []) mergeAt.set(`${m.top},${m.left}`, m.right);
  for (const b of sheet.blocks)
    b.cells.forEach((row, r) => {
      const rowNo = b.row + r;
      let lines = 1;
      row.forEach((c, k) => {
        if (!c.s || !(WRAPPING.has(c.s) || c.s === "header")) return;
        const col = b.col + k;
        const right = mergeAt.get(`${rowNo},${col}`) ?? col;
        let width = 0;
        for (let x = col; x <= right; x++) width += widths[x] ?? 8;
        const text = String(c.v ?? "");
        const need = text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil((l.length * 0.92) / Math.max(4, width - 1))), 0);
        lines = Math.max(lines, need);
      });
      if (lines > 1) heights[rowNo] = Math.max(heights[rowNo] ?? 0, Math.min(LINE * lines + 2, 160));
    });
  sheet.heights = heights;
}
