import type { Worker } from "node:worker_threads";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import {
  SequenceConflict,
  type EventStore,
  type ExerciseRecord,
  type ExerciseStatus,
  type ExerciseSummary,
  type SeatRecord,
  type SeatCode,
  type CodeRole,
  type StoredSnapshot,
} from "./event-store.ts";
import type { StoreReply, StoreRequest } from "./sqlite-worker.ts";
import type { SqliteFileOptions, StoredExercise } from "./sqlite-file.ts";
import { acquireLock, lockPathFor, type DataDirLock } from "./data-dir-lock.ts";
import { DamagedDatabase, SqliteCode, StoreFailure, isDamage } from "./sqlite-errors.ts";
import type { Logger } from "../log.ts";
import { NewerSchema } from "./sqlite-migrations.ts";
import { startStrippedWorker } from "./stripped-worker.ts";
import { sharedScenarios } from "./shared-scenarios.ts";

export type SqliteStoreOptions = SqliteFileOptions & {
  /**
   * Take the file's lock (default): a server must be the only one on its file. Tools that only
   * read (`concord aar`) pass false and may run next to the server.
   */
  lock?: boolean;
  /** Where a full disk or a damaged file is reported while the server runs. */
  log?: Logger;
};

/** A full disk fails every command; one log line per this many ms says so without flooding. */
const PROBLEM_LOG_EVERY_MS = 30_000;

/**
 * The embedded default store: a SQLite file (SqliteFile) on a worker thread of its own. Every
 * commit is on disk (fsync) before its promise resolves, as before, but the wait for the disk
 * no longer stops the event loop: other rooms, patches and pings go on while a commit waits.
 * (The soak measured commits blocking the loop for up to 450 ms on this machine's disk.)
 */
export class SqliteStore implements EventStore {
  readonly kind = "sqlite";
  readonly path: string;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private failed: Error | null = null;
  private readonly lock: DataDirLock | null;
  private readonly log: Logger | null;
  private readonly lastLogged = new Map<string, number>();

  /**
   * Opens (creating if needed) the file; fails with the reason when it cannot: DataDirInUse
   * when another process holds its lock, DamagedDatabase when the file is damaged.
   */
  static async open(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
    const { lock = true, log, ...fileOptions } = options;
    const held = lock && path !== ":memory:" ? acquireLock(lockPathFor(path)) : null;
    const store = new SqliteStore(path, fileOptions, held, log ?? null);
    try {
      await store.started;
    } catch (error) {
      await store.worker.terminate();
      held?.release();
      throw error;
    }
    return store;
  }

  private readonly started: Promise<void>;

  private constructor(path: string, options: SqliteFileOptions, lock: DataDirLock | null, log: Logger | null) {
    this.path = path;
    this.lock = lock;
    this.log = log;
    // The thread's modules come stripped of their types: it does not load a TypeScript stripper of its own.
    this.worker = startStrippedWorker(new URL("./sqlite-worker.ts", import.meta.url), { workerData: { path, options } });
    // Idle, the thread must not keep a command-line tool's process alive; busy, it must.
    this.worker.unref();
    this.started = new Promise<void>((resolve, reject) => {
      this.worker.once("message", (reply: StoreReply) => {
        if ("ready" in reply) {
          const { from, to, fresh } = reply.migrated;
          if (fresh) log?.info("SQLite store created", { file: path, schemaVersion: to });
          else if (from !== to) log?.info("SQLite store migrated", { file: path, fromVersion: from, toVersion: to });
          return resolve();
        }
        if (!("openFailed" in reply)) return resolve();
        const { message, damage, newer } = reply.openFailed;
        reject(newer ? new NewerSchema(path, newer.found, newer.supported) : damage === null ? new Error(message) : new DamagedDatabase(path, damage));
      });
      this.worker.once("error", reject);
    });
    this.worker.on("message", (reply: StoreReply) => this.settle(reply));
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`the SQLite store's thread stopped (exit code ${code})`)));
  }

  createExercise(record: ExerciseRecord): Promise<void> {
    return this.call("createExercise", record);
  }
  async getExercise(id: string): Promise<ExerciseRecord | null> {
    const stored = await this.call<StoredExercise | null>("getStoredExercise", id);
    if (!stored) return null;
    const { scenarioJson, ...record } = stored;
    return { ...record, scenario: sharedScenarios.fromJson(scenarioJson) };
  }
  listExercises(): Promise<ExerciseSummary[]> {
    return this.call("listExercises");
  }
  findByCode(code: string): Promise<{ exerciseId: string; role: CodeRole; nation: string | null } | null> {
    return this.call("findByCode", code);
  }
  append(exerciseId: string, events: readonly ExerciseEvent[]): Promise<void> {
    return this.call("append", exerciseId, events);
  }
  readEvents(exerciseId: string, fromSeq?: number, toSeq?: number): Promise<ExerciseEvent[]> {
    return this.call("readEvents", exerciseId, fromSeq, toSeq);
  }
  readEventsJson(exerciseId: string, fromSeq?: number, toSeq?: number): Promise<string> {
    return this.call("readEventsJson", exerciseId, fromSeq, toSeq);
  }
  lastSeq(exerciseId: string): Promise<number> {
    return this.call("lastSeq", exerciseId);
  }
  saveSeat(seat: SeatRecord): Promise<void> {
    return this.call("saveSeat", seat);
  }
  getSeat(token: string): Promise<SeatRecord | null> {
    return this.call("getSeat", token);
  }
  listSeats(exerciseId: string): Promise<SeatRecord[]> {
    return this.call("listSeats", exerciseId);
  }
  removeSeat(token: string): Promise<void> {
    return this.call("removeSeat", token);
  }
  replaceJoinCode(exerciseId: string, nation: string | null, code: string): Promise<void> {
    return this.call("replaceJoinCode", exerciseId, nation, code);
  }
  setStatus(exerciseId: string, status: ExerciseStatus): Promise<void> {
    return this.call("setStatus", exerciseId, status);
  }
  readSnapshot(exerciseId: string): Promise<StoredSnapshot | null> {
    return this.call("readSnapshot", exerciseId);
  }
  writeSnapshot(exerciseId: string, snapshot: StoredSnapshot): Promise<void> {
    return this.call("writeSnapshot", exerciseId, snapshot);
  }
  setArchived(exerciseId: string, archivedAt: number | null): Promise<void> {
    return this.call("setArchived", exerciseId, archivedAt);
  }
  deleteExercise(exerciseId: string): Promise<void> {
    return this.call("deleteExercise", exerciseId);
  }
  saveSeatCode(exerciseId: string, seatCode: SeatCode): Promise<void> {
    return this.call("saveSeatCode", exerciseId, seatCode);
  }
  removeSeatCode(exerciseId: string, slot: string): Promise<void> {
    return this.call("removeSeatCode", exerciseId, slot);
  }
  async close(): Promise<void> {
    try {
      if (this.failed) return;
      await this.call("close");
      this.failed = new Error("the SQLite store is closed");
      await this.worker.terminate();
    } finally {
      this.lock?.release();
    }
  }

  private call<T>(method: StoreRequest["method"], ...args: unknown[]): Promise<T> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, method, args } satisfies StoreRequest);
    });
  }

  private settle(reply: StoreReply): void {
    if (!("id" in reply)) return;
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if ("result" in reply) waiting.resolve(reply.result);
    else if ("conflict" in reply) waiting.reject(new SequenceConflict(reply.conflict.exerciseId, reply.conflict.expected, reply.conflict.got));
    else {
      const failure = new StoreFailure(reply.failure, reply.sqliteCode);
      this.report(failure);
      waiting.reject(failure);
    }
  }

  /** The operator hears of a full disk or a damaged file once per PROBLEM_LOG_EVERY_MS. */
  private report(failure: StoreFailure): void {
    const problem = failure.sqliteCode === SqliteCode.Full ? "full" : isDamage(failure.sqliteCode) ? "damaged" : null;
    if (!problem || !this.log) return;
    const now = Date.now();
    if (now - (this.lastLogged.get(problem) ?? -Infinity) < PROBLEM_LOG_EVERY_MS) return;
    this.lastLogged.set(problem, now);
    if (problem === "full")
      this.log.error("disk full: the SQLite store cannot write, so commands that change an exercise are refused until space is freed on the disk holding it", {
        file: this.path,
        error: failure.message,
      });
    else
      this.log.error("the SQLite store's file is damaged: stop the server and run `npx concord doctor` (docs/OPERATIONS.md)", {
        file: this.path,
        error: failure.message,
      });
  }

  private fail(error: Error): void {
    this.failed ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
