import type { ScenarioSpec } from "./schema.ts";
import { mapPalette, paletteClashes, MIN_FILL_DIFFERENCE } from "../colour/map-palette.ts";
import type { MessageKey } from "../i18n/catalog/index.ts";
import type { Params } from "../i18n/message.ts";

export type PaletteProblem = { path: string; key: MessageKey; params: Params };

/**
 * Region fills that some players could not tell apart: each pair of fills (owners' regions,
 * unowned land, unowned sea) closer than ΔE00 10 under normal vision or simulated protanopia,
 * deuteranopia or tritanopia, once per pair with the worst vision. Reported at the nation whose
 * fill it is (its `mapFill` when the author gave one, its `color` otherwise).
 */
export function paletteProblems(s: ScenarioSpec): PaletteProblem[] {
  const palette = mapPalette(s.nations);
  const index = new Map(s.nations.map((n, i) => [n.id, i]));
  const worst = new Map<string, ReturnType<typeof paletteClashes>[number]>();
  for (const clash of paletteClashes(palette)) {
    const key = `${clash.a}|${clash.b}`;
    const seen = worst.get(key);
    if (!seen || clash.difference < seen.difference) worst.set(key, clash);
  }
  return [...worst.values()].map((clash) => {
    // The nation side of the pair (land and sea are fixed), the later one when both are nations.
    const nation = index.has(clash.b) ? clash.b : clash.a;
    const i = index.get(nation) ?? 0;
    const field = s.nations[i]?.mapFill ? "mapFill" : "color";
    return {
      path: `nations[${i}].${field}`,
      key: "map.validate.paletteClash",
      params: { a: clash.a, b: clash.b, vision: clash.vision, difference: clash.difference.toFixed(1), minimum: MIN_FILL_DIFFERENCE },
    };
  });
}
