/**
 * Memoises a pure function of a string. Reports repeat the template's wording (row labels,
 * headers, headings) from one report to the next, so most calls are hits; the cache is dropped
 * when full so that a long run over varied text cannot grow it without limit. Strings longer
 * than `maxLength` (prose, which does not repeat) are not cached.
 */
export function memo<T>(fn: (s: string) => T, maxLength = 64, limit = 20_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    if (s.length > maxLength) return fn(s);
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      if (cache.size >= limit) cache.clear();
      // The cached key, and whatever fn cuts from it, must not keep the report it came from alive.
      const own = detach(s);
      v = fn(own);
      cache.set(own, v);
    }
    return v as T;
  };
}

/**
 * The string as a copy of its own. V8 keeps a substring of 13 or more characters as a view on
 * the string it was cut from, so a label or a title cut from a report's text would keep that
 * whole text alive for as long as the label is cached or the record kept.
 */
export function detach<T extends string | null>(s: T): T {
  return (s === null || s.length < 13 ? s : (' ' + s).slice(1)) as T;
}
