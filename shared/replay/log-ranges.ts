/** One request for part of an exercise's log: events with `from` ≤ seq ≤ `to`; no `to` for the last, to the log's end. */
export type LogRange = { from: number; to?: number };

/**
 * The ranges the replay viewer asks for a log of `lastSeq` events (`GET …/events?from=&to=`), in
 * order, `size` events each. The first is always 1…`size`, so that it can be asked for before
 * the log's length is known; the last has no end: events appended since `lastSeq` was read (a
 * running exercise) come with it, so the ranges always cover the log as it was when the last
 * was answered, with no gap and no event twice.
 */
export function logRanges(lastSeq: number, size: number): LogRange[] {
  const step = Math.max(1, Math.floor(size));
  const ranges: LogRange[] = [{ from: 1, to: step }];
  let from = step + 1;
  for (; from + step - 1 < lastSeq; from += step) ranges.push({ from, to: from + step - 1 });
  ranges.push({ from });
  return ranges;
}
