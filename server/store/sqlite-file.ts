import { DatabaseSync } from "node:sqlite";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { CodeRole, EventStore, ExerciseRecord, ExerciseStatus, ExerciseSummary, SeatCode, SeatRecord, StoredSnapshot } from "./event-store.ts";
import { SequenceConflict } from "./event-store.ts";
import { DamagedDatabase, isDamage, sqliteCodeOf } from "./sqlite-errors.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import { migrate, NewerSchema, SCHEMA_VERSION, schemaVersionOf, type Migrated } from "./sqlite-migrations.ts";

export const TABLES = ["exercises", "join_codes", "events", "seats"] as const;

export type SqliteFileOptions = {
  /** Caps the file at this many pages: tests use it to play a full disk. */
  maxPageCount?: number;
};

/**
 * The SQLite file itself: node:sqlite (no native addon), WAL journal, synchronous=FULL so a
 * commit is on disk before the room acknowledges the command. Its calls are synchronous, and a
 * commit waits for the disk (tens to hundreds of milliseconds on a busy disk), so it runs on a
 * worker thread of its own (sqlite-worker.ts); the server talks to it through SqliteStore.
 */
export class SqliteFile implements EventStore {
  readonly kind = "sqlite";
  private db: DatabaseSync;
  readonly path: string;
  /** The schema versions the file was opened at and brought to (sqlite-migrations.ts). */
  readonly migrated: Migrated = { from: 0, to: 0, fresh: false };

  /** Throws NewerSchema for a file of a newer release, DamagedDatabase when the file is not a database or fails SQLite's quick check. */
  constructor(path: string, options: SqliteFileOptions = {}) {
    this.path = path;
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    try {
      // A newer release's file is refused before anything here writes to it.
      const found = schemaVersionOf(this.db);
      if (found > SCHEMA_VERSION) throw new NewerSchema(path, found);
      this.db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
      // A damaged page found now stops the start with one line naming the file, instead of
      // failing some later command of some exercise. It reads the whole file once: about
      // 0.1 s for 60 MB with the file in the page cache (docs/OPERATIONS.md).
      const problem = quickCheck(this.db);
      if (problem) throw new DamagedDatabase(path, problem);
      this.migrated = migrate(this.db, path);
      if (options.maxPageCount) this.db.exec(`PRAGMA max_page_count = ${Math.floor(options.maxPageCount)}`);
    } catch (error) {
      this.db.close();
      if (error instanceof DamagedDatabase || error instanceof NewerSchema) throw error;
      if (isDamage(sqliteCodeOf(error))) throw new DamagedDatabase(path, (error as Error).message);
      throw error;
    }
  }

  async createExercise(record: ExerciseRecord): Promise<void> {
    this.transaction(() => {
      this.db
        .prepare(
          "INSERT INTO exercises (id, title, scenario, seed, created_at, facilitator_token_hash, join_codes, observer_code, seat_codes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .run(
          record.id,
          record.title,
          JSON.stringify(record.scenario),
          record.seed,
          record.createdAt,
          record.facilitatorTokenHash,
          JSON.stringify(record.joinCodes),
          record.observerCode,
          record.seatCodes?.length ? JSON.stringify(record.seatCodes) : null,
        );
      const insertCode = this.db.prepare("INSERT INTO join_codes (code, exercise_id, role, nation, slot) VALUES (?, ?, ?, ?, ?)");
      for (const [nation, code] of Object.entries(record.joinCodes)) insertCode.run(code, record.id, "participant", nation, null);
      insertCode.run(record.observerCode, record.id, "observer", null, null);
      for (const c of record.seatCodes ?? []) insertCode.run(c.code, record.id, c.role, c.nation, c.slot);
    });
  }

  async getExercise(id: string): Promise<ExerciseRecord | null> {
    const stored = await this.getStoredExercise(id);
    return stored && withScenario(stored, JSON.parse(stored.scenarioJson));
  }

  /** The record with its scenario as the file holds it (JSON), for a reader that keeps one copy of each scenario (SqliteStore). */
  async getStoredExercise(id: string): Promise<StoredExercise | null> {
    const row = this.db.prepare("SELECT * FROM exercises WHERE id = ?").get(id) as Record<string, unknown> | undefined;
    return row ? toStoredExercise(row) : null;
  }

  async listExercises(): Promise<ExerciseSummary[]> {
    const rows = this.db
      .prepare(
        `SELECT e.id, e.title, json_extract(e.scenario, '$.id') AS scenario_id, e.created_at, e.status, e.archived_at, v.seq AS last_seq, v.at AS last_at
         FROM exercises e LEFT JOIN events v ON v.exercise_id = e.id AND v.seq = (SELECT MAX(seq) FROM events w WHERE w.exercise_id = e.id)
         ORDER BY e.created_at, e.id`,
      )
      .all() as Record<string, unknown>[];
    return rows.map((r) => ({
      id: String(r.id),
      title: String(r.title),
      scenarioId: String(r.scenario_id),
      createdAt: Number(r.created_at),
      lastSeq: Number(r.last_seq ?? 0),
      lastActivityAt: Number(r.last_at ?? r.created_at),
      status: r.status === null ? null : (JSON.parse(String(r.status)) as ExerciseStatus),
      archivedAt: r.archived_at === null ? null : Number(r.archived_at),
    }));
  }

  async findByCode(code: string) {
    const row = this.db.prepare("SELECT exercise_id, role, nation FROM join_codes WHERE code = ?").get(code.toUpperCase()) as
      | Record<string, unknown>
      | undefined;
    if (!row) return null;
    return { exerciseId: String(row.exercise_id), role: row.role as CodeRole, nation: row.nation === null ? null : String(row.nation) };
  }

  async append(exerciseId: string, events: readonly ExerciseEvent[]): Promise<void> {
    if (events.length === 0) return;
    this.transaction(() => {
      const expected = this.lastSeqSync(exerciseId) + 1;
      if (events[0]!.seq !== expected) throw new SequenceConflict(exerciseId, expected, events[0]!.seq);
      const insert = this.db.prepare("INSERT INTO events (exercise_id, seq, at, body) VALUES (?, ?, ?, ?)");
      events.forEach((event, index) => {
        if (event.seq !== expected + index) throw new SequenceConflict(exerciseId, expected + index, event.seq);
        const { seq, at, ...body } = event;
        insert.run(exerciseId, seq, at, JSON.stringify(body));
      });
    });
  }

  async readEvents(exerciseId: string, fromSeq = 1, toSeq = Number.MAX_SAFE_INTEGER): Promise<ExerciseEvent[]> {
    const rows = this.db
      .prepare("SELECT seq, at, body FROM events WHERE exercise_id = ? AND seq >= ? AND seq <= ? ORDER BY seq")
      .all(exerciseId, fromSeq, toSeq) as Record<string, unknown>[];
    return rows.map(toEvent);
  }

  async readEventsJson(exerciseId: string, fromSeq = 1, toSeq = Number.MAX_SAFE_INTEGER): Promise<string> {
    // Bodies are stored as JSON objects without seq and at (append): both go in front.
    const row = this.db
      .prepare(
        `SELECT '[' || COALESCE(group_concat('{"seq":' || seq || ',"at":' || at || CASE WHEN body = '{}' THEN '}' ELSE ',' || substr(body, 2) END, ',' ORDER BY seq), '') || ']' AS json
         FROM events WHERE exercise_id = ? AND seq >= ? AND seq <= ?`,
      )
      .get(exerciseId, fromSeq, toSeq) as { json: string };
    return row.json;
  }

  async lastSeq(exerciseId: string): Promise<number> {
    return this.lastSeqSync(exerciseId);
  }

  private lastSeqSync(exerciseId: string): number {
    const row = this.db.prepare("SELECT COALESCE(MAX(seq), 0) AS seq FROM events WHERE exercise_id = ?").get(exerciseId) as { seq: number };
    return Number(row.seq);
  }

  async saveSeat(seat: SeatRecord): Promise<void> {
    this.db
      .prepare(
        "INSERT INTO seats (token, exercise_id, role, nation, name, created_at, details) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(token) DO UPDATE SET name = excluded.name",
      )
      .run(seat.token, seat.exerciseId, seat.role, seat.nation, seat.name, seat.createdAt, seat.details ? JSON.stringify(seat.details) : null);
  }

  async getSeat(token: string): Promise<SeatRecord | null> {
    const row = this.db.prepare("SELECT * FROM seats WHERE token = ?").get(token) as Record<string, unknown> | undefined;
    return row ? toSeat(row) : null;
  }

  async listSeats(exerciseId: string): Promise<SeatRecord[]> {
    const rows = this.db.prepare("SELECT * FROM seats WHERE exercise_id = ? ORDER BY created_at, token").all(exerciseId) as Record<string, unknown>[];
    return rows.map(toSeat);
  }

  async removeSeat(token: string): Promise<void> {
    this.db.prepare("DELETE FROM seats WHERE token = ?").run(token);
  }

  async replaceJoinCode(exerciseId: string, nation: string | null, code: string): Promise<void> {
    this.transaction(() => {
      const row = this.db.prepare("SELECT join_codes FROM exercises WHERE id = ?").get(exerciseId) as { join_codes: string } | undefined;
      if (!row) throw new Error(`unknown exercise ${exerciseId}`);
      if (nation === null) {
        this.db.prepare("DELETE FROM join_codes WHERE exercise_id = ? AND role = 'observer'").run(exerciseId);
        this.db.prepare("UPDATE exercises SET observer_code = ? WHERE id = ?").run(code, exerciseId);
      } else {
        this.db.prepare("DELETE FROM join_codes WHERE exercise_id = ? AND role = 'participant' AND nation = ?").run(exerciseId, nation);
        this.db.prepare("UPDATE exercises SET join_codes = ? WHERE id = ?").run(JSON.stringify({ ...JSON.parse(row.join_codes), [nation]: code }), exerciseId);
      }
      this.db
        .prepare("INSERT INTO join_codes (code, exercise_id, role, nation) VALUES (?, ?, ?, ?)")
        .run(code, exerciseId, nation === null ? "observer" : "participant", nation);
    });
  }

  async setStatus(exerciseId: string, status: ExerciseStatus): Promise<void> {
    const value = JSON.stringify({ seq: status.seq, phase: status.phase, turn: status.turn, deadline: status.deadline });
    const { changes } = this.db
      .prepare("UPDATE exercises SET status = ? WHERE id = ? AND (status IS NULL OR json_extract(status, '$.seq') <= ?)")
      .run(value, exerciseId, status.seq);
    if (changes === 0 && !this.db.prepare("SELECT 1 FROM exercises WHERE id = ?").get(exerciseId)) throw new Error(`unknown exercise ${exerciseId}`);
  }

  async readSnapshot(exerciseId: string): Promise<StoredSnapshot | null> {
    const row = this.db.prepare("SELECT seq, version, data FROM snapshots WHERE exercise_id = ?").get(exerciseId) as Record<string, unknown> | undefined;
    return row ? { seq: Number(row.seq), version: String(row.version), data: String(row.data) } : null;
  }

  async writeSnapshot(exerciseId: string, snapshot: StoredSnapshot): Promise<void> {
    // Not synchronous=FULL's business: a snapshot lost in a crash is folded again from the log.
    this.db
      .prepare(
        `INSERT INTO snapshots (exercise_id, seq, version, data) VALUES (?, ?, ?, ?)
         ON CONFLICT(exercise_id) DO UPDATE SET seq = excluded.seq, version = excluded.version, data = excluded.data WHERE excluded.seq >= snapshots.seq OR excluded.version <> snapshots.version`,
      )
      .run(exerciseId, snapshot.seq, snapshot.version, snapshot.data);
  }

  async setArchived(exerciseId: string, archivedAt: number | null): Promise<void> {
    const { changes } = this.db.prepare("UPDATE exercises SET archived_at = ? WHERE id = ?").run(archivedAt, exerciseId);
    if (changes === 0) throw new Error(`unknown exercise ${exerciseId}`);
  }

  async deleteExercise(exerciseId: string): Promise<void> {
    this.transaction(() => {
      for (const table of ["snapshots", "events", "seats", "join_codes"]) this.db.prepare(`DELETE FROM ${table} WHERE exercise_id = ?`).run(exerciseId);
      this.db.prepare("DELETE FROM exercises WHERE id = ?").run(exerciseId);
    });
  }

  async saveSeatCode(exerciseId: string, seatCode: SeatCode): Promise<void> {
    this.transaction(() => {
      const codes = this.seatCodesOf(exerciseId).filter((c) => c.slot !== seatCode.slot);
      this.db.prepare("DELETE FROM join_codes WHERE exercise_id = ? AND slot = ?").run(exerciseId, seatCode.slot);
      this.db
        .prepare("INSERT INTO join_codes (code, exercise_id, role, nation, slot) VALUES (?, ?, ?, ?, ?)")
        .run(seatCode.code, exerciseId, seatCode.role, seatCode.nation, seatCode.slot);
      this.db.prepare("UPDATE exercises SET seat_codes = ? WHERE id = ?").run(JSON.stringify([...codes, seatCode]), exerciseId);
    });
  }

  async removeSeatCode(exerciseId: string, slot: string): Promise<void> {
    this.transaction(() => {
      const codes = this.seatCodesOf(exerciseId).filter((c) => c.slot !== slot);
      this.db.prepare("DELETE FROM join_codes WHERE exercise_id = ? AND slot = ?").run(exerciseId, slot);
      this.db.prepare("UPDATE exercises SET seat_codes = ? WHERE id = ?").run(codes.length ? JSON.stringify(codes) : null, exerciseId);
    });
  }

  private seatCodesOf(exerciseId: string): SeatCode[] {
    const row = this.db.prepare("SELECT seat_codes FROM exercises WHERE id = ?").get(exerciseId) as { seat_codes: string | null } | undefined;
    if (!row) throw new Error(`unknown exercise ${exerciseId}`);
    return row.seat_codes ? (JSON.parse(row.seat_codes) as SeatCode[]) : [];
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }

  private transaction(work: () => void): void {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      work();
      this.db.exec("COMMIT");
    } catch (error) {
      // SQLite may have rolled back already (a full disk, an I/O error): a second ROLLBACK
      // would throw and hide the error that matters.
      if (this.db.isTransaction) this.db.exec("ROLLBACK");
      throw error;
    }
  }
}

/** null when the file is fine, or SQLite's first finding on one line. */
function quickCheck(db: DatabaseSync): string | null {
  const rows = db.prepare("PRAGMA quick_check(1)").all() as { quick_check: string }[];
  const first = rows[0]?.quick_check ?? "ok";
  return first === "ok" ? null : oneLine(first);
}

/** SQLite's check findings span lines ("*** in database main ***\nTree 6 page 55: …"). */
export function oneLine(finding: string): string {
  return finding
    .replace(/\*\*\* in database \w+ \*\*\*/g, "")
    .trim()
    .replace(/\s*\n\s*/g, "; ");
}

export function toEvent(row: Record<string, unknown>): ExerciseEvent {
  return { ...JSON.parse(String(row.body)), seq: Number(row.seq), at: Number(row.at) };
}

export function toSeat(row: Record<string, unknown>): SeatRecord {
  const seat: SeatRecord = {
    token: String(row.token),
    exerciseId: String(row.exercise_id),
    role: row.role as SeatRecord["role"],
    nation: row.nation === null ? null : String(row.nation),
    name: String(row.name),
    createdAt: Number(row.created_at),
  };
  // Rows of a file from before schema version 3 have no details column at all.
  if (typeof row.details === "string") seat.details = JSON.parse(row.details);
  return seat;
}

/** An exercise's record with its scenario left as the JSON the file holds. */
export type StoredExercise = Omit<ExerciseRecord, "scenario"> & { scenarioJson: string };

function withScenario({ scenarioJson: _, ...rest }: StoredExercise, scenario: ExerciseRecord["scenario"]): ExerciseRecord {
  return { ...rest, scenario };
}

export function toRecord(row: Record<string, unknown>): ExerciseRecord {
  const stored = toStoredExercise(row);
  return withScenario(stored, JSON.parse(stored.scenarioJson));
}

function toStoredExercise(row: Record<string, unknown>): StoredExercise {
  return {
    id: String(row.id),
    title: String(row.title),
    scenarioJson: String(row.scenario),
    seed: Number(row.seed),
    createdAt: Number(row.created_at),
    facilitatorTokenHash: String(row.facilitator_token_hash),
    joinCodes: JSON.parse(String(row.join_codes)),
    observerCode: String(row.observer_code),
    ...(row.archived_at === null || row.archived_at === undefined ? {} : { archivedAt: Number(row.archived_at) }),
    ...(typeof row.seat_codes === "string" ? { seatCodes: JSON.parse(row.seat_codes) } : {}),
  };
}
