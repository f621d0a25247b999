import type { CellValue } from "../primitives/cell";
import { cutUnits, MAX_CELL_TEXT } from "../primitives/text";
import { Fnv1a } from "./plan";

export { cutUnits, MAX_CELL_TEXT } from "../primitives/text";

/**
 * Text as a cell keeps it: cut to Excel's 32,767 characters (with a visible "[...]" and never
 * splitting a surrogate pair), and a lone surrogate, which is not a character, replaced by U+FFFD.
 */
export function storedText(s: string): string {
  if (s.length <= MAX_CELL_TEXT && !/[\uD800-\uDFFF]/.test(s)) return s; // the usual case, checked cheaply
  let t = s;
  if (t.length > MAX_CELL_TEXT) t = cutUnits(t, MAX_CELL_TEXT - 6) + " [...]";
  return t.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/**
 * A fingerprint of a sheet's values as stored, row by row: the same for what a host meant to
 * write and what it reads back from the sheet, and different once the user has typed in it.
 */
export function contentHash(rows: readonly (readonly CellValue[] | undefined)[], top = 0, left = 0): string {
  // FNV-1a over the text `${row},${col}:${type}${value}` of each filled cell, joined by U+0000,
  // fed piece by piece so a large sheet is hashed without building that text.
  const h = new Fnv1a();
  let first = true;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || v === "") continue;
      if (!first) h.unit(0);
      first = false;
      h.text(String(r + top))
        .unit(44)
        .text(String(c + left))
        .unit(58); // "row,col:"
      if (typeof v === "string") h.unit(115).text(v);
      else if (typeof v === "number") h.unit(110).text(String(v));
      else if (typeof v === "boolean") h.unit(98).unit(v ? 49 : 48);
      else h.unit(101).text(v.error);
    }
  }
  return h.hex();
}
