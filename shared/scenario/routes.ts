import type { AssetTypeSpec, RegionSpec } from "./schema.ts";

/** What movement reads of a region (the client's public map has just this much). */
export type MapRegion = Pick<RegionSpec, "id" | "kind" | "adjacent" | "port" | "airfield">;

/**
 * The movement rules over the map, on the scenario's own records, so the engine (routes in play)
 * and the validator (can this asset ever get anywhere useful?) read the same rules:
 * - land units move over land regions; anything of domain "any" (aircraft, cyber, …) anywhere;
 * - ships move over sea regions, may leave the land region they are in into an adjacent sea, and
 *   may put into a **port** from an adjacent sea, but only to stop there: a port is not a canal.
 */
export function mayStep(type: Pick<AssetTypeSpec, "domain">, from: MapRegion, to: MapRegion): boolean {
  if (type.domain === "any") return true;
  if (type.domain === "land") return to.kind === "land";
  return to.kind === "sea" || (to.port === true && from.kind === "sea");
}

/** Whether an asset may carry on from a region it has entered (ships stop in a port). */
export function mayPassThrough(type: Pick<AssetTypeSpec, "domain">, region: MapRegion): boolean {
  return !(type.domain === "sea" && region.kind === "land");
}

/** Where a carrier loads and unloads: ships at ports, transport aircraft (and any other carrier) at airfields. */
export type Terminal = "port" | "airfield";
export function terminalOf(carrier: Pick<AssetTypeSpec, "domain">): Terminal {
  return carrier.domain === "sea" ? "port" : "airfield";
}

export function isTerminal(region: MapRegion, terminal: Terminal): boolean {
  return region.kind === "land" && region[terminal] === true;
}

/**
 * Only what cannot cross the sea by itself is lifted: a type whose domain is "land" (brigades,
 * engineers, field hospitals, road-bound logistics), and never a carrier itself. Aircraft, ships
 * and cyber teams deploy on their own.
 */
export function liftable(type: Pick<AssetTypeSpec, "domain" | "lift">): boolean {
  return type.domain === "land" && !type.lift;
}

/** Whether this carrier's type takes this unit's type aboard (by the unit's category). */
export function mayCarry(carrier: Pick<AssetTypeSpec, "lift">, cargo: Pick<AssetTypeSpec, "domain" | "lift" | "category">): boolean {
  return liftable(cargo) && Boolean(carrier.lift?.carries.includes(cargo.category));
}

/**
 * Where a carrier standing in `at` can land a unit: `at` itself when it is a terminal of the
 * carrier's kind, then each adjacent one (a ship off the coast lands troops in the port next to it).
 */
export function landingPoints<R extends MapRegion>(regions: ReadonlyMap<string, R>, carrier: Pick<AssetTypeSpec, "domain">, at: string): R[] {
  const here = regions.get(at);
  if (!here) return [];
  const terminal = terminalOf(carrier);
  const candidates = [here, ...here.adjacent.map((id) => regions.get(id)).filter((r): r is R => r !== undefined)];
  return candidates.filter((r) => isTerminal(r, terminal));
}

/**
 * Shortest route from `from` to `to` that the type may take, through regions `allowed` accepts
 * (the destination included), or null. The route lists the regions entered, ending at `to`.
 */
export function shortestRoute(
  regions: ReadonlyMap<string, MapRegion>,
  type: Pick<AssetTypeSpec, "domain">,
  from: string,
  to: string,
  allowed: (id: string) => boolean = () => true,
): string[] | null {
  if (from === to) return [];
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current === to) break;
    const here = regions.get(current);
    if (!here || (current !== from && !mayPassThrough(type, here))) continue;
    for (const next of here.adjacent) {
      const spec = regions.get(next);
      if (!spec || previous.has(next) || !mayStep(type, here, spec) || !allowed(next)) continue;
      previous.set(next, current);
      queue.push(next);
    }
  }
  if (!previous.has(to)) return null;
  const route: string[] = [];
  for (let at = to; at !== from; at = previous.get(at)!) route.unshift(at);
  return route;
}

/** Every region the type can reach from `from` by itself (sovereignty aside), `from` included. */
export function reachableFrom(regions: ReadonlyMap<string, MapRegion>, type: Pick<AssetTypeSpec, "domain">, from: string): Set<string> {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    const current = queue.shift()!;
    const here = regions.get(current);
    if (!here || (current !== from && !mayPassThrough(type, here))) continue;
    for (const next of here.adjacent) {
      const spec = regions.get(next);
      if (!spec || seen.has(next) || !mayStep(type, here, spec)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}
