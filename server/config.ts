import { resolve, join } from "node:path";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseEnv as parseEnvText } from "node:util";
import { parseTrustProxy, type TrustProxy } from "./security/client-address.ts";
import { parseEnv, type LogLevel } from "./config-schema.ts";

export const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

/** Everything an operator can set, from the environment (server/config-schema.ts lists them; docs/OPERATIONS.md explains them). */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  scenariosDir: string;
  clientDir: string;
  operatorPassword: string | null;
  databaseUrl: string | null;
  redisUrl: string | null;
  publicAddress: string | null;
  /** "sqlite" (default), "memory" (tests) or "postgres" (DATABASE_URL). */
  store: "sqlite" | "memory" | "postgres";
  commandsPerSecond: number;
  reconnectSeconds: number;
  /** How long a room nobody is in stays loaded (CONCORD_ROOM_IDLE_SECONDS); 0: never unloaded. */
  roomIdleSeconds: number;
  /** How long a bot nation waits before it acts (CONCORD_BOT_DELAY_MS). */
  botDelayMs: number;
  createDemo: boolean;
  /** Origins other than the server's own that browsers may call it from (CONCORD_CORS_ORIGINS); empty: same origin only. */
  corsOrigins: string[];
  /** Which proxies may say who the client is in X-Forwarded-For (TRUST_PROXY); none by default. */
  trustProxy: TrustProxy;
  trustProxySetting: string;
  logLevel: LogLevel;
  logFormat: "json" | "pretty";
  skipClientBuild: boolean;
};

/** A fault an operator must fix before the server can start: one line each in `problems`. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string | string[]) {
    const lines = typeof problems === "string" ? [problems] : problems;
    super(lines.join("\n"));
    this.problems = lines;
  }
}

/**
 * The configuration from the environment, through the one schema (config-schema.ts). Every
 * wrong variable is reported at once, one line each, in a ConfigError.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = parseEnv(env, ["server"]);
  if (!parsed.ok) throw new ConfigError(parsed.faults);
  const v = parsed.values as {
    PORT?: number;
    HOST?: string;
    DATA_DIR?: string;
    SCENARIOS_DIR?: string;
    CLIENT_DIR?: string;
    CONCORD_STORE?: Config["store"];
    DATABASE_URL?: string;
    REDIS_URL?: string;
    PUBLIC_ADDRESS?: string;
    CONCORD_OPERATOR_PASSWORD?: string;
    TRUST_PROXY?: string;
    CONCORD_CORS_ORIGINS?: string;
    CONCORD_DEMO?: "0" | "1";
    CONCORD_COMMANDS_PER_SECOND?: number;
    CONCORD_RECONNECT_SECONDS?: number;
    CONCORD_ROOM_IDLE_SECONDS?: number;
    CONCORD_BOT_DELAY_MS?: number;
    CONCORD_LOG_LEVEL?: LogLevel;
    CONCORD_LOG_FORMAT?: "json" | "pretty";
    CONCORD_SKIP_CLIENT_BUILD?: "0" | "1";
  };
  const databaseUrl = v.DATABASE_URL ?? null;
  const store = v.CONCORD_STORE ?? (databaseUrl ? "postgres" : "sqlite");
  const faults: string[] = [];
  if (store === "postgres" && !databaseUrl) faults.push(`CONCORD_STORE=postgres needs DATABASE_URL (a postgres:// URL)`);
  if (store !== "postgres" && databaseUrl)
    faults.push(`CONCORD_STORE=${store} contradicts DATABASE_URL: unset one of them (DATABASE_URL alone means postgres)`);
  if (faults.length) throw new ConfigError(faults);
  return {
    port: v.PORT ?? 2567,
    host: v.HOST ?? "0.0.0.0",
    dataDir: resolve(v.DATA_DIR ?? join(ROOT, "data")),
    scenariosDir: resolve(v.SCENARIOS_DIR ?? join(ROOT, "scenarios")),
    clientDir: resolve(v.CLIENT_DIR ?? join(ROOT, "dist")),
    operatorPassword: v.CONCORD_OPERATOR_PASSWORD ?? null,
    databaseUrl,
    redisUrl: v.REDIS_URL ?? null,
    publicAddress: v.PUBLIC_ADDRESS ?? null,
    store,
    commandsPerSecond: v.CONCORD_COMMANDS_PER_SECOND ?? 20,
    reconnectSeconds: v.CONCORD_RECONNECT_SECONDS ?? 60,
    roomIdleSeconds: v.CONCORD_ROOM_IDLE_SECONDS ?? 300,
    botDelayMs: v.CONCORD_BOT_DELAY_MS ?? 1500,
    createDemo: v.CONCORD_DEMO !== "0",
    corsOrigins: corsOriginsFrom(v.CONCORD_CORS_ORIGINS),
    trustProxy: parseTrustProxy(v.TRUST_PROXY),
    trustProxySetting: v.TRUST_PROXY ?? "",
    logLevel: v.CONCORD_LOG_LEVEL ?? "info",
    logFormat: v.CONCORD_LOG_FORMAT ?? "json",
    skipClientBuild: v.CONCORD_SKIP_CLIENT_BUILD === "1",
  };
}

/** CONCORD_CORS_ORIGINS (checked by the schema): the origins, normalised. */
function corsOriginsFrom(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => new URL(entry).origin);
}

/**
 * `.env` in the working directory (or ROOT), when present, under what the environment already
 * says: a variable set in the shell or by the process manager wins over the file.
 * Returns the file read, or null.
 */
export function loadEnvFile(env: NodeJS.ProcessEnv = process.env, candidates: string[] = [resolve(".env"), join(ROOT, ".env")]): string | null {
  const file = candidates.find((candidate) => existsSync(candidate));
  if (!file) return null;
  try {
    // node:util's parseEnv is the parser of process.loadEnvFile and --env-file; like them, a
    // variable already set is not overridden.
    for (const [name, value] of Object.entries(parseEnvText(readFileSync(file, "utf8")))) env[name] ??= value;
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${(error as Error).message}`);
  }
  return file;
}
