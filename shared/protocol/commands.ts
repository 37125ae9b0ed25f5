import { z } from "zod";
import { PERSONA_IDS } from "../bots/personas.ts";
import { idString } from "./ids.ts";
import { Order } from "../state/schema.ts";
import { AgreementKind, MouScope, PublicStance } from "../scenario/schema.ts";
import { Effect, ReportDraft, Classification, Releasability } from "../scenario/effects.ts";
import { InjectSpec } from "../scenario/schema.ts";
import { RATINGS, CAPABILITY_ELEMENTS } from "../scenario/eeg.ts";
import { MselCommands } from "./msel-commands.ts";

/**
 * Every command a client may send. Commands are imperative (`shareIntel`); the events they
 * produce are past tense (`intelShared`). Strings are bounded because payloads come off the
 * wire from untrusted peers.
 */
const Id = idString(z.string().min(1).max(64));
const Text = (max: number) => z.string().trim().min(1).max(max);
const IsoDate = z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dates are yyyy-mm-dd")]);
/** The HSEEP improvement plan's fields beyond issue and corrective action (all optional). */
const ImprovementFields = {
  capability: Id.optional(),
  element: z.enum(CAPABILITY_ELEMENTS).optional(),
  organisation: z.string().trim().max(200).optional(),
  contact: z.string().trim().max(200).optional(),
  start: IsoDate.optional(),
  completion: IsoDate.optional(),
  status: z.enum(["open", "in-progress", "complete", "cancelled"]).optional(),
};

export const ParticipantCommand = z.discriminatedUnion("type", [
  z.object({ type: z.literal("draftOrder"), order: Order }),
  z.object({ type: z.literal("withdrawDraft"), draft: Id }),
  z.object({ type: z.literal("commitTurn"), turn: z.number().int() }),
  z.object({ type: z.literal("uncommitTurn"), turn: z.number().int() }),
  z.object({
    type: z.literal("shareIntel"),
    report: Id,
    with: z.array(Id).min(1).max(10),
    /** Replacement text for the shared copy; the original stays with the sender. */
    redactedText: Text(4000).optional(),
  }),
  /**
   * A tear line: the originator writes a releasable version of one of its reports, field by
   * field (links only among the original's), and may share it at once with `shareWith`.
   */
  z.object({
    type: z.literal("releaseVersion"),
    report: Id,
    title: Text(200),
    text: Text(4000),
    source: Text(120),
    classification: Classification,
    releasability: Releasability,
    regions: z.array(Id).max(20).default([]),
    assets: z.array(Id).max(20).default([]),
    shareWith: z.array(Id).max(10).optional(),
  }),
  /** Writes a report from the team's known-forces picture (its own sighting of `asset`), to share like any report. */
  z.object({ type: z.literal("reportSighting"), asset: Id }),
  z.object({ type: z.literal("requestInfo"), to: Id, question: Text(1000) }),
  z.object({ type: z.literal("answerInfo"), request: Id, answer: Text(4000) }),
  z.object({ type: z.literal("requestConsent"), host: Id, region: Id, note: z.string().max(500).default("") }),
  z.object({ type: z.literal("answerConsent"), request: Id, grant: z.boolean() }),
  z.object({
    type: z.literal("proposeAgreement"),
    kind: AgreementKind,
    title: Text(120),
    parties: z.array(Id).min(1).max(10),
    durationTurns: z.number().int().min(1).max(100).optional(),
    /** An MOU: the cooperation it opens. */
    scope: MouScope.optional(),
    /** A command arrangement: the alliance nation the parties agree shall command forces under transfer of authority. */
    commander: Id.optional(),
  }),
  z.object({ type: z.literal("answerAgreement"), agreement: Id, accept: z.boolean() }),
  /** A party ends an agreement in force (at a trust cost unless it is at its last turn). */
  z.object({ type: z.literal("terminateAgreement"), agreement: Id }),
  /** A host withdraws consent it granted: the requester's forces must leave its territory. */
  z.object({ type: z.literal("revokeConsent"), request: Id }),
  z.object({ type: z.literal("proposeJointExercise"), partners: z.array(Id).min(1).max(10), title: Text(120) }),
  z.object({ type: z.literal("conveneDialogue"), nations: z.array(Id).min(1).max(10), topic: Text(200) }),
  z.object({ type: z.literal("makeStatement"), stance: PublicStance, text: Text(1000) }),
  z.object({ type: z.literal("sendMessage"), channel: Text(80), text: Text(2000) }),
  z.object({ type: z.literal("pingRegion"), region: Id }),
]);
export type ParticipantCommand = z.infer<typeof ParticipantCommand>;

export const FacilitatorCommand = z.discriminatedUnion("type", [
  z.object({ type: z.literal("startBriefing") }),
  z.object({ type: z.literal("startExercise") }),
  z.object({ type: z.literal("pauseExercise") }),
  z.object({ type: z.literal("resumeExercise") }),
  z.object({ type: z.literal("endExercise") }),
  z.object({ type: z.literal("setTurnTimer"), seconds: z.number().int().min(10).max(86400) }),
  z.object({ type: z.literal("forceResolve"), turn: z.number().int() }),
  z.object({ type: z.literal("releaseInject"), inject: Id }),
  z.object({ type: z.literal("skipInject"), inject: Id }),
  z.object({ type: z.literal("delayInject"), inject: Id, toTurn: z.number().int().min(1).max(1000) }),
  z.object({ type: z.literal("fireInject"), inject: InjectSpec.omit({ id: true, trigger: true }) }),
  z.object({ type: z.literal("adjustState"), effects: z.array(Effect).min(1).max(20), rationale: z.string().trim().max(2000) }),
  z.object({ type: z.literal("grantIntel"), to: z.array(Id).min(1).max(10), report: ReportDraft }),
  z.object({ type: z.literal("addNote"), text: Text(4000), inject: Id.optional(), objective: Id.optional() }),
  z.object({ type: z.literal("facilitatorMessage"), to: Id, text: Text(2000) }),
  /** A message on the white cell's own channel: read by exercise control only, never by a nation. */
  z.object({ type: z.literal("controlMessage"), text: Text(2000) }),
  /** An entry in the controller log, exercise control's time-stamped logbook (engine/control-log.ts). */
  z.object({ type: z.literal("logControlEntry"), text: Text(2000) }),
  z.object({
    type: z.literal("recordImprovement"),
    issue: Text(1000),
    recommendation: Text(2000),
    nation: Id.nullable().default(null),
    due: z.string().trim().max(40).default(""),
    ...ImprovementFields,
  }),
  z.object({ type: z.literal("removeImprovement"), item: Id }),
  /** Names the alliance commander (or nobody), whose team orders forces under transfer of authority. */
  z.object({ type: z.literal("designateCommander"), nation: Id.nullable() }),
  /**
   * Who plays a nation (engine/nation-control.ts): its people, a bot persona, a role-player,
   * exercise control in person; and, for a nation with an adversary playbook, whether the
   * playbook's moves are made automatically, wait for approval, or are off.
   */
  z.object({
    type: z.literal("setNationControl"),
    nation: Id,
    by: z.enum(["people", "bot", "roleplayer", "control"]),
    persona: z.enum(PERSONA_IDS).optional(),
    playbook: z.enum(["automatic", "approve", "off"]).optional(),
  }),
  /**
   * A queued adversary-playbook move goes ahead, as planned or with its fields edited (`command`,
   * of the same type): it is made for the nation through the same rules as any of its moves.
   */
  z.object({ type: z.literal("approvePlaybookMove"), move: Id, command: ParticipantCommand.optional(), reason: z.string().trim().max(500).default("") }),
  /** A queued adversary-playbook move is dropped; the reason is logged. */
  z.object({ type: z.literal("dropPlaybookMove"), move: Id, reason: Text(500) }),
  ...MselCommands,
]);
export type FacilitatorCommand = z.infer<typeof FacilitatorCommand>;

/**
 * Evaluation (engine/evaluation.ts): evaluators' and exercise control's observations, ratings
 * and improvement plan edits; the participants' feedback once the exercise has ended. Who may
 * give each is in evaluation.ts (`authorizeEvaluation`).
 */
export const EvaluationCommand = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("recordObservation"),
    kind: z.enum(["strength", "improvement"]),
    text: Text(4000),
    task: Id.optional(),
    capability: Id.optional(),
    inject: Id.optional(),
    nation: Id.optional(),
  }),
  z.object({ type: z.literal("rateCapability"), capability: Id, rating: z.enum(RATINGS), rationale: z.string().trim().max(2000).default("") }),
  z.object({ type: z.literal("setConsensusRating"), capability: Id, rating: z.enum(RATINGS), rationale: Text(2000) }),
  z.object({
    type: z.literal("editImprovement"),
    item: Id,
    issue: Text(1000).optional(),
    recommendation: Text(2000).optional(),
    nation: Id.nullable().optional(),
    due: z.string().trim().max(40).optional(),
    ...ImprovementFields,
  }),
  z.object({
    type: z.literal("submitFeedback"),
    strengths: z.string().trim().max(4000).default(""),
    improvements: z.string().trim().max(4000).default(""),
    ratings: z.record(Id, z.number().int().min(1).max(5)).default({}),
    comments: z.string().trim().max(4000).default(""),
  }),
]);
export type EvaluationCommand = z.infer<typeof EvaluationCommand>;
export const EVALUATION_COMMANDS = EvaluationCommand.options.map((o) => o.shape.type.value);

/** Issued by the server itself (the turn timer), never accepted from a client. */
export const SystemCommand = z.discriminatedUnion("type", [z.object({ type: z.literal("timerExpired"), turn: z.number().int() })]);
export type SystemCommand = z.infer<typeof SystemCommand>;

export const Command = z.union([ParticipantCommand, FacilitatorCommand, EvaluationCommand, SystemCommand]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command["type"];

export const PARTICIPANT_COMMANDS = ParticipantCommand.options.map((o) => o.shape.type.value);
export const FACILITATOR_COMMANDS = FacilitatorCommand.options.map((o) => o.shape.type.value);

/**
 * The message a client sends: its own id so it can match the one reply it gets. `actAs`: exercise control (the lead, or a controller whose nations include it) plays the
 * command as that nation in person (engine/act-as.ts): the actor becomes that nation's, marked
 * `simulated: "control"`.
 */
export const CommandEnvelope = z.object({ id: z.string().min(1).max(64), command: z.unknown(), actAs: z.string().min(1).max(64).optional() });
export type CommandEnvelope = z.infer<typeof CommandEnvelope>;

/**
 * Who plays a nation's move when no team member does: a role-player seat, exercise control in
 * person, a bot persona, or the scenario's adversary playbook. Such a move goes through the same
 * `decide` as a team's, is never more than the rules allow that nation, and is recorded
 * (`actedFor`) so replay and the AAR can say which moves were simulated.
 */
export const Simulation = { RolePlayer: "roleplayer", Control: "control", Bot: "bot", Playbook: "playbook" } as const;
export type Simulation = (typeof Simulation)[keyof typeof Simulation];
export const SIMULATIONS = Object.values(Simulation) as [Simulation, ...Simulation[]];

/**
 * Who is acting. Seats are managed by the server; the engine only sees this.
 * - participant: a nation's team member; with `simulated`, someone or something acting for the
 *   nation (then the nation need not be playable). `seat`: the seat's public id, when the room
 *   knows it (participant feedback is answered once per seat).
 * - evaluator: sees the white cell's view (or the nations assigned), writes observations and
 *   ratings, never acts in the game. `lead` sets consensus ratings.
 * - controller: a named member of exercise control, limited to `nations` when not null.
 */
export type Actor =
  | { role: "participant"; nation: string; name: string; simulated?: Simulation; seat?: string; persona?: string }
  | { role: "facilitator"; name: string }
  | { role: "controller"; name: string; nations: string[] | null }
  | { role: "evaluator"; name: string; lead?: boolean }
  | { role: "observer"; name: string }
  | { role: "system" };
