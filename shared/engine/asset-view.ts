import type { AssetState, Detection, ExerciseState } from "../state/schema.ts";
import { keyedByIdentity, own } from "../state/records.ts";
import type { Scope } from "./view-for.ts";

/**
 * An asset as a scope reads it (viewParts.assets, and the projection's changed assets in
 * assets-changes.ts): its own and the alliance's forces in full, a foreign unit on its land as it
 * stands there, the rest as its known-forces picture has it.
 */

/**
 * How the viewer knows a foreign asset (its known-forces entry): the sensor that last saw it (with
 * `nation` when an ally's under alliance command saw it), or the report that placed it; its grade
 * and last confirmation. Absent: on the viewer's own territory (certain).
 */
export type SeenBy = { sensor?: string; nation?: string; report?: string; grade?: string; confirmedTurn?: number; since?: number };

/** A foreign asset as the viewer last saw it; status and strength are not observable. */
export type ForeignAssetView = {
  id: string;
  name: string;
  type: string;
  owner: string;
  region: string;
  lastSeenTurn: number;
  foreign: true;
  i18n?: Record<string, Record<string, string>>;
  seen?: SeenBy;
};
export type AssetView = (AssetState & { foreign?: false }) | ForeignAssetView;

/** A known-forces entry as its holder reads it, field by field (exercise control's bookkeeping, such as the truth behind a mistaken sighting, stays out). */
function seenBy(state: ExerciseState, d: Detection): { seen?: SeenBy } {
  if (!d.sensor && !d.report && !d.from) return {};
  const seen: SeenBy = {};
  // Another nation's sensor is named only when it is under alliance command (every member sees those); else only its nation.
  if (d.sensor && (!d.from || state.assets[d.sensor]?.authority)) seen.sensor = d.sensor;
  if (d.from) seen.nation = d.from;
  if (d.report) seen.report = d.report;
  if (d.sensor && d.reliability && d.credibility) seen.grade = `${d.reliability}${d.credibility}`;
  if (d.confirmedTurn !== undefined) seen.confirmedTurn = d.confirmedTurn;
  if (d.since !== undefined) seen.since = d.since;
  return { seen };
}

/** The alliance commander, or a nation with forces under alliance command. */
function isCommandMember(state: ExerciseState, nation: string): boolean {
  return state.allianceCommander === nation || contributorsOf(state.assets).has(nation);
}

/** The nations with forces under alliance command, once per version of the assets (every perspective asks). */
const contributorsByAssets = new WeakMap<object, ReadonlySet<string>>();
function contributorsOf(assets: ExerciseState["assets"]): ReadonlySet<string> {
  let owners = contributorsByAssets.get(assets);
  if (!owners) {
    const found = new Set<string>();
    for (const id in assets) if (assets[id]!.authority) found.add(assets[id]!.owner);
    contributorsByAssets.set(assets, (owners = found));
    keyedByIdentity(assets);
  }
  return owners;
}

/** Whether the scope's nation reads the alliance's forces in full (the commander, or a contributor). */
export function readsAllianceForces(state: ExerciseState, { all, me }: Scope): boolean {
  return me !== null && !all && isCommandMember(state, me);
}

/**
 * One asset's entry in a scope's assets part (viewParts.assets), or null when the viewer does not
 * know it, in the part's order of precedence: its own, or the alliance's to a member, in full; a
 * foreign one on its territory; one in its known-forces picture (a destroyed asset's too).
 * `member` is `readsAllianceForces(state, scope)`. The part is made of it, and so are the
 * projection's changed assets (assets-changes.ts).
 */
export function assetViewFor(state: ExerciseState, { all, me }: Scope, id: string, member: boolean): AssetView | null {
  const asset = own(state.assets, id);
  if (asset && (all || asset.owner === me || (member && asset.authority))) return asset;
  if (me === null) return null;
  if (asset && state.regions[asset.region]?.owner === me) return territoryView(asset, state.turn);
  const detection = own(own(state.detections, me), id);
  return detection ? detectionView(state, detection) : null;
}

/**
 * A foreign asset on the viewer's own territory, as the viewer knows it: the same object while
 * the asset and the turn are, so the projection finds it unchanged (5,000 assets, #23).
 */
const territoryViews = new WeakMap<AssetState, { turn: number; view: AssetView }>();
function territoryView(asset: AssetState, turn: number): AssetView {
  const cached = territoryViews.get(asset);
  if (cached?.turn === turn) return cached.view;
  const view: AssetView = {
    id: asset.id,
    name: asset.name,
    type: asset.type,
    owner: asset.owner,
    region: asset.region,
    lastSeenTurn: turn,
    foreign: true,
    ...(asset.i18n ? { i18n: asset.i18n } : {}),
  };
  territoryViews.set(asset, { turn, view });
  return view;
}

/** A known-forces entry as its holder reads it: the same object while what it reads is. */
const detectionViews = new WeakMap<Detection, { sensor: unknown; names: unknown; view: AssetView }>();
function detectionView(state: ExerciseState, detection: Detection): AssetView {
  // The name's translations come with the name: a nation that knows an asset's name may read it in its language.
  const names = state.assets[detection.asset]?.i18n;
  // seenBy names the sensor of an ally's sighting only while that sensor is under alliance command.
  const sensor = detection.sensor ? state.assets[detection.sensor]?.authority : undefined;
  const cached = detectionViews.get(detection);
  if (cached && cached.names === names && cached.sensor === sensor) return cached.view;
  const view: AssetView = {
    id: detection.asset,
    name: detection.name,
    type: detection.type,
    owner: detection.owner,
    region: detection.region,
    lastSeenTurn: detection.turn,
    foreign: true,
    ...(names ? { i18n: names } : {}),
    ...seenBy(state, detection),
  };
  detectionViews.set(detection, { sensor, names, view });
  return view;
}
