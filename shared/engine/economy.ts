import type { EventBuilder } from "./builder.ts";
import type { ExerciseState } from "../state/schema.ts";
import { assetType } from "./map.ts";
import { clamp, round1 } from "./numbers.ts";
import { explain } from "./explain.ts";
import { term } from "./words.ts";
import { keyedByIdentity } from "../state/records.ts";

/** A nation's books at the end of a turn, before they are applied: what applyEconomy charges and gives. */
export type TurnEconomy = {
  income: number;
  /** Upkeep of its assets away from home (deployed or moving), scaled by the alert level. */
  upkeep: number;
  /** What the upkeep would be at the normal alert level; `upkeep − baseUpkeep` is the alert's share. */
  baseUpkeep: number;
  /** The alert level's standing cost. */
  standing: number;
  /** More to pay than it has: the budget stops at zero and readiness falls. */
  overstretched: boolean;
  budget: number;
  readiness: number;
};

/**
 * Income, upkeep of assets away from home, readiness recovery. Budgets never go below zero.
 * The alert level scales upkeep (alertUpkeepFactor), adds a standing cost (alertStandingCost)
 * and speeds readiness recovery (alertReadinessBonus). Pure: the turn summary reads the same
 * figures (shared/view/turn-summary.ts).
 */
export function turnEconomy(state: ExerciseState, nationId: string): TurnEconomy {
  const rules = state.scenario.rules;
  const nation = state.nations[nationId]!;
  const alert = nation.policies.alertLevel;
  const baseUpkeep = upkeepAwayFromHome(state).get(nation.id) ?? 0;
  const standing = rules.alertStandingCost[alert];
  const upkeep = baseUpkeep * rules.alertUpkeepFactor[alert];
  const total = upkeep + standing;
  const overstretched = nation.budget + nation.budgetPerTurn - total < 0;
  const bonus = rules.alertReadinessBonus[alert];
  return {
    income: nation.budgetPerTurn,
    upkeep,
    baseUpkeep,
    standing,
    overstretched,
    budget: round1(Math.max(0, nation.budget + nation.budgetPerTurn - total)),
    readiness: round1(clamp(nation.readiness + (overstretched ? -rules.readinessRecovery : rules.readinessRecovery + bonus))),
  };
}

/**
 * Every nation's upkeep at the normal alert level, summed in one pass over the assets and kept
 * for that assets record: a turn's economy reads it once per nation with the assets unchanged
 * (12 nations and 5,000 assets were 60,000 asset reads a turn, in resolution and in every replay's fold).
 * Each nation's sum adds the same terms in the same order as a pass of its own would. As the
 * asset index (asset-index.ts), a new assets record is a new version.
 */
const upkeepKept = new WeakMap<ExerciseState["assets"], { scenario: ExerciseState["scenario"]; byNation: Map<string, number> }>();
function upkeepAwayFromHome(state: ExerciseState): Map<string, number> {
  const kept = upkeepKept.get(state.assets);
  if (kept && kept.scenario === state.scenario) return kept.byNation;
  const byNation = new Map<string, number>();
  const multiplier = state.scenario.rules.upkeepMultiplier;
  for (const asset of Object.values(state.assets)) {
    if (asset.status === "deployed" || asset.status === "moving")
      byNation.set(asset.owner, (byNation.get(asset.owner) ?? 0) + assetType(state, asset).upkeep * multiplier);
  }
  upkeepKept.set(state.assets, { scenario: state.scenario, byNation });
  // Copied on its next change even where a fold or a decision changes records in place (records.ts): kept sums are never stale.
  keyedByIdentity(state.assets);
  return byNation;
}

export function applyEconomy(b: EventBuilder): void {
  const rules = b.state.scenario.rules;
  for (const nation of Object.values(b.state.nations).sort((x, y) => (x.id < y.id ? -1 : 1))) {
    const alert = nation.policies.alertLevel;
    const books = turnEconomy(b.state, nation.id);
    if (books.budget !== nation.budget || books.readiness !== nation.readiness) {
      b.emit({
        type: "nationUpdated",
        nation: nation.id,
        budget: books.budget,
        politicalCapital: nation.politicalCapital,
        readiness: books.readiness,
        cause: "economy",
      });
    }
    const bonus = rules.alertReadinessBonus[alert];
    const extra = round1(books.upkeep + books.standing - books.baseUpkeep);
    if (alert !== "normal" && (extra !== 0 || (bonus !== 0 && !books.overstretched))) {
      explain(b, "policies.alertEconomy", [nation.id], books.overstretched ? "policies.economy.alertOverstretched" : "policies.economy.alert", {
        alertLevel: term("alertLevel", alert),
        extra,
        readiness: bonus,
      });
    }
  }
}
