import type { ExerciseState, Order } from "../state/schema.ts";
import { RejectionCode, refuse, type Rejection } from "../protocol/rejections.ts";
import { ref } from "../i18n/message.ts";
import { term } from "./words.ts";
import { assetType, findRoute } from "./map.ts";
import { assertNever } from "./evolve.ts";
import { deploysInPlaceBySetMission } from "./policy-change.ts";
import { authorityRefusal, commandsAsset, validateAuthorityOrder } from "./toa.ts";
import { carrierOf, liftersFor, validateDisembark, validateEmbark } from "./lift.ts";

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
      if (!asset || (asset.owner !== nation && !knows(state, nation, order.asset) && !commandsAsset(state, nation, asset)))
        return refuse(RejectionCode.UnknownAsset, "engine.order.unknownAsset");
      if (!state.regions[order.destination]) return refuse(RejectionCode.UnknownRegion, "engine.order.unknownRegion");
      // Under alliance command the commander orders it, within the owner's caveats (toa.ts).
      const command = authorityRefusal(state, nation, asset, { mission: order.kind === "deployAsset" ? order.mission : null, destination: order.destination });
      if (command) return command;
      if (command === undefined && asset.owner !== nation)
        return refuse(RejectionCode.NotYourNation, "engine.order.notYours", { asset: ref("asset", asset.id), owner: ref("nation", asset.owner) });
      const aboard = stillAboard(state, asset.id);
      if (aboard) return aboard;
      const type = assetType(state, asset);
      if (order.kind === "deployAsset" && !type.missions.includes(order.mission)) {
        return refuse(RejectionCode.MissionNotSupported, "engine.order.missionNotSupported", {
          assetType: ref("assetType", type.id),
          mission: term("mission", order.mission),
          missions: type.missions.map((m) => term("mission", m)),
        });
      }
      const route = findRoute(state, asset, order.destination);
      if (!route.ok && route.reason === "no_route") {
        // A unit that cannot get there by itself is told which of its nation's carriers could take it.
        const lifters = liftersFor(state, asset);
        if (lifters.length > 0)
          return refuse(RejectionCode.NoRoute, "lift.refuse.noRouteLift", {
            asset: ref("asset", asset.id),
            region: ref("region", order.destination),
            carriers: lifters.map((c) => ref("asset", c.id)),
          });
        return refuse(RejectionCode.NoRoute, "engine.order.noRoute", {
          asset: ref("asset", asset.id),
          region: ref("region", order.destination),
          domain: type.domain,
        });
      }
      if (!route.ok && route.reason === "needs_consent") {
        return refuse(RejectionCode.NeedsConsent, "engine.order.needsConsent", {
          region: ref("region", order.destination),
          hosts: route.hosts.map((h) => ref("nation", h)),
        });
      }
      const cost = order.kind === "deployAsset" || order.kind === "prepositionAsset" ? type.deployCost : 0;
      if (cost > state.nations[nation]!.budget)
        return refuse(RejectionCode.InsufficientBudget, "engine.order.moveBudget", {
          intent: order.kind === "prepositionAsset" ? "preposition" : "deploy",
          asset: ref("asset", asset.id),
          cost,
          budget: state.nations[nation]!.budget,
        });
      return null;
    }
    case "setMission": {
      const asset = state.assets[order.asset];
      if (!asset) return refuse(RejectionCode.UnknownAsset, "engine.order.unknownAsset");
      // Under alliance command the commander sets its mission, within the owner's caveats (toa.ts).
      const command = authorityRefusal(state, nation, asset, { mission: order.mission });
      if (command) return asset.owner === nation || knows(state, nation, asset.id) ? command : refuse(RejectionCode.NotYourNation, "engine.order.unknownAsset");
      // A foreign asset this nation has not seen is not named: the refusal must not reveal it.
      if (command === undefined && asset.owner !== nation)
        return knows(state, nation, asset.id)
          ? refuse(RejectionCode.NotYourNation, "engine.order.notYoursShort", { asset: ref("asset", asset.id) })
          : refuse(RejectionCode.NotYourNation, "engine.order.unknownAsset");
      const aboard = stillAboard(state, asset.id);
      if (aboard) return aboard;
      const type = assetType(state, asset);
      if (!type.missions.includes(order.mission))
        return refuse(RejectionCode.MissionNotSupported, "engine.order.missionNotSupported", {
          assetType: ref("assetType", type.id),
          mission: term("mission", order.mission),
          missions: type.missions.map((m) => term("mission", m)),
        });
      // A ready asset deploys in place and pays a deployment (policy-change.ts).
      if (deploysInPlaceBySetMission(asset) && type.deployCost > state.nations[nation]!.budget)
        return refuse(RejectionCode.InsufficientBudget, "engine.order.moveBudget", {
          intent: "deploy",
          asset: ref("asset", asset.id),
          cost: type.deployCost,
          budget: state.nations[nation]!.budget,
        });
      return null;
    }
    case "setPolicy": {
      for (const partner of Object.keys(order.intelSharing ?? {})) {
        if (!state.nations[partner] || partner === nation) return refuse(RejectionCode.UnknownNation, "engine.order.notPartner");
      }
      if (!order.alertLevel && !order.rulesOfEngagement && !order.publicStance && !order.intelSharing)
        return refuse(RejectionCode.InvalidPayload, "engine.order.policyEmpty");
      return null;
    }
    case "fundCapacityBuilding": {
      if (!state.nations[order.partner] || order.partner === nation) return refuse(RejectionCode.UnknownNation, "engine.order.notPartner");
      if (order.amount > state.nations[nation]!.budget)
        return refuse(RejectionCode.InsufficientBudget, "engine.order.fundBudget", { amount: order.amount, budget: state.nations[nation]!.budget });
      return null;
    }
    case "transferAuthority":
    case "revokeAuthority":
      return validateAuthorityOrder(state, nation, order);
    case "embarkAsset":
    case "disembarkAsset": {
      const asset = Object.hasOwn(state.assets, order.asset) ? state.assets[order.asset]! : undefined;
      if (!asset || (asset.owner !== nation && !knows(state, nation, order.asset))) return refuse(RejectionCode.UnknownAsset, "engine.order.unknownAsset");
      // Lift is national: a unit under alliance command is not embarked or landed by its owner (toa.ts).
      const command = authorityRefusal(state, nation, asset, {});
      if (command && asset.owner === nation) return command;
      if (asset.owner !== nation) return refuse(RejectionCode.NotYourNation, "engine.order.notYoursShort", { asset: ref("asset", asset.id) });
      return order.kind === "embarkAsset" ? validateEmbark(state, nation, asset, order) : validateDisembark(state, nation, asset, order);
    }
    default:
      return assertNever(order);
  }
}

/** A unit aboard a carrier cannot act on its own: it must land first. */
function stillAboard(state: ExerciseState, id: string): Rejection | null {
  const carrier = carrierOf(state, state.assets[id]!);
  return carrier ? refuse(RejectionCode.AssetBusy, "lift.refuse.aboard", { asset: ref("asset", id), carrier: ref("asset", carrier.id) }) : null;
}

/** What the nation's picture holds, and (always, truly) a foreign force on its own territory. */
function knows(state: ExerciseState, nation: string, asset: string): boolean {
  const where = state.assets[asset]?.region;
  return Boolean(state.detections[nation]?.[asset]) || (where !== undefined && state.regions[where]?.owner === nation);
}

export function regionName(state: ExerciseState, id: string): string {
  return state.scenario.regions.find((r) => r.id === id)?.name ?? id;
}
