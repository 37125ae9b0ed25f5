import express from "express";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defineServer, defineRoom, matchMaker } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import type { Config } from "./config.ts";
import { ROOT, ConfigError } from "./config.ts";
import { ExerciseRoom } from "./rooms/exercise-room.ts";
import { ExerciseService } from "./exercises/exercise-service.ts";
import { loadScenarioCatalog } from "./exercises/scenario-catalog.ts";
import { setServerContext } from "./context.ts";
import { mountApi } from "./http/api.ts";
import type { Logger } from "./log.ts";
import type { EventStore } from "./store/event-store.ts";
import { MemoryStore } from "./store/memory-store.ts";
import { SqliteStore } from "./store/sqlite-store.ts";

export const VERSION: string = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;

export async function openStore(config: Config): Promise<EventStore> {
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
    return await SqliteStore.open(join(config.dataDir, "concord.db"));
  } catch (error) {
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
  const eventStore = store ?? (await openStore(config));
  const catalog = loadScenarioCatalog(config.scenariosDir);
  for (const problem of catalog.problems) log.warn("scenario skipped", { file: problem.file, problem: problem.message });
  const service = new ExerciseService(eventStore, catalog.scenarios);
  setServerContext({ service, log, commandsPerSecond: config.commandsPerSecond, reconnectSeconds: config.reconnectSeconds });
  const startedAt = Date.now();
  const server = defineServer({
    ...(await scaleOutOptions(config)),
    greet: false,
    // ws's 4 KB default would cut off a participant sending a long intelligence report.
    transport: new WebSocketTransport({ maxPayload: 64 * 1024 }),
    rooms: { exercise: defineRoom(ExerciseRoom) },
    express: (app) => {
      app.set("trust proxy", "loopback");
      mountApi(app, { service, operatorPassword: config.operatorPassword, version: VERSION, startedAt, ensureRoom });
      if (existsSync(config.clientDir)) {
        app.use(express.static(config.clientDir, { index: "index.html", maxAge: "1h" }));
        app.get(/^\/(?!api\/|health).*/, (_req, res) => res.sendFile(join(config.clientDir, "index.html")));
      }
    },
  });
  server.onShutdown(async () => {
    await eventStore.close();
    log.info("server stopped");
  });
  return { server, service, store: eventStore };
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
