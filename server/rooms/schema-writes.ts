import type { MapSchema } from "@colyseus/schema";
import type { FeedItem } from "../../shared/view/feed.ts";

/**
 * How the projections write the room's schema state: only what changed, so that a patch carries
 * the difference and a projection that changed nothing sends none.
 */

/** A schema object's fields, as assign reads and writes them. */
export type Assignable = Record<string, unknown>;

/**
 * Whether the update under way wrote anything. A projection that wrote nothing leaves its
 * `seq` alone, so a command that changes one team's view patches that team's seats only: a
 * patch costs a write per socket, and at 300 seats those writes were the server's time (#23).
 */
export const writes = { touched: false };

/** Assigns only the fields that changed, so a patch carries just the difference. */
export function assign(target: Assignable, values: Assignable): void {
  for (const key in values) if (target[key] !== values[key]) (target[key] = values[key]), (writes.touched = true);
}

export function syncMap<S extends object, V>(map: MapSchema<S>, record: Record<string, V>, create: () => S, fill: (target: S, value: V) => void): void {
  for (const key of [...map.keys()]) if (!Object.hasOwn(record, key)) map.delete(key), (writes.touched = true);
  for (const key in record) {
    let target = map.get(key);
    const isNew = target === undefined;
    if (isNew) writes.touched = true;
    if (isNew) target = create();
    fill(target!, record[key]!);
    if (isNew) map.set(key, target!);
  }
}

/** JSON of immutable state records, cached by identity: structural sharing makes this cheap. */
const jsonCache = new WeakMap<object, string>();
export function jsonOf(value: object): string {
  let json = jsonCache.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    jsonCache.set(value, json);
  }
  return json;
}

/** A map of JSON documents: entries whose JSON is unchanged are not writes.touched, so they cost no patch. */
export function syncDocs<V extends object>(map: MapSchema<string>, record: Record<string, V>): void {
  for (const key of [...map.keys()]) if (!Object.hasOwn(record, key)) map.delete(key), (writes.touched = true);
  for (const key in record) setDoc(map, key, record[key]!);
}

export function setDoc(map: MapSchema<string>, key: string, value: object): void {
  const json = jsonOf(value);
  if (map.get(key) !== json) map.set(key, json), (writes.touched = true);
}

/**
 * A feed only grows at its end and loses its oldest lines (room-feeds.ts): the new lines are
 * added and the dropped ones deleted, without looking at the hundred in between again (the
 * whole feed per command was a tenth of a command's projection, #23).
 */
export function syncFeedTail(map: MapSchema<string>, items: readonly FeedItem[]): void {
  let from = items.length;
  while (from > 0 && !map.has(String(items[from - 1]!.seq))) from--;
  for (let i = from; i < items.length; i++) setDoc(map, String(items[i]!.seq), items[i]!);
  if (map.size <= items.length) return;
  // Keys went in oldest first, so the dropped lines are the first ones.
  const oldest = items[0]?.seq ?? Infinity;
  const dropped: string[] = [];
  for (const key of map.keys()) {
    if (Number(key) >= oldest) break;
    dropped.push(key);
  }
  for (const key of dropped) map.delete(key), (writes.touched = true);
}
