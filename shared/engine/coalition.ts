import type { ExerciseState } from "../state/schema.ts";
import { relationKey } from "../state/schema.ts";
import { assetType } from "./map.ts";
import { own } from "../state/records.ts";
import { assetsIn } from "./asset-index.ts";

/**
 * Nations with an asset under alliance command on station in a region and fit for the crisis:
 * their forces answer one commander, with common procedures (docs/RULES.md).
 */
export function nationsUnderCommandIn(state: ExerciseState, regionId: string, crisisKind: string): Set<string> {
  const nations = new Set<string>();
  for (const asset of assetsIn(state, regionId)) {
    if (!asset.authority || asset.status !== "deployed" || asset.route.length > 0) continue;
    const fitness = assetType(state, asset).fitness;
    if ((own(fitness, crisisKind) ?? own(fitness, "*") ?? 0) > 0) nations.add(asset.owner);
  }
  return nations;
}

/** The interoperability a pair of responders counts for: at least the TOA floor when both answer under alliance command. */
export function pairInteroperability(state: ExerciseState, a: string, b: string, underCommand: ReadonlySet<string>): number {
  const interop = state.relations[relationKey(a, b)]?.interoperability ?? 0;
  return underCommand.has(a) && underCommand.has(b) ? Math.max(interop, state.scenario.rules.toaInteropFloor) : interop;
}

/**
 * How much more several nations achieve together in one crisis than apart: 1 for a nation
 * alone, growing with the responders' mean interoperability and their number.
 */
export function coalitionFactor(state: ExerciseState, regionId: string, crisisKind: string, responders: readonly string[]): number {
  if (responders.length < 2) return 1;
  const underCommand = nationsUnderCommandIn(state, regionId, crisisKind);
  let interop = 0;
  let pairs = 0;
  for (let i = 0; i < responders.length; i++) {
    for (let j = i + 1; j < responders.length; j++) {
      interop += pairInteroperability(state, responders[i]!, responders[j]!, underCommand);
      pairs++;
    }
  }
  return 1 + state.scenario.rules.coalitionBonus * (interop / pairs / 100) * (responders.length - 1);
}
