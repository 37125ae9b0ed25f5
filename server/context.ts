import type { ExerciseService } from "./exercises/exercise-service.ts";
import type { Logger } from "./log.ts";

/**
 * Colyseus constructs rooms itself, so the services a room needs are handed over here once,
 * when the server is assembled (server/app.ts), instead of through constructor arguments.
 */
export type ServerContext = {
  service: ExerciseService;
  log: Logger;
  commandsPerSecond: number;
  reconnectSeconds: number;
  roomIdleSeconds?: number;
  botDelayMs?: number;
};

let current: ServerContext | null = null;

export function setServerContext(context: ServerContext): void {
  current = context;
}

export function serverContext(): ServerContext {
  if (!current) throw new Error("server context not set: build the server with createServer()");
  return current;
}
