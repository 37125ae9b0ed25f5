import type { ExerciseState, Observation, CapabilityRating } from "../state/schema.ts";
import type { Effect } from "../scenario/effects.ts";
import type { InjectReview } from "./inject-evaluation.ts";
import { relationKey } from "../state/schema.ts";
import { feedbackObjectives } from "../engine/evaluation.ts";
import type { Translations } from "../i18n/text.ts";

/** One value an adjudication changed: what it was and what it became. */
export type AdjustedValue = { kind: Effect["kind"]; target: string; before: number | string | null; after: number | string | null };

/** The value an effect touches, read from a state. */
export function effectValue(state: ExerciseState, e: Effect): { target: string; value: number | string | null } {
  switch (e.kind) {
    case "stability":
      return { target: e.region, value: state.regions[e.region]?.stability ?? null };
    case "crisis":
    case "crisisSeverity":
      return { target: e.region, value: state.regions[e.region]?.crisis?.severity ?? null };
    case "assetStatus":
      return { target: e.asset, value: state.assets[e.asset]?.status ?? null };
    case "assetStrength":
      return { target: e.asset, value: state.assets[e.asset]?.strength ?? null };
    case "trust":
    case "interoperability":
      return { target: `${e.a}|${e.b}`, value: state.relations[relationKey(e.a, e.b)]?.[e.kind] ?? null };
    case "budget":
    case "politicalCapital":
    case "readiness":
      return { target: e.nation, value: state.nations[e.nation]?.[e.kind] ?? null };
    case "tension":
      return { target: "tension", value: state.tension };
    case "grantIntel":
      return { target: e.to.join("|"), value: Object.values(state.reports).filter((r) => e.to.includes(r.owner)).length };
  }
}

export type CapabilityAnalysis = {
  id: string;
  name: string;
  i18n?: Translations;
  tasks: {
    id: string;
    title: string;
    i18n?: Translations;
    results: { inject: string; number: string; nation: string; result: string; responseTurns: number | null }[];
  }[];
  strengths: Observation[];
  improvements: Observation[];
  /** Each evaluator's rating, by name. */
  ratings: CapabilityRating[];
  consensus: CapabilityRating | null;
};
export type ObjectiveAnalysis = { id: string; title: string; i18n?: Translations; learningObjective: number | null; capabilities: CapabilityAnalysis[] };

const i18nOf = (item: object): { i18n?: Translations } => ("i18n" in item && item.i18n ? { i18n: item.i18n as Translations } : {});

/** Analysis per objective and capability (HSEEP AAR chapter 3): tasks' automatic results, observations, ratings. */
export function analysis(state: ExerciseState, injects: readonly InjectReview[]): ObjectiveAnalysis[] {
  const record = state.evaluation;
  const observations = Object.values(record?.observations ?? {}).sort((a, b) => a.at - b.at || a.seq - b.seq);
  return (state.scenario.evaluation?.objectives ?? []).map((o) => ({
    id: o.id,
    title: o.title,
    ...i18nOf(o),
    learningObjective: o.learningObjective ?? null,
    capabilities: o.capabilities.map((c) => {
      const tasks = new Set(c.tasks.map((t) => t.id));
      const mine = observations.filter((x) => x.capability === c.id || (x.task !== null && tasks.has(x.task)));
      return {
        id: c.id,
        name: c.name,
        ...i18nOf(c),
        tasks: c.tasks.map((t) => ({
          id: t.id,
          title: t.title,
          ...i18nOf(t),
          results: injects.flatMap((i) =>
            i.expected
              .filter((e) => e.task === t.id)
              .flatMap((e) =>
                e.byNation.map((n) => ({ inject: i.inject, number: i.number, nation: n.nation, result: n.result, responseTurns: n.responseTurns })),
              ),
          ),
        })),
        strengths: mine.filter((x) => x.kind === "strength"),
        improvements: mine.filter((x) => x.kind === "improvement"),
        ratings: Object.values(record?.ratings[c.id] ?? {}).sort((a, b) => (a.by < b.by ? -1 : 1)),
        consensus: record?.consensus[c.id] ?? null,
      };
    }),
  }));
}

export type FeedbackSummary = {
  responses: number;
  /** Per objective: how many rated it, the mean (1–5), and how many gave each score. */
  ratings: { objective: string; count: number; mean: number | null; counts: [number, number, number, number, number] }[];
  strengths: string[];
  improvements: string[];
  comments: string[];
};

/** Participant feedback, anonymous: no seat, name or nation; texts in the order given. */
export function feedbackSummary(state: ExerciseState): FeedbackSummary {
  const answers = Object.values(state.evaluation?.feedback ?? {}).sort((a, b) => a.at - b.at);
  return {
    responses: answers.length,
    ratings: feedbackObjectives(state).map((objective) => {
      const scores = answers.map((a) => a.ratings[objective]).filter((v): v is number => typeof v === "number");
      const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
      for (const v of scores) counts[v - 1]! += 1;
      return {
        objective,
        count: scores.length,
        mean: scores.length ? Math.round((10 * scores.reduce((x, y) => x + y, 0)) / scores.length) / 10 : null,
        counts,
      };
    }),
    strengths: answers.map((a) => a.strengths).filter(Boolean),
    improvements: answers.map((a) => a.improvements).filter(Boolean),
    comments: answers.map((a) => a.comments).filter(Boolean),
  };
}
