import type { AssetState, ExerciseState } from "../state/schema.ts";
import { keyedByIdentity } from "../state/records.ts";

type Index = { all: AssetState[]; byId: AssetState[]; byRegion: Map<string, AssetState[]> };

/**
 * The assets grouped by region, built once per version of `state.assets`: a record a cache keys
 * is copied on its next change, even inside a decision that changes its own copies in place
 * (records.ts), so a new record object is a new version and a stale index can never be read. The
 * rules ask "who is in this region" for every region in every resolution: with 5,000 assets a
 * scan per question made a turn take seconds.
 */
const indexes = new WeakMap<object, Index>();

function indexOf(state: ExerciseState): Index {
  let index = indexes.get(state.assets);
  if (!index) {
    // Insertion order (Object.values), as the scans it replaces saw them: sums come out the same.
    const all = Object.values(state.assets);
    const byRegion = new Map<string, AssetState[]>();
    for (const asset of all) {
      const list = byRegion.get(asset.region);
      if (list) list.push(asset);
      else byRegion.set(asset.region, [asset]);
    }
    index = { all, byId: [...all].sort((x, y) => (x.id < y.id ? -1 : 1)), byRegion };
    indexes.set(state.assets, index);
    keyedByIdentity(state.assets);
  }
  return index;
}

/** Every asset whose region is `region` (embarked ones included), in the record's order. */
export function assetsIn(state: ExerciseState, region: string): readonly AssetState[] {
  return indexOf(state).byRegion.get(region) ?? [];
}

/** Every asset, sorted by id: the order the rules iterate in when order matters. */
export function assetsById(state: ExerciseState): readonly AssetState[] {
  return indexOf(state).byId;
}
