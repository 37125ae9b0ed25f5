/**
 * How evolve and initialState build the state's records (nations, assets, reports, drafts …).
 * They are ordinary objects, copied by spread (large ones key by key, LARGE_RECORD): that keeps a
 * fold of 10,000 events in milliseconds (records without a prototype are dictionaries and copy
 * 50–100× slower). No id can
 * name one of Object's own members — the protocol refuses such ids where they arrive
 * (shared/protocol/ids.ts) — and these helpers look entries up as own keys only, so an event an
 * older build let such an id into folds to no change instead of touching Object's members.
 */
export type IdRecord<T> = Record<string, T>;

export function emptyRecord<T>(): IdRecord<T> {
  return {};
}

/** A record from entries; each key becomes an own property, "__proto__" included. */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): IdRecord<T> {
  return Object.fromEntries(entries) as IdRecord<T>;
}

/** A copy of any record (e.g. one parsed from JSON or a command). */
export function toRecord<T>(source: Readonly<Record<string, T>> | undefined): IdRecord<T> {
  return source ? copyOf(source) : {};
}

/**
 * Records made inside `transiently` (folding a log to its last state) or by one decision's events
 * (`inScope`, used by builder.ts): nobody holds them but the fold or the decision, so later events
 * may change them in place instead of copying them again. A 5,000-asset exercise's record copied
 * per event made folding its log quadratic, and a turn's resolution spent 70 % of its second
 * copying records (#23).
 */
let owned: WeakSet<object> | null = null;

/**
 * Runs `fn` with copy-on-first-write records: each record is copied once, then changed in place.
 * Only for computations whose intermediate states nobody keeps (foldEvents); the states given in
 * are never changed.
 */
export function transiently<T>(fn: () => T): T {
  return inScope(new WeakSet(), fn);
}

/**
 * Runs `fn` with `scope` as the set of records it may change in place; what it copies joins the
 * scope. A decision keeps one scope for all its events, so each record is copied once per
 * decision. `null` (the fuzzer's reference, test/rules/fuzz.test.ts) copies on every change.
 */
export function inScope<T>(scope: WeakSet<object> | null, fn: () => T): T {
  const outer = owned;
  owned = scope;
  try {
    return fn();
  } finally {
    owned = outer;
  }
}

/**
 * Records a cache keys by identity (asset-index.ts): such a record's identity stands for its
 * content, so a later change copies it even where it could have been changed in place.
 */
const remembered = new WeakSet<object>();

/** Marks a record a cache keys by identity: it is never changed in place after this. */
export function keyedByIdentity(record: object): void {
  remembered.add(record);
}

function changeableInPlace(record: object): boolean {
  return owned?.has(record) === true && !remembered.has(record);
}

/** Whether a value was made in the current `transiently` scope: the fold may then change it in place. */
export function madeInFold(value: object): boolean {
  return changeableInPlace(value);
}

/** Marks a value just made (a record, an array, an object) as the fold's own: inside `transiently`, later changes happen in place. */
export function ownedByFold<T extends object>(value: T): T {
  owned?.add(value);
  return value;
}

/**
 * Records from this many entries on are copied key by key. A spread copy of a large record stays
 * in V8's fast mode, and makes the copy a new hidden class by adding each key in turn: about
 * 0.5 MB of garbage to copy a record of 600 entries (a fired inject in the fan-out bench's
 * exercise, #23), 80 % of what the room allocated per inject. Assigned key by key, the copy turns
 * into a dictionary as it grows: 60 KB and 25 % less time at 600 entries, 40 % less at 2,000.
 * Small records keep the spread: their copies share hidden classes and stay fast to read.
 */
export const LARGE_RECORD = 128;

/** A copy of the record's own entries, in their order; "__proto__" stays an own entry. */
function copyOf<T>(record: Readonly<IdRecord<T>>): IdRecord<T> {
  const keys = Object.keys(record);
  if (keys.length < LARGE_RECORD) return { ...record };
  const copy: IdRecord<T> = {};
  for (const key of keys) {
    if (key === "__proto__") defineEntry(copy, key, record[key] as T);
    else copy[key] = record[key] as T;
  }
  return copy;
}

/** An own entry named "__proto__", which plain assignment would take for the prototype. */
function defineEntry<T>(record: IdRecord<T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of the record with `key` set to `value`. */
export function put<T>(record: Readonly<IdRecord<T>>, key: string, value: T): IdRecord<T> {
  // "__proto__" assigned would set the prototype: such a key always takes the copy.
  if (key !== "__proto__" && changeableInPlace(record)) {
    (record as IdRecord<T>)[key] = value;
    return record as IdRecord<T>;
  }
  const copy = copyOf(record);
  if (key === "__proto__") defineEntry(copy, key, value);
  else copy[key] = value;
  owned?.add(copy);
  return copy;
}

/** A copy of the record with every entry set: one copy for all of them. */
export function putAll<T>(record: Readonly<IdRecord<T>>, entries: Iterable<readonly [string, T]>): IdRecord<T> {
  const target = changeableInPlace(record) ? (record as IdRecord<T>) : copyOf(record);
  for (const [key, value] of entries) {
    if (key === "__proto__") defineEntry(target, key, value);
    else target[key] = value;
  }
  owned?.add(target);
  return target;
}

/** A copy of the record without `key` (the record itself when it has no such own entry). */
export function without<T>(record: Readonly<IdRecord<T>>, key: string): IdRecord<T> {
  if (!Object.hasOwn(record, key)) return record as IdRecord<T>;
  if (changeableInPlace(record)) {
    delete (record as IdRecord<T>)[key];
    return record as IdRecord<T>;
  }
  const next = copyOf(record);
  delete next[key];
  owned?.add(next);
  return next;
}

/**
 * Replaces the entry at `key` with `fn(entry)`; the record itself when there is no such own
 * entry, so an event about something that does not exist (a log written by an older build that
 * let one through) folds to no change instead of inventing a half-made entry.
 */
export function update<T>(record: Readonly<IdRecord<T>>, key: string, fn: (entry: T) => T): IdRecord<T> {
  if (!Object.hasOwn(record, key)) return record as IdRecord<T>;
  return put(record, key, fn(record[key] as T));
}

/** The entry of an own key only: for lookups whose key did not come through the protocol's id schemas. */
export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Maps every value; the record itself when nothing changed. */
export function mapRecord<T>(record: Readonly<IdRecord<T>>, fn: (value: T) => T): IdRecord<T> {
  let changed = false;
  const out: IdRecord<T> = {};
  for (const key of Object.keys(record)) {
    const value = fn(record[key] as T);
    if (value !== record[key]) changed = true;
    // Plain assignment would set the prototype for "__proto__"; define it as an own entry instead.
    if (key === "__proto__") defineEntry(out, key, value);
    else out[key] = value;
  }
  return changed ? out : (record as IdRecord<T>);
}
