import { existsSync, statSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { foldEvents } from "../../shared/engine/evolve.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { describeHolder, inspectLock, lockPathFor, type LockState } from "./data-dir-lock.ts";
import { TABLES, oneLine, toEvent, toRecord } from "./sqlite-file.ts";
import { SqliteCode, sqliteCodeOf } from "./sqlite-errors.ts";

/** One sentence of the doctor's report; `ok: false` is a problem. */
export type Finding = { ok: boolean; text: string };
export type Examination = { file: string; lock: LockState; findings: Finding[]; problems: number };

/**
 * `concord doctor` without --repair: reads the SQLite file (read-only, so it may run next to a
 * server: it sees the last committed state) and says what it finds, a sentence per check.
 * Nothing here throws for a damaged file: each check reports its own failure and the next runs.
 */
export function examineDatabase(file: string): Examination {
  const lock = inspectLock(lockPathFor(file));
  const findings: Finding[] = [];
  const ok = (text: string) => findings.push({ ok: true, text });
  const problem = (text: string) => findings.push({ ok: false, text });
  const done = () => ({ file, lock, findings, problems: findings.filter((f) => !f.ok).length });

  ok(describeLock(lock));
  if (!existsSync(file)) {
    ok(`There is no ${file} yet: the server creates it on its first start.`);
    return done();
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { readOnly: true });
  } catch (error) {
    problem(`${file} cannot be opened: ${message(error)}.`);
    return done();
  }
  try {
    ok(`File: ${file}, ${formatBytes(statSync(file).size)}.`);
    try {
      const rows = db.prepare("PRAGMA integrity_check(10)").all() as { integrity_check: string }[];
      const found = rows.map((r) => r.integrity_check).filter((r) => r !== "ok").map(oneLine);
      if (found.length === 0) ok("SQLite's integrity check: ok.");
      else problem(`SQLite's integrity check found ${found.length === 10 ? "10 or more" : found.length} problem${found.length === 1 ? "" : "s"}: ${found.slice(0, 3).join("; ")}.`);
    } catch (error) {
      if (sqliteCodeOf(error) === SqliteCode.NotADatabase) {
        problem(`${file} is not an SQLite database (${message(error)}): its first page is damaged or it is another kind of file.`);
        return done();
      }
      // A long check can stop at damage that a check stopping at the first finding names.
      const first = maybe(() => (db.prepare("PRAGMA integrity_check(1)").get() as { integrity_check: string } | undefined)?.integrity_check);
      problem(`SQLite's integrity check could not finish (${message(error)})${first && first !== "ok" ? `; its first finding: ${oneLine(first)}` : ""}.`);
    }
    let tables: string[] = [];
    try {
      tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
      const missing = TABLES.filter((t) => !tables.includes(t));
      if (missing.length === 0) ok(`Tables: ${TABLES.join(", ")}.`);
      else problem(`Table${missing.length === 1 ? "" : "s"} missing: ${missing.join(", ")} (a file the server made has all of ${TABLES.join(", ")}).`);
    } catch (error) {
      problem(`The list of tables cannot be read: ${message(error)}.`);
    }
    const counts = (["exercises", "events", "seats"] as const).filter((t) => tables.includes(t)).map((table) => {
      try {
        const n = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
        return `${n} ${n === 1 ? table.slice(0, -1) : table}`;
      } catch (error) {
        problem(`The ${table} cannot be counted: ${message(error)}.`);
        return `? ${table}`;
      }
    });
    if (counts.length) ok(`Contents: ${counts.join(", ")}.`);
    if (tables.includes("exercises") && tables.includes("events")) for (const finding of examineExercises(db)) findings.push(finding);
  } finally {
    db.close();
  }
  return done();
}

/** Each exercise's record, its log without gaps, and the log replayed through the rules. */
function examineExercises(db: DatabaseSync): Finding[] {
  let ids: { id: string; title: string }[];
  try {
    ids = db.prepare("SELECT id, title FROM exercises ORDER BY created_at, id").all() as { id: string; title: string }[];
  } catch (error) {
    return [{ ok: false, text: `The exercises cannot be listed: ${message(error)}.` }];
  }
  const readRecord = db.prepare("SELECT * FROM exercises WHERE id = ?");
  const readEvents = db.prepare("SELECT seq, at, body FROM events WHERE exercise_id = ? ORDER BY seq");
  return ids.map(({ id, title }) => {
    const name = `Exercise ${id} "${title}"`;
    let record;
    try {
      record = toRecord(readRecord.get(id) as Record<string, unknown>);
    } catch (error) {
      return { ok: false, text: `${name}: its record cannot be read: ${message(error)}.` };
    }
    let events;
    try {
      events = (readEvents.all(id) as Record<string, unknown>[]).map(toEvent);
    } catch (error) {
      return { ok: false, text: `${name}: its events cannot be read: ${message(error)}.` };
    }
    const gap = events.findIndex((e, i) => e.seq !== i + 1);
    if (gap >= 0) return { ok: false, text: `${name}: its log has a gap: event ${gap + 1} has seq ${events[gap]!.seq}.` };
    try {
      const state = foldEvents(initialState(record.scenario, record.id, record.seed), events);
      return { ok: true, text: `${name}: ${events.length} event${events.length === 1 ? "" : "s"} replay to phase ${state.phase}, turn ${state.turn}.` };
    } catch (error) {
      return { ok: false, text: `${name}: its ${events.length} events do not replay: ${message(error)}.` };
    }
  });
}

export function describeLock(lock: LockState): string {
  switch (lock.state) {
    case "free":
      return "Lock: no server holds this data directory.";
    case "held":
      return `Lock: held by ${describeHolder(lock.holder)}, a server running on this data directory (the checks below read its last committed state).`;
    case "stale":
      if (!lock.holder) return "Lock: an unreadable lock file was left behind; the next start takes it over.";
      return `Lock: left behind by ${describeHolder(lock.holder)}, which is gone (${lock.reason}); the next start takes it over.`;
    default:
      return lock satisfies never;
  }
}

function maybe<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

export function message(error: unknown): string {
  return String((error as Error)?.message ?? error).replace(/\.$/, "");
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
