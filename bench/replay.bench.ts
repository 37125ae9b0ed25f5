import { performance } from "node:perf_hooks";
import { foldEvents, evolve } from "../shared/engine/evolve.ts";
import { ReplayTimeline } from "../shared/replay/timeline.ts";
import { nextRandom } from "../shared/engine/prng.ts";
import { makeLog } from "./make-log.ts";
import { percentile, result, type BenchResult } from "./stats.ts";

/** Folding a 10,000-event log, and seeking with snapshots against folding from the start. */
export async function runReplayBench({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const { initial, events } = makeLog(10_000);
  const runs = quick ? 8 : 20;
  for (let i = 0; i < 3; i++) foldEvents(initial, events); // warm-up
  const fold: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    foldEvents(initial, events);
    fold.push(performance.now() - t);
  }
  // Baseline: the naive approach of deep-cloning the state for every event.
  const cloneEvents = events.slice(0, quick ? 500 : 1000);
  const clone: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    let s = initial;
    for (const e of cloneEvents) s = evolve(structuredClone(s), e);
    clone.push(((performance.now() - t) * events.length) / cloneEvents.length);
  }
  const timeline = new ReplayTimeline(initial, events, 100);
  // Warmed up as the fold is: measured cold, the quick run's 50 seeks read twice their warm p50
  // (0.038 vs 0.019 ms), which is V8 compiling the seek's path, not the seek.
  for (let i = 0; i < 100; i++) timeline.stateAt(1 + ((i * 7919) % events.length));
  let rng = 1234;
  const seeks: number[] = [];
  const fromZero: number[] = [];
  // The same counts in the quick run: 200 seeks and 30 folds from zero take ~40 ms, and 50 and 10
  // left the ratio to which ten positions the generator picked.
  for (let i = 0; i < 200; i++) {
    const [r, next] = nextRandom(rng);
    rng = next;
    const seq = 1 + Math.floor(r * events.length);
    let t = performance.now();
    timeline.stateAt(seq);
    seeks.push(performance.now() - t);
    if (i < 30) {
      t = performance.now();
      foldEvents(initial, events.slice(0, seq));
      fromZero.push(performance.now() - t);
    }
  }
  const foldP50 = percentile(fold, 50);
  return [
    result(
      "replay.fold_10k_events_p50",
      foldP50,
      null,
      "ms",
      "<= 100",
      "value",
      `p99 ${percentile(fold, 99).toFixed(1)} ms over ${runs} runs; ${events.length} events`,
    ),
    result(
      "replay.fold_vs_deep_clone_per_event",
      foldP50,
      percentile(clone, 50),
      "ms",
      "<= 0.1",
      "ratio",
      "baseline: structuredClone of the state before every event (extrapolated from a prefix)",
    ),
    result(
      "replay.seek_with_snapshots_p50",
      percentile(seeks, 50),
      percentile(fromZero, 50),
      "ms",
      "<= 0.05",
      "ratio",
      `snapshots every 100 events; p99 ${percentile(seeks, 99).toFixed(2)} ms; baseline folds from event 0 (p50)`,
    ),
  ];
}
