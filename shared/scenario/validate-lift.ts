import type { AssetSpec, AssetTypeSpec, RegionSpec, ScenarioSpec } from "./schema.ts";
import type { MessageKey } from "../i18n/catalog/index.ts";
import type { Params } from "../i18n/message.ts";
import { landingPoints, liftable, mayCarry, reachableFrom, terminalOf, isTerminal } from "./routes.ts";

/** A problem before it is worded: the place in the file, the catalogue key and its values. */
export type LiftProblem = { path: string; key: MessageKey; params?: Params };

/** Fitness of a type for a crisis kind, as the crisis rules read it (shared/engine/crises.ts). */
function fitnessFor(type: AssetTypeSpec, kind: string): number {
  const own = (k: string) => (Object.hasOwn(type.fitness, k) ? type.fitness[k] : undefined);
  return own(kind) ?? own("*") ?? 0;
}

/** Every crisis kind each region has at the start or will get from an inject's effect. */
export function crisesByRegion(s: ScenarioSpec): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (region: string, kind: string) => out.set(region, (out.get(region) ?? new Set()).add(kind));
  for (const r of s.regions) if (r.crisis) add(r.id, r.crisis.kind);
  for (const inject of s.msel) for (const e of inject.effects) if (e.kind === "crisis") add(e.region, e.crisisKind);
  return out;
}

/** The carriers' own scenario checks: a carrier crosses what its cargo cannot; who starts aboard fits. */
export function liftSpecProblems(s: ScenarioSpec): LiftProblem[] {
  const problems: LiftProblem[] = [];
  const types = new Map(s.assetTypes.map((t) => [t.id, t]));
  s.assetTypes.forEach((t, i) => {
    if (t.lift && t.domain === "land") problems.push({ path: `assetTypes[${i}].lift`, key: "lift.validate.liftOnLand" });
  });
  const aboard = new Map<string, number>();
  s.assets.forEach((a, i) => {
    if (a.embarkedOn === undefined) return;
    const path = `assets[${i}].embarkedOn`;
    const carrier = s.assets.find((c) => c.id === a.embarkedOn);
    if (!carrier) return void problems.push({ path, key: "lift.validate.embarkedUnknown", params: { carrier: a.embarkedOn } });
    const type = types.get(a.type);
    const carrierType = types.get(carrier.type);
    if (!type || !carrierType || carrier.owner !== a.owner || carrier.region !== a.region || !mayCarry(carrierType, type)) {
      return void problems.push({ path, key: "lift.validate.embarkedWrong", params: { carrier: carrier.id } });
    }
    const count = (aboard.get(carrier.id) ?? 0) + 1;
    aboard.set(carrier.id, count);
    if (count === carrierType.lift!.capacity + 1)
      problems.push({ path, key: "lift.validate.embarkedFull", params: { carrier: carrier.id, capacity: carrierType.lift!.capacity, count } });
  });
  return problems;
}

/**
 * The regions an asset can ever get to, by itself and by lift: its own moves, then, for each of
 * its nation's carriers that can take it, every landing point of that carrier if the unit can
 * reach a port / airfield the carrier can reach (or starts aboard it), and so on until nothing
 * new is reached. Sovereignty is left out: consent can be had in play.
 */
export function reachWithLift(s: ScenarioSpec, regions: ReadonlyMap<string, RegionSpec>, asset: AssetSpec): Set<string> {
  const types = new Map(s.assetTypes.map((t) => [t.id, t]));
  const type = types.get(asset.type)!;
  const reach = reachableFrom(regions, type, asset.region);
  if (!liftable(type)) return reach;
  const carriers = s.assets
    .filter((c) => c.owner === asset.owner && c.id !== asset.id && types.has(c.type) && mayCarry(types.get(c.type)!, type))
    .map((c) => {
      const carrierType = types.get(c.type)!;
      const goes = reachableFrom(regions, carrierType, c.region);
      const lands = new Set([...goes].flatMap((at) => landingPoints(regions, carrierType, at).map((r) => r.id)));
      return { id: c.id, terminal: terminalOf(carrierType), goes, lands };
    });
  const boarded = new Set<string>(asset.embarkedOn ? [asset.embarkedOn] : []);
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of carriers) {
      if (!boarded.has(c.id) && ![...reach].some((id) => c.goes.has(id) && regions.get(id) && isTerminal(regions.get(id)!, c.terminal))) continue;
      boarded.add(c.id);
      for (const point of c.lands) {
        if (reach.has(point)) continue;
        for (const id of reachableFrom(regions, type, point)) reach.add(id);
        changed = true;
      }
    }
  }
  return reach;
}

/**
 * Each playable asset that can reach no region where its missions matter: a region with a crisis
 * (now or from an inject) its type has fitness for. ISR assets (a detection range) are left out:
 * their sensors matter wherever they are.
 */
export function reachabilityProblems(s: ScenarioSpec): LiftProblem[] {
  const problems: LiftProblem[] = [];
  const regions = new Map(s.regions.map((r) => [r.id, r]));
  const types = new Map(s.assetTypes.map((t) => [t.id, t]));
  const playable = new Set(s.nations.filter((n) => n.playable).map((n) => n.id));
  const crises = crisesByRegion(s);
  s.assets.forEach((asset, i) => {
    const type = types.get(asset.type);
    if (!playable.has(asset.owner) || !type || !regions.has(asset.region) || type.detectionRange > 0) return;
    const targets = [...crises]
      .filter(([, kinds]) => [...kinds].some((k) => fitnessFor(type, k) > 0))
      .map(([id]) => id)
      .filter((id) => regions.has(id))
      .sort();
    if (targets.length === 0) {
      const kinds = Object.keys(type.fitness).filter((k) => type.fitness[k]! > 0);
      return void problems.push({
        path: `assets[${i}]`,
        key: "lift.validate.noCrisisForType",
        params: { asset: asset.id, type: type.id, kinds: kinds.length ? kinds.join(", ") : "-" },
      });
    }
    const reach = reachWithLift(s, regions, asset);
    if (!targets.some((id) => reach.has(id)))
      problems.push({ path: `assets[${i}]`, key: "lift.validate.unreachable", params: { asset: asset.id, regions: targets.join(", "), owner: asset.owner } });
  });
  return problems;
}
