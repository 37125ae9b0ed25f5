/**
 * A value made once per key and kept: the map's words and sizes recur from one repaint to the
 * next. Past `limit` keys all are let go at once, so a long session cannot grow it without end.
 */
export function keptValues<T>(limit: number): (key: string, make: () => T) => T {
  const kept = new Map<string, T>();
  return (key, make) => {
    let value = kept.get(key);
    if (value === undefined) {
      if (kept.size >= limit) kept.clear();
      kept.set(key, (value = make()));
    }
    return value;
  };
}
