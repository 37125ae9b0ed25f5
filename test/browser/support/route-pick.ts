import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ScenarioSpec } from "../../../shared/scenario/schema.ts";
import { initialState } from "../../../shared/engine/initial-state.ts";
import { findRoute } from "../../../shared/engine/map.ts";

export function loadScenario(dir: string, id: string): ScenarioSpec {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))) {
    const raw = JSON.parse(readFileSync(join(dir, file), "utf8"));
    if (raw.id === id) return ScenarioSpec.parse(raw);
  }
  throw new Error(`no scenario ${id} in ${dir}`);
}

/**
 * For the map test, an order whose asset will still be under way after one turn (so a route and
 * an ETA are drawn), found with the shared rules so the test works for any scenario.
 */
export function longDeployment(
  scenario: ScenarioSpec,
  nation: string,
): { asset: string; assetLabel: string; destination: string; destinationLabel: string; mission: string } | null {
  const state = initialState(scenario, "pick", 1);
  for (const asset of Object.values(state.assets).filter((a) => a.owner === nation)) {
    const type = scenario.assetTypes.find((t) => t.id === asset.type)!;
    for (const region of scenario.regions) {
      const route = findRoute(state, asset, region.id);
      if (!route.ok || route.route.length <= type.speed || type.deployCost > state.nations[nation]!.budget) continue;
      const from = scenario.regions.find((r) => r.id === asset.region)!;
      const category = { naval: "NAV", air: "AIR", land: "LND", isr: "ISR", cyber: "CYB", logistics: "LOG", medical: "MED" }[type.category];
      return {
        asset: asset.id,
        assetLabel: `${category} ${asset.name} — ${from.name} (ready)`,
        destination: region.id,
        destinationLabel: `${region.name} (${region.kind})`,
        mission: type.missions[0]!,
      };
    }
  }
  return null;
}
