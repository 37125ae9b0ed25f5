import { PartChanges } from "./part-changes.ts";
import type { AssetState, Detection, ExerciseState } from "../../shared/state/schema.ts";
import { regionOwners } from "../../shared/engine/view-for.ts";
import { assetViewFor, readsAllianceForces, type AssetView } from "../../shared/engine/asset-view.ts";
import { own } from "../../shared/state/records.ts";

type Last = {
  assets: Readonly<Record<string, AssetState>>;
  count: number;
  /** The viewer's known-forces picture (none for the white cell). */
  picture: Readonly<Record<string, Detection>> | null;
  pictureCount: number;
  commander: ExerciseState["allianceCommander"];
  owners: object;
  turn: number;
  member: boolean;
};

/**
 * One perspective's assets part (viewParts.assets) from the assets and sightings that changed
 * since the last state it saw, instead of all of them again: on the full map one adjudicated
 * unit re-read 5,000 assets for each of thirteen perspectives (46 ms, #23). While the regions'
 * owners, the alliance's commander and the viewer's standing in it are the same, an asset's
 * entry depends on the asset, on the viewer's sighting of it and, for a foreign unit on the
 * viewer's land, on the turn only (assetViewFor); a change of an asset's alliance authority (it
 * names a sensor in the sightings of others), an asset gone, or a sighting gone writes the part
 * whole.
 */
export class AssetsChanges extends PartChanges<Last, AssetView> {
  next(state: ExerciseState): [id: string, view: AssetView | null][] | null {
    const last = this.last;
    const picture = this.pictureOf(state);
    const owners = regionOwners(state.regions);
    const member = readsAllianceForces(state, this.scope);
    if (!last || last.commander !== state.allianceCommander || last.owners !== owners || last.member !== member)
      return this.whole(state, picture, owners, member);
    const changed = new Set<string>();
    let count = last.count;
    if (state.assets !== last.assets) {
      const diff = assetsChanged(last.assets, last.count, state.assets);
      for (const id of diff.changed) changed.add(id);
      if (diff.gone) return this.whole(state, picture, owners, member);
      for (const id of changed) if (own(last.assets, id)?.authority !== state.assets[id]!.authority) return this.whole(state, picture, owners, member);
      count = diff.count;
    }
    let pictureCount = last.pictureCount;
    if (picture !== last.picture) {
      const diff = changedEntries(last.picture ?? {}, last.pictureCount, picture ?? {}, changed);
      if (diff.gone) return this.whole(state, picture, owners, member);
      pictureCount = diff.count;
    }
    // A foreign unit on the viewer's land is known as of this turn: a new turn renews each of them.
    const me = this.scope.all ? null : this.scope.me;
    if (state.turn !== last.turn && me !== null) for (const id of foreignUnitsOnLand(state).get(me) ?? []) changed.add(id);
    Object.assign(last, { assets: state.assets, count, picture, pictureCount, turn: state.turn });
    return [...changed].map((id) => [id, assetViewFor(state, this.scope, id, member)]);
  }

  private pictureOf(state: ExerciseState): Readonly<Record<string, Detection>> | null {
    return this.scope.all || this.scope.me === null ? null : (own(state.detections, this.scope.me) ?? null);
  }

  private whole(state: ExerciseState, picture: Last["picture"], owners: object, member: boolean): null {
    this.last = {
      assets: state.assets,
      count: Object.keys(state.assets).length,
      picture,
      pictureCount: picture ? Object.keys(picture).length : 0,
      commander: state.allianceCommander,
      owners,
      turn: state.turn,
      member,
    };
    return null;
  }
}

/** Each nation's foreign units on its land, once per version of the assets and regions for all the perspectives. */
let lastOnLand: { assets: object; regions: object; byNation: Map<string, string[]> } | null = null;
function foreignUnitsOnLand(state: ExerciseState): Map<string, string[]> {
  if (lastOnLand?.assets === state.assets && lastOnLand.regions === state.regions) return lastOnLand.byNation;
  const byNation = new Map<string, string[]>();
  for (const asset of Object.values(state.assets)) {
    const host = state.regions[asset.region]?.owner;
    if (!host || host === asset.owner) continue;
    const list = byNation.get(host);
    if (list) list.push(asset.id);
    else byNation.set(host, [asset.id]);
  }
  lastOnLand = { assets: state.assets, regions: state.regions, byNation };
  return byNation;
}

/**
 * The assets that changed between two versions, worked out once for all the perspectives that
 * saw the same two (they usually do: every watched one is projected after each command).
 */
let lastAssetsDiff: { before: object; after: object; changed: string[]; count: number; gone: boolean } | null = null;
function assetsChanged(before: Readonly<Record<string, AssetState>>, beforeCount: number, after: Readonly<Record<string, AssetState>>) {
  if (lastAssetsDiff?.before === before && lastAssetsDiff.after === after) return lastAssetsDiff;
  const changed = new Set<string>();
  const { count, gone } = changedEntries(before, beforeCount, after, changed);
  lastAssetsDiff = { before, after, changed: [...changed], count, gone };
  return lastAssetsDiff;
}

/**
 * Adds to `changed` the keys whose entry is not the same object as before (records are copied
 * on change, so an unchanged entry is the same object); `gone` when fewer of the entries before
 * are left than there were.
 */
function changedEntries<T>(
  before: Readonly<Record<string, T>>,
  beforeCount: number,
  after: Readonly<Record<string, T>>,
  changed: Set<string>,
): { count: number; gone: boolean } {
  let count = 0;
  let added = 0;
  for (const id in after) {
    count++;
    if (after[id] === before[id]) continue;
    changed.add(id);
    if (!Object.hasOwn(before, id)) added++;
  }
  return { count, gone: count - added !== beforeCount };
}
