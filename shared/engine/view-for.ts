import type { ExerciseState, NationState, AssetState, Report, Agreement, ConsentRequest, InfoRequest, Draft, Message, ObserverNote, RegionState, Relation, ObjectiveState } from "../state/schema.ts";
import type { InjectSpec } from "../scenario/schema.ts";
import { channelsOf } from "./channels.ts";
import { allMessages } from "../state/schema.ts";
import { cohesion } from "./metrics.ts";

export type Viewer = { kind: "nation"; nation: string } | { kind: "white" } | { kind: "observer" };

/** What every nation knows of another: who it is and whether it is ready, not its books. */
export type PublicNation = Pick<NationState, "id" | "name" | "color" | "playable" | "alliance" | "committed"> & { policies: Pick<NationState["policies"], "publicStance"> };
export type NationView = PublicNation | NationState;

/** A foreign asset as the viewer last saw it; status and strength are not observable. */
export type ForeignAssetView = { id: string; name: string; type: string; owner: string; region: string; lastSeenTurn: number; foreign: true };
export type AssetView = (AssetState & { foreign?: false }) | ForeignAssetView;

export type InjectView = {
  id: string;
  number: string;
  title: string;
  body: string;
  type: InjectSpec["type"];
  delivery: InjectSpec["delivery"];
  from: string;
  to: InjectSpec["to"];
  releasedTurn: number | null;
  /** White cell only: the MSEL bookkeeping. */
  status?: string;
  trigger?: InjectSpec["trigger"];
  expectedActions?: InjectSpec["expectedActions"];
  delayedToTurn?: number | null;
  objective?: string;
  capability?: string;
};

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
  nations: Record<string, NationView>;
  relations: Record<string, Relation>;
  regions: Record<string, RegionState>;
  assets: Record<string, AssetView>;
  reports: Record<string, Report>;
  agreements: Record<string, Agreement>;
  consentRequests: Record<string, ConsentRequest>;
  infoRequests: Record<string, InfoRequest>;
  drafts: Record<string, Draft>;
  messages: Record<string, Message>;
  injects: Record<string, InjectView>;
  objectives: Record<string, ObjectiveState & { title: string; nation: string | null }>;
  notes: Record<string, ObserverNote>;
};

/**
 * viewFor(state, viewer): exactly what a viewer may know. The live room and the replay viewer
 * both call this, so "what Blue saw at turn 4" is computed by the same code that served Blue.
 */
export function viewFor(state: ExerciseState, viewer: Viewer): View {
  const all = viewer.kind !== "nation";
  const me = viewer.kind === "nation" ? viewer.nation : null;
  const mine = <T>(record: Record<string, T>, keep: (value: T) => boolean): Record<string, T> => {
    if (all) return record;
    const out: Record<string, T> = {};
    for (const key in record) if (keep(record[key]!)) out[key] = record[key]!;
    return out;
  };

  const nations: Record<string, NationView> = {};
  for (const nation of Object.values(state.nations)) {
    nations[nation.id] = all || nation.id === me ? nation : memo(publicNations, nation, () => publicNation(nation));
  }
  const assets: Record<string, AssetView> = {};
  for (const asset of Object.values(state.assets)) if (all || asset.owner === me) assets[asset.id] = asset;
  if (me) {
    for (const detection of Object.values(state.detections[me] ?? {})) {
      if (assets[detection.asset]) continue;
      assets[detection.asset] = { id: detection.asset, name: detection.name, type: detection.type, owner: detection.owner, region: detection.region, lastSeenTurn: detection.turn, foreign: true };
    }
  }
  const channels = me ? new Set(channelsOf(state, me)) : null;
  const injects: Record<string, InjectView> = {};
  for (const inject of Object.values(state.injects)) {
    const addressed = inject.spec.to === "all" || (me !== null && inject.spec.to.includes(me));
    if (!all && (inject.status !== "released" || !addressed)) continue;
    injects[inject.id] = memo(all ? whiteInjects : publicInjects, inject, () => (all ? whiteInject(inject.spec, inject) : publicInject(inject.spec, inject.releasedTurn)));
  }
  const objectives: View["objectives"] = {};
  for (const spec of state.scenario.objectives) {
    if (!all && spec.nation !== undefined && spec.nation !== me) continue;
    objectives[spec.id] = { ...state.objectives[spec.id]!, title: spec.title, nation: spec.nation ?? null };
  }

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
    cohesion: cohesion(state),
    nations,
    relations: mine(state.relations, () => true),
    regions: state.regions,
    assets,
    reports: mine(state.reports, (r) => r.owner === me),
    agreements: mine(state.agreements, (a) => me !== null && a.parties.includes(me)),
    consentRequests: mine(state.consentRequests, (c) => c.requester === me || c.host === me),
    infoRequests: mine(state.infoRequests, (q) => q.requester === me || q.target === me),
    drafts: mine(state.drafts, (d) => d.nation === me),
    messages: Object.fromEntries(allMessages(state).filter((m) => all || channels!.has(m.channel)).map((m) => [m.id, m])),
    injects,
    objectives,
    notes: all ? state.notes : {},
  };
}

// Views of unchanged records are reused, so the server's projection can skip them by identity.
const whiteInjects = new WeakMap<object, InjectView>();
const publicInjects = new WeakMap<object, InjectView>();
const publicNations = new WeakMap<object, PublicNation>();
function memo<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

function publicNation(nation: NationState): PublicNation {
  return { id: nation.id, name: nation.name, color: nation.color, playable: nation.playable, alliance: nation.alliance, committed: nation.committed, policies: { publicStance: nation.policies.publicStance } };
}

function publicInject(spec: InjectSpec, releasedTurn: number | null): InjectView {
  return { id: spec.id, number: spec.number, title: spec.title, body: spec.body, type: spec.type, delivery: spec.delivery, from: spec.from, to: spec.to, releasedTurn };
}

function whiteInject(spec: InjectSpec, inject: { status: string; releasedTurn: number | null; delayedToTurn: number | null }): InjectView {
  return {
    ...publicInject(spec, inject.releasedTurn),
    status: inject.status,
    trigger: spec.trigger,
    expectedActions: spec.expectedActions,
    delayedToTurn: inject.delayedToTurn,
    objective: spec.objective,
    capability: spec.capability,
  };
}

/** Scenario clock at the start of the current turn. */
export function scenarioTime(state: ExerciseState): string {
  const start = Date.parse(state.scenario.startTime);
  const turn = Math.max(state.turn, 1);
  return new Date(start + (turn - 1) * state.scenario.hoursPerTurn * 3600_000).toISOString();
}
