import { Worker } from "node:worker_threads";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import { SequenceConflict, type EventStore, type ExerciseRecord, type ExerciseSummary, type SeatRecord } from "./event-store.ts";
import type { StoreReply, StoreRequest } from "./sqlite-worker.ts";

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

  /** Opens (creating if needed) the file; fails with the reason when it cannot. */
  static async open(path: string): Promise<SqliteStore> {
    const store = new SqliteStore(path);
    await store.started;
    return store;
  }

  private readonly started: Promise<void>;

  private constructor(path: string) {
    this.path = path;
    this.worker = new Worker(new URL("./sqlite-worker.ts", import.meta.url), { workerData: { path } });
    // Idle, the thread must not keep a command-line tool's process alive; busy, it must.
    this.worker.unref();
    this.started = new Promise<void>((resolve, reject) => {
      this.worker.once("message", () => resolve());
      this.worker.once("error", reject);
    });
    this.worker.on("message", (reply: StoreReply) => this.settle(reply));
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`the SQLite store's thread stopped (exit code ${code})`)));
  }

  createExercise(record: ExerciseRecord): Promise<void> {
    return this.call("createExercise", record);
  }
  getExercise(id: string): Promise<ExerciseRecord | null> {
    return this.call("getExercise", id);
  }
  listExercises(): Promise<ExerciseSummary[]> {
    return this.call("listExercises");
  }
  findByCode(code: string): Promise<{ exerciseId: string; role: "participant" | "observer"; nation: string | null } | null> {
    return this.call("findByCode", code);
  }
  append(exerciseId: string, events: readonly ExerciseEvent[]): Promise<void> {
    return this.call("append", exerciseId, events);
  }
  readEvents(exerciseId: string, fromSeq?: number, toSeq?: number): Promise<ExerciseEvent[]> {
    return this.call("readEvents", exerciseId, fromSeq, toSeq);
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
  removeSeat(token: string): Promise<void> {
    return this.call("removeSeat", token);
  }
  replaceJoinCode(exerciseId: string, nation: string | null, code: string): Promise<void> {
    return this.call("replaceJoinCode", exerciseId, nation, code);
  }
  async close(): Promise<void> {
    if (this.failed) return;
    await this.call("close");
    this.failed = new Error("the SQLite store is closed");
    await this.worker.terminate();
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
    else waiting.reject(new Error(reply.failure));
  }

  private fail(error: Error): void {
    this.failed ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
