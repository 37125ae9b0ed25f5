import { performance, createHistogram, monitorEventLoopDelay, type RecordableHistogram } from "node:perf_hooks";
import { closeSync, openSync, writeSync } from "node:fs";
import { commandTimer, instrumentStore } from "../server/metrics.ts";
import { EventLoopMonitor } from "../server/http/event-loop.ts";
import { jsonLogger } from "../server/log.ts";
import { MemoryStore } from "../server/store/memory-store.ts";
import type { ExerciseEvent } from "../shared/protocol/events.ts";
import type { ScenarioSpec } from "../shared/scenario/schema.ts";
import { percentile, result, type BenchResult } from "./stats.ts";

/**
 * What observing the server costs it (docs/PERFORMANCE.md, "Operators' instruments"), in this
 * process, each against the same work without the instrument:
 * - a command's metrics (commandTimer + the timed store append) against the bare append;
 * - a log line through pino (redaction included) against the logger it replaced (JSON.stringify);
 * - the event-loop sampler's CPU while idle against the monitorEventLoopDelay it replaced;
 * - a /health reading of the widest window (merging 60 one-second histograms).
 */
export async function runOpsBench({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const samples = quick ? 15 : 40;
  const batch = 2000;

  // 1. Per command: the instruments around a store append.
  const bare = new MemoryStore();
  const timed = instrumentStore(new MemoryStore());
  for (const store of [bare, timed])
    await store.createExercise({
      id: "ex",
      title: "bench",
      scenario: {} as ScenarioSpec,
      seed: 1,
      createdAt: 0,
      facilitatorTokenHash: "",
      joinCodes: {},
      observerCode: "OBS",
    });
  const seqs = { bare: 0, timed: 0 };
  const event = (seq: number) => ({ type: "chatPosted", seq, at: 0 }) as unknown as ExerciseEvent;
  const perCall = async (work: () => Promise<void>) => {
    const t = performance.now();
    for (let i = 0; i < batch; i++) await work();
    return ((performance.now() - t) * 1000) / batch;
  };
  const bareRuns: number[] = [];
  const timedRuns: number[] = [];
  for (let i = 0; i < samples + 3; i++) {
    // Interleaved, so a neighbour's burst on the shared machine hits both alike; 3 warm-ups.
    const b = await perCall(() => bare.append("ex", [event(++seqs.bare)]));
    const m = await perCall(async () => {
      const done = commandTimer("sendMessage");
      await timed.append("ex", [event(++seqs.timed)]);
      done({ seq: seqs.timed });
    });
    if (i >= 3) bareRuns.push(b), timedRuns.push(m);
  }

  // 2. A "command accepted" line to a file (/dev/null): pino, redaction included, against the
  // logger it replaced (JSON.stringify and a synchronous write, as process.stdout.write on a pipe).
  const devNull = openSync("/dev/null", "w");
  const pino = jsonLogger(undefined, "info", { fd: devNull });
  const old = (message: string, fields: Record<string, unknown>) =>
    writeSync(devNull, JSON.stringify({ time: new Date().toISOString(), level: "info", message, ...fields }) + "\n");
  const fields = { exerciseId: "ex-0123456789ab", command: "sendMessage", actor: "participant", events: 1, seq: 1234 };
  const lineRuns = { pino: [] as number[], old: [] as number[] };
  for (let i = 0; i < samples + 3; i++) {
    let t = performance.now();
    for (let j = 0; j < batch; j++) pino.info("command accepted", fields);
    const p = ((performance.now() - t) * 1000) / batch;
    t = performance.now();
    for (let j = 0; j < batch; j++) old("command accepted", fields);
    const o = ((performance.now() - t) * 1000) / batch;
    if (i >= 3) lineRuns.pino.push(p), lineRuns.old.push(o);
  }
  closeSync(devNull);

  // 3. The sampler's CPU on an idle process, against the monitorEventLoopDelay (5 ms) it
  // replaced, alternating seconds.
  const seconds = quick ? 3 : 6;
  const cpuOver = async (ms: number) => {
    const before = process.cpuUsage();
    await new Promise((r) => setTimeout(r, ms));
    const used = process.cpuUsage(before);
    return ((used.user + used.system) * 1000) / ms; // µs of CPU per second
  };
  const withSampler: number[] = [];
  const withEld: number[] = [];
  const idle: number[] = [];
  for (let i = 0; i < seconds; i++) {
    idle.push(await cpuOver(1000));
    const monitor = new EventLoopMonitor().start();
    withSampler.push(await cpuOver(1000));
    monitor.stop();
    const eld = monitorEventLoopDelay({ resolution: 5 });
    eld.enable();
    withEld.push(await cpuOver(1000));
    eld.disable();
  }

  // 4. Reading the widest window.
  // A minute of history as a server has it (100 samples in each second), without waiting a minute.
  const reader = new EventLoopMonitor();
  const past = (reader as unknown as { past: RecordableHistogram[] }).past;
  for (let s = 0; s < 60; s++) {
    const second = createHistogram({ lowest: 1_000, highest: 60e9, figures: 2 });
    for (let i = 0; i < 100; i++) second.record(1 + Math.round(Math.random() * 2e6));
    past.push(second);
  }
  const reads: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    reader.read(60);
    reads.push((performance.now() - t) * 1000);
  }

  const p50 = (xs: number[]) => percentile(xs, 50);
  const extra = p50(timedRuns) - p50(bareRuns);
  return [
    result(
      "ops.command_metrics_us",
      extra,
      p50(bareRuns),
      "µs",
      "<= 10",
      "value",
      `what commandTimer and the timed append add to a command (p50 ${p50(timedRuns).toFixed(2)} against the bare in-memory append's ${p50(bareRuns).toFixed(2)} µs; p99 ${percentile(timedRuns, 99).toFixed(2)} vs ${percentile(bareRuns, 99).toFixed(2)}); a command's round trip is ~150 µs`,
    ),
    result(
      "ops.log_line_pino_vs_old_p50",
      p50(lineRuns.pino),
      p50(lineRuns.old),
      "µs",
      "<= 3",
      "ratio",
      `one "command accepted" line to /dev/null, redaction on; p99 ${percentile(lineRuns.pino, 99).toFixed(2)} vs ${percentile(lineRuns.old, 99).toFixed(2)} µs`,
    ),
    result(
      "ops.event_loop_sampler_cpu_vs_eld",
      p50(withSampler),
      p50(withEld),
      "µs/s",
      "<= 2.5",
      "ratio",
      `CPU a second of an idle process with the 10 ms sampler against monitorEventLoopDelay at 5 ms (the /health monitor it replaced); idle ${p50(idle).toFixed(0)} µs/s; median of ${seconds} alternating seconds`,
    ),
    result(
      "ops.health_read_60s_p50",
      p50(reads),
      null,
      "µs",
      "<= 1000",
      "value",
      `a /health?window=60 reading, merging 60 one-second histograms; p99 ${percentile(reads, 99).toFixed(1)} µs`,
    ),
  ];
}
