import { createHistogram, type RecordableHistogram } from "node:perf_hooks";

/** A timer every RESOLUTION_MS: how late it fires is the event loop's delay. */
const RESOLUTION_MS = 10;
/**
 * 1 µs to 60 s at two significant figures: a reading of the widest window merges 60 of these
 * in ~0.2 ms (the default range and precision took ~8 ms; bench/ops.bench.ts).
 */
const HISTOGRAM = { lowest: 1_000, highest: 60e9, figures: 2 } as const;
const newHistogram = () => createHistogram(HISTOGRAM);
/** Readings are kept per second for the last minute. */
export const MAX_WINDOW_SECONDS = 60;

export type EventLoopReading = { p50Ms: number; p99Ms: number; maxMs: number; windowSeconds: number; samples: number };

/**
 * Event-loop delay of this process over the last N seconds, for /health and /metrics: the number
 * that says a process is overloaded before commands start timing out (and what the capacity
 * benchmark ramps against).
 *
 * Reading never resets anything: one histogram per second is kept for a minute, and a reading
 * merges the last N of them, so two readers (a load balancer and a benchmark, two Prometheus
 * servers) cannot spoil each other's numbers, as one histogram reset on every read did.
 * Node's monitorEventLoopDelay cannot be merged like that, hence the interval timer of our own:
 * 100 wake-ups a second, about 8 ms of CPU a second on an idle process here, against about 6 ms
 * for the monitorEventLoopDelay at 5 ms it replaces (bench/ops.bench.ts). A busy process pays
 * less: its loop is awake anyway.
 */
export class EventLoopMonitor {
  private current: RecordableHistogram = newHistogram();
  private readonly past: RecordableHistogram[] = [];
  private last = 0;
  private rotateAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly observe: ((seconds: number) => void) | null;

  constructor(observe?: (seconds: number) => void) {
    this.observe = observe ?? null;
  }

  start(): this {
    if (this.timer) return this;
    this.last = performance.now();
    this.rotateAt = this.last + 1000;
    this.timer = setInterval(() => this.tick(), RESOLUTION_MS);
    // Never what keeps a process alive.
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The delay over the last `seconds` (1–60; the second under way included). */
  read(seconds = 10): EventLoopReading {
    const span = Math.min(MAX_WINDOW_SECONDS, Math.max(1, Math.floor(seconds)));
    const merged = newHistogram();
    for (const window of span > 1 ? this.past.slice(-(span - 1)) : []) merged.add(window);
    merged.add(this.current);
    const ms = (ns: number) => (merged.count === 0 || !Number.isFinite(ns) ? 0 : Math.round(ns / 1e4) / 100);
    return { p50Ms: ms(merged.percentile(50)), p99Ms: ms(merged.percentile(99)), maxMs: ms(merged.max), windowSeconds: span, samples: merged.count };
  }

  private tick(): void {
    const now = performance.now();
    // Node reschedules an interval from when its callback ran: lateness is what exceeds the period.
    const delayMs = Math.max(0, now - this.last - RESOLUTION_MS);
    this.last = now;
    this.current.record(Math.max(HISTOGRAM.lowest, Math.round(delayMs * 1e6)));
    this.observe?.(delayMs / 1000);
    if (now >= this.rotateAt) {
      this.past.push(this.current);
      if (this.past.length > MAX_WINDOW_SECONDS) this.past.shift();
      this.current = newHistogram();
      this.rotateAt = now + 1000;
    }
  }
}
