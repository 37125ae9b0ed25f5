import type { MapModel } from "./map-bridge.ts";

/**
 * Everything the painters read from a model, as one string: two models with the same signature
 * draw the same map. The page pushes a model on every state patch (a chat line, a seat coming
 * online, a timer), and repainting 40 regions and 300 tokens for those is a visible hitch.
 */
export function drawnSignature({ state, viewNation, selection, lang }: MapModel): string {
  const nations = Object.values(state.nations).map((n) => [n.id, n.name, n.color]);
  return JSON.stringify([
    lang ?? "",
    state.scenario.id,
    state.scenario.regions.length,
    viewNation,
    selection,
    nations,
    state.regions,
    state.perspective?.assets ?? null,
    Object.values(state.perspective?.drafts ?? {}).map((d) => [d.id, d.as ?? "", d.plan?.route ?? null, d.plan?.eta ?? null]),
  ]);
}
