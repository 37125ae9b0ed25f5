import { format } from "node:util";
import { createRequire } from "node:module";
import { pino, type Logger as Pino, type DestinationStream } from "pino";
import type { LogLevel } from "./config-schema.ts";

/**
 * Structured logs: one JSON line per event on stdout (pino), so operators can grep and ship
 * them: `{"time":"…","level":"info","message":"…", …fields}`. The interface the code uses stays
 * this small one: `serverContext().log.info("seat joined", { exerciseId })`.
 */
export type Logger = {
  debug?(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
};

/** A Logger with the pino instance behind it, for Colyseus (colyseusLogger) and child loggers. */
export type PinoLogger = Required<Logger> & { pino: Pino };

/**
 * Field names whose values are secrets wherever a call site logs them: a line that carries a
 * seat's token or a request's Authorization by mistake still leaks nothing. Top-level fields
 * only: pino's wildcard paths (`*.token`) cost 9 µs a line against 2.7 (bench/ops.bench.ts).
 */
export const REDACTED_FIELDS = [
  "token",
  "facilitatorToken",
  "seatToken",
  "reconnectionToken",
  "observerCode",
  "joinCode",
  "joinCodes",
  "password",
  "authorization",
  "ticket",
  "secret",
];

export type LogOptions = {
  level?: LogLevel;
  /** "pretty": coloured, readable lines (npm run dev); needs the pino-pretty development package. */
  format?: "json" | "pretty";
  /** The file descriptor the JSON lines go to (default 1, stdout): the benchmark writes to /dev/null. */
  fd?: number;
};

/**
 * The server's logger. `write` receives each JSON line without its newline (tests collect
 * them); by default they go to stdout, synchronously, so a line logged just before a crash
 * is not lost.
 */
export function jsonLogger(write?: (line: string) => void, level: LogLevel = "info", options: Omit<LogOptions, "level"> = {}): PinoLogger {
  const destination: DestinationStream | undefined = write ? { write: (chunk: string) => write(chunk.replace(/\n$/, "")) } : undefined;
  const pretty = options.format === "pretty" && !write;
  const instance = pino(
    {
      level,
      messageKey: "message",
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      // pino-pretty reads pino's numeric levels; the JSON lines carry the level's name.
      formatters: pretty ? {} : { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_FIELDS, censor: "[redacted]" },
    },
    destination ?? (pretty ? prettyStream() : pino.destination({ dest: options.fd ?? 1, sync: true })),
  );
  return wrap(instance);
}

function wrap(instance: Pino): PinoLogger {
  const emit = (level: "debug" | "info" | "warn" | "error") => (message: string, fields?: Record<string, unknown>) => {
    if (fields) instance[level](fields, message);
    else instance[level](message);
  };
  return { pino: instance, debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}

/**
 * A line every operator and process manager must see (the start banner, "… is running"): at
 * level info even when CONCORD_LOG_LEVEL is warn or error; only `silent` silences it.
 */
export function announce(log: PinoLogger, message: string, fields: Record<string, unknown> = {}): void {
  if (log.pino.level === "silent") return;
  log.pino.child({}, { level: "info" }).info(fields, message);
}

/** pino-pretty is a development dependency: a production install says what to do instead. */
function prettyStream(): DestinationStream {
  const require = createRequire(import.meta.url);
  let pretty: (options: Record<string, unknown>) => DestinationStream;
  try {
    pretty = require("pino-pretty");
  } catch {
    throw new Error(
      "CONCORD_LOG_FORMAT=pretty needs the pino-pretty package, a development dependency (npm install without --omit=dev); use CONCORD_LOG_FORMAT=json",
    );
  }
  return pretty({ messageKey: "message", translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname", sync: true, colorize: Boolean(process.stdout.isTTY) });
}

/**
 * The logger Colyseus is given (`defineServer({ logger })`): it calls it like `console`
 * (`logger.info("❌ room … disposed", extra)`), so its arguments become one message, tagged
 * `component: "colyseus"`, in the same JSON stream instead of plain text beside it.
 */
export function colyseusLogger(log: Logger) {
  const line = (args: unknown[]) => format(...args).trim();
  const fields = { component: "colyseus" };
  return {
    trace: (...args: unknown[]) => log.debug?.(line(args), fields),
    debug: (...args: unknown[]) => log.debug?.(line(args), fields),
    info: (...args: unknown[]) => log.info(line(args), fields),
    warn: (...args: unknown[]) => log.warn(line(args), fields),
    error: (...args: unknown[]) => {
      const text = line(args);
      // A frame the ws library refuses (too big, malformed) is the sender's fault, not the
      // server's: one warning line, without the library's stack.
      if (CLIENT_FRAME_FAULT.test(text)) log.warn(text.split("\n")[0]!, { ...fields, clientFault: true });
      else log.error(text, fields);
    },
  };
}

const CLIENT_FRAME_FAULT =
  /^(?:RangeError: )?(?:Max payload size exceeded|Invalid WebSocket frame|Invalid opcode|Invalid UTF-8|RSV[123] must be clear|MASK must be set|Unsupported WebSocket frame)/;

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
