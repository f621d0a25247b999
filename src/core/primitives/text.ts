/**
 * One flat block of characters for a string that is kept. V8 builds a string made with + or a
 * template literal as a tree of its pieces (a "cons string") and joins them only when something
 * reads its characters. A finding's message kept as a tree is ten or more objects for the
 * garbage collector to copy and trace instead of one; on a 100,000-item programme the analysis's
 * messages and reasons held about twice their size in tree nodes (measured with --expose-gc,
 * see docs/performance.md). Any read of its characters joins the tree in place (V8's
 * String::Flatten): the technique of the `flatstr` package (github.com/davidmarkclements/flatstr),
 * which converts to a number; reading the first character did the same and measured faster here.
 */
export function flat(s: string): string {
  if (s.length) s.charCodeAt(0);
  return s;
}

/**
 * A whole number as a board paper writes it: 12,500 and -1,234 (rounded; en-GB grouping). Written
 * out rather than through toLocaleString, which builds a number format on each call and was a
 * sixth of the RAG's time on a big programme.
 */
export function wholeNumber(n: number): string {
  const r = Math.round(n);
  const digits = String(Math.abs(r));
  if (!/^\d+$/.test(digits)) return r.toLocaleString("en-GB"); // 1e21 and above, NaN, Infinity
  let out = "";
  for (let end = digits.length; end > 0; end -= 3)
    out = digits.slice(Math.max(0, end - 3), end) + (out ? "," + out : "");
  return (r < 0 ? "-" : "") + out;
}

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32_767;

/** The first n UTF-16 units of s, one fewer when the cut would split a surrogate pair. */
export function cutUnits(s: string, n: number): string {
  if (s.length <= n) return s;
  const c = s.charCodeAt(n - 1);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? n - 1 : n);
}

/** Money as a board paper writes it: £12,500 (whole pounds, en-GB grouping). */
export function money(n: number): string {
  return `£${wholeNumber(n)}`;
}

/** A variance as a board paper writes it: +12.5%, -3%, 0% (to one decimal place). */
export function signedPercent(v: number): string {
  const r = Math.round(v * 10) / 10;
  return `${r > 0 ? "+" : ""}${r}%`;
}

/** A number with up to `digits` decimals, en-GB grouping: 1,234.5. */
export function decimalNumber(n: number, digits: number): string {
  return n.toLocaleString("en-GB", { maximumFractionDigits: digits });
}

/** A count with its noun: "1 day", "2 days", "1 warning", "0 items". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? singular : plural}`;
}

/**
 * An item as a sentence names it. A bare number — a Microsoft Project task ID or a Smartsheet row
 * number, as imported plans carry — says nothing alone, so its name goes beside it ("Recruit team
 * (7)"); a programme's own IDs ("P04") read as they are.
 */
export function itemName(id: string, name?: string | null): string {
  return name && name !== id && /^\d+$/.test(id.trim()) ? `${name} (${id})` : id;
}

/** "P1, P2, P3 and 12 more": the first `max` names of a list for a message, the rest counted. */
export function namesUpTo(names: readonly string[], max = 6): string {
  if (names.length <= max) return names.join(", ");
  return `${names.slice(0, max).join(", ")} and ${wholeNumber(names.length - max)} more`;
}
