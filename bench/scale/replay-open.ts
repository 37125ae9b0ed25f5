import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { benchArgs, wholeNumberArg } from "../args.ts";
import { startConcord } from "../processes.ts";
import { percentile, slowest } from "../stats.ts";
import { storeLongLog } from "./length.bench.ts";
import { clientDir, replayLongLog } from "./replay-long.ts";

/**
 * Only the replay viewer's part of the length bench (length.bench.ts), for working on it: the
 * long log stored as that bench stores it, a server on it, and the replay opened `--opens`
 * times in a fresh Chromium (each: "Open replay" → the map drawn), then `--seeks` scrubber jumps (40).
 * First, the log's download alone, three times (the request the viewer makes, from Node: the
 * server's part of the opening). `node bench/scale/replay-open.ts --events 100000 --opens 3`;
 * `--client <dir>` serves another build of the client (an older one, to compare); `--type-delay <ms>`
 * types the observer code a key at a time (a person typing; the default fills it at once); with
 * `CONCORD_BENCH_PAGE_PROFILE=<folder>`, the page's CPU profiles of each opening and its seeks.
 */
const USAGE = "node bench/scale/replay-open.ts [--events N] [--opens N] [--seeks N] [--client DIR] [--type-delay MS]";
const { values } = benchArgs("replay-open", USAGE, {
  events: { type: "string" },
  opens: { type: "string" },
  seeks: { type: "string" },
  client: { type: "string" },
  "type-delay": { type: "string" },
});
const events = wholeNumberArg("replay-open", "--events", values.events, 100_000, 2_000, 200_000);
const opens = wholeNumberArg("replay-open", "--opens", values.opens, 3, 1, 20);
const seeks = wholeNumberArg("replay-open", "--seeks", values.seeks, 40, 1, 1_000);
const typeDelay = wholeNumberArg("replay-open", "--type-delay", values["type-delay"], 0, 0, 1_000);
const PORT = 2665;

const dir = mkdtempSync(join(tmpdir(), "concord-replay-open-"));
let child: ChildProcess | null = null;
try {
  const { regions } = await storeLongLog(dir, events);
  child = await startConcord(PORT, { CONCORD_STORE: "sqlite", DATA_DIR: dir, CLIENT_DIR: values.client ?? clientDir(), CONCORD_LOG_LEVEL: "warn" });
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const response = await fetch(`http://127.0.0.1:${PORT}/api/exercises/ex-long/events`, { headers: { authorization: "Bearer OBSERVE1" } });
    const bytes = (await response.arrayBuffer()).byteLength;
    process.stdout.write(
      `${events} events, the log downloaded alone: ${Math.round(performance.now() - t)} ms, ${(bytes / 1e6).toFixed(1)} MB (${response.status})\n`,
    );
  }
  const times: number[] = [];
  for (let i = 0; i < opens; i++) {
    const figures = await replayLongLog(`http://127.0.0.1:${PORT}`, "ex-long", "OBSERVE1", regions, seeks, typeDelay);
    times.push(figures.openMs);
    process.stdout.write(
      `${events} events, open ${i + 1}: ${figures.openMs} ms; seeks p50 ${percentile(figures.seeks, 50).toFixed(1)} ms, p99 ${percentile(figures.seeks, 99).toFixed(1)} ms (slowest ${slowest(figures.seeks)})\n`,
    );
  }
  process.stdout.write(`open: min ${Math.min(...times)} ms, median ${percentile(times, 50)} ms, max ${Math.max(...times)} ms\n`);
} finally {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
}
