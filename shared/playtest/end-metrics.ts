import type { ExerciseState } from "../state/schema.ts";
import { metricsSnapshot } from "../engine/metrics.ts";
import { round1 } from "../engine/numbers.ts";

/** The end-of-exercise figures a playtest compares, by name (the JSON's `metrics`). */
export const HEADLINE_METRICS = ["cohesion", "meanStability", "crisesResolved", "crisesOpen", "objectivesMet", "budgetLeft", "tension"] as const;
export type HeadlineMetric = (typeof HEADLINE_METRICS)[number];

/**
 * What an exercise ended with: alliance cohesion, mean stability and each region's, crises
 * resolved (regions that had one at some point and have none now) and still open, objectives
 * met, the playable nations' budget left, and the adversary's tension where the rules keep one.
 */
export function endMetrics(state: ExerciseState, everInCrisis: ReadonlySet<string> = new Set()): Record<string, number> {
  const snapshot = metricsSnapshot(state);
  const open = Object.values(state.regions).filter((r) => r.crisis).length;
  const resolved = [...everInCrisis].filter((id) => state.regions[id] && !state.regions[id]!.crisis).length;
  const budgetLeft = round1(
    Object.values(state.nations)
      .filter((n) => n.playable)
      .reduce((sum, n) => sum + n.budget, 0),
  );
  const metrics: Record<string, number> = {
    cohesion: snapshot.cohesion,
    meanStability: snapshot.meanStability,
    crisesResolved: resolved,
    crisesOpen: open,
    objectivesMet: snapshot.objectivesMet,
    budgetLeft,
  };
  const tension = (state as { tension?: unknown }).tension;
  if (typeof tension === "number") metrics.tension = tension;
  for (const id of Object.keys(state.regions).sort()) metrics[`stability.${id}`] = state.regions[id]!.stability;
  return metrics;
}
