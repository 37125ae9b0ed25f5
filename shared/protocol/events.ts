import { z } from "zod";
import { Observation, CapabilityRating, FeedbackAnswer } from "../state/schema.ts";
import {
  ControlLogEntry,
  NationControl,
  PlannedMove,
  ImprovementItem,
  Order,
  Report,
  Agreement,
  ConsentRequest,
  InfoRequest,
  Message,
  ObserverNote,
  Detection,
  InjectState,
  AssetState,
  Crisis,
} from "../state/schema.ts";
import { Policies } from "../scenario/schema.ts";
import { Effect } from "../scenario/effects.ts";
import type { Msg } from "../i18n/message.ts";
import { MselEvents } from "./msel-events.ts";

/**
 * Everything that ever happened in an exercise. Events carry absolute results (the new
 * severity, the new trust) rather than instructions, so `evolve` stays trivial and a replay
 * never re-runs a roll of the dice.
 */
const Nation = z.string();

/**
 * A catalogue message carried by an event (an order's result, the reason it failed): a key and
 * its values, rendered in each reader's language. Events from before messages have none and
 * show their recorded English prose as it was.
 */
const EventMsg = z.custom<Msg>((value) => typeof value === "object" && value !== null && typeof (value as { key?: unknown }).key === "string");

export const EventBody = z.discriminatedUnion("type", [
  z.object({ type: z.literal("briefingStarted") }),
  z.object({ type: z.literal("exerciseStarted") }),
  z.object({ type: z.literal("exercisePaused"), remainingMs: z.number().nullable() }),
  z.object({ type: z.literal("exerciseResumed"), deadline: z.number().nullable() }),
  z.object({ type: z.literal("exerciseEnded") }),
  z.object({ type: z.literal("turnTimerSet"), seconds: z.number(), deadline: z.number().nullable() }),
  z.object({ type: z.literal("turnStarted"), turn: z.number(), deadline: z.number().nullable() }),
  /** The command that follows was a simulated move for `nation` (see Simulation): by whom and how. */
  z.object({ type: z.literal("actedFor"), nation: Nation, by: z.string(), as: z.enum(["roleplayer", "control", "bot", "playbook"]), command: z.string() }),
  z.object({ type: z.literal("nationControlSet"), nation: Nation, control: NationControl, by: z.string() }),
  /** An adversary playbook rose or fell one escalation level (shared/playbook). */
  z.object({ type: z.literal("playbookLevelChanged"), nation: Nation, from: z.string(), level: z.string() }),
  /** A playbook rule fired this turn: its moves follow (made at once, or queued for approval). */
  z.object({ type: z.literal("playbookRuleFired"), nation: Nation, level: z.string(), rule: z.string(), turn: z.number(), queued: z.boolean() }),
  z.object({ type: z.literal("playbookMoveQueued"), move: PlannedMove }),
  /** Exercise control let a queued move go (edited: its fields changed); the move's own events follow. */
  z.object({ type: z.literal("playbookMoveApproved"), move: z.string(), by: z.string(), reason: z.string(), edited: z.boolean() }),
  /** `expired`: not answered before the turn it was planned for ended. */
  z.object({ type: z.literal("playbookMoveDropped"), move: z.string(), by: z.string(), reason: z.string(), expired: z.boolean().optional() }),
  /** A playbook move the rules refused the nation, as they would a team: why, in English and as a message. */
  z.object({
    type: z.literal("playbookMoveRefused"),
    nation: Nation,
    rule: z.string(),
    command: z.string(),
    reason: z.string(),
    failure: EventMsg.optional(),
    code: z.string().optional(),
  }),
  z.object({
    type: z.literal("orderDrafted"),
    draft: z.string(),
    nation: Nation,
    author: z.string(),
    order: Order,
    as: z.enum(["roleplayer", "control", "bot", "playbook"]).optional(),
  }),
  // nation, author and order: since issue #21 (a team is told whose draft went, and who withdrew it); older logs lack them.
  z.object({
    type: z.literal("draftWithdrawn"),
    draft: z.string(),
    by: z.string(),
    nation: Nation.optional(),
    author: z.string().optional(),
    order: Order.optional(),
  }),
  z.object({ type: z.literal("turnCommitted"), nation: Nation, by: z.string() }),
  z.object({ type: z.literal("turnUncommitted"), nation: Nation, by: z.string() }),
  z.object({ type: z.literal("resolutionStarted"), turn: z.number(), cause: z.enum(["allCommitted", "timer", "forced"]) }),
  /** `outcome`: the result in English, as older readers expect it; `result`: the same as a message. */
  z.object({ type: z.literal("orderExecuted"), nation: Nation, order: Order, outcome: z.string(), result: EventMsg.optional() }),
  /** `reason`: the refusal in English; `failure`: the refusal's message (with `code`, its RejectionCode). */
  z.object({ type: z.literal("orderFailed"), nation: Nation, order: Order, reason: z.string(), failure: EventMsg.optional(), code: z.string().optional() }),
  z.object({ type: z.literal("assetUpdated"), asset: AssetState }),
  z.object({ type: z.literal("regionUpdated"), region: z.string(), stability: z.number(), crisis: Crisis.nullable() }),
  z.object({ type: z.literal("relationUpdated"), a: Nation, b: Nation, trust: z.number(), interoperability: z.number() }),
  z.object({
    type: z.literal("nationUpdated"),
    nation: Nation,
    budget: z.number(),
    politicalCapital: z.number(),
    readiness: z.number(),
    /** What moved the figures, for the turn summary's lines (absent: an order, told by the orderExecuted after it, or a log from before causes were recorded). */
    cause: z.enum(["economy", "agreement", "agreementEffect", "intelSharing", "diplomacy", "effect"]).optional(),
  }),
  z.object({ type: z.literal("policySet"), nation: Nation, policies: Policies }),
  z.object({ type: z.literal("assetDetected"), observer: Nation, detection: Detection }),
  /**
   * Several sightings of one observer at once (a resolution's detection pass): one event, one copy
   * of its picture. `sharedBy`: the nation whose `full` sharing policy with the observer passed
   * these sightings on (step 12, engine/auto-share.ts) — a share of intelligence, counted as one by
   * the evaluation and the dissemination matrix. Absent: the observer's own sensors, the alliance
   * picture, or a log from before shares were recorded.
   */
  z.object({ type: z.literal("assetsDetected"), observer: Nation, detections: z.array(Detection), sharedBy: Nation.optional() }),
  /**
   * Assets the observer saw again this turn where its picture has them, with the same grade (by
   * the same sensor, or confirmed again): only their last-seen turn moves, and a confirmed
   * entry's confirmation (a few bytes each, not a whole entry each turn).
   */
  z.object({ type: z.literal("assetsSeenAgain"), observer: Nation, turn: z.number(), assets: z.array(z.string()) }),
  z.object({ type: z.literal("reportCreated"), report: Report }),
  z.object({ type: z.literal("intelShared"), from: Nation, to: z.array(Nation), report: z.string(), copies: z.array(z.string()), redacted: z.boolean() }),
  /** A report's grading changed: a second source confirmed it, or its holder found it wrong. */
  z.object({
    type: z.literal("reportGraded"),
    report: z.string(),
    credibility: z.enum(["1", "2", "3", "4", "5", "6"]),
    confirmedTurn: z.number().optional(),
    disprovedTurn: z.number().optional(),
  }),
  /** The observer's forces or sensors looked where its picture placed the asset and did not find it: the picture forgets it. */
  z.object({ type: z.literal("sightingDisproved"), observer: Nation, asset: z.string(), region: z.string(), report: z.string().nullable() }),
  /** Exercise control's record that a report placed assets where they were not (asset → the region they really were in). */
  z.object({ type: z.literal("falseIntelRecorded"), report: z.string(), actual: z.record(z.string(), z.string()) }),
  z.object({ type: z.literal("infoRequested"), request: InfoRequest }),
  z.object({ type: z.literal("infoAnswered"), request: z.string(), answer: z.string() }),
  z.object({ type: z.literal("consentRequested"), request: ConsentRequest }),
  z.object({ type: z.literal("consentAnswered"), request: z.string(), granted: z.boolean() }),
  /** The host withdrew consent it had granted: the requester's forces there must leave. */
  z.object({ type: z.literal("consentRevoked"), request: z.string() }),
  /** Who commands the alliance's forces under transfer of authority: named by exercise control, or by a command arrangement in force. */
  z.object({ type: z.literal("allianceCommanderSet"), nation: Nation.nullable(), agreement: z.string().nullable() }),
  z.object({ type: z.literal("agreementProposed"), agreement: Agreement }),
  z.object({ type: z.literal("agreementAnswered"), agreement: z.string(), nation: Nation, accepted: z.boolean() }),
  z.object({
    type: z.literal("agreementStatusChanged"),
    agreement: z.string(),
    status: z.enum(["accepted", "rejected", "expired", "terminated"]),
    by: Nation.optional(),
  }),
  z.object({ type: z.literal("diplomacyScheduled"), kind: z.enum(["jointExercise", "dialogue"]), nations: z.array(Nation), by: Nation, topic: z.string() }),
  z.object({ type: z.literal("statementMade"), nation: Nation, stance: z.string(), text: z.string() }),
  z.object({ type: z.literal("messageSent"), message: Message }),
  z.object({ type: z.literal("regionPinged"), nation: Nation, region: z.string(), by: z.string() }),
  z.object({ type: z.literal("injectReleased"), inject: z.string(), turn: z.number(), manual: z.boolean() }),
  z.object({ type: z.literal("injectFired"), inject: InjectState }),
  /** `turn` and `from` (the status it had) let the skip be undone until that turn resolves; older logs have neither. */
  z.object({ type: z.literal("injectSkipped"), inject: z.string(), turn: z.number().optional(), from: z.enum(["planned", "delayed"]).optional() }),
  z.object({ type: z.literal("injectDelayed"), inject: z.string(), toTurn: z.number() }),
  z.object({ type: z.literal("stateAdjusted"), effects: z.array(Effect), rationale: z.string(), by: z.string() }),
  z.object({ type: z.literal("noteAdded"), note: ObserverNote }),
  z.object({ type: z.literal("controlLogged"), entry: ControlLogEntry }),
  /** The command that follows was a named controller's (engine/control-scope.ts): its events are signed by `by`. */
  z.object({ type: z.literal("controlActed"), by: z.string(), command: z.string() }),
  z.object({ type: z.literal("objectiveMet"), objective: z.string(), turn: z.number() }),
  z.object({ type: z.literal("rngAdvanced"), rng: z.number() }),
  z.object({ type: z.literal("improvementRecorded"), item: ImprovementItem }),
  z.object({ type: z.literal("improvementRemoved"), item: z.string() }),
  /** Evaluation (engine/evaluation.ts): an observation, an evaluator's rating, the consensus, a seat's feedback. */
  z.object({ type: z.literal("observationRecorded"), observation: Observation }),
  z.object({ type: z.literal("capabilityRated"), capability: z.string(), rating: CapabilityRating }),
  z.object({ type: z.literal("consensusRatingSet"), capability: z.string(), rating: CapabilityRating }),
  z.object({ type: z.literal("feedbackSubmitted"), seat: z.string(), answer: FeedbackAnswer }),
  /**
   * Why a rule changed something, in words: "Nordvik's maximum alert costs 12 upkeep". It
   * changes nothing itself (the absolute results are their own events); the feed shows it to
   * `nations` (everyone when empty) and to exercise control. `rule` names the rule, e.g.
   * "policy.alertUpkeep", so the AAR and tests can find it.
   */
  z.object({ type: z.literal("ruleApplied"), rule: z.string(), nations: z.array(Nation), msg: EventMsg }),
  /** Tension's new value after a resolution and what moved it (engine/tension.ts); public. */
  z.object({ type: z.literal("tensionChanged"), tension: z.number(), reasons: z.array(EventMsg) }),
  ...MselEvents,
]);
export type EventBody = z.infer<typeof EventBody>;
export type EventType = EventBody["type"];

/** An event as stored: its place in the log and the wall-clock time it was recorded. */
export type ExerciseEvent = EventBody & { seq: number; at: number };
