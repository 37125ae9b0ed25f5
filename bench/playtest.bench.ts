import { performance } from "node:perf_hooks";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../server/config.ts";
import { ScenarioSpec } from "../shared/scenario/schema.ts";
import { playExercise } from "../shared/playtest/play-exercise.ts";
import { initialState } from "../shared/engine/initial-state.ts";
import { foldEvents } from "../shared/engine/evolve.ts";
import { PERSONAS, type Persona } from "../shared/bots/personas.ts";
import { percentile, result, type BenchResult } from "./stats.ts";

/**
 * Ten-turn Northern Flank exercises played headless, every playable nation a bot and Varkhan by
 * its playbook, as `concord playtest` plays them (#18.4: at least 100 a minute on this machine).
 * Baseline, measured in the same run: folding each exercise's own log (what a replay costs), so
 * the ratio says how much the bots' planning and the rules add to merely applying the events.
 */
export async function runPlaytestBench({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const scenario = ScenarioSpec.parse(JSON.parse(readFileSync(join(ROOT, "scenarios", "01-northern-flank.json"), "utf8")));
  const personas: Record<string, Persona> = Object.fromEntries(scenario.nations.filter((n) => n.playable).map((n) => [n.id, PERSONAS.cooperative]));
  const runs = quick ? 20 : 60;
  for (let seed = 1000; seed < 1003; seed++) playExercise({ scenario, seed, personas, turns: 10 }); // warm-up
  const play: number[] = [];
  const fold: number[] = [];
  let events = 0;
  const started = performance.now();
  for (let seed = 1; seed <= runs; seed++) {
    let t = performance.now();
    const run = playExercise({ scenario, seed, personas, turns: 10, keepLog: true });
    play.push(performance.now() - t);
    events += run.events.length;
    t = performance.now();
    foldEvents(initialState(scenario, run.state.exerciseId, seed), run.events);
    fold.push(performance.now() - t);
  }
  const total = performance.now() - started - fold.reduce((a, b) => a + b, 0);
  const perMinute = (runs / total) * 60_000;
  const p50 = percentile(play, 50);
  return [
    result(
      "playtest.northern_flank_10_turn_exercises_per_minute",
      perMinute,
      null,
      "/min",
      ">= 100",
      "value",
      `${runs} exercises (seeds 1–${runs}), every nation played: bots and Varkhan's playbook; p50 ${p50.toFixed(0)} ms, p99 ${percentile(play, 99).toFixed(0)} ms per exercise; ${Math.round(events / runs)} events each`,
    ),
    result(
      "playtest.exercise_vs_folding_its_log_p50",
      p50,
      percentile(fold, 50),
      "ms",
      "<= 100",
      "ratio",
      `baseline: folding the same exercise's log (p50 ${percentile(fold, 50).toFixed(1)} ms, p99 ${percentile(fold, 99).toFixed(1)} ms)`,
    ),
  ];
}
