import { parentPort, workerData } from "node:worker_threads";
import { SqliteFile, type SqliteFileOptions } from "./sqlite-file.ts";
import { SequenceConflict } from "./event-store.ts";
import { DamagedDatabase, sqliteCodeOf } from "./sqlite-errors.ts";
import { NewerSchema, type Migrated } from "./sqlite-migrations.ts";

/**
 * The thread that owns the SQLite file (see SqliteStore): one request at a time, in order, so a
 * commit waiting for the disk holds up the requests behind it and nothing else.
 */
export type StoreRequest = { id: number; method: keyof SqliteFile; args: unknown[] };
export type StoreReply =
  | { ready: true; migrated: Migrated }
  | { openFailed: { message: string; damage: string | null; newer: { found: number; supported: number } | null } }
  | { id: number; result: unknown }
  | { id: number; conflict: { exerciseId: string; expected: number; got: number } }
  | { id: number; failure: string; sqliteCode: number | null };

const { path, options } = workerData as { path: string; options: SqliteFileOptions };
const port = parentPort!;

function open(): SqliteFile | null {
  try {
    return new SqliteFile(path, options);
  } catch (error) {
    const damage = error instanceof DamagedDatabase ? error.detail : null;
    const newer = error instanceof NewerSchema ? { found: error.found, supported: error.supported } : null;
    port.postMessage({ openFailed: { message: String((error as Error)?.message ?? error), damage, newer } } satisfies StoreReply);
    return null;
  }
}

const file = open();
if (file) {
  let queue = Promise.resolve();
  port.on("message", (request: StoreRequest) => {
    queue = queue.then(async () => {
      try {
        const result = await (file[request.method] as (...args: unknown[]) => Promise<unknown>).apply(file, request.args);
        port.postMessage({ id: request.id, result } satisfies StoreReply);
      } catch (error) {
        const reply: StoreReply =
          error instanceof SequenceConflict
            ? { id: request.id, conflict: { exerciseId: error.exerciseId, expected: error.expected, got: error.got } }
            : { id: request.id, failure: String((error as Error)?.message ?? error), sqliteCode: sqliteCodeOf(error) };
        port.postMessage(reply);
      }
    });
  });
  port.postMessage({ ready: true, migrated: file.migrated } satisfies StoreReply);
}
