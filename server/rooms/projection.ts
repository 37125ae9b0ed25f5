import type { MapSchema } from "@colyseus/schema";
import type { ExerciseState } from "../../shared/state/schema.ts";
import { scenarioTime, type View, type AssetView } from "../../shared/engine/view-for.ts";
import { cohesion } from "../../shared/engine/metrics.ts";
import type { FeedItem } from "../../shared/view/feed.ts";
import { RegionSchema, NationSchema, NationPrivateSchema, AssetSchema, RelationSchema, DocSchema, SeatSchema, type ExerciseRoomState, type PerspectiveSchema } from "./room-state.ts";

/** A live seat as the roster shows it. The key is a public id, never the seat token. */
export type RosterSeat = { id: string; name: string; nation: string | null; role: string; online: boolean };

type Assignable = Record<string, unknown>;

/** Assigns only the fields that changed, so a patch carries just the difference. */
function assign(target: Assignable, values: Assignable): void {
  for (const key in values) if (target[key] !== values[key]) target[key] = values[key];
}

function syncMap<S extends object, V>(map: MapSchema<S>, record: Record<string, V>, create: () => S, fill: (target: S, value: V) => void): void {
  for (const key of [...map.keys()]) if (!Object.hasOwn(record, key)) map.delete(key);
  for (const key in record) {
    let target = map.get(key);
    const isNew = target === undefined;
    if (isNew) target = create();
    fill(target!, record[key]!);
    if (isNew) map.set(key, target!);
  }
}

/** JSON of immutable state records, cached by identity: structural sharing makes this cheap. */
const jsonCache = new WeakMap<object, string>();
function jsonOf(value: object): string {
  let json = jsonCache.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    jsonCache.set(value, json);
  }
  return json;
}

function syncDocs<V extends object>(map: MapSchema<InstanceType<typeof DocSchema>>, record: Record<string, V>): void {
  syncMap(map, record, () => new DocSchema(), (doc, value) => {
    const json = jsonOf(value);
    if (doc.json !== json) doc.json = json;
  });
}

export function projectPublic(room: ExerciseRoomState, state: ExerciseState, onlineByNation: Record<string, number>): void {
  assign(room as unknown as Assignable, {
    phase: state.phase,
    turn: state.turn,
    turns: state.scenario.turns,
    seq: state.seq,
    deadline: state.deadline ?? 0,
    pausedRemainingMs: state.pausedRemainingMs ?? 0,
    turnSeconds: state.turnSeconds,
    scenarioTime: scenarioTime(state),
    cohesion: cohesion(state),
  });
  syncMap(room.regions, state.regions, () => new RegionSchema(), (target, region) =>
    assign(target as unknown as Assignable, {
      id: region.id,
      owner: region.owner ?? "",
      stability: region.stability,
      baseline: region.baseline,
      crisisKind: region.crisis?.kind ?? "",
      crisisSeverity: region.crisis?.severity ?? 0,
      crisisSince: region.crisis?.since ?? 0,
    }),
  );
  syncMap(room.nations, state.nations, () => new NationSchema(), (target, nation) =>
    assign(target as unknown as Assignable, {
      id: nation.id,
      name: nation.name,
      color: nation.color,
      playable: nation.playable,
      alliance: nation.alliance,
      committed: nation.committed,
      publicStance: nation.policies.publicStance,
      online: onlineByNation[nation.id] ?? 0,
    }),
  );
}

export function projectPerspective(p: PerspectiveSchema, view: View, feed: readonly FeedItem[], seats: readonly RosterSeat[]): void {
  const privateNations: Record<string, Extract<View["nations"][string], { budget: number }>> = {};
  for (const [id, nation] of Object.entries(view.nations)) if ("budget" in nation) privateNations[id] = nation;
  syncMap(p.nations, privateNations, () => new NationPrivateSchema(), (target, n) =>
    assign(target as unknown as Assignable, {
      id: n.id,
      budget: n.budget,
      budgetPerTurn: n.budgetPerTurn,
      politicalCapital: n.politicalCapital,
      readiness: n.readiness,
      alertLevel: n.policies.alertLevel,
      rulesOfEngagement: n.policies.rulesOfEngagement,
      publicStance: n.policies.publicStance,
      intelSharing: JSON.stringify(n.policies.intelSharing),
      committedBy: n.committedBy ?? "",
    }),
  );
  syncMap(p.assets, view.assets, () => new AssetSchema(), (target, asset) => assign(target as unknown as Assignable, assetFields(asset)));
  syncMap(p.relations, view.relations, () => new RelationSchema(), (target, r) => assign(target as unknown as Assignable, { trust: r.trust, interoperability: r.interoperability }));
  syncDocs(p.reports, view.reports);
  syncDocs(p.agreements, view.agreements);
  syncDocs(p.consentRequests, view.consentRequests);
  syncDocs(p.infoRequests, view.infoRequests);
  syncDocs(p.drafts, view.drafts);
  syncDocs(p.messages, view.messages);
  syncDocs(p.injects, view.injects);
  syncDocs(p.objectives, view.objectives);
  syncDocs(p.notes, view.notes);
  syncDocs(p.feed, Object.fromEntries(feed.map((item) => [String(item.seq), item])));
  syncMap(p.seats, Object.fromEntries(seats.map((s) => [s.id, s])), () => new SeatSchema(), (target, s) =>
    assign(target as unknown as Assignable, { name: s.name, nation: s.nation ?? "", role: s.role, online: s.online }),
  );
}

function assetFields(asset: AssetView): Assignable {
  if (asset.foreign) {
    return { id: asset.id, name: asset.name, type: asset.type, owner: asset.owner, region: asset.region, status: "unknown", strength: 0, mission: "", destination: "", route: "", eta: 0, prepositioned: false, foreign: true, lastSeenTurn: asset.lastSeenTurn };
  }
  return {
    id: asset.id,
    name: asset.name,
    type: asset.type,
    owner: asset.owner,
    region: asset.region,
    status: asset.status,
    strength: asset.strength,
    mission: asset.mission ?? "",
    destination: asset.destination ?? "",
    route: asset.route.join(","),
    eta: asset.eta ?? 0,
    prepositioned: asset.prepositioned,
    foreign: false,
    lastSeenTurn: 0,
  };
}
