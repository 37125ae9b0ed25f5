/** Structured logs: one JSON line per event, so operators can grep and ship them. */
export type Logger = {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
};

const LEVELS = { info: 0, warn: 1, error: 2 } as const;
type Level = keyof typeof LEVELS;

/** CONCORD_LOG_LEVEL=warn keeps the per-command lines out of busy deployments and benchmarks. */
function levelFromEnv(): Level {
  const wanted = process.env.CONCORD_LOG_LEVEL ?? "info";
  return Object.hasOwn(LEVELS, wanted) ? (wanted as Level) : "info";
}

export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(line + "\n"), minimum: Level = levelFromEnv()): Logger {
  const emit = (level: Level) => (message: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS[level] >= LEVELS[minimum]) write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
  };
  return { info: emit("info"), warn: emit("warn"), error: emit("error") };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
