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

/** "P1, P2, P3 and 12 more": the first `max` names of a list for a message, the rest counted. */
export function namesUpTo(names: readonly string[], max = 6): string {
  if (names.length <= max) return names.join(", ");
  return `${names.slice(0, max).join(", ")} and ${(names.length - max).toLocaleString("en-GB")} more`;
}

