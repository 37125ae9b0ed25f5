import { z } from "zod";
import { idString } from "../protocol/ids.ts";
import { madeInFold, ownedByFold } from "./records.ts";
import type { Msg } from "../i18n/message.ts";
import type { ParticipantCommand } from "../protocol/commands.ts";
import {
  ScenarioSpec,
  Policies,
  Mission,
  AgreementKind,
  MouScope,
  InjectSpec,
  AlertLevel,
  RulesOfEngagement,
  PublicStance,
  SharingPolicy,
} from "../scenario/schema.ts";
import { AssetStatus } from "../scenario/effects.ts";
import { ObserverNote, ImprovementItem, EvaluationRecord } from "./evaluation-schema.ts";
import { Report, Detection, PictureShare } from "./intel-schema.ts";

/**
 * The exercise state: everything the rules need, as plain JSON. It is only ever produced by
 * folding events over `initialState`, so it can be rebuilt from the log at any sequence number.
 */
export const Phase = z.enum(["lobby", "briefing", "running", "paused", "ended"]);
export type Phase = z.infer<typeof Phase>;

export const NationState = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string(),
  playable: z.boolean(),
  alliance: z.boolean(),
  budget: z.number(),
  budgetPerTurn: z.number(),
  politicalCapital: z.number(),
  readiness: z.number(),
  policies: Policies,
  /** Seat names that have committed this turn; the nation is ready when `committed` is true. */
  committed: z.boolean(),
  committedBy: z.string().nullable(),
});
export type NationState = z.infer<typeof NationState>;

export const Relation = z.object({ trust: z.number(), interoperability: z.number() });
export type Relation = z.infer<typeof Relation>;

export const Crisis = z.object({ kind: z.string(), severity: z.number(), since: z.number() });
export type Crisis = z.infer<typeof Crisis>;

export const RegionState = z.object({
  id: z.string(),
  owner: z.string().nullable(),
  stability: z.number(),
  baseline: z.number(),
  crisis: Crisis.nullable(),
});
export type RegionState = z.infer<typeof RegionState>;

export const AssetState = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  owner: z.string(),
  region: z.string(),
  status: AssetStatus,
  strength: z.number(),
  mission: Mission.nullable(),
  destination: z.string().nullable(),
  /** Regions still to cross, in order, ending at the destination. */
  route: z.array(z.string()),
  /** Turn at which the asset arrives, when moving. */
  eta: z.number().nullable(),
  /** What the asset does on arrival: deploy on its mission, stand by pre-positioned, or return home. */
  intent: z.enum(["deploy", "preposition", "recall"]).nullable(),
  prepositioned: z.boolean(),
  /** Turn of the last arrival, for "within N turns of inject" objectives. */
  arrivedTurn: z.number().nullable(),
  /** The carrier it is aboard (strategic lift); absent when it is not embarked. Read as `asset.embarkedOn ?? null`. */
  embarkedOn: z.string().optional(),
  /** The name in the scenario's other languages (only when the scenario gives them). */
  i18n: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  /**
   * Under alliance command (transfer of authority): present only while the owner has placed it
   * there, with the owner's national caveats (missions and regions the commander may not use it for).
   */
  authority: z.object({ since: z.number(), excludedMissions: z.array(Mission), excludedRegions: z.array(z.string()) }).optional(),
});
export type AssetState = z.infer<typeof AssetState>;

export { ProvenanceStep, Sighting, Report, Detection, PictureShare } from "./intel-schema.ts";

export const AgreementStatus = z.enum(["proposed", "accepted", "rejected", "expired", "terminated"]);
export type AgreementStatus = z.infer<typeof AgreementStatus>;

export const Agreement = z.object({
  id: z.string(),
  kind: AgreementKind,
  title: z.string(),
  parties: z.array(z.string()),
  proposer: z.string().nullable(),
  /** Parties that have accepted (the proposer accepts by proposing). */
  acceptedBy: z.array(z.string()),
  status: AgreementStatus,
  proposedTurn: z.number(),
  expiresTurn: z.number().nullable(),
  /** An MOU: the cooperation it opens (absent: none beyond the trust it builds). */
  scope: MouScope.optional(),
  /** A command arrangement: the nation agreed as alliance commander. */
  commander: z.string().optional(),
  /** A joint exercise: the budget its proposer paid, refunded if it is rejected or expires unanswered. */
  cost: z.number().optional(),
  /** A terminated agreement: who ended it, and when. */
  terminatedBy: z.string().optional(),
  terminatedTurn: z.number().optional(),
});
export type Agreement = z.infer<typeof Agreement>;

export const RequestStatus = z.enum(["pending", "granted", "denied", "answered", "expired", "revoked"]);
export type RequestStatus = z.infer<typeof RequestStatus>;

/** A request to enter another nation's territory. */
export const ConsentRequest = z.object({
  id: z.string(),
  requester: z.string(),
  host: z.string(),
  region: z.string(),
  note: z.string(),
  status: RequestStatus,
  turn: z.number(),
});
export type ConsentRequest = z.infer<typeof ConsentRequest>;

export const InfoRequest = z.object({
  id: z.string(),
  requester: z.string(),
  target: z.string(),
  question: z.string(),
  answer: z.string().nullable(),
  status: RequestStatus,
  turn: z.number(),
});
export type InfoRequest = z.infer<typeof InfoRequest>;

/** Ids inside an order come from clients: never a member of Object.prototype (protocol/ids.ts). */
const OrderId = idString(z.string().min(1).max(64));

export const Order = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("deployAsset"), asset: OrderId, destination: OrderId, mission: Mission }),
  z.object({ kind: z.literal("prepositionAsset"), asset: OrderId, destination: OrderId }),
  z.object({ kind: z.literal("recallAsset"), asset: OrderId, destination: OrderId }),
  z.object({ kind: z.literal("setMission"), asset: OrderId, mission: Mission }),
  /** Strategic lift: load a unit onto a ship (at a port) or a transport aircraft (at an airfield) in the same region. */
  z.object({ kind: z.literal("embarkAsset"), asset: OrderId, carrier: OrderId }),
  /** Land a unit from its carrier at a port / airfield the carrier is in or next to (the carrier's region when absent). */
  z.object({ kind: z.literal("disembarkAsset"), asset: OrderId, destination: OrderId.optional() }),
  z.object({
    kind: z.literal("setPolicy"),
    alertLevel: AlertLevel.optional(),
    rulesOfEngagement: RulesOfEngagement.optional(),
    publicStance: PublicStance.optional(),
    intelSharing: z.record(OrderId, SharingPolicy).optional(),
  }),
  z.object({ kind: z.literal("fundCapacityBuilding"), partner: OrderId, amount: z.number().int().min(1).max(10000) }),
  /** Transfer of authority: place an asset under alliance command, with national caveats. */
  z.object({
    kind: z.literal("transferAuthority"),
    asset: OrderId,
    excludedMissions: z.array(Mission).max(20).optional(),
    excludedRegions: z.array(OrderId).max(50).optional(),
  }),
  z.object({ kind: z.literal("revokeAuthority"), asset: OrderId }),
]);
export type Order = z.infer<typeof Order>;
export type OrderKind = Order["kind"];

export const Draft = z.object({
  id: z.string(),
  nation: z.string(),
  author: z.string(),
  turn: z.number(),
  order: Order,
  /** Drafted by someone not on the team (a bot, a role-player, exercise control): how. Absent for the team's own. */
  as: z.enum(["roleplayer", "control", "bot", "playbook"]).optional(),
});
export type Draft = z.infer<typeof Draft>;

export const ChannelKind = z.enum(["team", "bilateral", "alliance", "facilitator"]);
export type ChannelKind = z.infer<typeof ChannelKind>;

export const Message = z.object({
  id: z.string(),
  /** "team:<nation>", "bilateral:<a>:<b>" (ids sorted), "alliance", "facilitator:<nation>". */
  channel: z.string(),
  fromNation: z.string(),
  author: z.string(),
  text: z.string(),
  turn: z.number(),
  at: z.number(),
});
export type Message = z.infer<typeof Message>;

/**
 * How many of a channel's latest messages the state holds (shared/view/chat-window.ts says
 * why the live views carry no more); older ones are in the log.
 */
export const CHAT_WINDOW = 200;
export const ChatWindow = z.object({ count: z.number().int().nonnegative(), recent: z.array(Message) });
export type ChatWindow = z.infer<typeof ChatWindow>;

export const InjectStatus = z.enum(["planned", "released", "skipped", "delayed"]);
export type InjectStatus = z.infer<typeof InjectStatus>;

export const InjectState = z.object({
  id: z.string(),
  spec: InjectSpec,
  status: InjectStatus,
  releasedTurn: z.number().nullable(),
  delayedToTurn: z.number().nullable(),
  adhoc: z.boolean(),
  /** Ready but off the timeline (MSEL editor): never released by its trigger, only by hand. Absent = on the timeline. */
  held: z.boolean().optional(),
  /** A skip that can still be undone: the turn it was skipped in and the status it had (absent on older logs). */
  skippedTurn: z.number().optional(),
  skippedFrom: z.enum(["planned", "delayed"]).optional(),
});
export type InjectState = z.infer<typeof InjectState>;

// What observers and evaluators record (evaluation-schema.ts).
export {
  ObserverNote,
  ImprovementItem,
  Observation,
  CapabilityRating,
  FeedbackAnswer,
  EvaluationRecord,
} from "./evaluation-schema.ts";
export const ObjectiveState = z.object({ id: z.string(), met: z.boolean(), metTurn: z.number().nullable() });
export type ObjectiveState = z.infer<typeof ObjectiveState>;

/**
 * Who plays a nation: `people` (its team), a `bot` persona, a `roleplayer` seat, or exercise
 * `control` in person. `playbook`: what happens to the moves of the nation's adversary playbook,
 * if the scenario has one (made automatically, queued for exercise control's approval, or off).
 */
export const NationControl = z.object({
  by: z.enum(["people", "bot", "roleplayer", "control"]),
  persona: z.string().optional(),
  playbook: z.enum(["automatic", "approve", "off"]).optional(),
});
export type NationControl = z.infer<typeof NationControl>;

/**
 * A move an adversary playbook planned, waiting for exercise control (playbook "approve"): the
 * command as the nation would send it, and the level and rule it came from.
 */
export const PlannedMove = z.object({
  id: z.string(),
  nation: z.string(),
  level: z.string(),
  rule: z.string(),
  turn: z.number(),
  command: z.custom<ParticipantCommand>((value) => typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string"),
});
export type PlannedMove = z.infer<typeof PlannedMove>;

/** Where each adversary playbook stands: its level per nation, and the turn each rule last fired (key `nation/rule`). */
export const PlaybookProgress = z.object({ levels: z.record(z.string(), z.string()), fired: z.record(z.string(), z.number()) });
export type PlaybookProgress = z.infer<typeof PlaybookProgress>;
/** One line of the controller log: who of exercise control wrote what, when (engine/control-log.ts). */
export const ControlLogEntry = z.object({ id: z.string(), by: z.string(), text: z.string(), turn: z.number(), at: z.number() });
export type ControlLogEntry = z.infer<typeof ControlLogEntry>;

export const ExerciseState = z.object({
  exerciseId: z.string(),
  scenario: ScenarioSpec,
  seed: z.number(),
  /** Sequence number of the last event folded in (0 = none). */
  seq: z.number(),
  /** PRNG state (mulberry32), advanced only by events so replays reproduce every roll. */
  rng: z.number(),
  phase: Phase,
  turn: z.number(),
  /** Wall-clock deadline of the running turn (epoch ms) or null when no timer runs. */
  deadline: z.number().nullable(),
  /** Remaining planning time kept while paused. */
  pausedRemainingMs: z.number().nullable(),
  turnSeconds: z.number(),
  /** Id counter for entities created by events (reports, drafts, messages …). */
  nextId: z.number(),
  nations: z.record(z.string(), NationState),
  /** Keyed by `relationKey(a, b)`. */
  relations: z.record(z.string(), Relation),
  regions: z.record(z.string(), RegionState),
  assets: z.record(z.string(), AssetState),
  reports: z.record(z.string(), Report),
  agreements: z.record(z.string(), Agreement),
  consentRequests: z.record(z.string(), ConsentRequest),
  infoRequests: z.record(z.string(), InfoRequest),
  drafts: z.record(z.string(), Draft),
  /**
   * Chat, per channel: how many messages it has had and the last CHAT_WINDOW of them (what the
   * live views show). The rest stays in the log only, paged from there ("Show earlier",
   * `GET /api/exercises/:id/messages`): a week of play is some 58,000 messages, and the folded
   * state (the room's memory, its snapshot, every replay checkpoint) no longer grows with them.
   * Absent in states made before it: no chat yet.
   */
  chat: z.record(z.string(), ChatWindow).optional(),
  injects: z.record(z.string(), InjectState),
  /** The MSEL's order once exercise control has added, moved or imported injects (engine/msel-order.ts); absent = the scenario's order. */
  mselOrder: z.array(z.string()).optional(),
  /** Per observing nation: foreign assets it knows about and where it last saw them. */
  detections: z.record(z.string(), z.record(z.string(), Detection)),
  /** Each passing of sightings into a partner's picture by a `full` sharing policy, in log order; absent until the first. Not in any nation's view. */
  pictureShares: z.array(PictureShare).optional(),
  /**
   * Exercise control's truth about false reports: report id → asset → the region the asset was
   * really in when the report placed it elsewhere. No nation's view ever includes it.
   */
  falseIntel: z.record(z.string(), z.record(z.string(), z.string())),
  notes: z.record(z.string(), ObserverNote),
  objectives: z.record(z.string(), ObjectiveState),
  improvements: z.record(z.string(), ImprovementItem),
  /** The alliance nation whose team orders the assets under transfer of authority; null while nobody does. */
  allianceCommander: z.string().nullable(),
  /** Diplomacy actions taken this turn, applied at resolution. */
  pendingDiplomacy: z.array(z.object({ kind: z.enum(["jointExercise", "dialogue"]), nations: z.array(z.string()), by: z.string() })),
  /** Who plays each nation, where exercise control changed it from the default (engine/nation-control.ts). */
  nationControl: z.record(z.string(), NationControl).optional(),
  /** Observations, capability ratings, consensus and feedback (engine/evaluation.ts); absent until the first. */
  evaluation: EvaluationRecord.optional(),
  /** The adversary playbooks' levels and fired rules (shared/playbook); absent until one moves. */
  playbook: PlaybookProgress.optional(),
  /** Playbook moves waiting for exercise control's approval, by id; absent until one is queued. */
  playbookQueue: z.record(z.string(), PlannedMove).optional(),
  /** Exercise control's logbook, by entry id; absent until the first entry. White cell only. */
  controlLog: z.record(z.string(), ControlLogEntry).optional(),
  /** How alarmed the adversary is, 0–100 (rules.initialTension at the start; engine/tension.ts). Public. */
  tension: z.number(),
  /** What moved tension at the last resolution that moved it, as messages (shown with it). */
  tensionReasons: z.array(z.custom<Msg>()),
});
export type ExerciseState = z.infer<typeof ExerciseState>;

/**
 * A channel's window with one more message: the oldest goes when it holds CHAT_WINDOW. A window
 * made during a fold (`transiently`, records.ts) is changed in place: a week-long log copied a
 * window of 200 messages for each of its 60,000 messages otherwise.
 */
export function appendToWindow(window: ChatWindow | undefined, message: Message): ChatWindow {
  if (window && madeInFold(window)) {
    window.count += 1;
    window.recent.push(message);
    if (window.recent.length > CHAT_WINDOW) window.recent.shift();
    return window;
  }
  const recent = window?.recent ?? [];
  // The window and its list are made here together: marking the window marks both as the fold's.
  return ownedByFold({
    count: (window?.count ?? 0) + 1,
    recent: recent.length >= CHAT_WINDOW ? [...recent.slice(recent.length - CHAT_WINDOW + 1), message] : [...recent, message],
  });
}

/** Every message the state still holds (each channel's window), channel by channel, oldest first in each. */
export function recentMessages(state: Pick<ExerciseState, "chat">): Message[] {
  return Object.values(state.chat ?? {}).flatMap((window) => window.recent);
}

export function relationKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The two nations of a `relationKey` (nation ids never hold "|"). */
export function pairOf(key: string): [string, string] {
  const bar = key.indexOf("|");
  return [key.slice(0, bar), key.slice(bar + 1)];
}
