import { msg, ref, type MessageKey } from "../i18n/index.ts";
import type { EventBuilder } from "./builder.ts";
import { assetType, regionsWithin } from "./map.ts";
import { createReport } from "./reports.ts";
import { regionName } from "./orders.ts";

/**
 * Fog of war: a nation learns of foreign assets in its own territory (always) and within reach
 * of its ISR assets (by a seeded roll). Each new sighting by ISR also produces a report.
 */
export function detectAssets(b: EventBuilder): void {
  const chance = b.state.scenario.rules.isrDetectionChance;
  const observers = Object.keys(b.state.nations).sort();
  const assets = Object.values(b.state.assets).sort((x, y) => (x.id < y.id ? -1 : 1));
  for (const observer of observers) {
    const covered = new Set<string>();
    for (const sensor of assets) {
      if (sensor.owner !== observer || sensor.status === "degraded" || sensor.route.length > 0) continue;
      const type = assetType(b.state, sensor);
      if (type.category !== "isr" && type.detectionRange === 0) continue;
      for (const region of regionsWithin(b.state, sensor.region, type.detectionRange)) covered.add(region);
    }
    for (const target of assets) {
      if (target.owner === observer) continue;
      const home = b.state.regions[target.region]?.owner === observer;
      const inCover = covered.has(target.region);
      if (!home && !inCover) continue;
      if (!home && b.roll() >= chance) continue;
      const known = b.state.detections[observer]?.[target.id];
      if (known && known.region === target.region) continue;
      b.emit({ type: "assetDetected", observer, detection: { asset: target.id, region: target.region, turn: b.state.turn, type: target.type, owner: target.owner, name: target.name } });
      if (inCover && (!known || known.region !== target.region)) {
        const owner = b.state.nations[target.owner]?.name ?? target.owner;
        createReport(b, {
          owner: observer,
          originator: observer,
          source: "own ISR",
          reliability: "B",
          credibility: "2",
          classification: "CONFIDENTIAL",
          title: `Sighting: ${owner} ${assetType(b.state, target).name} in ${regionName(b.state, target.region)}`,
          text: `Own ISR reports ${target.name} (${owner}) in ${regionName(b.state, target.region)} at the end of turn ${b.state.turn}, status ${target.status}.`,
          regions: [target.region],
          assets: [target.id],
          words: {
            title: msg("engine.report.sighting.title", { owner: ref("nation", target.owner), type: ref("assetType", target.type), region: ref("region", target.region) }),
            text: msg("engine.report.sighting.text", { asset: ref("asset", target.id), owner: ref("nation", target.owner), region: ref("region", target.region), turn: b.state.turn, status: msg(`term.assetStatus.${target.status}` as MessageKey) }),
            source: msg("engine.report.source.ownIsr"),
          },
        });
      }
    }
  }
}
