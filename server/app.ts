import { createServer as createHttpServer } from "node:http";
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
import { statusOf, hasLiveDeadline } from "./exercises/exercise-status.ts";
import { foldEvents } from "../shared/engine/evolve.ts";
import { initialState } from "../shared/engine/initial-state.ts";
import { msg } from "../shared/i18n/message.ts";
import { translate } from "../shared/i18n/format.ts";

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
    if (error instanceof DataDirInUse)
      throw new ConfigError(`DATA_DIR ${config.dataDir} is in use by ${describeHolder(error.holder)}; stop it first, or give this process another DATA_DIR`);
    if (error instanceof DamagedDatabase) throw new ConfigError(damagedDatabaseLine(error.file, error.detail));
    if (error instanceof NewerSchema) throw new ConfigError(error.message);
    throw new ConfigError(`cannot open the SQLite event store in DATA_DIR (${config.dataDir}): ${(error as Error).message}`);
  }
}

const creating = new Map<string, Promise<void>>();

/**
 * Makes sure the room of an exercise is open somewhere in the cluster (loading it on this process
 * from its log if needed). Rooms are loaded on demand: on a join, a code looked up, an exercise
 * created, a turn timer that must run; they unload when nobody has been in them for
 * CONCORD_ROOM_IDLE_SECONDS (server/rooms/idle-unload.ts).
 */
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
  // ioredis loads only then: a single-process server never needs it.
  const guardRedis = config.redisUrl ? new (await import("ioredis")).Redis(config.redisUrl, { maxRetriesPerRequest: 2 }) : undefined;
  const guard = new CredentialGuard(DEFAULT_LIMITS, guardRedis);
  const service = new ExerciseService(eventStore, catalog.scenarios, guard);
  // Rooms are created by the server from the store only (ensureRoom): clients may join a room by
  // its id or reconnect, never create one.
  matchMaker.controller.exposedMethods = ["joinById", "reconnect"];
  const invoke = matchMaker.controller.invokeMethod.bind(matchMaker.controller);
  matchMaker.controller.invokeMethod = async (method: string, ...rest: unknown[]) => {
    if (!matchMaker.controller.exposedMethods.includes(method)) {
      throw new ServerError(403, "invalid_method: Exercises are opened by the server; join one by its id with a join code, an observer code or your seat.");
    }
    // A join is what loads an unloaded exercise (rooms on demand); onAuth still decides the seat.
    if (method === "joinById" && typeof rest[0] === "string") await openOnDemand(service, rest[0], log);
    return (invoke as (method: string, ...args: unknown[]) => Promise<unknown>)(method, ...rest);
  };
  const httpServer = createHttpServer();
  installClientAddress(httpServer, config.trustProxy);
  installAccessLog(httpServer, log);
  setServerContext({
    service,
    log,
    commandsPerSecond: config.commandsPerSecond,
    reconnectSeconds: config.reconnectSeconds,
    roomIdleSeconds: config.roomIdleSeconds,
    botDelayMs: config.botDelayMs,
  });
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

/**
 * Loads the room of an exercise a join asks for when it is not loaded anywhere. An unknown id is
 * left to Colyseus ("room not found"); an archived exercise is refused with its own code.
 */
async function openOnDemand(service: ExerciseService, exerciseId: string, log: Logger): Promise<void> {
  if (await matchMaker.getRoomById(exerciseId)) return;
  const record = await service.store.getExercise(exerciseId);
  if (!record) return;
  if (record.archivedAt) throw new ServerError(403, `archived: ${translate("en", msg("library.join.archived"))}`);
  try {
    await ensureRoom(exerciseId);
  } catch (error) {
    // Another process may have won the race to load it: then the join goes there.
    if (await matchMaker.getRoomById(exerciseId)) return;
    log.error("could not load exercise for a join", { exerciseId, error: String(error) });
    throw new ServerError(503, `internal_error: ${translate("en", msg("library.join.loadFailed"))}`);
  }
}

/**
 * At start, only the exercises that must run without anybody in them are loaded: those whose
 * turn timer is running (it must fire). The rest load on their next join. An exercise without a
 * recorded status (from before it existed) is folded once to learn it (the first start after the
 * upgrade that brought statuses; later starts read them). Returns how many were loaded.
 */
export async function wakeExercises(service: ExerciseService, log: Logger): Promise<{ stored: number; loaded: number }> {
  const exercises = await service.store.listExercises();
  let loaded = 0;
  for (const exercise of exercises) {
    if (exercise.archivedAt !== null) continue;
    try {
      let status = exercise.status;
      if (!status) {
        const record = await service.store.getExercise(exercise.id);
        if (!record) continue;
        status = statusOf(foldEvents(initialState(record.scenario, record.id, record.seed), await service.store.readEvents(record.id)));
        await service.store.setStatus(record.id, status);
      }
      if (!hasLiveDeadline(status)) continue;
      await ensureRoom(exercise.id);
      loaded++;
    } catch (error) {
      log.error("could not load exercise", { exerciseId: exercise.id, error: String(error) });
    }
  }
  return { stored: exercises.length, loaded };
}
