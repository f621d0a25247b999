import type { CellValue } from "../model/cell";
import { textHash } from "./plan";

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32_767;

/**
 * Text as a cell keeps it: cut to Excel's 32,767 characters (with a visible "[...]" and never
 * splitting a surrogate pair), and a lone surrogate, which is not a character, replaced by U+FFFD.
 */
export function storedText(s: string): string {
  let t = s;
  if (t.length > MAX_CELL_TEXT) t = cutUnits(t, MAX_CELL_TEXT - 6) + " [...]";
  return t.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** The first n UTF-16 units of s, one fewer when the cut would split a surrogate pair. */
export function cutUnits(s: string, n: number): string {
  if (s.length <= n) return s;
  const c = s.charCodeAt(n - 1);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? n - 1 : n);
}

/**
 * A fingerprint of a sheet's values as stored, row by row: the same for what a host meant to
 * write and what it reads back from the sheet, and different once the user has typed in it.
 */
export function contentHash(rows: readonly (readonly CellValue[] | undefined)[], top = 0, left = 0): string {
  const parts: string[] = [];
  rows.forEach((row, r) =>
    row?.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      const t = typeof v === "object" ? `e${v.error}` : typeof v === "string" ? `s${v}` : typeof v === "number" ? `n${v}` : `b${v ? 1 : 0}`;
      parts.push(`${r + top},${c + left}:${t}`);
    }),
  );
  return textHash(parts.join("\u0000"));
}
