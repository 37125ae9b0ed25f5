import type { EventBuilder } from "./builder.ts";
import type { AssetState, ExerciseState } from "../state/schema.ts";
import { ref } from "../i18n/message.ts";
import { assetType, effectiveSpeed, findRoute, mayEnter, regionSpec } from "./map.ts";
import { lostBasis } from "./agreement-terms.ts";
import { explain } from "./explain.ts";

/**
 * Forces that lost their right to be somewhere leave: when a host revokes consent, or a SOFA is
 * terminated or runs out, the visiting nation's assets in that host's territory are recalled at
 * the next resolution to the nearest region they may be in, and assets whose route crosses it
 * are routed around it (or stopped at its border). Runs before movement.
 */
export function enforceSovereignty(b: EventBuilder): void {
  const assets = Object.values(b.state.assets).sort((x, y) => (x.id < y.id ? -1 : 1));
  for (const original of assets) {
    const asset = b.state.assets[original.id]!;
    const barred = (region: string) => lostBasis(b.state, asset.owner, region) && !mayEnter(b.state, asset.owner, region);
    const here = barred(asset.region);
    const routeBarred = asset.route.some(barred);
    if (!here && !routeBarred) continue;
    // Already on its way out along a lawful route: nothing to do.
    if (here && asset.route.length > 0 && !routeBarred) continue;
    if (!here) {
      rerouteOrStop(b, asset);
      continue;
    }
    const exit = nearestLawful(b.state, asset);
    const host = b.state.regions[asset.region]!.owner!;
    if (!exit) {
      explain(b, "sovereignty.stranded", [asset.owner, host], "agreements.explain.stranded", {
        asset: ref("asset", asset.id),
        region: ref("region", asset.region),
        host: ref("nation", host),
      });
      continue;
    }
    const eta = b.state.turn + Math.max(0, Math.ceil(exit.route.length / effectiveSpeed(b.state, asset)) - 1);
    b.emit({
      type: "assetUpdated",
      asset: { ...asset, status: "moving", mission: null, destination: exit.region, route: exit.route, eta, intent: "recall", prepositioned: false },
    });
    explain(b, "sovereignty.leave", [asset.owner, host], "agreements.explain.mustLeave", {
      asset: ref("asset", asset.id),
      region: ref("region", asset.region),
      host: ref("nation", host),
      destination: ref("region", exit.region),
    });
  }
}

function rerouteOrStop(b: EventBuilder, asset: AssetState): void {
  const route = asset.destination ? findRoute(b.state, asset, asset.destination) : null;
  if (route?.ok) {
    const eta = b.state.turn + Math.max(0, Math.ceil(route.route.length / effectiveSpeed(b.state, asset)) - 1);
    b.emit({ type: "assetUpdated", asset: { ...asset, route: route.route, eta } });
    explain(b, "sovereignty.reroute", [asset.owner], "agreements.explain.rerouted", {
      asset: ref("asset", asset.id),
      destination: ref("region", asset.destination!),
    });
    return;
  }
  b.emit({
    type: "assetUpdated",
    asset: { ...asset, status: asset.status === "moving" ? "ready" : asset.status, destination: null, route: [], eta: null, intent: null },
  });
  explain(b, "sovereignty.stop", [asset.owner], "agreements.explain.stopped", { asset: ref("asset", asset.id), region: ref("region", asset.region) });
}

/** The nearest region the asset's domain allows and its owner may be in, with the way there. */
function nearestLawful(state: ExerciseState, asset: AssetState): { region: string; route: string[] } | null {
  const type = assetType(state, asset);
  const previous = new Map<string, string>([[asset.region, asset.region]]);
  const queue = [asset.region];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current !== asset.region && mayEnter(state, asset.owner, current)) {
      const route: string[] = [];
      for (let at = current; at !== asset.region; at = previous.get(at)!) route.unshift(at);
      return { region: current, route };
    }
    for (const next of regionSpec(state, current)?.adjacent ?? []) {
      const spec = regionSpec(state, next);
      if (!spec || previous.has(next) || !(type.domain === "any" || type.domain === spec.kind)) continue;
      previous.set(next, current);
      queue.push(next);
    }
  }
  return null;
}
