import type { Draft, ExerciseState, Order } from "../state/schema.ts";
import { assetType, effectiveSpeed, findRoute } from "./map.ts";
import { deploysInPlaceBySetMission } from "./policy-change.ts";

/** What an order takes from its nation when it executes: budget, political capital, readiness (all ≥ 0). */
export type OrderCost = { budget: number; politicalCapital: number; readiness: number };

export const NO_COST: OrderCost = { budget: 0, politicalCapital: 0, readiness: 0 };

/**
 * The price of an order as the state stands. The one place these figures live: execution
 * charges them (execute-orders.ts, lift.ts) and the team's drafts show them before commit
 * (draftPlan), so the two can never disagree. An order that refers to something unknown costs
 * nothing here; validateOrder refuses it.
 */
export function orderCost(state: ExerciseState, order: Order): OrderCost {
  const rules = state.scenario.rules;
  const asset = "asset" in order && Object.hasOwn(state.assets, order.asset) ? state.assets[order.asset]! : null;
  switch (order.kind) {
    case "deployAsset":
    case "prepositionAsset":
      return asset ? { budget: assetType(state, asset).deployCost, politicalCapital: 0, readiness: rules.readinessCostPerDeployment } : NO_COST;
    case "setMission":
      // A ready asset given a mission deploys where it stands, and pays a deployment (policy-change.ts).
      return asset && deploysInPlaceBySetMission(asset)
        ? { budget: assetType(state, asset).deployCost, politicalCapital: 0, readiness: rules.readinessCostPerDeployment }
        : NO_COST;
    case "fundCapacityBuilding":
      return { budget: order.amount, politicalCapital: 0, readiness: 0 };
    case "embarkAsset":
      return { budget: rules.embarkBudgetCost, politicalCapital: 0, readiness: rules.embarkReadinessCost };
    case "disembarkAsset":
      return { budget: 0, politicalCapital: 0, readiness: rules.disembarkReadinessCost };
    case "recallAsset":
    case "setPolicy":
    case "transferAuthority":
    case "revokeAuthority":
      return NO_COST;
    default: {
      const never: never = order;
      return never ?? NO_COST;
    }
  }
}

/** A draft as its team plans it: what it will cost and, for a move, the way it would go and when it would arrive. */
export type DraftPlan = { cost: OrderCost; route?: string[]; eta?: number };

export function draftPlan(state: ExerciseState, draft: Pick<Draft, "order">): DraftPlan {
  const cost = orderCost(state, draft.order);
  const order = draft.order;
  if (order.kind !== "deployAsset" && order.kind !== "prepositionAsset" && order.kind !== "recallAsset") return { cost };
  const asset = Object.hasOwn(state.assets, order.asset) ? state.assets[order.asset]! : null;
  if (!asset || !Object.hasOwn(state.regions, order.destination)) return { cost };
  const route = findRoute(state, asset, order.destination);
  if (!route.ok) return { cost };
  // The same arithmetic as execution (execute-orders.ts): the turn at whose end it arrives.
  const eta = state.turn + Math.max(0, Math.ceil(route.route.length / effectiveSpeed(state, asset)) - 1);
  return { cost, route: [asset.region, ...route.route], eta };
}

/** The sum of several costs (a team's drafts for the turn). */
export function totalCost(costs: readonly OrderCost[]): OrderCost {
  const round = (n: number) => Math.round(n * 10) / 10;
  return costs.reduce(
    (sum, c) => ({
      budget: round(sum.budget + c.budget),
      politicalCapital: round(sum.politicalCapital + c.politicalCapital),
      readiness: round(sum.readiness + c.readiness),
    }),
    NO_COST,
  );
}
