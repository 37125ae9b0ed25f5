import type { EventBuilder } from "./builder.ts";
import { assetType } from "./map.ts";
import { clamp, round1 } from "./numbers.ts";

/** Income, upkeep of assets away from home, readiness recovery. Budgets never go below zero. */
export function applyEconomy(b: EventBuilder): void {
  const rules = b.state.scenario.rules;
  for (const nation of Object.values(b.state.nations).sort((x, y) => (x.id < y.id ? -1 : 1))) {
    let upkeep = 0;
    for (const asset of Object.values(b.state.assets)) {
      if (asset.owner === nation.id && (asset.status === "deployed" || asset.status === "moving")) upkeep += assetType(b.state, asset).upkeep * rules.upkeepMultiplier;
    }
    const budget = round1(Math.max(0, nation.budget + nation.budgetPerTurn - upkeep));
    const overstretched = nation.budget + nation.budgetPerTurn - upkeep < 0;
    const readiness = round1(clamp(nation.readiness + (overstretched ? -rules.readinessRecovery : rules.readinessRecovery)));
    if (budget !== nation.budget || readiness !== nation.readiness) {
      b.emit({ type: "nationUpdated", nation: nation.id, budget, politicalCapital: nation.politicalCapital, readiness });
    }
  }
}
