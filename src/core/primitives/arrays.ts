/**
 * Max and min over arrays of any length. Math.max(...xs) passes every element as an argument,
 * which overflows the call stack for arrays of 100,000+ (a large programme).
 */
export function maxOf(xs: readonly number[], empty = -Infinity): number {
  let m = empty;
  for (const x of xs) if (x > m) m = x;
  return m;
}

export function minOf(xs: readonly number[], empty = Infinity): number {
  let m = empty;
  for (const x of xs) if (x < m) m = x;
  return m;
}

/** Appends all of `more` to `target` without spreading it into arguments. */
export function append<T>(target: T[], more: readonly T[]): T[] {
  for (const x of more) target.push(x);
  return target;
}
