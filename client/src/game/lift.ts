import type { ClientState, ClientAsset, OwnAsset } from "../state/client-state.ts";
import { assetType } from "./names.ts";
import { landingPoints, mayCarry } from "../../../shared/scenario/routes.ts";

/**
 * What the order form and the selection panel need to know about lift, read from the seat's own
 * perspective and the public map with the same rules the engine applies (shared/scenario/routes.ts).
 */
const own = (state: ClientState): OwnAsset[] => Object.values(state.perspective?.assets ?? {}).filter((a): a is OwnAsset => !a.foreign);

/** The own unit's carrier, when it is aboard one. */
export function carrierOf(state: ClientState, asset: ClientAsset | undefined): OwnAsset | undefined {
  if (!asset || asset.foreign || !asset.embarkedOn) return undefined;
  const carrier = state.perspective?.assets[asset.embarkedOn];
  return carrier && !carrier.foreign ? carrier : undefined;
}

/** Units aboard a carrier. */
export function aboardOf(state: ClientState, carrierId: string): OwnAsset[] {
  return own(state).filter((a) => a.embarkedOn === carrierId);
}

/** The seat's carriers whose type could take this unit (wherever they are now). */
export function carriersFor(state: ClientState, assetId: string): OwnAsset[] {
  const unit = state.perspective?.assets[assetId];
  const unitType = unit ? assetType(state, unit) : undefined;
  if (!unit || unit.foreign || !unitType) return [];
  return own(state).filter((c) => c.id !== unit.id && mayCarry(assetType(state, c) ?? {}, unitType));
}

/** The seat's carriers (a type with lift), for the selection panel. */
export function liftOf(state: ClientState, asset: ClientAsset): { capacity: number; carries: readonly string[] } | undefined {
  return assetType(state, asset)?.lift;
}

/** Where the carrier of this unit can land it now: its own region or an adjacent port / airfield. */
export function landingOptions(state: ClientState, assetId: string): string[] {
  const carrier = carrierOf(state, state.perspective?.assets[assetId]);
  const type = carrier ? assetType(state, carrier) : undefined;
  if (!carrier || !type) return [];
  return landingPoints(new Map(state.scenario.regions.map((r) => [r.id, r])), type, carrier.region).map((r) => r.id);
}
