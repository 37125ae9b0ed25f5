import { createServer as createHttpServer } from "node:http";
import { Redis } from "ioredis";
import { CredentialGuard, DEFAULT_LIMITS } from "./security/credential-guard.ts";
import { installClientAddress } from "./security/client-address.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defineServer, defineRoom, matchMaker, ServerError } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import type { Config } from "./config.ts";
import { ROOT, ConfigError } from "./config.ts";
import { ExerciseRoom } from "./rooms/exercise-room.ts";
import { ExerciseService } from "./exercises/exercise-service.ts";
import { loadScenarioCatalog } from "./exercises/scenario-catalog.ts";
import { setServerContext } from "./context.ts";
import { mountApi } from "./http/api.ts";
import { installCorsPolicy } from "./http/cors.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { serveClient } from "./http/static-client.ts";
import { colyseusLogger, type Logger } from "./log.ts";
import { mountHealth } from "./http/health.ts";
import { installAccessLog } from "./http/access-log.ts";
import { instrumentStore } from "./metrics.ts";
import type { EventStore } from "./store/event-store.ts";
import { MemoryStore } from "./store/memory-store.ts";
import { SqliteStore } from "./store/sqlite-store.ts";
import { DataDirInUse, describeHolder } from "./store/data-dir-lock.ts";
import { DamagedDatabase, damagedDatabaseLine } from "./store/sqlite-errors.ts";
import { NewerSchema } from "./store/sqlite-migrations.ts";

export const VERSION: string = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;

/**
 * The store the configuration names. Failures are ConfigErrors with one line for the operator:
 * another process holding DATA_DIR, a damaged file, a folder that cannot be written.
 * `lock: false` is for tools that only read (`concord aar`) next to a running server.
 */
export async function openStore(config: Config, options: { lock?: boolean; log?: Logger } = {}): Promise<EventStore> {
  if (config.store === "memory") return new MemoryStore();
  if (config.store === "postgres") {
    const { PostgresStore } = await import("./store/postgres-store.ts");
    try {
      return await PostgresStore.connect(config.databaseUrl!);
    } catch (error) {
      throw new ConfigError(`cannot open the PostgreSQL event store at DATABASE_URL: ${(error as Error).message}`);
    }
  }
  try {
    return await SqliteStore.open(join(config.dataDir, "concord.db"), options);
  } catch (error) {
    if (error instanceof DataDirInUse) throw new ConfigError(`DATA_DIR ${config.dataDir} is in use by ${describeHolder(error.holder)}; stop it first, or give this process another DATA_DIR`);
    if (error instanceof DamagedDatabase) throw new ConfigError(damagedDatabaseLine(error.file, error.detail));
    if (error instanceof NewerSchema) throw new ConfigError(error.message);
    throw new ConfigError(`cannot open the SQLite event store in DATA_DIR (${config.dataDir}): ${(error as Error).message}`);
  }
}

const creating = new Map<string, Promise<void>>();

/** Makes sure the room of an exercise is open on this process (restoring it from its log if needed). */
export async function ensureRoom(exerciseId: string): Promise<void> {
  if (await matchMaker.getRoomById(exerciseId)) return;
  let pending = creating.get(exerciseId);
  if (!pending) {
    pending = matchMaker
      .createRoom("exercise", { exerciseId })
      .then(() => undefined)
      .finally(() => creating.delete(exerciseId));
    creating.set(exerciseId, pending);
  }
  await pending;
}

/**
 * Assembles the whole server (rooms, HTTP API, static client) without listening, so that
 * `npm start`, the tests and the benchmarks all run exactly the same thing.
 */
export async function createConcordServer(config: Config, log: Logger, store?: EventStore) {
  // Appends are timed for /metrics (concord_store_append_duration_seconds).
  const eventStore = instrumentStore(store ?? (await openStore(config, { log })));
  const catalog = loadScenarioCatalog(config.scenariosDir);
  for (const problem of catalog.problems) log.warn("scenario skipped", { file: problem.file, problem: problem.message });
  // With REDIS_URL every process shares the guessing counts.
  const guardRedis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2 }) : undefined;
  const guard = new CredentialGuard(DEFAULT_LIMITS, guardRedis);
  const service = new ExerciseService(eventStore, catalog.scenarios, guard);
  // Rooms are created by the server from the store only (ensureRoom): clients may join a room by
  // its id or reconnect, never create one.
  matchMaker.controller.exposedMethods = ["joinById", "reconnect"];
  const invoke = matchMaker.controller.invokeMethod.bind(matchMaker.controller);
  matchMaker.controller.invokeMethod = (method: string, ...rest: unknown[]) => {
    if (!matchMaker.controller.exposedMethods.includes(method)) {
      throw new ServerError(403, "invalid_method: Exercises are opened by the server; join one by its id with a join code, an observer code or your seat.");
    }
    return (invoke as (method: string, ...args: unknown[]) => Promise<unknown>)(method, ...rest);
  };
  const httpServer = createHttpServer();
  installClientAddress(httpServer, config.trustProxy);
  installAccessLog(httpServer, log);
  setServerContext({ service, log, commandsPerSecond: config.commandsPerSecond, reconnectSeconds: config.reconnectSeconds, botDelayMs: config.botDelayMs });
  installCorsPolicy(config.corsOrigins);
  const startedAt = Date.now();
  const server = defineServer({
    ...(await scaleOutOptions(config)),
    greet: false,
    // Colyseus's own lines go into the same JSON stream (component: "colyseus").
    logger: colyseusLogger(log),
    // ws's 4 KB default would cut off a participant sending a long intelligence report.
    transport: new WebSocketTransport({ maxPayload: 64 * 1024, server: httpServer }),
    rooms: { exercise: defineRoom(ExerciseRoom) },
    express: (app) => {
      // The client's address is decided before express sees the request (client-address.ts).
      app.set("trust proxy", false);
      app.disable("x-powered-by");
      app.use(securityHeaders());
      mountHealth(app, { store: eventStore, redis: guardRedis, version: VERSION, startedAt, log });
      mountApi(app, { service, operatorPassword: config.operatorPassword, version: VERSION, startedAt, ensureRoom, log });
      // The built client: precompressed, hashed assets immutable, pages revalidated (static-client.ts).
      serveClient(app, config.clientDir);
    },
  });
  server.onShutdown(async () => {
    await eventStore.close();
    await guardRedis?.quit().catch(() => undefined);
    log.info("server stopped");
  });
  return { server, service, store: eventStore, httpServer };
}

/**
 * REDIS_URL switches on Colyseus's own distributed mode: rooms are announced in Redis and any
 * process can reserve a seat in a room that lives on another. PUBLIC_ADDRESS tells clients
 * which process (behind the proxy) holds a room.
 */
async function scaleOutOptions(config: Config): Promise<Record<string, unknown>> {
  const options: Record<string, unknown> = {};
  if (config.publicAddress) options.publicAddress = config.publicAddress;
  if (config.redisUrl) {
    const { RedisPresence } = await import("@colyseus/redis-presence");
    const { RedisDriver } = await import("@colyseus/redis-driver");
    options.presence = new RedisPresence(config.redisUrl);
    options.driver = new RedisDriver(config.redisUrl);
  }
  return options;
}

/** Reopens the room of every exercise in the store: after a restart, play goes on where it stopped. */
export async function restoreExercises(service: ExerciseService, log: Logger): Promise<number> {
  const exercises = await service.store.listExercises();
  for (const exercise of exercises) {
    try {
      await ensureRoom(exercise.id);
    } catch (error) {
      log.error("could not restore exercise", { exerciseId: exercise.id, error: String(error) });
    }
  }
  return exercises.length;
}
