import { resolve, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseTrustProxy, type TrustProxy } from "./security/client-address.ts";

export const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

/** Everything an operator can set, from the environment (docs/OPERATIONS.md lists them). */
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
  createDemo: boolean;
  /** Origins other than the server's own that browsers may call it from (CONCORD_CORS_ORIGINS); empty: same origin only. */
  corsOrigins: string[];
  /** Which proxies may say who the client is in X-Forwarded-For (TRUST_PROXY); none by default. */
  trustProxy: TrustProxy;
  trustProxySetting: string;
};

export class ConfigError extends Error {}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT ? Number(env.PORT) : 2567;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number (0–65535), not "${env.PORT}".`);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError(`DATABASE_URL must start with postgres:// (got "${databaseUrl.slice(0, 20)}…").`);
  return {
    port,
    host: env.HOST || "0.0.0.0",
    dataDir: resolve(env.DATA_DIR || join(ROOT, "data")),
    scenariosDir: resolve(env.SCENARIOS_DIR || join(ROOT, "scenarios")),
    clientDir: resolve(env.CLIENT_DIR || join(ROOT, "dist")),
    operatorPassword: env.CONCORD_OPERATOR_PASSWORD || null,
    databaseUrl,
    redisUrl: env.REDIS_URL?.trim() || null,
    publicAddress: env.PUBLIC_ADDRESS?.trim() || null,
    store: databaseUrl ? "postgres" : env.CONCORD_STORE === "memory" ? "memory" : "sqlite",
    commandsPerSecond: Number(env.CONCORD_COMMANDS_PER_SECOND || 20),
    reconnectSeconds: Number(env.CONCORD_RECONNECT_SECONDS || 60),
    createDemo: env.CONCORD_DEMO !== "0",
    corsOrigins: corsOriginsFrom(env.CONCORD_CORS_ORIGINS),
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    trustProxySetting: env.TRUST_PROXY?.trim() ?? "",
  };
}

/** CONCORD_CORS_ORIGINS: a comma-separated list of origins (`https://host[:port]`, no path). */
function corsOriginsFrom(value: string | undefined): string[] {
  const entries = (value ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  return entries.map((entry) => {
    const url = URL.canParse(entry) ? new URL(entry) : null;
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.origin !== entry.replace(/\/$/, "").toLowerCase()) {
      throw new ConfigError(`CONCORD_CORS_ORIGINS must list origins such as https://exercise.example.org or http://localhost:5173, separated by commas (got "${entry.slice(0, 80)}").`);
    }
    return url.origin;
  });
}

/** TRUST_PROXY: addresses or CIDRs of the proxies in front of Concord, or loopback / linklocal / uniquelocal. */
function trustProxyFrom(value: string | undefined): TrustProxy {
  try {
    return parseTrustProxy(value);
  } catch {
    throw new ConfigError(`TRUST_PROXY must list the proxies' addresses or networks (e.g. 127.0.0.1, 10.0.0.0/8 or loopback), separated by commas (got "${String(value).slice(0, 80)}").`);
  }
}
