import type { AssetState, ExerciseState } from "../state/schema.ts";
import { assetsIn } from "./asset-index.ts";

/**
 * Who is on which side. The alliance's nations and the adversary oppose each other; a neutral
 * (neither in the alliance nor the adversary, e.g. a mediator) opposes nobody.
 */
export function isAdversary(state: ExerciseState, nation: string): boolean {
  const spec = state.scenario.nations.find((n) => n.id === nation);
  if (!spec) return false;
  return spec.adversary ?? (!spec.playable && !spec.alliance);
}

export function isAllied(state: ExerciseState, nation: string): boolean {
  return Boolean(state.nations[nation]?.alliance) && !isAdversary(state, nation);
}

/** Whether forces of these two nations are hostile to each other. */
export function opposed(state: ExerciseState, a: string, b: string): boolean {
  return a !== b && ((isAdversary(state, a) && isAllied(state, b)) || (isAllied(state, a) && isAdversary(state, b)));
}

/** The assets in a region, split by side: the alliance's, the adversary's (neutral ones in neither). */
export function forcesIn(state: ExerciseState, region: string): { allied: AssetState[]; hostile: AssetState[] } {
  const allied: AssetState[] = [];
  const hostile: AssetState[] = [];
  for (const asset of [...assetsIn(state, region)].sort((x, y) => (x.id < y.id ? -1 : 1))) {
    // A unit aboard a carrier is not there on its own: its ship or aircraft is what is present.
    if (asset.embarkedOn) continue;
    if (isAdversary(state, asset.owner)) hostile.push(asset);
    else if (isAllied(state, asset.owner)) allied.push(asset);
  }
  return { allied, hostile };
}
