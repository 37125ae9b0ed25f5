import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { evolve } from "../../shared/engine/evolve.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import type { ExerciseRecord, SeatRecord } from "./event-store.ts";
import { SqliteFile, toEvent, toRecord, toSeat } from "./sqlite-file.ts";
import { message } from "./sqlite-doctor.ts";
import { msg, type Msg } from "../../shared/i18n/message.ts";

/** `lines`: the report, a message a line (the CLI renders them in its language). */
export type RepairReport = { damagedCopy: string; replaced: boolean; lines: Msg[] };

type Row = Record<string, unknown>;
/** Probing by key stops after this many keys in a row that hold nothing readable. */
const GIVE_UP_AFTER = 10_000;

/**
 * `concord doctor --repair`, with the lock held (no server on the file). Copies the damaged file
 * aside first (with its -wal: committed events not yet checkpointed live there), reads what
 * SQLite can still read from the copy, writes it through SqliteFile into a fresh file, and puts
 * that in place of the damaged one.
 *
 * A table is read with one scan; when the scan hits a damaged page it is read again key by key
 * (rowid, or seq for events), which skips only the rows on unreadable pages. An exercise keeps
 * its events up to the first one that is missing or does not replay: an event log with a hole
 * in it would replay to a state that never existed. Join codes are rebuilt from the exercise
 * records, which hold the current ones.
 */
export async function repairDatabase(file: string, now = new Date()): Promise<RepairReport> {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
  const damagedCopy = `${file}.damaged-${stamp}`;
  copyFileSync(file, damagedCopy);
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${damagedCopy}-wal`);
  const lines: Msg[] = [msg("cli.repair.keptCopy", { copy: damagedCopy, wal: existsSync(`${damagedCopy}-wal`) ? "yes" : "no" })];
  const done = (replaced: boolean) => ({ damagedCopy, replaced, lines });

  let source: DatabaseSync;
  try {
    source = new DatabaseSync(damagedCopy, { readOnly: true });
    source.prepare("SELECT count(*) FROM sqlite_schema").get();
  } catch (error) {
    lines.push(msg("cli.repair.unreadable", { error: message(error), file }));
    return done(false);
  }
  const target = `${file}.recovered-${stamp}`;
  try {
    const exercises = readTable(source, "exercises");
    const seats = readTable(source, "seats");
    if (!exercises.readable && !seats.readable) {
      lines.push(msg("cli.repair.neither", { file }));
      return done(false);
    }
    const records: ExerciseRecord[] = [];
    for (const row of exercises.rows) {
      try {
        records.push(toRecord(row));
      } catch {
        exercises.lostRows++;
      }
    }
    if (!exercises.complete) lines.push(msg("cli.repair.exercisesPartial", { kept: records.length }));
    else if (exercises.lostRows) lines.push(msg("cli.repair.exercisesLost", { kept: records.length, lost: exercises.lostRows }));
    else lines.push(msg("cli.repair.exercisesAll", { kept: records.length }));

    rmSync(target, { force: true });
    const fresh = new SqliteFile(target);
    const kept = new Set<string>();
    for (const record of records) {
      const { events, text } = recoverEvents(source, record);
      await fresh.createExercise(record);
      await fresh.append(record.id, events);
      kept.add(record.id);
      lines.push(msg("cli.repair.exercise", { exercise: msg("cli.doctor.exercise", { id: record.id, title: record.title }), text }));
    }
    const orphans = countOrphanEvents(source, kept);
    if (orphans) lines.push(msg("cli.repair.orphans", { count: orphans }));

    let seatsKept = 0;
    let seatsOrphaned = 0;
    for (const row of seats.rows) {
      let seat: SeatRecord;
      try {
        seat = toSeat(row);
      } catch {
        continue;
      }
      if (!kept.has(seat.exerciseId)) seatsOrphaned++;
      else {
        await fresh.saveSeat(seat);
        seatsKept++;
      }
    }
    lines.push(msg("cli.repair.seats", { kept: seatsKept, orphaned: seatsOrphaned, partial: seats.complete ? "no" : "yes" }));
    lines.push(msg("cli.repair.joinCodes"));
    await fresh.close();

    // The damaged file's -wal and -shm belong to it: left next to the fresh file, SQLite would
    // replay the old pages into it. Both were copied above.
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    renameSync(target, file);
    for (const suffix of ["-wal", "-shm"]) if (existsSync(`${target}${suffix}`)) renameSync(`${target}${suffix}`, `${file}${suffix}`);
    lines.push(msg("cli.repair.replaced", { file }));
    return done(true);
  } finally {
    source.close();
    for (const suffix of ["", "-wal", "-shm"]) if (existsSync(`${target}${suffix}`)) rmSync(`${target}${suffix}`, { force: true });
  }
}

type TableRead = { rows: Row[]; complete: boolean; readable: boolean; lostRows: number };

/** A rowid table: one scan, or, when the scan fails, row by row. */
function readTable(db: DatabaseSync, table: "exercises" | "seats"): TableRead {
  try {
    return { rows: db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Row[], complete: true, readable: true, lostRows: 0 };
  } catch {
    // Read around the damage below.
  }
  const last = maybe(() => Number((db.prepare(`SELECT MAX(rowid) AS m FROM ${table}`).get() as { m: number | null }).m ?? 0));
  const rows = probe(db.prepare(`SELECT * FROM ${table} WHERE rowid = ?`), [], last);
  return { rows: rows.map((r) => r.row), complete: false, readable: rows.length > 0 || last !== null, lostRows: 0 };
}

/** Point reads of key = 1, 2, …: a damaged page fails only the keys that live on it. */
function probe(statement: StatementSync, prefix: unknown[], last: number | null): { key: number; row: Row }[] {
  const found: { key: number; row: Row }[] = [];
  let empty = 0;
  for (let key = 1; last !== null ? key <= last : empty < GIVE_UP_AFTER; key++) {
    try {
      const row = statement.get(...(prefix as never[]), key) as Row | undefined;
      if (row) {
        found.push({ key, row });
        empty = 0;
      } else empty++;
    } catch {
      empty++;
    }
  }
  return found;
}

/** The exercise's events from seq 1 up to the first one missing, unreadable or not replaying. */
function recoverEvents(db: DatabaseSync, record: ExerciseRecord): { events: ExerciseEvent[]; text: Msg } {
  let rows: { key: number; row: Row }[];
  let scanned = true;
  let last: number | null = null;
  try {
    rows = (db.prepare("SELECT seq, at, body FROM events WHERE exercise_id = ? ORDER BY seq").all(record.id) as Row[]).map((row) => ({
      key: Number(row.seq),
      row,
    }));
  } catch {
    scanned = false;
    last = maybe(() => Number((db.prepare("SELECT MAX(seq) AS m FROM events WHERE exercise_id = ?").get(record.id) as { m: number | null }).m ?? 0));
    rows = probe(db.prepare("SELECT seq, at, body FROM events WHERE exercise_id = ? AND seq = ?"), [record.id], last);
  }
  const bySeq = new Map(rows.map((r) => [r.key, r.row]));
  const highest = rows.reduce((max, r) => Math.max(max, r.key), last ?? 0);
  const events: ExerciseEvent[] = [];
  let state;
  try {
    state = initialState(record.scenario, record.id, record.seed);
  } catch (error) {
    return { events: [], text: msg("cli.repair.scenarioDoesNotLoad", { error: message(error), count: highest }) };
  }
  let stop: Msg | null = null;
  for (let seq = 1; seq <= highest; seq++) {
    const row = bySeq.get(seq);
    if (!row) {
      const next = rows.find((r) => r.key > seq)?.key ?? highest + 1;
      stop = next - 1 > seq ? msg("cli.repair.unreadableRange", { from: seq, to: next - 1 }) : msg("cli.repair.unreadableOne", { from: seq });
      break;
    }
    try {
      const event = toEvent(row);
      state = evolve(state, event);
      events.push(event);
    } catch (error) {
      stop = msg("cli.repair.eventNoReplay", { seq, error: message(error) });
      break;
    }
  }
  if (!stop)
    return {
      events,
      text: events.length === 0 ? msg("cli.repair.noEvents") : msg("cli.repair.keptAll", { count: events.length, oneByOne: scanned ? "no" : "yes" }),
    };
  const after = rows.filter((r) => r.key > events.length + 1).length;
  const kept = events.length === 0 ? msg("cli.repair.keptNone", { total: highest }) : msg("cli.repair.keptSome", { kept: events.length, total: highest });
  return { events, text: msg("cli.repair.stopped", { kept, stop, after }) };
}

function countOrphanEvents(db: DatabaseSync, kept: Set<string>): number {
  const counts =
    maybe(() => db.prepare("SELECT exercise_id, count(*) AS n FROM events GROUP BY exercise_id").all() as { exercise_id: string; n: number }[]) ?? [];
  return counts.filter((c) => !kept.has(c.exercise_id)).reduce((sum, c) => sum + c.n, 0);
}

function maybe<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
