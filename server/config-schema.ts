import { z } from "zod";
import { parseTrustProxy } from "./security/client-address.ts";

/**
 * Every environment variable Concord reads, in one place: its zod schema (raw string → value),
 * its default and what it means. `configFromEnv` (server/config.ts) parses the server's with it,
 * `.env.example` and docs/OPERATIONS.md's table are checked against it (test/server/config.test.ts).
 */
export type Scope = "server" | "dev" | "bench";

export type Variable = {
  name: string;
  scope: Scope;
  /** As an operator would write it ("2567", "./data"); "" for unset. */
  default: string;
  meaning: string;
  /** What a value must be, finishing "NAME must be …" in a fault. */
  accepts: string;
  /** Never echoed in a fault (passwords). */
  secret?: boolean;
  schema: z.ZodType;
};

/** "" and whitespace read as unset (a `PORT=` line in .env), as they always did. */
const unsetWhenBlank = (trim: boolean) => (value: unknown) =>
  typeof value !== "string" ? value : value.trim() === "" ? undefined : trim ? value.trim() : value;
const optional = <T extends z.ZodType>(inner: T, trim = true) => z.preprocess(unsetWhenBlank(trim), inner.optional());

const wholeNumber = (min: number, max: number) => optional(z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max)));
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => optional(z.enum(values));
const text = () => optional(z.string());
const postgresUrl = () => optional(z.string().regex(/^postgres(ql)?:\/\/\S+$/));
const redisUrl = () => optional(z.string().regex(/^rediss?:\/\/\S+$/));
const originList = () =>
  optional(
    z.string().refine((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean)
        .every((entry) => {
          const url = URL.canParse(entry) ? new URL(entry) : null;
          return Boolean(url && (url.protocol === "http:" || url.protocol === "https:") && url.origin === entry.replace(/\/$/, "").toLowerCase());
        }),
    ),
  );
const proxyList = () =>
  optional(
    z.string().refine((value) => {
      try {
        parseTrustProxy(value);
        return true;
      } catch {
        return false;
      }
    }),
  );

export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ["json", "pretty"] as const;
export const STORES = ["sqlite", "postgres", "memory"] as const;

export const VARIABLES: readonly Variable[] = [
  {
    name: "PORT",
    scope: "server",
    default: "2567",
    meaning: "HTTP and WebSocket port",
    accepts: "a port number from 0 to 65535",
    schema: wholeNumber(0, 65535),
  },
  {
    name: "HOST",
    scope: "server",
    default: "0.0.0.0",
    meaning: "address to bind",
    accepts: "an address or host name",
    schema: optional(z.string().regex(/^[\w.:-]+$/)),
  },
  { name: "DATA_DIR", scope: "server", default: "./data", meaning: "folder of the SQLite file", accepts: "a folder", schema: text() },
  { name: "SCENARIOS_DIR", scope: "server", default: "./scenarios", meaning: "scenario files offered on the start page", accepts: "a folder", schema: text() },
  { name: "CLIENT_DIR", scope: "server", default: "./dist", meaning: "the built browser client", accepts: "a folder", schema: text() },
  {
    name: "CONCORD_STORE",
    scope: "server",
    default: "",
    meaning: "where exercises are kept: sqlite (the default), postgres (the default when DATABASE_URL is set; needs it) or memory (tests; lost on stop)",
    accepts: `one of ${STORES.join(", ")}`,
    schema: oneOf(STORES),
  },
  {
    name: "DATABASE_URL",
    scope: "server",
    default: "",
    meaning: "PostgreSQL event store instead of SQLite",
    accepts: "a postgres:// or postgresql:// URL",
    schema: postgresUrl(),
  },
  { name: "REDIS_URL", scope: "server", default: "", meaning: "several processes as one cluster", accepts: "a redis:// or rediss:// URL", schema: redisUrl() },
  {
    name: "PUBLIC_ADDRESS",
    scope: "server",
    default: "",
    meaning: "with REDIS_URL, where browsers reach this process",
    accepts: "host:port or host/path, without a scheme",
    schema: optional(z.string().regex(/^[^\s:/]+(:\d{1,5})?(\/\S*)?$/)),
  },
  {
    name: "CONCORD_OPERATOR_PASSWORD",
    scope: "server",
    default: "",
    meaning: "password for listing and creating exercises",
    accepts: "at least 8 characters",
    secret: true,
    schema: optional(z.string().min(8), false),
  },
  {
    name: "TRUST_PROXY",
    scope: "server",
    default: "",
    meaning: "proxies whose X-Forwarded-For names the client",
    accepts: "addresses or networks (e.g. 127.0.0.1, 10.0.0.0/8 or loopback), separated by commas",
    schema: proxyList(),
  },
  {
    name: "CONCORD_CORS_ORIGINS",
    scope: "server",
    default: "",
    meaning: "other sites whose pages may call this server",
    accepts: "origins such as https://exercise.example.org or http://localhost:5173, separated by commas",
    schema: originList(),
  },
  { name: "CONCORD_DEMO", scope: "server", default: "1", meaning: "create a demo exercise on an empty store", accepts: "0 or 1", schema: oneOf(["0", "1"]) },
  {
    name: "CONCORD_COMMANDS_PER_SECOND",
    scope: "server",
    default: "20",
    meaning: "per-seat budget of messages a second",
    accepts: "a whole number from 1 to 1000000",
    schema: wholeNumber(1, 1_000_000),
  },
  {
    name: "CONCORD_RECONNECT_SECONDS",
    scope: "server",
    default: "60",
    meaning: "how long a dropped seat waits for its browser",
    accepts: "a whole number of seconds from 0 to 86400",
    schema: wholeNumber(0, 86_400),
  },
  {
    name: "CONCORD_ROOM_IDLE_SECONDS",
    scope: "server",
    default: "300",
    meaning: "how long an exercise's room stays in memory with nobody in it (0: until the process stops); it loads from its log on the next join",
    accepts: "a whole number of seconds from 0 to 604800",
    schema: wholeNumber(0, 604_800),
  },
  {
    name: "CONCORD_BOT_DELAY_MS",
    scope: "server",
    default: "1500",
    meaning: "how long a bot nation waits after a turn starts or a request reaches it before it acts, so people see its moves happen",
    accepts: "a whole number of milliseconds from 0 to 600000",
    schema: wholeNumber(0, 600_000),
  },
  {
    name: "CONCORD_LOG_LEVEL",
    scope: "server",
    default: "info",
    meaning: "the least important log lines written",
    accepts: `one of ${LOG_LEVELS.join(", ")}`,
    schema: oneOf(LOG_LEVELS),
  },
  {
    name: "CONCORD_LOG_FORMAT",
    scope: "server",
    default: "json",
    meaning: "json lines, or pretty (colours; needs the pino-pretty development package)",
    accepts: `one of ${LOG_FORMATS.join(", ")}`,
    schema: oneOf(LOG_FORMATS),
  },
  {
    name: "CONCORD_SKIP_CLIENT_BUILD",
    scope: "server",
    default: "0",
    meaning: "1: never build the client on start",
    accepts: "0 or 1",
    schema: oneOf(["0", "1"]),
  },
  {
    name: "VITE_PORT",
    scope: "dev",
    default: "5173",
    meaning: "`npm run dev`: Vite's dev-server port",
    accepts: "a port number from 1 to 65535",
    schema: wholeNumber(1, 65535),
  },
  {
    name: "CHROMIUM_PATH",
    scope: "bench",
    default: "/usr/bin/chromium",
    meaning: "the browser the client benchmark and browser tests drive",
    accepts: "a file",
    schema: text(),
  },
  {
    name: "CONCORD_BENCH_SERVER_NODE_OPTIONS",
    scope: "bench",
    default: "",
    meaning: "NODE_OPTIONS for the servers the benchmarks start (e.g. --cpu-prof)",
    accepts: "Node options",
    schema: text(),
  },
];

/**
 * Variables read by the test suite and the CLI, not the server: known, so a typo such as
 * CONCORD_COMMAND_PER_SECOND can be told apart from them.
 */
export const OTHER_KNOWN = [
  "CONCORD_DEPLOY_PORTS",
  "CONCORD_DEPLOY_HOST",
  "CONCORD_LANG",
  "CONCORD_SKIP_BROWSER",
  "CONCORD_TEST_DATABASE_URL",
  "CONCORD_TEST_REDIS_URL",
  "CONCORD_FUZZ_SEEDS",
];

export function envSchema(scopes: readonly Scope[]) {
  return z.object(Object.fromEntries(VARIABLES.filter((v) => scopes.includes(v.scope)).map((v) => [v.name, v.schema])));
}

/** How a wrong value is shown back: passwords never, URLs without their credentials, long values cut. */
export function shown(variable: Variable, value: unknown): string {
  if (variable.secret) return "(hidden)";
  const raw = String(value).replace(/\/\/[^@/\s]*@/, "//…@");
  return raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
}

/**
 * Parses the variables of `scopes` from `env`: the values, or one line per wrong variable
 * (all of them at once), each naming the variable and what it accepts.
 */
export function parseEnv(env: NodeJS.ProcessEnv, scopes: readonly Scope[]): { ok: true; values: Record<string, unknown> } | { ok: false; faults: string[] } {
  const result = envSchema(scopes).safeParse(env);
  if (result.success) return { ok: true, values: result.data as Record<string, unknown> };
  const faults: string[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const name = String(issue.path[0]);
    if (seen.has(name)) continue;
    seen.add(name);
    const variable = VARIABLES.find((v) => v.name === name)!;
    faults.push(`${name} must be ${variable.accepts} (got "${shown(variable, env[name])}")`);
  }
  return { ok: false, faults };
}

/** CONCORD_* variables nobody reads: most likely a misspelling. */
export function unknownConcordVariables(env: NodeJS.ProcessEnv): string[] {
  const known = new Set([...VARIABLES.map((v) => v.name), ...OTHER_KNOWN]);
  return Object.keys(env).filter((name) => name.startsWith("CONCORD_") && !known.has(name));
}

/**
 * `.env.example`: every variable, commented out at its default, under a line saying what it
 * means and accepts (`npm run env:example` writes it; test/server/config.test.ts keeps it true).
 */
export function envExampleText(): string {
  const sections: [Scope, string][] = [
    ["server", "The server (npm start)"],
    ["dev", "Development (npm run dev)"],
    ["bench", "Benchmarks (npm run bench) and browser tests"],
  ];
  const lines = [
    "# Concord's environment variables, generated from server/config-schema.ts (npm run env:example).",
    "# Copy this file to .env and uncomment what you change: `npm start` reads .env when present,",
    "# and a variable set in the environment itself wins over the file. A wrong value stops the",
    "# start with one line naming the variable (every wrong one at once).",
  ];
  for (const [scope, title] of sections) {
    lines.push("", `## ${title}`);
    for (const v of VARIABLES.filter((variable) => variable.scope === scope))
      lines.push(
        "",
        `# ${v.meaning[0]!.toUpperCase()}${v.meaning.slice(1)}. Accepts ${v.accepts}${v.default === "" ? "; unset by default" : ""}.`,
        `# ${v.name}=${v.default}`,
      );
  }
  return lines.join("\n") + "\n";
}
