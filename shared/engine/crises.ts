import type { EventBuilder } from "./builder.ts";
import type { AssetState, ExerciseState } from "../state/schema.ts";
import { assetType, regionSpec } from "./map.ts";
import { clamp, round1 } from "./numbers.ts";
import { own } from "../state/records.ts";
import { coalitionFactor } from "./coalition.ts";

/** How well an asset on station answers a crisis kind: its type's fitness, 0 when not on station. */
export function responseFitness(state: ExerciseState, asset: AssetState, crisisKind: string): number {
  if (asset.status !== "deployed" || asset.route.length > 0) return 0;
  const fitness = assetType(state, asset).fitness;
  return own(fitness, crisisKind) ?? own(fitness, "*") ?? 0;
}

/** Severity removed this turn by the assets on station: strength × fitness, boosted by interoperable coalitions. */
export function responseStrength(state: ExerciseState, regionId: string, crisisKind: string): { reduction: number; responders: string[] } {
  const rules = state.scenario.rules;
  let base = 0;
  const nations = new Set<string>();
  for (const asset of Object.values(state.assets)) {
    if (asset.region !== regionId) continue;
    const fit = responseFitness(state, asset, crisisKind);
    if (fit <= 0) continue;
    base += (asset.strength / 100) * fit * rules.crisisResponseFactor;
    nations.add(asset.owner);
  }
  const responders = [...nations].sort();
  return { reduction: base * coalitionFactor(state, regionId, crisisKind, responders), responders };
}

/** Crisis dynamics: answered crises shrink, unanswered ones grow and spill over; stability follows. */
export function resolveCrises(b: EventBuilder): void {
  const rules = b.state.scenario.rules;
  const spills: { region: string; kind: string; severity: number }[] = [];
  for (const region of Object.values(b.state.regions).sort((x, y) => (x.id < y.id ? -1 : 1))) {
    const crisis = region.crisis;
    if (!crisis) {
      if (region.stability < region.baseline) {
        const stability = round1(Math.min(region.baseline, region.stability + rules.stabilityRecovery));
        b.emit({ type: "regionUpdated", region: region.id, stability, crisis: null });
      }
      continue;
    }
    const { reduction } = responseStrength(b.state, region.id, crisis.kind);
    const severity = round1(clamp(reduction > 0 ? crisis.severity - reduction : crisis.severity + rules.crisisEscalation));
    const stability = round1(clamp(region.stability - (severity / 10) * rules.stabilityLossPer10Severity));
    b.emit({ type: "regionUpdated", region: region.id, stability, crisis: severity > 0 ? { ...crisis, severity } : null });
    if (severity >= rules.spilloverThreshold) {
      for (const adjacent of regionSpec(b.state, region.id)?.adjacent ?? []) spills.push({ region: adjacent, kind: crisis.kind, severity: round1(severity / 3) });
    }
  }
  for (const spill of spills) {
    const target = b.state.regions[spill.region];
    if (!target || target.crisis) continue;
    b.emit({ type: "regionUpdated", region: target.id, stability: target.stability, crisis: { kind: spill.kind, severity: spill.severity, since: b.state.turn } });
  }
}
