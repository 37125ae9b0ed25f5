import { Registry, Counter, Gauge, Histogram, collectDefaultMetrics } from "prom-client";
import { matchMaker } from "@colyseus/core";
import type { EventStore } from "./store/event-store.ts";
import { EventLoopMonitor } from "./http/event-loop.ts";

/**
 * The process's Prometheus metrics (GET /metrics, prom-client). One registry per process; the
 * room pipeline and the store report into it through commandTimer and instrumentStore.
 */
export const registry = new Registry();

// Seconds: from well under a millisecond (an accepted move) to seconds (a stalled disk).
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The commands and appends timed since the metrics were last read. prom-client validates and
 * hashes the labels of every observation (~10 µs a command, the room's round trip, #23): they
 * are noted here, a number and a few strings, and handed to prom-client when /metrics is read
 * (each metric's `collect`), or every PENDING_MAX of them so that nothing grows while nobody
 * scrapes. What a scrape returns is the same; only when the work is done changes.
 */
const pending: { type: string; outcome: string; seconds: number; appendStore: string | null }[] = [];
const PENDING_MAX = 2048;
function note(observation: (typeof pending)[number]): void {
  pending.push(observation);
  if (pending.length >= PENDING_MAX) collectPending();
}
function collectPending(): void {
  for (const { type, outcome, seconds, appendStore } of pending) {
    if (appendStore !== null) appendSeconds.observe({ store: appendStore }, seconds);
    else {
      commandSeconds.observe({ type }, seconds);
      commands.inc({ type, outcome });
    }
  }
  pending.length = 0;
}

const commands = new Counter({
  name: "concord_commands_total",
  help: "Commands through the room pipeline, by command type and outcome (accepted, or the rejection code).",
  labelNames: ["type", "outcome"] as const,
  registers: [registry],
  collect: collectPending,
});
const commandSeconds = new Histogram({
  name: "concord_command_duration_seconds",
  help: "From a command entering the room pipeline to its answer (decide, durable append, state update), by command type.",
  labelNames: ["type"] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
  collect: collectPending,
});
const appendSeconds = new Histogram({
  name: "concord_store_append_duration_seconds",
  help: "Durable appends of events to the event store, by store kind.",
  labelNames: ["store"] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
  collect: collectPending,
});
const eventLoopDelay = new Histogram({
  name: "concord_event_loop_delay_seconds",
  help: "How late a 10 ms timer fires: the event loop's delay, 100 samples a second (never reset by a scrape).",
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  registers: [registry],
});
new Gauge({
  name: "concord_rooms_online",
  help: "Exercise rooms open on this process.",
  registers: [registry],
  collect() {
    this.set(matchMaker.stats.local.roomCount);
  },
});
new Gauge({
  name: "concord_seats_online",
  help: "Connected seats (participants, exercise control, observers) in this process's rooms.",
  registers: [registry],
  collect() {
    this.set(matchMaker.stats.local.ccu);
  },
});

let started = false;
/** The event-loop monitor /health reads (one per process, started with the server). */
export const eventLoop = new EventLoopMonitor((seconds) => eventLoopDelay.observe(seconds));

/** Default process metrics (CPU, memory, handles, GC, Node's own event-loop lag) and the event-loop monitor. */
export function startMetrics(): void {
  if (started) return;
  started = true;
  collectDefaultMetrics({ register: registry });
  eventLoop.start();
}

type Outcome = { seq: number } | { rejected: { code: string } };

/**
 * Times one command through the room pipeline: `const done = commandTimer(type); … return done(result)`.
 * Counts it under its outcome: "accepted" or the rejection's code.
 */
export function commandTimer(type: string): <T extends Outcome>(result: T) => T {
  const start = performance.now();
  return (result) => {
    note({ type, outcome: "rejected" in result ? result.rejected.code : "accepted", seconds: (performance.now() - start) / 1000, appendStore: null });
    return result;
  };
}

/** The store with its appends timed (concord_store_append_duration_seconds); everything else passes through. */
export function instrumentStore<S extends EventStore>(store: S): S {
  const kind = store.kind;
  const timedAppend = async (...args: Parameters<EventStore["append"]>) => {
    const start = performance.now();
    try {
      return await store.append(...args);
    } finally {
      note({ type: "", outcome: "", seconds: (performance.now() - start) / 1000, appendStore: kind });
    }
  };
  // Each method bound once (and again only if the store's own is replaced): the room reads
  // `store.append` for every command, and a new closure each time was garbage (#23).
  const bound = new Map<PropertyKey, { method: unknown; bound: unknown }>();
  return new Proxy(store, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (typeof value !== "function") return value;
      const kept = bound.get(property);
      if (kept?.method === value) return kept.bound;
      const fresh = property === "append" ? timedAppend : value.bind(target);
      bound.set(property, { method: value, bound: fresh });
      return fresh;
    },
  });
}
