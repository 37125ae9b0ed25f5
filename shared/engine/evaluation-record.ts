import type { EvaluationRecord, ExerciseState } from "../state/schema.ts";
import type { ExerciseEvent } from "../protocol/events.ts";
import { namesPrototypeMember } from "../protocol/ids.ts";

type EvaluationEvent = Extract<ExerciseEvent, { type: "observationRecorded" | "capabilityRated" | "consensusRatingSet" | "feedbackSubmitted" }>;

const EMPTY: EvaluationRecord = { observations: {}, ratings: {}, consensus: {}, feedback: {} };

/** Folds the evaluation events into `state.evaluation` (created by the first of them). */
export function evolveEvaluation(state: ExerciseState, event: EvaluationEvent): ExerciseState {
  const record = state.evaluation ?? EMPTY;
  const id = (s: string) => /^[a-z]+(\d+)$/.exec(s);
  switch (event.type) {
    case "observationRecorded": {
      const n = id(event.observation.id);
      return {
        ...state,
        nextId: n ? Math.max(state.nextId, Number(n[1]) + 1) : state.nextId,
        evaluation: { ...record, observations: { ...record.observations, [event.observation.id]: event.observation } },
      };
    }
    case "capabilityRated":
      if (namesPrototypeMember(event.capability) || namesPrototypeMember(event.rating.by)) return state;
      return {
        ...state,
        evaluation: {
          ...record,
          ratings: {
            ...record.ratings,
            [event.capability]: {
              ...(Object.hasOwn(record.ratings, event.capability) ? record.ratings[event.capability] : {}),
              [event.rating.by]: event.rating,
            },
          },
        },
      };
    case "consensusRatingSet":
      if (namesPrototypeMember(event.capability)) return state;
      return { ...state, evaluation: { ...record, consensus: { ...record.consensus, [event.capability]: event.rating } } };
    case "feedbackSubmitted":
      if (namesPrototypeMember(event.seat)) return state;
      return { ...state, evaluation: { ...record, feedback: { ...record.feedback, [event.seat]: event.answer } } };
  }
}
