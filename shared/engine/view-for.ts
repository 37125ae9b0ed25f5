import type { PlannedMove } from "../state/schema.ts";
import type { Observation } from "../state/schema.ts";
import type { EegObjective } from "../scenario/eeg.ts";
import type {
  ControlLogEntry,
  ExerciseState,
  NationState,
  Report,
  Agreement,
  ConsentRequest,
  InfoRequest,
  Message,
  ObserverNote,
  RegionState,
  Relation,
  ObjectiveState,
} from "../state/schema.ts";
import { channelsOf } from "./channels.ts";
import { mselOrder } from "./msel-order.ts";
import { injectViewFor, type InjectView } from "./inject-view.ts";
import { assetViewFor, readsAllianceForces, type AssetView, type ForeignAssetView, type SeenBy } from "./asset-view.ts";
import { own } from "../state/records.ts";
import { pairOf } from "../state/schema.ts";
import { cohesion } from "./metrics.ts";
import type { Msg } from "../i18n/message.ts";
import type { Translations } from "../i18n/text.ts";
import { evaluationParts, evaluationPartInputs, type CapabilityRatingsView, type FeedbackObjective } from "./evaluation-view.ts";

import { releasabilityOf } from "./releasability.ts";
import { draftInputs, draftView, type DraftView } from "./draft-view.ts";

export type { DraftView };

export type Viewer = { kind: "nation"; nation: string } | { kind: "white" } | { kind: "observer" };

/** What every nation knows of another: who it is and whether it is ready, not its books. */
export type PublicNation = Pick<NationState, "id" | "name" | "color" | "playable" | "alliance" | "committed"> & {
  policies: Pick<NationState["policies"], "publicStance">;
};
export type NationView = PublicNation | NationState;

export type { AssetView, ForeignAssetView, SeenBy };

export type { InjectView };

/** An agreement as a viewer reads it: a scenario's agreement also carries its title's translations. */
export type AgreementView = Agreement & { i18n?: Record<string, { title?: string }> };

/** A playbook move waiting for approval, with the names exercise control reads (in the scenario's main language; others in `i18n`). */
export type QueuedMoveView = PlannedMove & { levelName: string; ruleName: string; i18n?: Translations };

export type View = {
  viewer: Viewer;
  exerciseId: string;
  scenarioId: string;
  title: string;
  phase: ExerciseState["phase"];
  turn: number;
  turns: number;
  seq: number;
  deadline: number | null;
  pausedRemainingMs: number | null;
  turnSeconds: number;
  scenarioTime: string;
  cohesion: number;
  /** How alarmed the adversary is (0–100) and what moved it last: public, like cohesion. */
  tension: number;
  tensionReasons: Msg[];
  /** The nation whose team orders forces under alliance command, or null (public: every seat knows who commands). */
  allianceCommander: string | null;
  nations: Record<string, NationView>;
  relations: Record<string, Relation>;
  regions: Record<string, RegionState>;
  assets: Record<string, AssetView>;
  reports: Record<string, Report>;
  agreements: Record<string, AgreementView>;
  consentRequests: Record<string, ConsentRequest>;
  infoRequests: Record<string, InfoRequest>;
  drafts: Record<string, DraftView>;
  messages: Record<string, Message>;
  injects: Record<string, InjectView>;
  objectives: Record<string, ObjectiveState & { title: string; nation: string | null; i18n?: Record<string, { title?: string }> }>;
  notes: Record<string, ObserverNote>;
  /** White cell only: adversary-playbook moves waiting for approval. */
  playbookQueue: Record<string, QueuedMoveView>;
  /** Exercise control's logbook (white cell only; empty before the first entry). */
  controlLog: Record<string, ControlLogEntry>;
  /** The evaluation record as each viewer sees it (engine/evaluation-view.ts). */
  evaluationGuide: Record<string, EegObjective>;
  observations: Record<string, Observation>;
  capabilityRatings: Record<string, CapabilityRatingsView>;
  feedbackAnswered: Record<string, { at: number }>;
  feedbackObjectives: Record<string, FeedbackObjective>;
};

/**
 * viewFor(state, viewer): exactly what a viewer may know. The live room and the replay viewer
 * both call this, so "what Blue saw at turn 4" is computed by the same code that served Blue.
 *
 * `{ chat: false }` leaves the chat windows out (`messages` empty): the replay viewer shows no
 * chat, and gathering every readable channel's window (some 5,000 messages in a week of play)
 * was a third of a seek's computing.
 */
export function viewFor(state: ExerciseState, viewer: Viewer, { chat = true }: { chat?: boolean } = {}): View {
  const scope = scopeOf(viewer);
  const messages = messageFilter(state, viewer);
  return {
    viewer,
    exerciseId: state.exerciseId,
    scenarioId: state.scenario.id,
    title: state.scenario.title,
    phase: state.phase,
    turn: state.turn,
    turns: state.scenario.turns,
    seq: state.seq,
    deadline: state.deadline,
    pausedRemainingMs: state.pausedRemainingMs,
    turnSeconds: state.turnSeconds,
    scenarioTime: scenarioTime(state),
    // From the full state, before the relations are narrowed to the viewer's own pairs.
    cohesion: cohesion(state),
    tension: state.tension,
    tensionReasons: state.tensionReasons,
    allianceCommander: state.allianceCommander ?? null,
    nations: viewParts.nations(state, scope),
    relations: viewParts.relations(state, scope),
    regions: state.regions,
    assets: viewParts.assets(state, scope),
    reports: viewParts.reports(state, scope),
    agreements: viewParts.agreements(state, scope),
    consentRequests: viewParts.consentRequests(state, scope),
    infoRequests: viewParts.infoRequests(state, scope),
    drafts: viewParts.drafts(state, scope),
    // Each readable channel's window (CHAT_WINDOW): what the live perspective holds; older chat is paged from the log.
    messages: chat
      ? Object.fromEntries(
          Object.entries(state.chat ?? {}).flatMap(([channel, window]) => (messages.reads(channel) ? window.recent.map((m) => [m.id, m] as const) : [])),
        )
      : {},
    injects: viewParts.injects(state, scope),
    objectives: viewParts.objectives(state, scope),
    notes: viewParts.notes(state, scope),
    playbookQueue: viewParts.playbookQueue(state, scope),
    controlLog: viewParts.controlLog(state, scope),
    evaluationGuide: viewParts.evaluationGuide(state, scope),
    observations: viewParts.observations(state, scope),
    capabilityRatings: viewParts.capabilityRatings(state, scope),
    feedbackAnswered: viewParts.feedbackAnswered(state),
    feedbackObjectives: viewParts.feedbackObjectives(state),
  };
}

/** Whose eyes: the white cell and observers see everything, a nation its own share. */
export type Scope = { all: boolean; me: string | null };
export function scopeOf(viewer: Viewer): Scope {
  return viewer.kind === "nation" ? { all: false, me: viewer.nation } : { all: true, me: null };
}

function mine<T>(scope: Scope, record: Record<string, T>, keep: (value: T) => boolean): Record<string, T> {
  if (scope.all) return record;
  const out: Record<string, T> = {};
  for (const key in record) if (keep(record[key]!)) out[key] = record[key]!;
  return out;
}

/**
 * The parts of a view, each computed on its own from the state fields `viewPartInputs` names,
 * so that the server's projection can refresh only the parts whose inputs changed.
 */
export const viewParts = {
  nations(state: ExerciseState, { all, me }: Scope): Record<string, NationView> {
    const nations: Record<string, NationView> = {};
    for (const nation of Object.values(state.nations)) {
      nations[nation.id] = all || nation.id === me ? nation : memo(publicNations, nation, () => publicNation(nation));
    }
    return nations;
  },
  /**
   * What the viewer knows of the forces, asset by asset (assetViewFor): its own and, to a member
   * of the alliance's command, the forces under it, in full; foreign forces on its own territory,
   * always and truly (detection.ts's rule), from the first turn on; the rest as its known-forces
   * picture has them, a destroyed asset's last sighting included.
   */
  assets(state: ExerciseState, scope: Scope): Record<string, AssetView> {
    const assets: Record<string, AssetView> = {};
    const member = readsAllianceForces(state, scope);
    for (const id in state.assets) {
      const view = assetViewFor(state, scope, id, member);
      if (view) assets[id] = view;
    }
    const picture = scope.all || scope.me === null ? undefined : own(state.detections, scope.me);
    for (const id in picture) if (!Object.hasOwn(state.assets, id)) assets[id] = assetViewFor(state, scope, id, member)!;
    return assets;
  },
  /**
   * A nation knows its own standing with each partner, never the standing of two others (whom
   * A privately briefed would show as A–C trust moving). The alliance's cohesion, which does
   * depend on every pair, reaches it only as the one figure `cohesion` computed from the full state.
   */
  relations(state: ExerciseState, { all, me }: Scope): Record<string, Relation> {
    if (all) return state.relations;
    const relations: Record<string, Relation> = {};
    for (const key in state.relations) if (pairOf(key).includes(me!)) relations[key] = state.relations[key]!;
    return relations;
  },
  /**
   * A nation's own copies (the white cell: all). A report that does not carry its releasability
   * shows the one its classification gives, so every reader sees where it may go.
   */
  reports: (state: ExerciseState, scope: Scope): Record<string, Report> =>
    withReleasability(
      state,
      mine(scope, state.reports, (r) => r.owner === scope.me),
    ),
  agreements(state: ExerciseState, scope: Scope): Record<string, AgreementView> {
    const visible: Record<string, AgreementView> = mine(scope, state.agreements, (a) => scope.me !== null && a.parties.includes(scope.me));
    // A scenario's agreement keeps its title's translations (the record holds the main language only).
    let out = visible;
    for (const spec of state.scenario.agreements ?? []) {
      const a = visible[spec.id];
      if (!a || !spec.i18n || a.title !== spec.title) continue;
      if (out === visible) out = { ...visible };
      out[spec.id] = memo(translatedAgreements, a, () => ({ ...a, i18n: spec.i18n }));
    }
    return out;
  },
  consentRequests: (state: ExerciseState, scope: Scope): Record<string, ConsentRequest> =>
    mine(scope, state.consentRequests, (c) => c.requester === scope.me || c.host === scope.me),
  infoRequests: (state: ExerciseState, scope: Scope): Record<string, InfoRequest> =>
    mine(scope, state.infoRequests, (q) => q.requester === scope.me || q.target === scope.me),
  /** With each draft's cost, and a move's route and arrival turn (order-cost.ts): the team sees what it plans before it commits. */
  drafts(state: ExerciseState, scope: Scope): Record<string, DraftView> {
    const out: Record<string, DraftView> = {};
    const inputs = draftInputs(state);
    const { all, me } = scope;
    for (const id in state.drafts) {
      const draft = state.drafts[id]!;
      if (all || draft.nation === me) out[id] = draftView(state, draft, inputs);
    }
    return out;
  },
  injects(state: ExerciseState, scope: Scope): Record<string, InjectView> {
    const injects: Record<string, InjectView> = {};
    // The white cell reads the MSEL in its order (the editor moves injects).
    const place = scope.all ? new Map(mselOrder(state).map((id, i) => [id, i + 1])) : null;
    for (const inject of Object.values(state.injects)) {
      const view = injectViewFor(inject, scope, place?.get(inject.id) ?? 0);
      if (view) injects[inject.id] = view;
    }
    return injects;
  },
  objectives(state: ExerciseState, { all, me }: Scope): View["objectives"] {
    const objectives: View["objectives"] = {};
    for (const spec of state.scenario.objectives) {
      if (!all && spec.nation !== undefined && spec.nation !== me) continue;
      objectives[spec.id] = { ...state.objectives[spec.id]!, title: spec.title, nation: spec.nation ?? null, ...(spec.i18n ? { i18n: spec.i18n } : {}) };
    }
    return objectives;
  },
  notes: (state: ExerciseState, { all }: Scope): Record<string, ObserverNote> => (all ? state.notes : {}),
  /** With the level's and the rule's names from the playbook, which only the white cell reads, and their translations. */
  playbookQueue(state: ExerciseState, { all }: Scope): Record<string, QueuedMoveView> {
    const out: Record<string, QueuedMoveView> = {};
    if (!all) return out;
    for (const move of Object.values(state.playbookQueue ?? {})) {
      const level = state.scenario.nations.find((n) => n.id === move.nation)?.playbook?.levels.find((l) => l.id === move.level);
      const rule = level?.rules.find((r) => r.id === move.rule);
      const i18n: Translations = {};
      for (const [lang, texts] of Object.entries(level?.i18n ?? {})) if (texts?.name) (i18n[lang as keyof Translations] ??= {}).levelName = texts.name;
      for (const [lang, texts] of Object.entries(rule?.i18n ?? {})) if (texts?.name) (i18n[lang as keyof Translations] ??= {}).ruleName = texts.name;
      out[move.id] = {
        ...move,
        levelName: level?.name ?? move.level,
        ruleName: rule?.name ?? move.rule,
        ...(Object.keys(i18n).length ? { i18n } : {}),
      };
    }
    return out;
  },
  controlLog: (state: ExerciseState, { all }: Scope): Record<string, ControlLogEntry> => (all ? (state.controlLog ?? NO_ENTRIES) : NO_ENTRIES),
  ...evaluationParts,
};

/**
 * Of the regions, the assets part reads only who owns each (foreign units in one's own land):
 * a value that stays the same object while no owner changes, so an adjudicated stability or a
 * crisis does not recompute every perspective's assets (5,000 of them on the scale map, #23).
 */
const ownersByRegions = new WeakMap<object, { key: string }>();
let lastOwners: { key: string } = { key: "" };
export function regionOwners(regions: ExerciseState["regions"]): { key: string } {
  let owners = ownersByRegions.get(regions);
  if (!owners) {
    let key = "";
    for (const id in regions) key += `${id}:${regions[id]!.owner ?? ""},`;
    owners = key === lastOwners.key ? lastOwners : { key };
    ownersByRegions.set(regions, owners);
    lastOwners = owners;
  }
  return owners;
}

/**
 * Every state field each part reads, the same for every viewer: while they are the same objects
 * (and `viewPartViewerInputs` are), the part is unchanged.
 */
export const viewPartInputs: { [K in keyof typeof viewParts]: (state: ExerciseState) => readonly unknown[] } = {
  nations: (s) => [s.nations],
  assets: (s) => [s.assets, s.allianceCommander, regionOwners(s.regions), s.turn],
  relations: (s) => [s.relations],
  reports: (s) => [s.reports],
  agreements: (s) => [s.agreements, s.scenario],
  consentRequests: (s) => [s.consentRequests],
  infoRequests: (s) => [s.infoRequests],
  drafts: (s) => [s.drafts, s.assets, s.regions, s.agreements, s.consentRequests, s.nations, s.turn],
  injects: (s) => [s.injects, s.mselOrder],
  objectives: (s) => [s.objectives, s.scenario],
  notes: (s) => [s.notes],
  playbookQueue: (s) => [s.playbookQueue],
  controlLog: (s) => [s.controlLog],
  ...evaluationPartInputs,
};

/**
 * What a part reads that is the viewer's own: the assets part reads the viewer's known-forces
 * picture, not every nation's, so one team's sighting reported recomputes that team's assets
 * only (on the full map the thirteen perspectives' assets took ~60 ms for one sighting, #23).
 */
export const viewPartViewerInputs: Partial<{ [K in keyof typeof viewParts]: (state: ExerciseState, scope: Scope) => unknown }> = {
  assets: (s, { all, me }) => (all || me === null ? null : own(s.detections, me)),
};

/**
 * Which messages a viewer reads: those on its channels. `key` names the channel set, so that a
 * consumer adding messages as they come (they are only ever appended) knows when to start over.
 */
export function messageFilter(
  state: ExerciseState,
  viewer: Viewer,
): { key: string; reads: (channel: string) => boolean; visible: (message: Message) => boolean } {
  if (viewer.kind !== "nation") return { key: "*", reads: () => true, visible: () => true };
  const channels = channelsOf(state, viewer.nation);
  const readable = new Set(channels);
  return { key: channels.join("|"), reads: (channel) => readable.has(channel), visible: (message) => readable.has(message.channel) };
}

const NO_ENTRIES: Record<string, ControlLogEntry> = Object.freeze({}) as Record<string, ControlLogEntry>;

// Views of unchanged records are reused, so the server's projection can skip them by identity.
const publicNations = new WeakMap<object, PublicNation>();
const translatedAgreements = new WeakMap<object, AgreementView>();
const releasableReports = new WeakMap<object, Report>();

function withReleasability(state: ExerciseState, reports: Record<string, Report>): Record<string, Report> {
  let out = reports;
  for (const key in reports) {
    const report = reports[key]!;
    if (report.releasability) continue;
    if (out === reports) out = { ...reports };
    out[key] = memo(releasableReports, report, () => ({ ...report, releasability: releasabilityOf(state, report) }));
  }
  return out;
}
function memo<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** A nation as every other nation knows it (the public part of the room's state writes the same fields). */
export function publicNation(nation: NationState): PublicNation {
  return {
    id: nation.id,
    name: nation.name,
    color: nation.color,
    playable: nation.playable,
    alliance: nation.alliance,
    committed: nation.committed,
    policies: { publicStance: nation.policies.publicStance },
  };
}

/** Scenario clock at the start of the current turn. */
export function scenarioTime(state: ExerciseState): string {
  const start = Date.parse(state.scenario.startTime);
  const turn = Math.max(state.turn, 1);
  return new Date(start + (turn - 1) * state.scenario.hoursPerTurn * 3600_000).toISOString();
}
