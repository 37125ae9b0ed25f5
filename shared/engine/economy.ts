import type { EventBuilder } from "./builder.ts";
import { assetType } from "./map.ts";
import { clamp, round1 } from "./numbers.ts";
import { explain } from "./explain.ts";
import { term } from "./words.ts";

/**
 * Income, upkeep of assets away from home, readiness recovery. Budgets never go below zero.
 * The alert level scales upkeep (alertUpkeepFactor), adds a standing cost (alertStandingCost)
 * and speeds readiness recovery (alertReadinessBonus).
 */
export function applyEconomy(b: EventBuilder): void {
  const rules = b.state.scenario.rules;
  for (const nation of Object.values(b.state.nations).sort((x, y) => (x.id < y.id ? -1 : 1))) {
    const alert = nation.policies.alertLevel;
    let baseUpkeep = 0;
    for (const asset of Object.values(b.state.assets)) {
      if (asset.owner === nation.id && (asset.status === "deployed" || asset.status === "moving")) baseUpkeep += assetType(b.state, asset).upkeep * rules.upkeepMultiplier;
    }
    const standing = rules.alertStandingCost[alert];
    const upkeep = baseUpkeep * rules.alertUpkeepFactor[alert] + standing;
    const bonus = rules.alertReadinessBonus[alert];
    const budget = round1(Math.max(0, nation.budget + nation.budgetPerTurn - upkeep));
    const overstretched = nation.budget + nation.budgetPerTurn - upkeep < 0;
    const readiness = round1(clamp(nation.readiness + (overstretched ? -rules.readinessRecovery : rules.readinessRecovery + bonus)));
    if (budget !== nation.budget || readiness !== nation.readiness) {
      b.emit({ type: "nationUpdated", nation: nation.id, budget, politicalCapital: nation.politicalCapital, readiness });
    }
    const extra = round1(upkeep - baseUpkeep);
    if (alert !== "normal" && (extra !== 0 || (bonus !== 0 && !overstretched))) {
      explain(b, "policies.alertEconomy", [nation.id], overstretched ? "policies.economy.alertOverstretched" : "policies.economy.alert", { alertLevel: term("alertLevel", alert), extra, readiness: bonus });
    }
  }
}
