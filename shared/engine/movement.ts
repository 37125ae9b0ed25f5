import type { EventBuilder } from "./builder.ts";
import { effectiveSpeed } from "./map.ts";
import { carryEmbarked } from "./lift.ts";

/** Moves every asset along its route by its speed; arrivals take up their intended status; units aboard go with their carriers. */
export function moveAssets(b: EventBuilder): void {
  const moving = Object.values(b.state.assets)
    .filter((a) => a.intent !== null)
    .sort((x, y) => (x.id < y.id ? -1 : 1));
  for (const asset of moving) {
    const steps = Math.min(effectiveSpeed(b.state, asset), asset.route.length);
    const region = steps > 0 ? asset.route[steps - 1]! : asset.region;
    const route = asset.route.slice(steps);
    if (route.length > 0) {
      b.emit({ type: "assetUpdated", asset: { ...asset, region, route, status: "moving" } });
      continue;
    }
    const status = asset.intent === "deploy" ? "deployed" : "ready";
    b.emit({
      type: "assetUpdated",
      asset: {
        ...asset,
        region,
        route: [],
        status: asset.strength < b.state.scenario.rules.degradedBelowStrength ? "degraded" : status,
        destination: null,
        eta: null,
        intent: null,
        prepositioned: asset.intent === "preposition",
        arrivedTurn: b.state.turn,
      },
    });
  }
  carryEmbarked(b);
}
