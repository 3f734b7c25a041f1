/**
 * Memoises a pure function of a string. Reports repeat the template's wording (row labels,
 * headers, the cells 0 and 1) from one report to the next, so most calls are hits; the cache is
 * dropped when full so that a long run over varied text cannot grow it without limit.
 */
export function memo<T>(fn: (s: string) => T, limit = 20_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      if (cache.size >= limit) cache.clear();
      v = fn(s);
      cache.set(s, v);
    }
    return v as T;
  };
}
