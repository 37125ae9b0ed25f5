import type { DatabaseSync } from "node:sqlite";

/**
 * The SQLite store's schema, as numbered steps recorded in the file's `PRAGMA user_version`.
 * A fresh file runs them all; a file from an older release runs the ones it lacks, each in a
 * transaction with its version, so a crash mid-way leaves a file at one version or the next;
 * a file from a newer release is refused (its tables may mean something this code does not
 * know), never changed. Steps are only ever appended: a released step is never edited.
 */
export type Migration = { version: number; about: string; sql: string };

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    // Files written before schema versions (user_version 0) hold exactly these tables already:
    // IF NOT EXISTS makes the step a no-op for them.
    about: "exercises, join codes, events and seats",
    sql: `
CREATE TABLE IF NOT EXISTS exercises (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  scenario TEXT NOT NULL,
  seed INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  facilitator_token_hash TEXT NOT NULL,
  join_codes TEXT NOT NULL,
  observer_code TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS join_codes (
  code TEXT PRIMARY KEY,
  exercise_id TEXT NOT NULL REFERENCES exercises(id),
  role TEXT NOT NULL,
  nation TEXT
);
CREATE TABLE IF NOT EXISTS events (
  exercise_id TEXT NOT NULL REFERENCES exercises(id),
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (exercise_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS seats (
  token TEXT PRIMARY KEY,
  exercise_id TEXT NOT NULL REFERENCES exercises(id),
  role TEXT NOT NULL,
  nation TEXT,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);`,
  },
  {
    version: 2,
    // The roster (listSeats) and replacing a join code looked through every seat and code of
    // every exercise.
    about: "seats and join codes indexed by exercise",
    sql: `
CREATE INDEX IF NOT EXISTS seats_by_exercise ON seats (exercise_id, created_at);
CREATE INDEX IF NOT EXISTS join_codes_by_exercise ON join_codes (exercise_id, role);`,
  },
  {
    version: 3,
    // Rooms on demand and the exercise library: where each exercise stands without folding its
    // log (NULL for exercises from before, until they are folded once), and archiving.
    about: "exercise status and archiving",
    sql: `
ALTER TABLE exercises ADD COLUMN status TEXT;
ALTER TABLE exercises ADD COLUMN archived_at INTEGER;`,
  },
  {
    version: 4,
    // Role-player, evaluator and controller codes: the exercise keeps them (as it keeps its join
    // codes) as JSON, join_codes finds them by code and slot, and a seat keeps what its code
    // allowed. Older rows have NULL in each: no such codes, an older role's seat.
    about: "role-player, evaluator and controller codes and seats",
    sql: `
ALTER TABLE exercises ADD COLUMN seat_codes TEXT;
ALTER TABLE join_codes ADD COLUMN slot TEXT;
ALTER TABLE seats ADD COLUMN details TEXT;`,
  },
  {
    version: 5,
    // A cache of each exercise's fold (StoredSnapshot), so opening a week-long log folds only
    // its tail. Derived, like the status: dropping the table loses nothing.
    about: "cached folds of the log (snapshots)",
    sql: `
CREATE TABLE IF NOT EXISTS snapshots (
  exercise_id TEXT PRIMARY KEY REFERENCES exercises(id),
  seq INTEGER NOT NULL,
  version TEXT NOT NULL,
  data TEXT NOT NULL
);`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** A file written by a newer Concord: opening it could misread or damage what it holds. */
export class NewerSchema extends Error {
  readonly file: string;
  readonly found: number;
  readonly supported: number;
  constructor(file: string, found: number, supported = SCHEMA_VERSION) {
    super(
      `${file} has schema version ${found}, newer than this Concord knows (up to ${supported}): it was written by a newer release. ` +
        `Run that release again, or restore a backup taken before the upgrade (docs/OPERATIONS.md, "Upgrading"); the file was not changed`,
    );
    this.file = file;
    this.found = found;
    this.supported = supported;
  }
}

export function schemaVersionOf(db: DatabaseSync): number {
  return Number((db.prepare("PRAGMA user_version").get() as { user_version: number }).user_version);
}

export type Migrated = { from: number; to: number; fresh: boolean };

/** Brings the file to SCHEMA_VERSION: which versions it went from and to, and whether it was empty. */
export function migrate(db: DatabaseSync, file: string): Migrated {
  const from = schemaVersionOf(db);
  if (from > SCHEMA_VERSION) throw new NewerSchema(file, from);
  const fresh = (db.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number }).n === 0;
  for (const step of MIGRATIONS) {
    if (step.version <= from) continue;
    db.exec("BEGIN IMMEDIATE");
    try {
      db.exec(step.sql);
      // user_version lives in the file's header and commits with the step.
      db.exec(`PRAGMA user_version = ${step.version}`);
      db.exec("COMMIT");
    } catch (error) {
      if (db.isTransaction) db.exec("ROLLBACK");
      throw error;
    }
  }
  return { from, to: SCHEMA_VERSION, fresh };
}
