import pg from "pg";
import type { CodeRole, EventStore, ExerciseRecord, ExerciseStatus, ExerciseSummary, SeatCode, SeatRecord, StoredSnapshot } from "./event-store.ts";
import { SequenceConflict } from "./event-store.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import { sharedScenarios } from "./shared-scenarios.ts";

/** Each entry runs once, in order; `schema_migrations` remembers which ran. */
const MIGRATIONS: string[] = [
  `CREATE TABLE IF NOT EXISTS exercises (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     scenario JSONB NOT NULL,
     seed BIGINT NOT NULL,
     created_at BIGINT NOT NULL,
     facilitator_token_hash TEXT NOT NULL,
     join_codes JSONB NOT NULL,
     observer_code TEXT NOT NULL,
     last_seq BIGINT NOT NULL DEFAULT 0
   );
   CREATE TABLE IF NOT EXISTS join_codes (
     code TEXT PRIMARY KEY,
     exercise_id TEXT NOT NULL REFERENCES exercises(id),
     role TEXT NOT NULL,
     nation TEXT
   );
   CREATE TABLE IF NOT EXISTS events (
     exercise_id TEXT NOT NULL REFERENCES exercises(id),
     seq BIGINT NOT NULL,
     at BIGINT NOT NULL,
     body JSONB NOT NULL,
     PRIMARY KEY (exercise_id, seq)
   );
   CREATE TABLE IF NOT EXISTS seats (
     token TEXT PRIMARY KEY,
     exercise_id TEXT NOT NULL REFERENCES exercises(id),
     role TEXT NOT NULL,
     nation TEXT,
     name TEXT NOT NULL,
     created_at BIGINT NOT NULL
   );`,
  // Rooms on demand and the exercise library: where each exercise stands without folding its log
  // (NULL for exercises from before, until they are folded once), when it last changed, archiving.
  `ALTER TABLE exercises ADD COLUMN IF NOT EXISTS status JSONB;
   ALTER TABLE exercises ADD COLUMN IF NOT EXISTS last_at BIGINT;
   ALTER TABLE exercises ADD COLUMN IF NOT EXISTS archived_at BIGINT;`,
  // Role-player, evaluator and controller codes (kept on the exercise, found through join_codes
  // by code and slot) and what a seat's code allowed; NULL on older rows.
  `ALTER TABLE exercises ADD COLUMN IF NOT EXISTS seat_codes JSONB;
   ALTER TABLE join_codes ADD COLUMN IF NOT EXISTS slot TEXT;
   ALTER TABLE seats ADD COLUMN IF NOT EXISTS details JSONB;`,
  // A cache of each exercise's fold (StoredSnapshot): opening a long log folds only its tail.
  // Derived like the status; TEXT, not JSONB: it is read back whole, never queried.
  `CREATE TABLE IF NOT EXISTS snapshots (
     exercise_id TEXT PRIMARY KEY REFERENCES exercises(id),
     seq BIGINT NOT NULL,
     version TEXT NOT NULL,
     data TEXT NOT NULL
   );`,
];

/**
 * The scale-out store (DATABASE_URL). Appends lock the exercise row, so two processes can never
 * interleave one exercise's log; the commit returns before the room acknowledges the command.
 */
export class PostgresStore implements EventStore {
  readonly kind = "postgres";
  private pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  static async connect(url: string): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    pool.on("error", () => {
      // An idle client lost its connection; the pool replaces it on next use.
    });
    const store = new PostgresStore(pool);
    await store.migrate();
    return store;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock(424242)");
      await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
      const { rows } = await client.query("SELECT version FROM schema_migrations");
      const applied = new Set(rows.map((r) => Number(r.version)));
      for (let version = 1; version <= MIGRATIONS.length; version++) {
        if (applied.has(version)) continue;
        await client.query("BEGIN");
        await client.query(MIGRATIONS[version - 1]!);
        await client.query("INSERT INTO schema_migrations (version) VALUES ($1)", [version]);
        await client.query("COMMIT");
      }
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      await client.query("SELECT pg_advisory_unlock(424242)").catch(() => undefined);
      client.release();
    }
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async createExercise(record: ExerciseRecord): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(
        "INSERT INTO exercises (id, title, scenario, seed, created_at, facilitator_token_hash, join_codes, observer_code, seat_codes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        [
          record.id,
          record.title,
          JSON.stringify(record.scenario),
          record.seed,
          record.createdAt,
          record.facilitatorTokenHash,
          JSON.stringify(record.joinCodes),
          record.observerCode,
          record.seatCodes?.length ? JSON.stringify(record.seatCodes) : null,
        ],
      );
      for (const c of record.seatCodes ?? []) {
        await client.query("INSERT INTO join_codes (code, exercise_id, role, nation, slot) VALUES ($1, $2, $3, $4, $5)", [
          c.code,
          record.id,
          c.role,
          c.nation,
          c.slot,
        ]);
      }
      for (const [nation, code] of Object.entries(record.joinCodes)) {
        await client.query("INSERT INTO join_codes (code, exercise_id, role, nation) VALUES ($1, $2, 'participant', $3)", [code, record.id, nation]);
      }
      await client.query("INSERT INTO join_codes (code, exercise_id, role, nation) VALUES ($1, $2, 'observer', NULL)", [record.observerCode, record.id]);
    });
  }

  async getExercise(id: string): Promise<ExerciseRecord | null> {
    // The scenario as text (jsonb's own, the same for every read), so that rooms of one scenario share one copy.
    const { rows } = await this.pool.query(
      "SELECT id, title, scenario::text AS scenario_json, seed, created_at, facilitator_token_hash, join_codes, observer_code, archived_at, seat_codes FROM exercises WHERE id = $1",
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      title: row.title,
      scenario: sharedScenarios.fromJson(row.scenario_json),
      seed: Number(row.seed),
      createdAt: Number(row.created_at),
      facilitatorTokenHash: row.facilitator_token_hash,
      joinCodes: row.join_codes,
      observerCode: row.observer_code,
      ...(row.archived_at === null || row.archived_at === undefined ? {} : { archivedAt: Number(row.archived_at) }),
      ...(row.seat_codes ? { seatCodes: row.seat_codes as SeatCode[] } : {}),
    };
  }

  async listExercises(): Promise<ExerciseSummary[]> {
    const { rows } = await this.pool.query(
      `SELECT id, title, scenario->>'id' AS scenario_id, created_at, last_seq, status, archived_at,
              COALESCE(last_at, (SELECT at FROM events v WHERE v.exercise_id = e.id AND v.seq = e.last_seq)) AS last_at
       FROM exercises e ORDER BY created_at, id`,
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      scenarioId: r.scenario_id,
      createdAt: Number(r.created_at),
      lastSeq: Number(r.last_seq),
      lastActivityAt: Number(r.last_at ?? r.created_at),
      status: r.status
        ? {
            seq: Number(r.status.seq),
            phase: r.status.phase,
            turn: Number(r.status.turn),
            deadline: r.status.deadline === null ? null : Number(r.status.deadline),
          }
        : null,
      archivedAt: r.archived_at === null ? null : Number(r.archived_at),
    }));
  }

  async findByCode(code: string) {
    const { rows } = await this.pool.query("SELECT exercise_id, role, nation FROM join_codes WHERE code = $1", [code.toUpperCase()]);
    const row = rows[0];
    return row ? { exerciseId: row.exercise_id as string, role: row.role as CodeRole, nation: (row.nation as string | null) ?? null } : null;
  }

  async append(exerciseId: string, events: readonly ExerciseEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.transaction(async (client) => {
      const { rows } = await client.query("SELECT last_seq FROM exercises WHERE id = $1 FOR UPDATE", [exerciseId]);
      if (!rows[0]) throw new Error(`unknown exercise ${exerciseId}`);
      const expected = Number(rows[0].last_seq) + 1;
      events.forEach((event, index) => {
        if (event.seq !== expected + index) throw new SequenceConflict(exerciseId, expected + index, event.seq);
      });
      const values: unknown[] = [];
      const tuples = events.map((event, index) => {
        const { seq, at, ...body } = event;
        values.push(exerciseId, seq, at, JSON.stringify(body));
        return `($${index * 4 + 1}, $${index * 4 + 2}, $${index * 4 + 3}, $${index * 4 + 4})`;
      });
      await client.query(`INSERT INTO events (exercise_id, seq, at, body) VALUES ${tuples.join(", ")}`, values);
      const last = events[events.length - 1]!;
      await client.query("UPDATE exercises SET last_seq = $2, last_at = $3 WHERE id = $1", [exerciseId, last.seq, last.at]);
    });
  }

  async readEvents(exerciseId: string, fromSeq = 1, toSeq = Number.MAX_SAFE_INTEGER): Promise<ExerciseEvent[]> {
    const { rows } = await this.pool.query("SELECT seq, at, body FROM events WHERE exercise_id = $1 AND seq >= $2 AND seq <= $3 ORDER BY seq", [
      exerciseId,
      fromSeq,
      toSeq,
    ]);
    return rows.map((r) => ({ ...r.body, seq: Number(r.seq), at: Number(r.at) }));
  }

  async lastSeq(exerciseId: string): Promise<number> {
    const { rows } = await this.pool.query("SELECT last_seq FROM exercises WHERE id = $1", [exerciseId]);
    return rows[0] ? Number(rows[0].last_seq) : 0;
  }

  async saveSeat(seat: SeatRecord): Promise<void> {
    await this.pool.query(
      "INSERT INTO seats (token, exercise_id, role, nation, name, created_at, details) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (token) DO UPDATE SET name = EXCLUDED.name",
      [seat.token, seat.exerciseId, seat.role, seat.nation, seat.name, seat.createdAt, seat.details ? JSON.stringify(seat.details) : null],
    );
  }

  async getSeat(token: string): Promise<SeatRecord | null> {
    const { rows } = await this.pool.query("SELECT * FROM seats WHERE token = $1", [token]);
    const r = rows[0];
    return r ? toSeat(r) : null;
  }

  async listSeats(exerciseId: string): Promise<SeatRecord[]> {
    const { rows } = await this.pool.query("SELECT * FROM seats WHERE exercise_id = $1 ORDER BY created_at, token", [exerciseId]);
    return rows.map(toSeat);
  }

  async removeSeat(token: string): Promise<void> {
    await this.pool.query("DELETE FROM seats WHERE token = $1", [token]);
  }

  async replaceJoinCode(exerciseId: string, nation: string | null, code: string): Promise<void> {
    await this.transaction(async (client) => {
      const { rowCount } = await client.query("SELECT 1 FROM exercises WHERE id = $1 FOR UPDATE", [exerciseId]);
      if (!rowCount) throw new Error(`unknown exercise ${exerciseId}`);
      if (nation === null) {
        await client.query("DELETE FROM join_codes WHERE exercise_id = $1 AND role = 'observer'", [exerciseId]);
        await client.query("UPDATE exercises SET observer_code = $2 WHERE id = $1", [exerciseId, code]);
      } else {
        await client.query("DELETE FROM join_codes WHERE exercise_id = $1 AND role = 'participant' AND nation = $2", [exerciseId, nation]);
        await client.query("UPDATE exercises SET join_codes = join_codes || jsonb_build_object($2::text, $3::text) WHERE id = $1", [exerciseId, nation, code]);
      }
      await client.query("INSERT INTO join_codes (code, exercise_id, role, nation) VALUES ($1, $2, $3, $4)", [
        code,
        exerciseId,
        nation === null ? "observer" : "participant",
        nation,
      ]);
    });
  }

  async setStatus(exerciseId: string, status: ExerciseStatus): Promise<void> {
    const value = JSON.stringify({ seq: status.seq, phase: status.phase, turn: status.turn, deadline: status.deadline });
    const { rowCount } = await this.pool.query("UPDATE exercises SET status = $2 WHERE id = $1 AND (status IS NULL OR (status->>'seq')::bigint <= $3)", [
      exerciseId,
      value,
      status.seq,
    ]);
    if (!rowCount && !(await this.pool.query("SELECT 1 FROM exercises WHERE id = $1", [exerciseId])).rowCount)
      throw new Error(`unknown exercise ${exerciseId}`);
  }

  async readSnapshot(exerciseId: string): Promise<StoredSnapshot | null> {
    const { rows } = await this.pool.query("SELECT seq, version, data FROM snapshots WHERE exercise_id = $1", [exerciseId]);
    return rows[0] ? { seq: Number(rows[0].seq), version: String(rows[0].version), data: String(rows[0].data) } : null;
  }

  async writeSnapshot(exerciseId: string, snapshot: StoredSnapshot): Promise<void> {
    await this.pool.query(
      `INSERT INTO snapshots (exercise_id, seq, version, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (exercise_id) DO UPDATE SET seq = excluded.seq, version = excluded.version, data = excluded.data WHERE excluded.seq >= snapshots.seq OR excluded.version <> snapshots.version`,
      [exerciseId, snapshot.seq, snapshot.version, snapshot.data],
    );
  }

  async setArchived(exerciseId: string, archivedAt: number | null): Promise<void> {
    const { rowCount } = await this.pool.query("UPDATE exercises SET archived_at = $2 WHERE id = $1", [exerciseId, archivedAt]);
    if (!rowCount) throw new Error(`unknown exercise ${exerciseId}`);
  }

  async deleteExercise(exerciseId: string): Promise<void> {
    await this.transaction(async (client) => {
      for (const table of ["snapshots", "events", "seats", "join_codes"]) await client.query(`DELETE FROM ${table} WHERE exercise_id = $1`, [exerciseId]);
      await client.query("DELETE FROM exercises WHERE id = $1", [exerciseId]);
    });
  }

  async saveSeatCode(exerciseId: string, seatCode: SeatCode): Promise<void> {
    await this.transaction(async (client) => {
      const codes = (await this.seatCodesOf(client, exerciseId)).filter((c) => c.slot !== seatCode.slot);
      await client.query("DELETE FROM join_codes WHERE exercise_id = $1 AND slot = $2", [exerciseId, seatCode.slot]);
      await client.query("INSERT INTO join_codes (code, exercise_id, role, nation, slot) VALUES ($1, $2, $3, $4, $5)", [
        seatCode.code,
        exerciseId,
        seatCode.role,
        seatCode.nation,
        seatCode.slot,
      ]);
      await client.query("UPDATE exercises SET seat_codes = $2 WHERE id = $1", [exerciseId, JSON.stringify([...codes, seatCode])]);
    });
  }

  async removeSeatCode(exerciseId: string, slot: string): Promise<void> {
    await this.transaction(async (client) => {
      const codes = (await this.seatCodesOf(client, exerciseId)).filter((c) => c.slot !== slot);
      await client.query("DELETE FROM join_codes WHERE exercise_id = $1 AND slot = $2", [exerciseId, slot]);
      await client.query("UPDATE exercises SET seat_codes = $2 WHERE id = $1", [exerciseId, codes.length ? JSON.stringify(codes) : null]);
    });
  }

  /** The exercise's seat codes, its row locked until the transaction ends. */
  private async seatCodesOf(client: pg.PoolClient, exerciseId: string): Promise<SeatCode[]> {
    const { rows } = await client.query("SELECT seat_codes FROM exercises WHERE id = $1 FOR UPDATE", [exerciseId]);
    if (!rows[0]) throw new Error(`unknown exercise ${exerciseId}`);
    return (rows[0].seat_codes as SeatCode[] | null) ?? [];
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  /** For tests: empties every table (the schema stays). */
  async truncateForTests(): Promise<void> {
    await this.pool.query("TRUNCATE snapshots, seats, events, join_codes, exercises");
  }
}

// biome-ignore lint/suspicious/noExplicitAny: a row as pg returns it, its columns named in the query
function toSeat(r: Record<string, any>): SeatRecord {
  const seat: SeatRecord = { token: r.token, exerciseId: r.exercise_id, role: r.role, nation: r.nation ?? null, name: r.name, createdAt: Number(r.created_at) };
  if (r.details) seat.details = r.details;
  return seat;
}
