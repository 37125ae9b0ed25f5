import { z } from "zod";

/** What the white cell's observers and the evaluators record in an exercise's state (ExerciseState in schema.ts). */

export const ObserverNote = z.object({
  id: z.string(),
  author: z.string(),
  text: z.string(),
  inject: z.string().nullable(),
  objective: z.string().nullable(),
  turn: z.number(),
  at: z.number(),
});
export type ObserverNote = z.infer<typeof ObserverNote>;

/**
 * One line of the after-action improvement plan (HSEEP IP), written by exercise control or the
 * lead evaluator. `recommendation` is the corrective action. The fields after `by` came with the
 * HSEEP plan and are absent on items recorded before it.
 */
export const ImprovementItem = z.object({
  id: z.string(),
  issue: z.string(),
  recommendation: z.string(),
  /** Responsible nation, or null for the alliance / exercise control. */
  nation: z.string().nullable(),
  due: z.string(),
  by: z.string(),
  /** The EEG capability it improves. */
  capability: z.string().optional(),
  /** Planning, organisation, equipment, training or exercise. */
  element: z.enum(["planning", "organisation", "equipment", "training", "exercise"]).optional(),
  /** The primary responsible organisation and its point of contact. */
  organisation: z.string().optional(),
  contact: z.string().optional(),
  /** ISO dates (yyyy-mm-dd) or empty. */
  start: z.string().optional(),
  completion: z.string().optional(),
  status: z.enum(["open", "in-progress", "complete", "cancelled"]).optional(),
});
export type ImprovementItem = z.infer<typeof ImprovementItem>;

/** An evaluator's time-stamped observation (HSEEP EEG): a strength or an area for improvement. */
export const Observation = z.object({
  id: z.string(),
  kind: z.enum(["strength", "improvement"]),
  text: z.string(),
  task: z.string().nullable(),
  capability: z.string().nullable(),
  inject: z.string().nullable(),
  nation: z.string().nullable(),
  author: z.string(),
  turn: z.number(),
  at: z.number(),
  /** The last event before it was written: the moment in the replay it refers to. */
  seq: z.number(),
});
export type Observation = z.infer<typeof Observation>;

export const CapabilityRating = z.object({ rating: z.enum(["P", "S", "M", "U"]), rationale: z.string(), by: z.string(), turn: z.number(), at: z.number() });
export type CapabilityRating = z.infer<typeof CapabilityRating>;

/** One participant's answers to the HSEEP participant feedback form (anonymous: no name is kept). */
export const FeedbackAnswer = z.object({
  strengths: z.string(),
  improvements: z.string(),
  /** Per objective (EEG objective id, or "learning-<n>"), 1–5. */
  ratings: z.record(z.string(), z.number()),
  comments: z.string(),
  at: z.number(),
});
export type FeedbackAnswer = z.infer<typeof FeedbackAnswer>;

/**
 * What evaluators recorded: observations, each evaluator's rating per capability (by name, side
 * by side), the consensus rating, and participant feedback by seat. Absent until the first.
 */
export const EvaluationRecord = z.object({
  observations: z.record(z.string(), Observation),
  ratings: z.record(z.string(), z.record(z.string(), CapabilityRating)),
  consensus: z.record(z.string(), CapabilityRating),
  feedback: z.record(z.string(), FeedbackAnswer),
});
export type EvaluationRecord = z.infer<typeof EvaluationRecord>;
