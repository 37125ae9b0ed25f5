import type { EventBuilder } from "./builder.ts";
import { ref } from "../i18n/message.ts";
import { clamp, round1 } from "./numbers.ts";
import { forcesIn, isAllied } from "./sides.ts";
import { incidentChance } from "./tension.ts";
import { regionSpec } from "./map.ts";
import { explain } from "./explain.ts";
import { term } from "./words.ts";

/**
 * Where a nation's forces and the adversary's share a region, an incident may happen: one
 * seeded roll a turn per allied nation and region, at its ROE's chance scaled by tension
 * (tension.ts incidentChance). An incident raises the region's crisis by incidentSeverity (or
 * starts a hostile one), costs every asset involved incidentStrengthLoss strength, and is
 * explained to the nations involved. Returns how many happened, for the tension step.
 */
export function resolveIncidents(b: EventBuilder): number {
  const rules = b.state.scenario.rules;
  let count = 0;
  for (const region of Object.keys(b.state.regions).sort()) {
    const { allied, hostile } = forcesIn(b.state, region);
    if (allied.length === 0 || hostile.length === 0) continue;
    const nations = [...new Set(allied.map((a) => a.owner))].filter((n) => isAllied(b.state, n)).sort();
    for (const nation of nations) {
      const chance = incidentChance(b.state, nation);
      if (chance <= 0 || b.roll() >= chance) continue;
      count++;
      // Forces as they are now: an earlier incident this turn may already have worn them down.
      const now = forcesIn(b.state, region);
      const involved = [...now.allied.filter((a) => a.owner === nation), ...now.hostile];
      for (const asset of involved) {
        const strength = round1(clamp(asset.strength - rules.incidentStrengthLoss));
        if (strength !== asset.strength) b.emit({ type: "assetUpdated", asset: { ...asset, strength } });
      }
      const state = b.state.regions[region]!;
      const kind = state.crisis?.kind ?? rules.incidentCrisisKind[regionSpec(b.state, region)?.kind ?? "land"];
      const severity = round1(clamp((state.crisis?.severity ?? 0) + rules.incidentSeverity));
      b.emit({ type: "regionUpdated", region, stability: state.stability, crisis: { kind, severity, since: state.crisis?.since ?? b.state.turn } });
      const adversaries = [...new Set(now.hostile.map((a) => a.owner))].sort();
      explain(b, "policies.incident", [nation, ...adversaries], "policies.incident.happened", {
        nation: ref("nation", nation),
        adversaries: adversaries.map((id) => ref("nation", id)),
        region: ref("region", region),
        rulesOfEngagement: term("rulesOfEngagement", b.state.nations[nation]!.policies.rulesOfEngagement),
        crisis: term("crisisKind", kind),
        severity,
        loss: rules.incidentStrengthLoss,
        tension: rules.incidentTension,
      });
    }
  }
  return count;
}
