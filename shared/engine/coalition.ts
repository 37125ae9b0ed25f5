import type { ExerciseState } from "../state/schema.ts";
import { relationKey } from "../state/schema.ts";

/**
 * How much more several nations achieve together in one crisis than apart: 1 for a nation
 * alone, growing with the responders' mean interoperability and their number.
 */
export function coalitionFactor(state: ExerciseState, _regionId: string, _crisisKind: string, responders: readonly string[]): number {
  if (responders.length < 2) return 1;
  let interop = 0;
  let pairs = 0;
  for (let i = 0; i < responders.length; i++) {
    for (let j = i + 1; j < responders.length; j++) {
      interop += state.relations[relationKey(responders[i]!, responders[j]!)]?.interoperability ?? 0;
      pairs++;
    }
  }
  return 1 + state.scenario.rules.coalitionBonus * (interop / pairs / 100) * (responders.length - 1);
}
