import { z } from "zod";
import { idString } from "../protocol/ids.ts";
import { text, translations } from "./localized.ts";

const Id = idString(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "ids are lower-case letters, digits, '-' or '_' (max 40)"));

/**
 * The Exercise Evaluation Guide (HSEEP EEG): the exercise's objectives, the capabilities each
 * one exercises, and the critical tasks an evaluator watches for under each capability. Injects
 * name the tasks they test (`tasks`), expected actions the task they evidence (`task`); that is
 * how the AAR analyses results per objective and capability. Evaluators rate each capability
 * P / S / M / U (commands rateCapability, setConsensusRating).
 */
export const CriticalTask = z.object({
  id: Id,
  title: text(300),
  i18n: translations({ title: 300 }),
});
export type CriticalTask = z.infer<typeof CriticalTask>;

export const EegCapability = z.object({
  id: Id,
  name: text(160),
  tasks: z.array(CriticalTask).min(1),
  i18n: translations({ name: 160 }),
});
export type EegCapability = z.infer<typeof EegCapability>;

export const EegObjective = z.object({
  id: Id,
  title: text(300),
  /** The learning objective (index into learningObjectives) this objective evaluates, if any. */
  learningObjective: z.number().int().min(0).optional(),
  capabilities: z.array(EegCapability).min(1),
  i18n: translations({ title: 300 }),
});
export type EegObjective = z.infer<typeof EegObjective>;

export const EvaluationGuide = z.object({ objectives: z.array(EegObjective).min(1) });
export type EvaluationGuide = z.infer<typeof EvaluationGuide>;

/** HSEEP's capability ratings: performed without challenges, with some, with major challenges, unable to be performed. */
export const RATINGS = ["P", "S", "M", "U"] as const;
export const Rating = z.enum(RATINGS);
export type Rating = z.infer<typeof Rating>;

/** The capability elements an improvement addresses (HSEEP: POETE). */
export const CAPABILITY_ELEMENTS = ["planning", "organisation", "equipment", "training", "exercise"] as const;
export const CapabilityElement = z.enum(CAPABILITY_ELEMENTS);
export type CapabilityElement = z.infer<typeof CapabilityElement>;

/** Every capability of a guide with the objective it sits under. */
export function eegCapabilities(guide: EvaluationGuide | undefined): (EegCapability & { objective: string })[] {
  return (guide?.objectives ?? []).flatMap((o) => o.capabilities.map((c) => ({ ...c, objective: o.id })));
}

/** Every critical task of a guide with its capability and objective. */
export function eegTasks(guide: EvaluationGuide | undefined): (CriticalTask & { capability: string; objective: string })[] {
  return eegCapabilities(guide).flatMap((c) => c.tasks.map((t) => ({ ...t, capability: c.id, objective: c.objective })));
}
