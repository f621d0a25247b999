/**
 * The value a map holds for a key it is known to hold (every project and milestone has a status;
 * every risk row its risk): the one place such a look-up can fail, with an internal error that
 * names what was missing instead of a TypeError further on.
 */
export function known<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`Internal error: no ${what} for ${String(key)}`);
  return v;
}
