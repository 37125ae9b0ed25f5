import type { ScenarioSpec } from "../scenario/schema.ts";
import { PERSONAS, PERSONA_IDS, type Persona, type PersonaId } from "../bots/personas.ts";
import { playExercise, type PlayedExercise } from "./play-exercise.ts";
import { HEADLINE_METRICS } from "./end-metrics.ts";
import { LEVERS } from "./levers.ts";
import { round1 } from "../engine/numbers.ts";

export type Mix = Record<string, PersonaId>;
export type RunSummary = Pick<PlayedExercise, "seed" | "phase" | "actions" | "metrics" | "stateHash"> & { mix: string };
export type PersonaSummary = { mix: string; metrics: Record<string, { mean: number; sd: number }> };
export type SensitivityRow = { lever: string; setting: string; metric: string; delta: number };
export type PlaytestReport = {
  scenario: string;
  seeds: number[];
  turns: number;
  runs: RunSummary[];
  personas: PersonaSummary[];
  sensitivity: SensitivityRow[];
};

export type SweepOptions = {
  scenario: ScenarioSpec;
  seeds: number[];
  turns?: number;
  /** Personas named for some nations (the rest play the baseline, "cooperative"). */
  mix?: Mix;
  /** Called after each exercise played, for a progress bar. */
  progress?: (done: number, total: number) => void;
  /** Each persona-mix run's log, to write out. */
  onLog?: (run: PlayedExercise, mix: string) => void;
};

/** "cooperative" when every nation plays it, else "nordvik=hawk, sarnia=cautious …". */
export function mixLabel(mix: Mix): string {
  const values = [...new Set(Object.values(mix))];
  return values.length === 1
    ? values[0]!
    : Object.entries(mix)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([n, p]) => `${n}=${p}`)
        .join(", ");
}

/**
 * The playtest: every uniform persona mix (and the author's own mix) over the seeds, then the
 * baseline mix with each lever forced, the difference it makes to each headline metric averaged
 * over the same seeds. Pure and deterministic: the same inputs give the same report.
 */
export function sweep(options: SweepOptions): PlaytestReport {
  const { scenario, seeds } = options;
  const playable = scenario.nations
    .filter((n) => n.playable)
    .map((n) => n.id)
    .sort();
  const baseline: Mix = Object.fromEntries(playable.map((n) => [n, options.mix?.[n] ?? "cooperative"]));
  const mixes: Mix[] = PERSONA_IDS.map((p) => Object.fromEntries(playable.map((n) => [n, p])));
  if (!mixes.some((m) => mixLabel(m) === mixLabel(baseline))) mixes.push(baseline);
  const total = seeds.length * (mixes.length + LEVERS.length);
  let done = 0;
  const play = (personas: Record<string, Persona>, seed: number, keepLog: boolean, label = "lever") => {
    // Each mix's run has an id of its own, so its log can be imported beside the others (import-log).
    const exerciseId = `playtest-${scenario.id}-${label.replace(/[^a-z0-9]+/gi, "-").slice(0, 40)}-${seed}`;
    const run = playExercise({ scenario, seed, turns: options.turns, personas, keepLog, exerciseId });
    options.progress?.(++done, total);
    return run;
  };
  const runs: RunSummary[] = [];
  const personas: PersonaSummary[] = [];
  const baselineMeans: Record<string, number> = {};
  for (const mix of mixes) {
    const label = mixLabel(mix);
    const played = seeds.map((seed) => {
      const run = play(resolve(mix), seed, Boolean(options.onLog), label);
      options.onLog?.(run, label);
      return run;
    });
    for (const run of played) runs.push({ seed: run.seed, mix: label, phase: run.phase, actions: run.actions, metrics: run.metrics, stateHash: run.stateHash });
    const summary = summarise(played.map((r) => r.metrics));
    personas.push({ mix: label, metrics: summary });
    if (label === mixLabel(baseline)) for (const [metric, { mean }] of Object.entries(summary)) baselineMeans[metric] = mean;
  }
  const sensitivity: SensitivityRow[] = [];
  for (const lever of LEVERS) {
    const forced = Object.fromEntries(Object.entries(resolve(baseline)).map(([n, p]) => [n, lever.apply(p)]));
    const summary = summarise(seeds.map((seed) => play(forced, seed, false).metrics));
    for (const metric of HEADLINE_METRICS) {
      if (summary[metric] === undefined || baselineMeans[metric] === undefined) continue;
      sensitivity.push({ lever: lever.lever, setting: lever.setting, metric, delta: round1(summary[metric]!.mean - baselineMeans[metric]!) });
    }
  }
  return { scenario: scenario.id, seeds, turns: Math.min(options.turns ?? scenario.turns, scenario.turns), runs, personas, sensitivity };
}

function resolve(mix: Mix): Record<string, Persona> {
  return Object.fromEntries(Object.entries(mix).map(([n, p]) => [n, PERSONAS[p]]));
}

/** Mean and (population) standard deviation of each metric over runs. */
function summarise(metrics: Record<string, number>[]): Record<string, { mean: number; sd: number }> {
  const out: Record<string, { mean: number; sd: number }> = {};
  for (const name of Object.keys(metrics[0] ?? {})) {
    const values = metrics.map((m) => m[name] ?? 0);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    out[name] = { mean: round1(mean), sd: round1(sd) };
  }
  return out;
}
