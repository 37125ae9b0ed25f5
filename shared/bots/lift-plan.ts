import type { View } from "../engine/view-for.ts";
import type { AssetState } from "../state/schema.ts";
import type { ParticipantCommand } from "../protocol/commands.ts";
import type { AssetTypeSpec } from "../scenario/schema.ts";
import { landingPoints, mayCarry, reachableFrom, isTerminal, terminalOf, shortestRoute, type MapRegion } from "../scenario/routes.ts";
import type { BotWorld } from "./bot-world.ts";

type Own = AssetState & { foreign?: false };

/**
 * A bot's use of strategic lift, one step a turn, read off the view as it stands (a bot keeps no
 * memory): a unit that cannot reach a crisis it is fit for by itself walks to a carrier's port or
 * airfield and embarks; a loaded carrier sails for a landing point in the crisis region; a
 * carrier there lands the unit, which the crisis loop then deploys where it stands.
 */
export function liftMoves(
  view: View,
  world: BotWorld,
  own: readonly Own[],
  busy: Set<string>,
  fitness: (asset: Own, kind: string) => number,
  spendable: () => number,
): ParticipantCommand[] {
  const regions = new Map<string, MapRegion>(world.regions.map((r) => [r.id, r]));
  const typeOf = (asset: Own): AssetTypeSpec | undefined => world.assetTypes.find((t) => t.id === asset.type);
  const crises = Object.values(view.regions)
    .filter((r) => r.crisis && r.crisis.severity > 0 && !world.adversaries.includes(r.owner ?? ""))
    .sort((a, b) => b.crisis!.severity - a.crisis!.severity || (a.id < b.id ? -1 : 1));
  const carriers = own.filter((a) => !a.authority && typeOf(a)?.lift);
  const commands: ParticipantCommand[] = [];
  const still = (a: Own) => a.route.length === 0 && a.status !== "moving" && a.status !== "degraded";

  /**
   * Where a carrier should land this unit: the port or airfield (of the carrier's kind, which the
   * carrier can reach) from which the unit can walk to the worst crisis it is fit for, nearest
   * that crisis; null when there is none.
   */
  const landingFor = (unit: Own, carrier: Own): { terminal: string; crisis: string } | null => {
    const unitType = typeOf(unit)!;
    const carrierType = typeOf(carrier)!;
    const terminal = terminalOf(carrierType);
    const carrierReach = reachableFrom(regions, carrierType, carrier.region);
    const landable = new Set([...carrierReach].flatMap((id) => landingPoints(regions, carrierType, id).map((r) => r.id)));
    for (const crisis of crises) {
      if (fitness(unit, crisis.crisis!.kind) <= 0) continue;
      const terminals = [...landable].filter((id) => isTerminal(regions.get(id)!, terminal) && reachableFrom(regions, unitType, id).has(crisis.id));
      terminals.sort((a, b) => distance(regions, unitType, a, crisis.id) - distance(regions, unitType, b, crisis.id) || (a < b ? -1 : 1));
      if (terminals[0]) return { terminal: terminals[0], crisis: crisis.id };
    }
    return null;
  };

  for (const carrier of carriers) {
    if (busy.has(carrier.id)) continue;
    const aboard = own.filter((a) => a.embarkedOn === carrier.id);
    if (aboard.length === 0 || !still(carrier)) continue;
    const carrierType = typeOf(carrier)!;
    const here = landingPoints(regions, carrierType, carrier.region).map((r) => r.id);
    // Loaded: land what has a crisis to walk to from here, or sail for the landing point.
    for (const unit of aboard) {
      const landing = landingFor(unit, carrier);
      const destination = landing && here.includes(landing.terminal) ? landing.terminal : !landing ? here[0] : undefined;
      if (destination) {
        commands.push({ type: "draftOrder", order: { kind: "disembarkAsset", asset: unit.id, destination } });
        busy.add(unit.id);
      } else if (landing && !busy.has(carrier.id) && (carrierType.deployCost ?? 0) <= spendable()) {
        commands.push({ type: "draftOrder", order: { kind: "prepositionAsset", asset: carrier.id, destination: landing.terminal } });
        busy.add(carrier.id);
      }
    }
  }

  for (const unit of own) {
    const type = typeOf(unit);
    if (!type || busy.has(unit.id) || unit.embarkedOn || unit.authority || !still(unit) || unit.status === "deployed") continue;
    const reach = reachableFrom(regions, type, unit.region);
    // Only a unit with a crisis it is fit for and cannot reach by itself needs lift.
    if (!crises.some((r) => fitness(unit, r.crisis!.kind) > 0 && !reach.has(r.id))) continue;
    const carrier = carriers.find((c) => !busy.has(c.id) && mayCarry(typeOf(c)!, type) && still(c) && landingFor(unit, c));
    if (!carrier) continue;
    const carrierType = typeOf(carrier)!;
    const terminal = terminalOf(carrierType);
    const here = regions.get(unit.region)!;
    const carrierReach = reachableFrom(regions, carrierType, carrier.region);
    if (carrier.region === unit.region && isTerminal(here, terminal)) {
      commands.push({ type: "draftOrder", order: { kind: "embarkAsset", asset: unit.id, carrier: carrier.id } });
      busy.add(unit.id);
      busy.add(carrier.id);
    } else if (isTerminal(here, terminal) && carrierReach.has(unit.region) && (carrierType.deployCost ?? 0) <= spendable()) {
      // The carrier comes to the unit's port or airfield.
      commands.push({ type: "draftOrder", order: { kind: "prepositionAsset", asset: carrier.id, destination: unit.region } });
      busy.add(carrier.id);
      busy.add(unit.id);
    } else if (!isTerminal(here, terminal) && (type.deployCost ?? 0) <= spendable()) {
      // The unit walks to the nearest port or airfield its carrier can put into.
      const meeting = [...reach]
        .filter((id) => isTerminal(regions.get(id)!, terminal) && carrierReach.has(id))
        .sort((a, b) => distance(regions, type, unit.region, a) - distance(regions, type, unit.region, b) || (a < b ? -1 : 1))[0];
      if (!meeting) continue;
      commands.push({ type: "draftOrder", order: { kind: "prepositionAsset", asset: unit.id, destination: meeting } });
      busy.add(unit.id);
    }
  }
  return commands;
}

function distance(regions: ReadonlyMap<string, MapRegion>, type: Pick<AssetTypeSpec, "domain">, from: string, to: string): number {
  return shortestRoute(regions, type, from, to)?.length ?? Number.POSITIVE_INFINITY;
}
