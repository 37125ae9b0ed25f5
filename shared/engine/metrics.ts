import type { ExerciseState } from "../state/schema.ts";
import { relationKey } from "../state/schema.ts";
import { round1 } from "./numbers.ts";

/** Alliance cohesion: the mean of (trust + interoperability) / 2 over every pair of alliance members. */
export function cohesion(state: ExerciseState): number {
  const members = Object.values(state.nations)
    .filter((n) => n.alliance)
    .map((n) => n.id)
    .sort();
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const relation = state.relations[relationKey(members[i]!, members[j]!)];
      if (!relation) continue;
      sum += (relation.trust + relation.interoperability) / 2;
      pairs++;
    }
  }
  return pairs === 0 ? 0 : round1(sum / pairs);
}

export type MetricsSnapshot = {
  seq: number;
  turn: number;
  cohesion: number;
  trust: Record<string, number>;
  interoperability: Record<string, number>;
  stability: Record<string, number>;
  meanStability: number;
  crisisSeverity: Record<string, number>;
  readiness: Record<string, number>;
  budget: Record<string, number>;
  politicalCapital: Record<string, number>;
  objectivesMet: number;
  /** How alarmed the adversary is (0–100). */
  tension: number;
};

/** Everything a trainer charts over time, read off one state. */
export function metricsSnapshot(state: ExerciseState): MetricsSnapshot {
  const trust: Record<string, number> = {};
  const interoperability: Record<string, number> = {};
  for (const [key, relation] of Object.entries(state.relations)) {
    trust[key] = relation.trust;
    interoperability[key] = relation.interoperability;
  }
  const stability: Record<string, number> = {};
  const crisisSeverity: Record<string, number> = {};
  let total = 0;
  for (const region of Object.values(state.regions)) {
    stability[region.id] = region.stability;
    crisisSeverity[region.id] = region.crisis?.severity ?? 0;
    total += region.stability;
  }
  const readiness: Record<string, number> = {};
  const budget: Record<string, number> = {};
  const politicalCapital: Record<string, number> = {};
  for (const nation of Object.values(state.nations)) {
    readiness[nation.id] = nation.readiness;
    budget[nation.id] = nation.budget;
    politicalCapital[nation.id] = nation.politicalCapital;
  }
  const regionCount = Object.keys(state.regions).length;
  return {
    seq: state.seq,
    turn: state.turn,
    cohesion: cohesion(state),
    trust,
    interoperability,
    stability,
    meanStability: regionCount === 0 ? 0 : round1(total / regionCount),
    crisisSeverity,
    readiness,
    budget,
    politicalCapital,
    objectivesMet: Object.values(state.objectives).filter((o) => o.met).length,
    tension: state.tension,
  };
}
