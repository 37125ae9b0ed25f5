import type { Condition } from "../scenario/conditions.ts";
import type { ExerciseState } from "../state/schema.ts";
import { relationKey } from "../state/schema.ts";
import { compare } from "./numbers.ts";
import { agreementInForce, assetType } from "./map.ts";
import { cohesion } from "./metrics.ts";
import { assertNever } from "./evolve.ts";
import { forcesIn } from "./sides.ts";

/** Evaluates a scenario condition against the state; unknown references are simply false. */
export function evaluate(state: ExerciseState, condition: Condition): boolean {
  switch (condition.kind) {
    case "regionStability": {
      const region = state.regions[condition.region];
      return region ? compare(region.stability, condition.op, condition.value) : false;
    }
    case "crisisSeverity": {
      const region = state.regions[condition.region];
      return region ? compare(region.crisis?.severity ?? 0, condition.op, condition.value) : false;
    }
    case "trust":
    case "interoperability": {
      const relation = state.relations[relationKey(condition.a, condition.b)];
      return relation ? compare(relation[condition.kind], condition.op, condition.value) : false;
    }
    case "cohesion":
      return compare(cohesion(state), condition.op, condition.value);
    case "readiness": {
      const nation = state.nations[condition.nation];
      return nation ? compare(nation.readiness, condition.op, condition.value) : false;
    }
    case "turnReached":
      return state.turn >= condition.turn;
    case "injectReleased": {
      const inject = state.injects[condition.inject];
      return inject?.releasedTurn != null && state.turn - inject.releasedTurn >= (condition.afterTurns ?? 0);
    }
    case "assetInRegion": {
      const window = condition.withinTurnsOfInject;
      const released = window ? state.injects[window.inject]?.releasedTurn : null;
      if (window && released == null) return false;
      return Object.values(state.assets).some((asset) => {
        if (asset.region !== condition.region || asset.route.length > 0) return false;
        if (condition.owner && asset.owner !== condition.owner) return false;
        if (condition.asset && asset.id !== condition.asset) return false;
        if (condition.category && assetType(state, asset).category !== condition.category) return false;
        if (window) return asset.arrivedTurn !== null && asset.arrivedTurn - released! <= window.turns && asset.arrivedTurn >= released!;
        return true;
      });
    }
    case "agreementInForce":
      return agreementInForce(state, condition.agreementKind, condition.parties);
    case "tension":
      return compare(state.tension, condition.op, condition.value);
    case "turn":
      return compare(state.turn, condition.op, condition.value);
    case "forcesInRegion": {
      if (!state.regions[condition.region]) return false;
      const forces = forcesIn(state, condition.region);
      return compare((condition.side === "alliance" ? forces.allied : forces.hostile).length, condition.op, condition.count);
    }
    case "worstCrisis":
      return compare(Math.max(0, ...Object.values(state.regions).map((r) => r.crisis?.severity ?? 0)), condition.op, condition.value);
    case "all":
      return condition.of.every((c) => evaluate(state, c));
    case "any":
      return condition.of.some((c) => evaluate(state, c));
    case "not":
      return !evaluate(state, condition.condition);
    default:
      return assertNever(condition);
  }
}
