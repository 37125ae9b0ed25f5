import type { EventBuilder } from "./builder.ts";
import type { Draft, Order } from "../state/schema.ts";
import { validateOrder } from "./orders.ts";
import { named } from "../protocol/rejections.ts";
import { msg, ref, type Msg } from "../i18n/message.ts";
import { translate } from "../i18n/format.ts";
import { englishNames, term } from "./words.ts";
import { findRoute, effectiveSpeed } from "./map.ts";
import { clamp, round1 } from "./numbers.ts";
import { relationKey } from "../state/schema.ts";
import { assertNever } from "./evolve.ts";
import { applyPolicyChange, deploysInPlaceBySetMission } from "./policy-change.ts";
import { executeAuthorityOrder } from "./toa.ts";
import { executeDisembark, executeEmbark } from "./lift.ts";
import { orderCost } from "./order-cost.ts";

/** Executes every team's drafts in a fixed order: nations by id, then drafts by creation. */
export function executeOrders(b: EventBuilder): void {
  const drafts = Object.values(b.state.drafts).sort(byNationThenId);
  for (const draft of drafts) {
    const refusal = validateOrder(b.state, draft.nation, draft.order);
    if (refusal) {
      const { message, msg: failure, code } = named(refusal, englishNames(b.state));
      b.emit({ type: "orderFailed", nation: draft.nation, order: draft.order, reason: message, failure, code });
      continue;
    }
    const result = execute(b, draft.nation, draft.order);
    b.emit({ type: "orderExecuted", nation: draft.nation, order: draft.order, outcome: translate("en", result, englishNames(b.state)), result });
  }
}

function byNationThenId(a: Draft, b: Draft): number {
  if (a.nation !== b.nation) return a.nation < b.nation ? -1 : 1;
  return Number(a.id.slice(1)) - Number(b.id.slice(1));
}

/** Carries out one validated order and says what it did, as a message. */
function execute(b: EventBuilder, nation: string, order: Order): Msg {
  const state = b.state;
  switch (order.kind) {
    case "deployAsset":
    case "prepositionAsset":
    case "recallAsset": {
      const asset = state.assets[order.asset]!;
      const route = findRoute(state, asset, order.destination);
      if (!route.ok) throw new Error("validated route vanished");
      const intent = order.kind === "deployAsset" ? "deploy" : order.kind === "prepositionAsset" ? "preposition" : "recall";
      const mission = order.kind === "deployAsset" ? order.mission : null;
      const speed = effectiveSpeed(state, asset);
      const eta = state.turn + Math.max(0, Math.ceil(route.route.length / speed) - 1);
      b.emit({
        type: "assetUpdated",
        asset: {
          ...asset,
          status: route.route.length === 0 ? asset.status : "moving",
          mission,
          destination: order.destination,
          route: route.route,
          eta,
          intent,
          prepositioned: intent === "recall" ? false : asset.prepositioned,
        },
      });
      if (intent !== "recall") {
        const owner = b.state.nations[nation]!;
        const cost = orderCost(state, order);
        b.emit({
          type: "nationUpdated",
          nation,
          budget: round1(owner.budget - cost.budget),
          politicalCapital: owner.politicalCapital,
          readiness: round1(clamp(owner.readiness - cost.readiness)),
        });
      }
      const where = { asset: ref("asset", asset.id), region: ref("region", order.destination), eta };
      if (intent === "deploy") return msg("engine.result.deployed", { ...where, mission: term("mission", mission ?? "") });
      return msg(intent === "preposition" ? "engine.result.prepositioned" : "engine.result.recalled", where);
    }
    case "setMission": {
      const asset = state.assets[order.asset]!;
      // A ready asset given a mission deploys where it stands: that is a deployment in place, and
      // costs what one does (deployAsset to its own region), or the order would be a free deploy.
      // A change of mission for an asset already deployed or under way stays free.
      const deploysInPlace = deploysInPlaceBySetMission(asset);
      const price = orderCost(state, order);
      b.emit({ type: "assetUpdated", asset: { ...asset, mission: order.mission, status: deploysInPlace ? "deployed" : asset.status } });
      if (deploysInPlace) {
        const owner = b.state.nations[nation]!;
        b.emit({
          type: "nationUpdated",
          nation,
          budget: round1(owner.budget - price.budget),
          politicalCapital: owner.politicalCapital,
          readiness: round1(clamp(owner.readiness - price.readiness)),
        });
        return msg("policies.result.missionDeployedInPlace", {
          asset: ref("asset", asset.id),
          mission: term("mission", order.mission),
          cost: price.budget,
          readiness: price.readiness,
        });
      }
      return msg("engine.result.missionSet", { asset: ref("asset", asset.id), mission: term("mission", order.mission) });
    }
    case "setPolicy": {
      const before = state.nations[nation]!.policies;
      const policies = {
        alertLevel: order.alertLevel ?? before.alertLevel,
        rulesOfEngagement: order.rulesOfEngagement ?? before.rulesOfEngagement,
        publicStance: order.publicStance ?? before.publicStance,
        intelSharing: { ...before.intelSharing, ...order.intelSharing },
      };
      b.emit({ type: "policySet", nation, policies });
      applyPolicyChange(b, nation, before, policies);
      return msg("engine.result.policySet", {
        alertLevel: term("alertLevel", policies.alertLevel),
        rulesOfEngagement: term("rulesOfEngagement", policies.rulesOfEngagement),
        publicStance: term("publicStance", policies.publicStance),
      });
    }
    case "fundCapacityBuilding": {
      const rules = state.scenario.rules;
      const donor = state.nations[nation]!;
      const partner = state.nations[order.partner]!;
      const gain = round1((order.amount / 10) * rules.capacityBuildingPer10);
      b.emit({
        type: "nationUpdated",
        nation,
        budget: round1(donor.budget - orderCost(state, order).budget),
        politicalCapital: donor.politicalCapital,
        readiness: donor.readiness,
      });
      b.emit({
        type: "nationUpdated",
        nation: partner.id,
        budget: partner.budget,
        politicalCapital: partner.politicalCapital,
        readiness: round1(clamp(partner.readiness + gain)),
      });
      const relation = b.state.relations[relationKey(nation, partner.id)]!;
      b.emit({
        type: "relationUpdated",
        a: nation,
        b: partner.id,
        trust: round1(clamp(relation.trust + rules.trustPerCapacityBuilding)),
        interoperability: round1(clamp(relation.interoperability + gain)),
      });
      return msg("engine.result.funded", { partner: ref("nation", partner.id), amount: order.amount });
    }
    case "transferAuthority":
    case "revokeAuthority":
      return executeAuthorityOrder(b, nation, order);
    case "embarkAsset":
      return executeEmbark(b, nation, order);
    case "disembarkAsset":
      return executeDisembark(b, nation, order);
    default:
      return assertNever(order);
  }
}
