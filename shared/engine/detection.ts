import type { EventBuilder } from "./builder.ts";
import type { AssetState, Detection } from "../state/schema.ts";
import type { AssetTypeSpec } from "../scenario/schema.ts";
import { assetType } from "./map.ts";
import { sighted } from "./known-forces.ts";
import { isAllied } from "./sides.ts";
import { correctPictures } from "./false-intel.ts";
import { credibilityAtRange, distancesWithin, errorChance, sensorReliability, wrongRegion } from "./intel-grading.ts";

type Sensor = { asset: AssetState; type: AssetTypeSpec; reach: Map<string, number> };

/** A nation's sensors: ISR assets and any asset with a detection range, neither degraded nor on the move. */
export function sensorsOf(b: EventBuilder, observer: string, assets: readonly AssetState[]): Sensor[] {
  const sensors: Sensor[] = [];
  for (const asset of assets) {
    if (asset.owner !== observer || asset.status === "degraded" || asset.route.length > 0) continue;
    const type = assetType(b.state, asset);
    if (type.category !== "isr" && type.detectionRange === 0) continue;
    sensors.push({ asset, type, reach: distancesWithin(b.state, asset.region, type.detectionRange) });
  }
  return sensors;
}

/**
 * For each region, the sensors that reach it, nearest first (then by id): the order in which
 * they roll for a target there. Built once per observer instead of filtering every sensor for
 * every target (a 5,000-asset exercise asked 24 million times a turn).
 */
function sensorsByRegion(sensors: readonly Sensor[]): Map<string, Sensor[]> {
  const byRegion = new Map<string, Sensor[]>();
  for (const sensor of sensors) {
    for (const region of sensor.reach.keys()) {
      const list = byRegion.get(region);
      if (list) list.push(sensor);
      else byRegion.set(region, [sensor]);
    }
  }
  for (const [region, list] of byRegion) list.sort((x, y) => x.reach.get(region)! - y.reach.get(region)! || (x.asset.id < y.asset.id ? -1 : 1));
  return byRegion;
}

/**
 * Fog of war: a nation knows foreign assets in its own territory (always, truly) and those its
 * sensors see (each sensor in reach rolls `isrDetectionChance`). A sighting is graded by the
 * first sensor that saw it — reliability by its kind, credibility by distance — and may, by a
 * seeded roll at that grade, put the asset in a neighbouring region instead; two of the nation's
 * sensors seeing it confirm it (credibility 1, never wrong). Every sighting updates the nation's
 * known-forces picture (last seen, by which sensor, its grade) in one event per observer; no
 * report is written (a team writes one from the picture). First, where the nation looks, its
 * picture is corrected (false-intel.ts).
 */
export function detectAssets(b: EventBuilder): void {
  correctPictures(b);
  const chance = b.state.scenario.rules.isrDetectionChance;
  const observers = Object.keys(b.state.nations).sort();
  const assets = Object.values(b.state.assets).sort((x, y) => (x.id < y.id ? -1 : 1));
  for (const observer of observers) {
    const reaching = sensorsByRegion(sensorsOf(b, observer, assets));
    // The turn's sightings go in one event per observer (a turn of a large exercise had ten
    // thousand); each target is looked at once, so none depends on another.
    const picture: Detection[] = [];
    const again: string[] = [];
    for (const target of assets) {
      if (target.owner === observer) continue;
      const home = b.state.regions[target.region]?.owner === observer;
      const inReach = reaching.get(target.region) ?? [];
      if (!home && inReach.length === 0) continue;
      const seen = inReach.filter(() => b.roll() < chance);
      const known = b.state.detections[observer]?.[target.id];
      const primary = seen[0];
      if (!primary) {
        if (known && known.region === target.region) continue;
        picture.push({
          asset: target.id,
          region: target.region,
          turn: b.state.turn,
          type: target.type,
          owner: target.owner,
          name: target.name,
          since: b.state.turn,
        });
        continue;
      }
      const seenAt = sight(b, observer, target, primary, seen.length >= 2, home);
      if (seenAt === "again") again.push(target.id);
      else if (seenAt) picture.push(seenAt);
    }
    if (picture.length > 0) b.emit({ type: "assetsDetected", observer, detections: picture });
    if (again.length > 0) b.emit({ type: "assetsSeenAgain", observer, turn: b.state.turn, assets: again });
  }
}

/**
 * One sighting, graded by the first sensor that saw it, as an update of the observer's picture
 * (known-forces.ts): no report — a team writes one from the picture when it wants to tell someone.
 * Only a lone sighting of a foreign force outside the nation's own territory can be mistaken.
 */
function sight(b: EventBuilder, observer: string, target: AssetState, primary: Sensor, confirmed: boolean, home: boolean): Detection | "again" | null {
  const reliability = sensorReliability(b.state, primary.type);
  const credibility = credibilityAtRange(b.state, primary.reach.get(target.region)!);
  const foreignForce = !(isAllied(b.state, observer) && isAllied(b.state, target.owner));
  const mistaken = foreignForce && !confirmed && !home && b.roll() < errorChance(b.state, reliability, credibility);
  const region = (mistaken && wrongRegion(b.state, target, assetType(b.state, target), b.roll())) || target.region;
  const known = b.state.detections[observer]?.[target.id];
  return sighted(b, observer, target, known, {
    region,
    sensor: primary.asset.id,
    reliability,
    credibility,
    confirmed,
    ...(region !== target.region ? { trueRegion: target.region } : {}),
  });
}
