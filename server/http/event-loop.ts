import { monitorEventLoopDelay } from "node:perf_hooks";

let histogram: ReturnType<typeof monitorEventLoopDelay> | null = null;
const RESOLUTION_MS = 5;

/**
 * Event-loop delay of this process since the previous reading, for /health: the number that
 * says a process is overloaded before commands start timing out (and what the capacity
 * benchmark ramps against).
 */
export function readEventLoopDelay(): { p50Ms: number; p99Ms: number; maxMs: number } {
  if (!histogram) {
    histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    histogram.enable();
  }
  // The histogram records the whole interval between samples; the delay is what exceeds it.
  const delay = (ns: number) => round(Math.max(0, ns / 1e6 - RESOLUTION_MS));
  const reading = { p50Ms: delay(histogram.percentile(50)), p99Ms: delay(histogram.percentile(99)), maxMs: delay(histogram.max) };
  histogram.reset();
  return reading;
}

function round(ms: number): number {
  return Number.isFinite(ms) ? Math.round(ms * 100) / 100 : 0;
}

readEventLoopDelay();
