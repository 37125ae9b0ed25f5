import { monitorEventLoopDelay } from "node:perf_hooks";

let histogram: ReturnType<typeof monitorEventLoopDelay> | null = null;

/**
 * Event-loop delay of this process since the previous reading, for /health: the number that
 * says a process is overloaded before commands start timing out (and what the capacity
 * benchmark ramps against).
 */
export function readEventLoopDelay(): { p50Ms: number; p99Ms: number; maxMs: number } {
  if (!histogram) {
    histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
  }
  const reading = { p50Ms: round(histogram.percentile(50) / 1e6), p99Ms: round(histogram.percentile(99) / 1e6), maxMs: round(histogram.max / 1e6) };
  histogram.reset();
  return reading;
}

function round(ms: number): number {
  return Number.isFinite(ms) ? Math.round(ms * 100) / 100 : 0;
}

readEventLoopDelay();
