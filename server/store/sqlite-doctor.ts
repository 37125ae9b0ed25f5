import { existsSync, statSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { foldEvents } from "../../shared/engine/evolve.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { inspectLock, lockPathFor, type LockState } from "./data-dir-lock.ts";
import { TABLES, oneLine, toEvent, toRecord } from "./sqlite-file.ts";
import { SqliteCode, sqliteCodeOf } from "./sqlite-errors.ts";
import { SCHEMA_VERSION, schemaVersionOf } from "./sqlite-migrations.ts";
import { hostname } from "node:os";
import { msg, type Msg } from "../../shared/i18n/message.ts";
import { termKey } from "../../shared/i18n/terms.ts";
import { translate } from "../../shared/i18n/format.ts";
import type { LockHolder } from "./data-dir-lock.ts";

/** One sentence of the doctor's report, as a message (the CLI renders it in its language) and in English; `ok: false` is a problem. */
export type Finding = { ok: boolean; msg: Msg; text: string };
const finding = (ok: boolean, m: Msg): Finding => ({ ok, msg: m, text: translate("en", m) });
export type Examination = { file: string; lock: LockState; findings: Finding[]; problems: number };

/**
 * `concord doctor` without --repair: reads the SQLite file (read-only, so it may run next to a
 * server: it sees the last committed state) and says what it finds, a sentence per check.
 * Nothing here throws for a damaged file: each check reports its own failure and the next runs.
 */
export function examineDatabase(file: string): Examination {
  const lock = inspectLock(lockPathFor(file));
  const findings: Finding[] = [];
  const ok = (m: Msg) => findings.push(finding(true, m));
  const problem = (m: Msg) => findings.push(finding(false, m));
  const done = () => ({ file, lock, findings, problems: findings.filter((f) => !f.ok).length });

  ok(describeLock(lock));
  if (!existsSync(file)) {
    ok(msg("cli.doctor.noFile", { file }));
    return done();
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { readOnly: true });
  } catch (error) {
    problem(msg("cli.doctor.cannotOpen", { file, error: message(error) }));
    return done();
  }
  try {
    ok(msg("cli.doctor.file", { file, size: formatBytes(statSync(file).size) }));
    try {
      const rows = db.prepare("PRAGMA integrity_check(10)").all() as { integrity_check: string }[];
      const found = rows
        .map((r) => r.integrity_check)
        .filter((r) => r !== "ok")
        .map(oneLine);
      if (found.length === 0) ok(msg("cli.doctor.integrityOk"));
      else problem(msg("cli.doctor.integrityFound", { count: found.length, found: found.slice(0, 3).join("; ") }));
    } catch (error) {
      if (sqliteCodeOf(error) === SqliteCode.NotADatabase) {
        problem(msg("cli.doctor.notADatabase", { file, error: message(error) }));
        return done();
      }
      // A long check can stop at damage that a check stopping at the first finding names.
      const first = maybe(() => (db.prepare("PRAGMA integrity_check(1)").get() as { integrity_check: string } | undefined)?.integrity_check);
      const hasFirst = Boolean(first && first !== "ok");
      problem(msg("cli.doctor.integrityUnfinished", { error: message(error), hasFirst: hasFirst ? "yes" : "no", first: hasFirst ? oneLine(first!) : "" }));
    }
    let tables: string[] = [];
    try {
      tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
      const missing = TABLES.filter((t) => !tables.includes(t));
      if (missing.length === 0) ok(msg("cli.doctor.tables", { tables: TABLES.join(", ") }));
      else problem(msg("cli.doctor.tablesMissing", { count: missing.length, missing: missing.join(", "), tables: TABLES.join(", ") }));
    } catch (error) {
      problem(msg("cli.doctor.tablesUnreadable", { error: message(error) }));
    }
    try {
      const found = schemaVersionOf(db);
      if (found > SCHEMA_VERSION) problem(msg("ops.doctor.schemaNewer", { found, current: SCHEMA_VERSION }));
      else
        ok(found === SCHEMA_VERSION ? msg("ops.doctor.schemaCurrent", { version: found }) : msg("ops.doctor.schemaOlder", { found, current: SCHEMA_VERSION }));
    } catch (error) {
      problem(msg("cli.doctor.tablesUnreadable", { error: message(error) }));
    }
    const counts = (["exercises", "events", "seats"] as const)
      .filter((t) => tables.includes(t))
      .map((table) => {
        try {
          const n = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
          return msg("cli.doctor.count", { table, n });
        } catch (error) {
          problem(msg("cli.doctor.cannotCount", { table, error: message(error) }));
          return msg("cli.doctor.countUnknown", { table });
        }
      });
    // Joined with commas, as a count list reads in both languages ("3 exercises, 900 events, 6 seats").
    if (counts.length) ok(msg("cli.doctor.contents", { counts: counts.reduceRight((rest, first) => msg("cli.doctor.commaList", { first, rest })) }));
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
    return [finding(false, msg("cli.doctor.exercisesUnlisted", { error: message(error) }))];
  }
  const readRecord = db.prepare("SELECT * FROM exercises WHERE id = ?");
  const readEvents = db.prepare("SELECT seq, at, body FROM events WHERE exercise_id = ? ORDER BY seq");
  return ids.map(({ id, title }) => {
    const name = msg("cli.doctor.exercise", { id, title });
    let record;
    try {
      record = toRecord(readRecord.get(id) as Record<string, unknown>);
    } catch (error) {
      return finding(false, msg("cli.doctor.recordUnreadable", { exercise: name, error: message(error) }));
    }
    let events;
    try {
      events = (readEvents.all(id) as Record<string, unknown>[]).map(toEvent);
    } catch (error) {
      return finding(false, msg("cli.doctor.eventsUnreadable", { exercise: name, error: message(error) }));
    }
    const gap = events.findIndex((e, i) => e.seq !== i + 1);
    if (gap >= 0) return finding(false, msg("cli.doctor.gap", { exercise: name, n: gap + 1, seq: events[gap]!.seq }));
    try {
      const state = foldEvents(initialState(record.scenario, record.id, record.seed), events);
      return finding(
        true,
        msg("cli.doctor.replays", {
          exercise: name,
          count: events.length,
          turn: state.turn,
          phase: msg(termKey("phase", state.phase) ?? "cli.doctor.phaseOther", { phase: state.phase }),
        }),
      );
    } catch (error) {
      return finding(false, msg("cli.doctor.noReplay", { exercise: name, count: events.length, error: message(error) }));
    }
  });
}

export function describeLock(lock: LockState): Msg {
  switch (lock.state) {
    case "free":
      return msg("cli.doctor.lockFree");
    case "held":
      return msg("cli.doctor.lockHeld", { holder: holderMsg(lock.holder) });
    case "stale":
      if (!lock.holder) return msg("cli.doctor.lockUnreadable");
      return msg("cli.doctor.lockStale", { holder: holderMsg(lock.holder), reason: lock.reason });
    default:
      return lock satisfies never;
  }
}

/** describeHolder (data-dir-lock.ts) as a message: "process 1234 (started 2026-12-01T13:00Z)". */
export function holderMsg(holder: LockHolder | null): Msg {
  if (!holder) return msg("cli.doctor.holderUnknown");
  const sameHost = holder.host === hostname();
  return msg("cli.doctor.holder", { pid: String(holder.pid), sameHost: sameHost ? "yes" : "no", host: holder.host, started: holder.startedAt.slice(0, 16) });
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

/** A file's size, its number written as the reader's language writes it. */
export function formatBytes(bytes: number): Msg {
  if (bytes < 1024 * 1024) return msg("cli.doctor.kilobytes", { kb: Math.round(bytes / 1024) });
  return msg("cli.doctor.megabytes", { mb: Math.round((bytes / 1024 / 1024) * 10) / 10 });
}
