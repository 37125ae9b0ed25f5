import type { ExerciseState, Order } from "../state/schema.ts";
import { RejectionCode, type Rejection } from "../protocol/rejections.ts";
import { assetType, findRoute } from "./map.ts";
import { assertNever } from "./evolve.ts";

/**
 * Checks an order against the state: at drafting time to tell the team at once, and again at
 * resolution because the world may have changed in between (consent withdrawn, budget spent).
 */
export function validateOrder(state: ExerciseState, nation: string, order: Order): Rejection | null {
  switch (order.kind) {
    case "deployAsset":
    case "prepositionAsset":
    case "recallAsset": {
      const asset = state.assets[order.asset];
      if (!asset || (asset.owner !== nation && !knows(state, nation, order.asset))) return { code: RejectionCode.UnknownAsset, message: `There is no asset "${order.asset}".` };
      if (asset.owner !== nation) return { code: RejectionCode.NotYourNation, message: `${asset.name} belongs to ${state.nations[asset.owner]?.name ?? asset.owner}.` };
      if (!state.regions[order.destination]) return { code: RejectionCode.UnknownRegion, message: `There is no region "${order.destination}".` };
      const type = assetType(state, asset);
      if (order.kind === "deployAsset" && !type.missions.includes(order.mission)) {
        return { code: RejectionCode.MissionNotSupported, message: `${type.name} cannot fly a ${order.mission} mission (it can: ${type.missions.join(", ")}).` };
      }
      const route = findRoute(state, asset, order.destination);
      if (!route.ok && route.reason === "no_route") return { code: RejectionCode.NoRoute, message: `${asset.name} cannot reach ${regionName(state, order.destination)}: no ${type.domain} route.` };
      if (!route.ok && route.reason === "needs_consent") {
        const hosts = route.hosts.map((h) => state.nations[h]?.name ?? h).join(", ");
        return { code: RejectionCode.NeedsConsent, message: `The route to ${regionName(state, order.destination)} crosses territory of ${hosts}: request consent or agree a SOFA first.` };
      }
      const cost = order.kind === "deployAsset" || order.kind === "prepositionAsset" ? type.deployCost : 0;
      if (cost > state.nations[nation]!.budget) return { code: RejectionCode.InsufficientBudget, message: `Deploying ${asset.name} costs ${cost}; the budget is ${state.nations[nation]!.budget}.` };
      return null;
    }
    case "setMission": {
      const asset = state.assets[order.asset];
      if (!asset || asset.owner !== nation) return { code: asset ? RejectionCode.NotYourNation : RejectionCode.UnknownAsset, message: asset ? `${asset.name} is not yours.` : `There is no asset "${order.asset}".` };
      const type = assetType(state, asset);
      if (!type.missions.includes(order.mission)) return { code: RejectionCode.MissionNotSupported, message: `${type.name} cannot take a ${order.mission} mission.` };
      return null;
    }
    case "setPolicy": {
      for (const partner of Object.keys(order.intelSharing ?? {})) {
        if (!state.nations[partner] || partner === nation) return { code: RejectionCode.UnknownNation, message: `"${partner}" is not a partner nation.` };
      }
      if (!order.alertLevel && !order.rulesOfEngagement && !order.publicStance && !order.intelSharing) return { code: RejectionCode.InvalidPayload, message: "A policy order must change at least one policy." };
      return null;
    }
    case "fundCapacityBuilding": {
      if (!state.nations[order.partner] || order.partner === nation) return { code: RejectionCode.UnknownNation, message: `"${order.partner}" is not a partner nation.` };
      if (order.amount > state.nations[nation]!.budget) return { code: RejectionCode.InsufficientBudget, message: `Funding ${order.amount} exceeds the budget of ${state.nations[nation]!.budget}.` };
      return null;
    }
    default:
      return assertNever(order);
  }
}

function knows(state: ExerciseState, nation: string, asset: string): boolean {
  return Boolean(state.detections[nation]?.[asset]);
}

export function regionName(state: ExerciseState, id: string): string {
  return state.scenario.regions.find((r) => r.id === id)?.name ?? id;
}
