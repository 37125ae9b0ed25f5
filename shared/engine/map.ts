import type { ExerciseState, AssetState } from "../state/schema.ts";
import type { AssetTypeSpec, RegionSpec, ScenarioSpec } from "../scenario/schema.ts";
import { shortestRoute } from "../scenario/routes.ts";

export type RouteResult = { ok: true; route: string[] } | { ok: false; reason: "no_route" } | { ok: false; reason: "needs_consent"; hosts: string[] };

export function regionSpec(state: ExerciseState, id: string): RegionSpec | undefined {
  return regionMap(state).get(id);
}

const regionMaps = new WeakMap<ScenarioSpec, Map<string, RegionSpec>>();
/** The scenario's regions by id (made once per scenario: the scenario never changes in play). */
export function regionMap(state: ExerciseState): ReadonlyMap<string, RegionSpec> {
  let map = regionMaps.get(state.scenario);
  if (!map) regionMaps.set(state.scenario, (map = new Map(state.scenario.regions.map((r) => [r.id, r]))));
  return map;
}

export function assetType(state: ExerciseState, asset: AssetState): AssetTypeSpec {
  const type = state.scenario.assetTypes.find((t) => t.id === asset.type);
  if (!type) throw new Error(`asset ${asset.id} has unknown type ${asset.type}`);
  return type;
}

/** A nation may enter a region it owns, an unowned one, or a foreign one with consent or a SOFA. */
export function mayEnter(state: ExerciseState, nation: string, regionId: string): boolean {
  const owner = state.regions[regionId]?.owner ?? null;
  if (owner === null || owner === nation) return true;
  return hasSofa(state, nation, owner) || hasConsent(state, nation, regionId);
}

export function hasSofa(state: ExerciseState, a: string, b: string): boolean {
  return agreementInForce(state, "sofa", [a, b]);
}

export function agreementInForce(state: ExerciseState, kind: string, parties: string[]): boolean {
  return Object.values(state.agreements).some(
    (ag) =>
      ag.kind === kind && ag.status === "accepted" && parties.every((p) => ag.parties.includes(p)) && (ag.expiresTurn === null || ag.expiresTurn >= state.turn),
  );
}

export function hasConsent(state: ExerciseState, nation: string, regionId: string): boolean {
  return Object.values(state.consentRequests).some((c) => c.requester === nation && c.region === regionId && c.status === "granted");
}

/**
 * Shortest route over adjacency that the asset's domain allows (shared/scenario/routes.ts: ships
 * may put into ports), first avoiding any foreign
 * territory the nation may not enter; if only such territory blocks the way, say whose.
 */
export function findRoute(state: ExerciseState, asset: AssetState, destination: string): RouteResult {
  const type = assetType(state, asset);
  if (asset.region === destination) return { ok: true, route: [] };
  const permitted = bfs(state, type, asset.region, destination, (id) => mayEnter(state, asset.owner, id));
  if (permitted) return { ok: true, route: permitted };
  const physical = bfs(state, type, asset.region, destination, () => true);
  if (!physical) return { ok: false, reason: "no_route" };
  const hosts = [...new Set(physical.filter((id) => !mayEnter(state, asset.owner, id)).map((id) => state.regions[id]!.owner!))];
  return { ok: false, reason: "needs_consent", hosts };
}

function bfs(state: ExerciseState, type: AssetTypeSpec, from: string, to: string, allowed: (id: string) => boolean): string[] | null {
  return shortestRoute(regionMap(state), type, from, to, allowed);
}

/** Regions within `range` steps of a region (including itself). */
export function regionsWithin(state: ExerciseState, origin: string, range: number): Set<string> {
  const seen = new Set([origin]);
  let frontier = [origin];
  for (let step = 0; step < range; step++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const adjacent of regionSpec(state, id)?.adjacent ?? []) {
        if (!seen.has(adjacent)) {
          seen.add(adjacent);
          next.push(adjacent);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** Regions crossed per turn; pre-positioned assets, and a nation at high alert, are faster to respond. */
export function effectiveSpeed(state: ExerciseState, asset: AssetState): number {
  const type = assetType(state, asset);
  const rules = state.scenario.rules;
  const alert = state.nations[asset.owner]?.policies.alertLevel ?? "normal";
  return type.speed + (asset.prepositioned ? rules.prepositionSpeedBonus : 0) + rules.alertSpeedBonus[alert];
}
