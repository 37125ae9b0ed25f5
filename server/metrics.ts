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

const commands = new Counter({
  name: "concord_commands_total",
  help: "Commands through the room pipeline, by command type and outcome (accepted, or the rejection code).",
  labelNames: ["type", "outcome"] as const,
  registers: [registry],
});
const commandSeconds = new Histogram({
  name: "concord_command_duration_seconds",
  help: "From a command entering the room pipeline to its answer (decide, durable append, state update), by command type.",
  labelNames: ["type"] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});
const appendSeconds = new Histogram({
  name: "concord_store_append_duration_seconds",
  help: "Durable appends of events to the event store, by store kind.",
  labelNames: ["store"] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
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
  const stop = commandSeconds.startTimer({ type });
  return (result) => {
    stop();
    commands.inc({ type, outcome: "rejected" in result ? result.rejected.code : "accepted" });
    return result;
  };
}

/** The store with its appends timed (concord_store_append_duration_seconds); everything else passes through. */
export function instrumentStore<S extends EventStore>(store: S): S {
  const labels = { store: store.kind };
  return new Proxy(store, {
    get(target, property) {
      if (property === "append") {
        return async (...args: Parameters<EventStore["append"]>) => {
          const stop = appendSeconds.startTimer(labels);
          try {
            return await target.append(...args);
          } finally {
            stop();
          }
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
