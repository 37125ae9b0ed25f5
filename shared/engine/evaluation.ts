import type { ExerciseState, ImprovementItem } from "../state/schema.ts";
import type { Actor, Command, EvaluationCommand } from "../protocol/commands.ts";
import { EVALUATION_COMMANDS } from "../protocol/commands.ts";
import { RejectionCode, refuse, type Rejection } from "../protocol/rejections.ts";
import type { EventBuilder } from "./builder.ts";
import { nameOf } from "./actors.ts";
import { eegCapabilities, eegTasks } from "../scenario/eeg.ts";
import { assertNever } from "./evolve.ts";

type Of<T extends EvaluationCommand["type"]> = Extract<EvaluationCommand, { type: T }>;

export function isEvaluationCommand(command: Command): command is EvaluationCommand {
  return (EVALUATION_COMMANDS as string[]).includes(command.type);
}

/** Exercise control, or the lead evaluator: who sets consensus ratings and edits the improvement plan. */
const leads = (actor: Actor) => actor.role === "facilitator" || (actor.role === "evaluator" && actor.lead === true);

/**
 * Who may give the evaluation commands, and the lead evaluator's share of exercise control's
 * improvement plan commands. `undefined`: not an evaluation matter, decide's own rules apply.
 * Evaluators write observations and ratings; exercise control may too (it often evaluates in a
 * small exercise); consensus and the improvement plan are the lead's or exercise control's; only
 * a participant seat answers the feedback form.
 */
export function authorizeEvaluation(command: Command, actor: Actor): Rejection | null | undefined {
  const type = command.type;
  if ((type === "recordImprovement" || type === "removeImprovement") && actor.role === "evaluator" && actor.lead) return null;
  if (!isEvaluationCommand(command)) return undefined;
  if (type === "submitFeedback")
    return actor.role === "participant" && !actor.simulated ? null : refuse(RejectionCode.NotYourNation, "evaluation.auth.participantsOnly");
  if (type === "setConsensusRating" || type === "editImprovement")
    return leads(actor) ? null : refuse(RejectionCode.NotFacilitator, "evaluation.auth.leadOnly");
  return actor.role === "evaluator" || actor.role === "facilitator" ? null : refuse(RejectionCode.ReadOnly, "evaluation.auth.evaluatorsOnly");
}

function capabilityKnown(state: ExerciseState, id: string): boolean {
  return eegCapabilities(state.scenario.evaluation).some((c) => c.id === id);
}

/** The objectives participants rate in their feedback: the EEG's, or the learning objectives ("learning-<n>"). */
export function feedbackObjectives(state: ExerciseState): string[] {
  const guide = state.scenario.evaluation;
  return guide ? guide.objectives.map((o) => o.id) : state.scenario.learningObjectives.map((_, i) => `learning-${i}`);
}

export function dispatchEvaluation(b: EventBuilder, command: EvaluationCommand, actor: Actor): Rejection | void {
  switch (command.type) {
    case "recordObservation":
      return recordObservation(b, command, actor);
    case "rateCapability":
    case "setConsensusRating":
      return rate(b, command, actor);
    case "editImprovement":
      return editImprovement(b, command, actor);
    case "submitFeedback":
      return submitFeedback(b, command, actor);
    default:
      return assertNever(command);
  }
}

function recordObservation(b: EventBuilder, c: Of<"recordObservation">, actor: Actor): Rejection | void {
  const s = b.state;
  const task = c.task ? eegTasks(s.scenario.evaluation).find((t) => t.id === c.task) : undefined;
  if (c.task && !task) return refuse(RejectionCode.InvalidTarget, "evaluation.unknownTask");
  if (c.capability && !capabilityKnown(s, c.capability)) return refuse(RejectionCode.InvalidTarget, "evaluation.unknownCapability");
  if (c.inject && !Object.hasOwn(s.injects, c.inject)) return refuse(RejectionCode.UnknownInject, "engine.note.unknownInject");
  if (c.nation && !Object.hasOwn(s.nations, c.nation)) return refuse(RejectionCode.UnknownNation, "engine.nation.unknown");
  b.emit({
    type: "observationRecorded",
    observation: {
      id: b.id("o"),
      kind: c.kind,
      text: c.text,
      task: c.task ?? null,
      // A task names its capability: the observation counts under it in the AAR.
      capability: c.capability ?? task?.capability ?? null,
      inject: c.inject ?? null,
      nation: c.nation ?? null,
      author: nameOf(actor),
      turn: s.turn,
      at: b.now,
      seq: s.seq,
    },
  });
}

function rate(b: EventBuilder, c: Of<"rateCapability"> | Of<"setConsensusRating">, actor: Actor): Rejection | void {
  if (!capabilityKnown(b.state, c.capability)) return refuse(RejectionCode.InvalidTarget, "evaluation.unknownCapability");
  const rating = { rating: c.rating, rationale: c.rationale, by: nameOf(actor), turn: b.state.turn, at: b.now };
  b.emit(
    c.type === "rateCapability"
      ? { type: "capabilityRated", capability: c.capability, rating }
      : { type: "consensusRatingSet", capability: c.capability, rating },
  );
}

/** The HSEEP fields of a recordImprovement or editImprovement, checked against the scenario. */
export function improvementFields(state: ExerciseState, c: Partial<ImprovementItem>): Partial<ImprovementItem> | Rejection {
  if (c.capability && !capabilityKnown(state, c.capability)) return refuse(RejectionCode.InvalidTarget, "evaluation.unknownCapability");
  const out: Partial<ImprovementItem> = {};
  for (const key of ["capability", "element", "organisation", "contact", "start", "completion", "status"] as const)
    if (c[key] !== undefined) (out as Record<string, unknown>)[key] = c[key];
  if (out.start && out.completion && out.completion < out.start) return refuse(RejectionCode.InvalidTarget, "evaluation.improvement.datesReversed");
  return out;
}

/** An edit records the whole item again under its id: the log keeps every version, the state the last. */
function editImprovement(b: EventBuilder, c: Of<"editImprovement">, actor: Actor): Rejection | void {
  if (!Object.hasOwn(b.state.improvements, c.item)) return refuse(RejectionCode.InvalidTarget, "engine.improvement.unknown");
  const before = b.state.improvements[c.item]!;
  if (c.nation && !Object.hasOwn(b.state.nations, c.nation)) return refuse(RejectionCode.UnknownNation, "engine.nation.unknown");
  const fields = improvementFields(b.state, { ...before, ...stripUndefined(c) });
  if ("code" in fields) return fields as Rejection;
  const item: ImprovementItem = {
    ...before,
    issue: c.issue ?? before.issue,
    recommendation: c.recommendation ?? before.recommendation,
    nation: c.nation !== undefined ? c.nation : before.nation,
    due: c.due ?? before.due,
    ...fields,
    by: nameOf(actor),
  };
  b.emit({ type: "improvementRecorded", item });
}

const stripUndefined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

function submitFeedback(b: EventBuilder, c: Of<"submitFeedback">, actor: Actor): Rejection | void {
  if (actor.role !== "participant") return refuse(RejectionCode.NotYourNation, "evaluation.auth.participantsOnly");
  if (b.state.phase !== "ended") return refuse(RejectionCode.WrongPhase, "evaluation.feedback.notEnded");
  // Without a seat (a test, an HTTP call) the name stands in: one answer per person.
  const seat = actor.seat ?? `name:${actor.nation}:${actor.name}`;
  if (b.state.evaluation && Object.hasOwn(b.state.evaluation.feedback, seat)) return refuse(RejectionCode.AlreadyAnswered, "evaluation.feedback.already");
  const known = new Set(feedbackObjectives(b.state));
  const unknown = Object.keys(c.ratings).find((k) => !known.has(k));
  if (unknown) return refuse(RejectionCode.InvalidTarget, "evaluation.feedback.unknownObjective");
  if (!c.strengths && !c.improvements && !c.comments && Object.keys(c.ratings).length === 0)
    return refuse(RejectionCode.InvalidPayload, "evaluation.feedback.empty");
  b.emit({
    type: "feedbackSubmitted",
    seat,
    answer: { strengths: c.strengths, improvements: c.improvements, ratings: c.ratings, comments: c.comments, at: b.now },
  });
}
