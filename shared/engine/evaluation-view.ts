import type { CapabilityRating, ExerciseState, Observation } from "../state/schema.ts";
import type { Scope } from "./view-for.ts";
import type { EegObjective } from "../scenario/eeg.ts";

/** One capability's ratings as the console shows them: each evaluator's, by name, and the consensus. */
export type CapabilityRatingsView = { ratings: Record<string, CapabilityRating>; consensus: CapabilityRating | null };

const NONE: Record<string, never> = Object.freeze({}) as Record<string, never>;
const byCapability = new WeakMap<object, Record<string, CapabilityRatingsView>>();

/**
 * What the evaluation record shows each viewer (engine/evaluation.ts writes it). The white cell
 * (exercise control, evaluators, observers) reads observations and ratings; nobody reads a
 * participant's feedback, which the AAR summarises anonymously. Every seat learns only *which*
 * seats have answered the feedback form, so a participant's form can say it was answered.
 */
export const evaluationParts = {
  /** The scenario's evaluation guide (EEG), by objective: the white cell's, like the MSEL. */
  evaluationGuide(state: ExerciseState, { all }: Scope): Record<string, EegObjective> {
    const guide = state.scenario.evaluation;
    if (!all || !guide) return NONE;
    let out = guides.get(guide);
    if (!out) {
      out = Object.fromEntries(guide.objectives.map((o) => [o.id, o]));
      guides.set(guide, out);
    }
    return out;
  },
  observations: (state: ExerciseState, { all }: Scope): Record<string, Observation> => (all ? (state.evaluation?.observations ?? NONE) : NONE),
  capabilityRatings(state: ExerciseState, { all }: Scope): Record<string, CapabilityRatingsView> {
    const record = state.evaluation;
    if (!all || !record) return NONE;
    let out = byCapability.get(record);
    if (!out) {
      out = {};
      for (const capability of new Set([...Object.keys(record.ratings), ...Object.keys(record.consensus)]))
        out[capability] = { ratings: record.ratings[capability] ?? {}, consensus: record.consensus[capability] ?? null };
      byCapability.set(record, out);
    }
    return out;
  },
  /**
   * What the feedback form asks to rate: the EEG's objectives (titles only), or the learning
   * objectives ("learning-<n>", translated on the client). Every seat gets them once the exercise
   * has ended, when the form opens; before, objective texts stay the white cell's.
   */
  feedbackObjectives(state: ExerciseState): Record<string, FeedbackObjective> {
    if (state.phase !== "ended") return NONE;
    let out = feedbackLists.get(state.scenario);
    if (!out) {
      const guide = state.scenario.evaluation;
      const list: FeedbackObjective[] = guide
        ? guide.objectives.map((o, order) => ({ id: o.id, title: o.title, order, ...(o.i18n ? { i18n: o.i18n as FeedbackObjective["i18n"] } : {}) }))
        : state.scenario.learningObjectives.map((title, order) => ({ id: `learning-${order}`, title, order }));
      out = Object.fromEntries(list.map((o) => [o.id, o]));
      feedbackLists.set(state.scenario, out);
    }
    return out;
  },
  /** Seat id → when it answered; no answer's content. */
  feedbackAnswered(state: ExerciseState): Record<string, { at: number }> {
    const feedback = state.evaluation?.feedback;
    if (!feedback) return NONE;
    let out = answered.get(feedback);
    if (!out) {
      out = Object.fromEntries(Object.entries(feedback).map(([seat, a]) => [seat, { at: a.at }]));
      answered.set(feedback, out);
    }
    return out;
  },
};
const guides = new WeakMap<object, Record<string, EegObjective>>();
const answered = new WeakMap<object, Record<string, { at: number }>>();

/** An objective the participant feedback form asks to rate (1–5), in the form's order. */
export type FeedbackObjective = { id: string; title: string; order: number; i18n?: Partial<Record<string, { title?: string }>> };
const feedbackLists = new WeakMap<object, Record<string, FeedbackObjective>>();

export const evaluationPartInputs = {
  evaluationGuide: (s: ExerciseState) => [s.scenario],
  observations: (s: ExerciseState) => [s.evaluation?.observations],
  capabilityRatings: (s: ExerciseState) => [s.evaluation?.ratings, s.evaluation?.consensus],
  feedbackAnswered: (s: ExerciseState) => [s.evaluation?.feedback],
  feedbackObjectives: (s: ExerciseState) => [s.phase, s.scenario],
};
