/**
 * Structural sharing for the state a patch reads anew (read-state.ts): a record equal to the one
 * the previous state held is that one, and a collection whose records are all the previous ones is
 * the previous collection. Panels can then tell "nothing changed" by identity (ui/memo.ts) instead
 * of rebuilding what they show from 5,000 assets on every patch (issue #23, the console's load).
 */

/**
 * JSON-like data equal field by field: primitives by value, arrays and plain objects element by
 * element, `depth` levels down (a record's route, crisis, policies; deeper documents are parsed
 * once per string and compared by identity).
 */
export function sameData(a: unknown, b: unknown, depth = 3): boolean {
  if (Object.is(a, b)) return true;
  if (depth <= 0 || typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i], depth - 1)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k)) return false;
    if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth - 1)) return false;
  }
  return true;
}

/**
 * `next` with each record equal to `previous`'s under the same key replaced by that one; `previous`
 * itself when every record is the same and no key came or went.
 */
export function keepSame<T>(
  previous: Readonly<Record<string, T>> | undefined,
  next: Record<string, T>,
  same: (a: T, b: T) => boolean = sameData,
): Record<string, T> {
  if (!previous) return next;
  let all = true;
  let count = 0;
  for (const key in next) {
    count++;
    const before = previous[key];
    if (before !== undefined && (before === next[key] || same(before, next[key]!))) next[key] = before;
    else all = false;
  }
  return all && count === Object.keys(previous).length ? (previous as Record<string, T>) : next;
}

/** `previous` when it holds the same elements in the same order (by identity), else `next`. */
export function keepSameList<T>(previous: readonly T[] | undefined, next: T[]): T[] {
  if (!previous || previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (previous[i] !== next[i]) return next;
  return previous as T[];
}
