import type { PlannedMove } from "../state/schema.ts";
import type { Observation } from "../state/schema.ts";
import type { EegObjective } from "../scenario/eeg.ts";
import type {
  ControlLogEntry,
  Detection,
  ExerciseState,
  NationState,
  AssetState,
  Report,
  Agreement,
  ConsentRequest,
  InfoRequest,
  Draft,
  Message,
  ObserverNote,
  RegionState,
  Relation,
  ObjectiveState,
} from "../state/schema.ts";
import { channelsOf } from "./channels.ts";
import { mselOrder } from "./msel-order.ts";
import { injectViewFor, type InjectView } from "./inject-view.ts";
import { keyedByIdentity, own } from "../state/records.ts";
import { pairOf } from "../state/schema.ts";
import { cohesion } from "./metrics.ts";
import type { Msg } from "../i18n/message.ts";
import type { Translations } from "../i18n/text.ts";
import { evaluationParts, evaluationPartInputs, type CapabilityRatingsView, type FeedbackObjective } from "./evaluation-view.ts";

/** A known-forces entry as its holder reads it, field by field (exercise control's bookkeeping, such as the truth behind a mistaken sighting, stays out). */
function seenBy(state: ExerciseState, d: Detection): { seen?: SeenBy } {
  if (!d.sensor && !d.report && !d.from) return {};
  const seen: SeenBy = {};
  // Another nation's sensor is named only when it is under alliance command (every member sees those); else only its nation.
  if (d.sensor && (!d.from || state.assets[d.sensor]?.authority)) seen.sensor = d.sensor;
  if (d.from) seen.nation = d.from;
  if (d.report) seen.report = d.report;
  if (d.sensor && d.reliability && d.credibility) seen.grade = `${d.reliability}${d.credibility}`;
  if (d.confirmedTurn !== undefined) seen.confirmedTurn = d.confirmedTurn;
  if (d.since !== undefined) seen.since = d.since;
  return { seen };
}

/** The alliance commander, or a nation with forces under alliance command. */
function isCommandMember(state: ExerciseState, nation: string): boolean {
  return state.allianceCommander === nation || contributorsOf(state.assets).has(nation);
}

/** The nations with forces under alliance command, once per version of the assets (every perspective asks). */
const contributorsByAssets = new WeakMap<object, ReadonlySet<string>>();
function contributorsOf(assets: ExerciseState["assets"]): ReadonlySet<string> {
  let owners = contributorsByAssets.get(assets);
  if (!owners) {
    const found = new Set<string>();
    for (const id in assets) if (assets[id]!.authority) found.add(assets[id]!.owner);
    contributorsByAssets.set(assets, (owners = found));
    keyedByIdentity(assets);
  }
  return owners;
}

/** Whether the scope's nation reads the alliance's forces in full (the commander, or a contributor). */
export function readsAllianceForces(state: ExerciseState, { all, me }: Scope): boolean {
  return me !== null && !all && isCommandMember(state, me);
}

/**
 * One asset's entry in a scope's assets part (viewParts.assets), or null when the viewer does not
 * know it, in the part's order of precedence: its own, or the alliance's to a member, in full; a
 * foreign one on its territory; one in its known-forces picture (a destroyed asset's too).
 * `member` is `readsAllianceForces(state, scope)`. The part is made of it, and so are the
 * projection's changed assets (assets-changes.ts).
 */
export function assetViewFor(state: ExerciseState, { all, me }: Scope, id: string, member: boolean): AssetView | null {
  const asset = own(state.assets, id);
  if (asset && (all || asset.owner === me || (member && asset.authority))) return asset;
  if (me === null) return null;
  if (asset && state.regions[asset.region]?.owner === me) return territoryView(asset, state.turn);
  const detection = own(own(state.detections, me), id);
  return detection ? detectionView(state, detection) : null;
}

/**
 * A foreign asset on the viewer's own territory, as the viewer knows it: the same object while
 * the asset and the turn are, so the projection finds it unchanged (5,000 assets, #23).
 */
const territoryViews = new WeakMap<AssetState, { turn: number; view: AssetView }>();
function territoryView(asset: AssetState, turn: number): AssetView {
  const cached = territoryViews.get(asset);
  if (cached?.turn === turn) return cached.view;
  const view: AssetView = {
    id: asset.id,
    name: asset.name,
    type: asset.type,
    owner: asset.owner,
    region: asset.region,
    lastSeenTurn: turn,
    foreign: true,
    ...(asset.i18n ? { i18n: asset.i18n } : {}),
  };
  territoryViews.set(asset, { turn, view });
  return view;
}

/** A known-forces entry as its holder reads it: the same object while what it reads is. */
const detectionViews = new WeakMap<Detection, { sensor: unknown; names: unknown; view: AssetView }>();
function detectionView(state: ExerciseState, detection: Detection): AssetView {
  // The name's translations come with the name: a nation that knows an asset's name may read it in its language.
  const names = state.assets[detection.asset]?.i18n;
  // seenBy names the sensor of an ally's sighting only while that sensor is under alliance command.
  const sensor = detection.sensor ? state.assets[detection.sensor]?.authority : undefined;
  const cached = detectionViews.get(detection);
  if (cached && cached.names === names && cached.sensor === sensor) return cached.view;
  const view: AssetView = {
    id: detection.asset,
    name: detection.name,
    type: detection.type,
    owner: detection.owner,
    region: detection.region,
    lastSeenTurn: detection.turn,
    foreign: true,
    ...(names ? { i18n: names } : {}),
    ...seenBy(state, detection),
  };
  detectionViews.set(detection, { sensor, names, view });
  return view;
}
import { releasabilityOf } from "./releasability.ts";
import { draftPlan, type DraftPlan } from "./order-cost.ts";

/** A draft in a team's view: the order and what it will cost, with a move's planned route and arrival. */
export type DraftView = Draft & { plan?: DraftPlan };

export type Viewer = { kind: "nation"; nation: string } | { kind: "white" } | { kind: "observer" };

/** What every nation knows of another: who it is and whether it is ready, not its books. */
export type PublicNation = Pick<NationState, "id" | "name" | "color" | "playable" | "alliance" | "committed"> & {
  policies: Pick<NationState["policies"], "publicStance">;
};
export type NationView = PublicNation | NationState;

/**
 * How the viewer knows a foreign asset (its known-forces entry): the sensor that last saw it (with
 * `nation` when an ally's under alliance command saw it), or the report that placed it; its grade
 * and last confirmation. Absent: on the viewer's own territory (certain).
 */
export type SeenBy = { sensor?: string; nation?: string; report?: string; grade?: string; confirmedTurn?: number; since?: number };

/** A foreign asset as the viewer last saw it; status and strength are not observable. */
export type ForeignAssetView = {
  id: string;
  name: string;
  type: string;
  owner: string;
  region: string;
  lastSeenTurn: number;
  foreign: true;
  i18n?: Record<string, Record<string, string>>;
  seen?: SeenBy;
};
export type AssetView = (AssetState & { foreign?: false }) | ForeignAssetView;

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
/**
 * A draft's view, kept while the draft and what its plan reads (viewPartInputs.drafts) are the
 * same objects: a new draft then costs its own plan, not every draft's again (routes included),
 * and the projection finds the others unchanged (#23, round trip).
 */
const draftViews = new WeakMap<Draft, { inputs: readonly unknown[]; view: DraftView }>();
/** What a draft's plan reads, once per state (every perspective and every draft compares against the same array). */
const draftInputsOf = new WeakMap<ExerciseState, readonly unknown[]>();
function draftInputs(state: ExerciseState): readonly unknown[] {
  let inputs = draftInputsOf.get(state);
  if (inputs === undefined)
    draftInputsOf.set(state, (inputs = [state.assets, state.regions, state.agreements, state.consentRequests, state.nations, state.turn, state.scenario]));
  return inputs;
}
function draftView(state: ExerciseState, draft: Draft, inputs: readonly unknown[]): DraftView {
  const cached = draftViews.get(draft);
  if (cached && (cached.inputs === inputs || cached.inputs.every((value, i) => value === inputs[i]))) {
    cached.inputs = inputs;
    return cached.view;
  }
  const view = { ...draft, plan: draftPlan(state, draft) };
  draftViews.set(draft, { inputs, view });
  return view;
}

function memo<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

function publicNation(nation: NationState): PublicNation {
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
