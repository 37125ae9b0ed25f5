import type { EventBuilder } from "./builder.ts";
import type { AssetState, ExerciseState, Order } from "../state/schema.ts";
import { RejectionCode, refuse, type Rejection } from "../protocol/rejections.ts";
import { msg, ref, type Msg } from "../i18n/message.ts";
import { term } from "./words.ts";
import { assetType, mayEnter, regionMap } from "./map.ts";
import { clamp, round1 } from "./numbers.ts";
import { orderCost } from "./order-cost.ts";
import { explain } from "./explain.ts";
import { landingPoints, liftable, mayCarry, terminalOf, isTerminal } from "../scenario/routes.ts";

type Embark = Extract<Order, { kind: "embarkAsset" }>;
type Disembark = Extract<Order, { kind: "disembarkAsset" }>;

/**
 * Strategic lift (docs/RULES.md): a land unit boards one of its nation's ships at a port, or
 * a transport aircraft at an airfield, moves with it, and lands at a port / airfield in or next
 * to the carrier's region. Aboard, it cannot act on its own.
 */
export function carrierOf(state: ExerciseState, asset: AssetState): AssetState | null {
  const id = asset.embarkedOn ?? null;
  return id !== null && Object.hasOwn(state.assets, id) ? state.assets[id]! : null;
}

/** The units aboard a carrier, by id. */
export function aboard(state: ExerciseState, carrier: string): AssetState[] {
  return Object.values(state.assets)
    .filter((a) => (a.embarkedOn ?? null) === carrier)
    .sort((x, y) => (x.id < y.id ? -1 : 1));
}

/** The nation's carriers whose type can take this unit aboard (for "a carrier could lift it"). */
export function liftersFor(state: ExerciseState, asset: AssetState): AssetState[] {
  const type = assetType(state, asset);
  if (!liftable(type)) return [];
  return Object.values(state.assets)
    .filter((c) => c.owner === asset.owner && c.id !== asset.id && mayCarry(assetType(state, c), type))
    .sort((x, y) => (x.id < y.id ? -1 : 1));
}

/** Units aboard or about to embark (this nation's embark drafts for the carrier this turn), the one in question left out. */
function placesTaken(state: ExerciseState, carrier: string, nation: string, except: string): number {
  const ids = new Set(aboard(state, carrier).map((a) => a.id));
  for (const draft of Object.values(state.drafts)) {
    if (draft.nation === nation && draft.order.kind === "embarkAsset" && draft.order.carrier === carrier) ids.add(draft.order.asset);
  }
  ids.delete(except);
  return ids.size;
}

/** Checks an embark order for a unit the nation owns (the caller has checked ownership). */
export function validateEmbark(state: ExerciseState, nation: string, asset: AssetState, order: Embark): Rejection | null {
  const carrier = Object.hasOwn(state.assets, order.carrier) ? state.assets[order.carrier]! : null;
  if (!carrier || (carrier.owner !== nation && !state.detections[nation]?.[carrier.id])) return refuse(RejectionCode.UnknownAsset, "engine.order.unknownAsset");
  if (carrier.owner !== nation) return refuse(RejectionCode.NotYourNation, "engine.order.notYoursShort", { asset: ref("asset", carrier.id) });
  const names = { asset: ref("asset", asset.id), carrier: ref("asset", carrier.id) };
  const current = carrierOf(state, asset);
  if (current) return refuse(RejectionCode.AssetBusy, "lift.refuse.alreadyAboard", { asset: names.asset, carrier: ref("asset", current.id) });
  const type = assetType(state, asset);
  const carrierType = assetType(state, carrier);
  if (!liftable(type)) return refuse(RejectionCode.NoLift, "lift.refuse.notLiftable", { asset: names.asset });
  if (!carrierType.lift) return refuse(RejectionCode.NoLift, "lift.refuse.notCarrier", { carrier: names.carrier });
  if (!mayCarry(carrierType, type))
    return refuse(RejectionCode.NoLift, "lift.refuse.cannotCarry", { ...names, categories: carrierType.lift.carries.map((c) => term("assetCategory", c)) });
  if (asset.route.length > 0) return refuse(RejectionCode.AssetBusy, "lift.refuse.moving", { asset: names.asset });
  if (asset.region !== carrier.region)
    return refuse(RejectionCode.NoLift, "lift.refuse.notTogether", {
      ...names,
      assetRegion: ref("region", asset.region),
      carrierRegion: ref("region", carrier.region),
    });
  const terminal = terminalOf(carrierType);
  const here = regionMap(state).get(carrier.region);
  if (!here || !isTerminal(here, terminal))
    return refuse(RejectionCode.NoLift, "lift.refuse.noTerminal", { carrier: names.carrier, terminal, region: ref("region", carrier.region) });
  const taken = placesTaken(state, carrier.id, nation, asset.id);
  if (taken >= carrierType.lift.capacity)
    return refuse(RejectionCode.NoLift, "lift.refuse.full", { carrier: names.carrier, capacity: carrierType.lift.capacity, aboard: taken });
  const cost = state.scenario.rules.embarkBudgetCost;
  const budget = state.nations[nation]!.budget;
  if (cost > budget) return refuse(RejectionCode.InsufficientBudget, "lift.refuse.budget", { asset: names.asset, cost, budget });
  return null;
}

/** Where a unit would land: the order's destination, or the carrier's own region. */
function landingSite(carrier: AssetState, order: Disembark): string {
  return order.destination ?? carrier.region;
}

export function validateDisembark(state: ExerciseState, nation: string, asset: AssetState, order: Disembark): Rejection | null {
  const carrier = carrierOf(state, asset);
  if (!carrier) return refuse(RejectionCode.NoLift, "lift.refuse.notAboard", { asset: ref("asset", asset.id) });
  const site = landingSite(carrier, order);
  if (!state.regions[site]) return refuse(RejectionCode.UnknownRegion, "engine.order.unknownRegion");
  const carrierType = assetType(state, carrier);
  const points = landingPoints(regionMap(state), carrierType, carrier.region);
  const names = {
    asset: ref("asset", asset.id),
    carrier: ref("asset", carrier.id),
    carrierRegion: ref("region", carrier.region),
    terminal: terminalOf(carrierType),
  };
  if (points.length === 0) return refuse(RejectionCode.NoLift, "lift.refuse.noLandingHere", names);
  if (!points.some((p) => p.id === site))
    return refuse(RejectionCode.NoLift, "lift.refuse.noLanding", { ...names, region: ref("region", site), points: points.map((p) => ref("region", p.id)) });
  if (!mayEnter(state, nation, site))
    return refuse(RejectionCode.NeedsConsent, "engine.order.needsConsent", {
      region: ref("region", site),
      hosts: [ref("nation", state.regions[site]!.owner!)],
    });
  return null;
}

/** Loads the unit: it leaves any mission or movement it had and travels with the carrier from now on. */
export function executeEmbark(b: EventBuilder, nation: string, order: Embark): Msg {
  const asset = b.state.assets[order.asset]!;
  const carrier = b.state.assets[order.carrier]!;
  b.emit({
    type: "assetUpdated",
    asset: { ...asset, embarkedOn: carrier.id, status: "ready", mission: null, destination: null, route: [], eta: null, intent: null, prepositioned: false },
  });
  const owner = b.state.nations[nation]!;
  const cost = orderCost(b.state, order);
  b.emit({
    type: "nationUpdated",
    nation,
    budget: round1(owner.budget - cost.budget),
    politicalCapital: owner.politicalCapital,
    readiness: round1(clamp(owner.readiness - cost.readiness)),
  });
  return msg("lift.result.embarked", { asset: ref("asset", asset.id), carrier: ref("asset", carrier.id), region: ref("region", carrier.region) });
}

/** Lands the unit, ready: a deploy order next turn gives it a mission. */
export function executeDisembark(b: EventBuilder, nation: string, order: Disembark): Msg {
  const asset = b.state.assets[order.asset]!;
  const carrier = carrierOf(b.state, asset)!;
  const site = landingSite(carrier, order);
  const { embarkedOn: _aboard, ...landed } = asset;
  b.emit({
    type: "assetUpdated",
    asset: { ...landed, region: site, status: asset.strength < b.state.scenario.rules.degradedBelowStrength ? "degraded" : "ready", arrivedTurn: b.state.turn },
  });
  const owner = b.state.nations[nation]!;
  b.emit({
    type: "nationUpdated",
    nation,
    budget: owner.budget,
    politicalCapital: owner.politicalCapital,
    readiness: round1(clamp(owner.readiness - orderCost(b.state, order).readiness)),
  });
  return msg("lift.result.disembarked", { asset: ref("asset", asset.id), region: ref("region", site), carrier: ref("asset", carrier.id) });
}

/**
 * After movement: every unit aboard is where its carrier now is. The owner reads one line per
 * carrier that moved with units aboard.
 */
export function carryEmbarked(b: EventBuilder): void {
  const byCarrier = new Map<string, AssetState[]>();
  for (const unit of Object.values(b.state.assets).sort((x, y) => (x.id < y.id ? -1 : 1))) {
    const carrier = carrierOf(b.state, unit);
    if (!carrier || carrier.region === unit.region) continue;
    b.emit({ type: "assetUpdated", asset: { ...unit, region: carrier.region } });
    byCarrier.set(carrier.id, [...(byCarrier.get(carrier.id) ?? []), unit]);
  }
  for (const [id, units] of byCarrier) {
    const carrier = b.state.assets[id]!;
    explain(b, "lift.carried", [carrier.owner], "lift.explain.carried", {
      carrier: ref("asset", id),
      units: units.map((u) => ref("asset", u.id)),
      region: ref("region", carrier.region),
    });
  }
}
