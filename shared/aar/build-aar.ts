import type { ExerciseState } from "../state/schema.ts";
import type { ExerciseEvent } from "../protocol/events.ts";
import { evolve } from "../engine/evolve.ts";
import { metricsSnapshot, type MetricsSnapshot } from "../engine/metrics.ts";
import { feedItemFor } from "../view/feed.ts";
import { reviewInjects, type InjectReview } from "./inject-evaluation.ts";

import type { ImprovementItem } from "../state/schema.ts";
export type { ImprovementItem };

export type AfterActionReport = {
  exercise: {
    id: string;
    title: string;
    scenarioId: string;
    scenarioTitle: string;
    summary: string;
    learningObjectives: string[];
    turnsPlayed: number;
    turns: number;
    phase: string;
    startedAt: number | null;
    endedAt: number | null;
    events: number;
  };
  nations: { id: string; name: string; playable: boolean; alliance: boolean; color: string }[];
  objectives: { id: string; title: string; nation: string | null; met: boolean; metTurn: number | null }[];
  timeline: { seq: number; turn: number; at: number; kind: string; text: string }[];
  injects: InjectReview[];
  metrics: MetricsSnapshot[];
  notes: { author: string; text: string; turn: number; inject: string | null; objective: string | null }[];
  adjudications: { seq: number; turn: number; by: string; rationale: string }[];
  improvementPlan: ImprovementItem[];
};

/**
 * The after-action report is a fold of the log like everything else: the same input always
 * gives the same report, and nothing in it can disagree with the replay.
 */
export function buildAfterActionReport(initial: ExerciseState, events: readonly ExerciseEvent[], title: string): AfterActionReport {
  let state = initial;
  const metrics: MetricsSnapshot[] = [metricsSnapshot(state)];
  const timeline: AfterActionReport["timeline"] = [];
  const adjudications: AfterActionReport["adjudications"] = [];
  let startedAt: number | null = null;
  let endedAt: number | null = null;
  const white = { kind: "white" } as const;
  for (const event of events) {
    state = evolve(state, event);
    if (event.type === "exerciseStarted") startedAt = event.at;
    if (event.type === "exerciseEnded") endedAt = event.at;
    if (event.type === "turnStarted" && event.turn > 1) metrics.push(metricsSnapshot(state));
    if (event.type === "stateAdjusted") adjudications.push({ seq: event.seq, turn: state.turn, by: event.by, rationale: event.rationale });
    const item = feedItemFor(event, state, white);
    if (item && item.kind !== "order") timeline.push({ seq: item.seq, turn: item.turn, at: event.at, kind: item.kind, text: item.text });
  }
  const last = metrics[metrics.length - 1]!;
  if (last.seq !== state.seq) metrics.push(metricsSnapshot(state));
  const scenario = state.scenario;
  return {
    exercise: {
      id: state.exerciseId,
      title,
      scenarioId: scenario.id,
      scenarioTitle: scenario.title,
      summary: scenario.summary,
      learningObjectives: scenario.learningObjectives,
      turnsPlayed: state.turn,
      turns: scenario.turns,
      phase: state.phase,
      startedAt,
      endedAt,
      events: events.length,
    },
    nations: Object.values(state.nations).map((n) => ({ id: n.id, name: n.name, playable: n.playable, alliance: n.alliance, color: n.color })),
    objectives: scenario.objectives.map((o) => ({ id: o.id, title: o.title, nation: o.nation ?? null, met: state.objectives[o.id]?.met ?? false, metTurn: state.objectives[o.id]?.metTurn ?? null })),
    timeline,
    injects: reviewInjects(state, events),
    metrics,
    notes: Object.values(state.notes).map((n) => ({ author: n.author, text: n.text, turn: n.turn, inject: n.inject, objective: n.objective })),
    adjudications,
    improvementPlan: improvementsOf(state),
  };
}

function improvementsOf(state: ExerciseState): ImprovementItem[] {
  return Object.values(state.improvements).sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
}
