/**
 * The state's records (nations, assets, reports, drafts …) are keyed by ids that arrive from
 * untrusted clients. On an ordinary object `record["constructor"]` finds Object's constructor and
 * `record["__proto__"]` its prototype, so every lookup would have to remember `Object.hasOwn`.
 * Instead every record the state holds has no prototype at all: a lookup of any id finds the
 * entry or `undefined`, and nothing else. These helpers are the only way evolve and
 * initialState build records; a test walks the state's schema and checks that each record is
 * prototype-free.
 */
export type IdRecord<T> = Record<string, T>;

/** An empty record with no prototype. */
export function emptyRecord<T>(): IdRecord<T> {
  return Object.create(null) as IdRecord<T>;
}

/** A prototype-free record from entries (later entries win). */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): IdRecord<T> {
  const record = emptyRecord<T>();
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** A prototype-free copy of any record (e.g. one parsed from JSON or a command). */
export function toRecord<T>(source: Readonly<Record<string, T>> | undefined): IdRecord<T> {
  return Object.assign(emptyRecord<T>(), source);
}

/** A copy of the record with `key` set to `value`; `key` may be any string, "__proto__" included. */
export function put<T>(record: Readonly<IdRecord<T>>, key: string, value: T): IdRecord<T> {
  // A computed key in a literal always defines an own property, even "__proto__".
  return { __proto__: null, ...record, [key]: value } as unknown as IdRecord<T>;
}

/** A copy of the record without `key` (the record itself when it has no such entry). */
export function without<T>(record: Readonly<IdRecord<T>>, key: string): IdRecord<T> {
  if (!Object.hasOwn(record, key)) return record as IdRecord<T>;
  const next = toRecord(record);
  delete next[key];
  return next;
}

/**
 * Replaces the entry at `key` with `fn(entry)`; the record itself when there is no such entry,
 * so an event about something that does not exist (a log written by an older build that let one
 * through) folds to no change instead of inventing a half-made entry.
 */
export function update<T>(record: Readonly<IdRecord<T>>, key: string, fn: (entry: T) => T): IdRecord<T> {
  if (!Object.hasOwn(record, key)) return record as IdRecord<T>;
  return put(record, key, fn(record[key] as T));
}

/** The entry of an own key only: for records that did not come through these helpers (scenario tables, server maps). */
export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Maps every value; the record itself when nothing changed. */
export function mapRecord<T>(record: Readonly<IdRecord<T>>, fn: (value: T) => T): IdRecord<T> {
  let changed = false;
  const out = emptyRecord<T>();
  for (const key of Object.keys(record)) {
    const value = fn(record[key] as T);
    if (value !== record[key]) changed = true;
    out[key] = value;
  }
  return changed ? out : (record as IdRecord<T>);
}
