import { parseHex, rgbToLab, mixRgb, toHex, type Lab, type Rgb } from "./colour-space.ts";
import { simulate, Vision } from "./colour-vision.ts";
import { deltaE2000 } from "./ciede2000.ts";

/** The map's fixed ground: land and sea no nation owns. */
export const UNOWNED_LAND = "#8d9277";
export const UNOWNED_SEA = "#2f6686";

/** Fills closer than this (ΔE00) under any vision read as one colour to someone (the bar). */
export const MIN_FILL_DIFFERENCE = 10;
const VISIONS: readonly Vision[] = [Vision.Normal, Vision.Protanopia, Vision.Deuteranopia, Vision.Tritanopia];

export type NationColours = { id: string; color: string; mapFill?: string | undefined };
/** The fill of each owner's regions, and of unowned land and sea. */
export type MapPalette = { land: string; sea: string; owners: Record<string, string> };
/** Two fills too alike, and for whom. */
export type PaletteClash = { a: string; b: string; vision: Vision; difference: number };

/**
 * Each nation's region fill. A fill the scenario gives (`mapFill`) is kept as written; the
 * others are derived from the nation's colour, deterministically: the nation's colour mixed into
 * the land, made lighter or darker, choosing for each nation (in file order, repeated until
 * nothing changes) the variant that stands furthest from every other fill — unowned land and
 * sea included — under normal vision and simulated protanopia, deuteranopia and tritanopia,
 * preferring the plain 70 % mix when it is far enough. Lightness is what the three dichromacies
 * keep, so that is mostly what separates the fills.
 */
export function mapPalette(nations: readonly NationColours[]): MapPalette {
  const fixed: Entry[] = [entry("land", UNOWNED_LAND), entry("sea", UNOWNED_SEA)];
  const chosen = new Map<string, Entry>();
  const options = new Map<string, Entry[]>();
  for (const n of nations) {
    const given = n.mapFill && parseHex(n.mapFill) ? [entry(n.id, n.mapFill)] : candidates(n.id, n.color);
    options.set(n.id, given);
    chosen.set(n.id, given[0]!);
  }
  for (let round = 0; round < 12; round++) {
    let changed = false;
    for (const n of nations) {
      const others = [...fixed, ...nations.filter((o) => o.id !== n.id).map((o) => chosen.get(o.id)!)];
      const list = options.get(n.id)!;
      let best = chosen.get(n.id)!;
      let bestScore = Math.min(MIN_FILL_DIFFERENCE, nearest(best, others));
      // Beyond the bar, the earlier (plainer) variant wins: further apart is not better then, so
      // a fill at the bar stays, and a candidate is dropped as soon as one fill is no further
      // from it than the best (a 12-nation palette took ~50 ms without these two cuts).
      if (bestScore >= MIN_FILL_DIFFERENCE) continue;
      for (const candidate of list) {
        const score = Math.min(MIN_FILL_DIFFERENCE, nearest(candidate, others, bestScore + 1e-9));
        if (score > bestScore + 1e-9) (best = candidate), (bestScore = score);
      }
      if (best !== chosen.get(n.id)) chosen.set(n.id, best), (changed = true);
    }
    if (!changed) break;
  }
  return { land: UNOWNED_LAND, sea: UNOWNED_SEA, owners: Object.fromEntries(nations.map((n) => [n.id, chosen.get(n.id)!.hex])) };
}

/** Every pair of fills (owners, unowned land, unowned sea) closer than the bar under some vision. */
export function paletteClashes(palette: MapPalette): PaletteClash[] {
  const all = [entry("land", palette.land), entry("sea", palette.sea), ...Object.entries(palette.owners).map(([id, hex]) => entry(id, hex))];
  const out: PaletteClash[] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      for (const [v, vision] of VISIONS.entries()) {
        const difference = deltaE2000(all[i]!.labs[v]!, all[j]!.labs[v]!);
        if (difference < MIN_FILL_DIFFERENCE) out.push({ a: all[i]!.id, b: all[j]!.id, vision, difference });
      }
    }
  }
  return out;
}

/** The smallest difference between any two fills under any vision (for reports and tests). */
export function smallestDifference(palette: MapPalette): number {
  const all = [entry("land", palette.land), entry("sea", palette.sea), ...Object.entries(palette.owners).map(([id, hex]) => entry(id, hex))];
  let min = Infinity;
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) min = Math.min(min, nearest(all[i]!, [all[j]!]));
  return min;
}

type Entry = { id: string; hex: string; labs: Lab[] };

function entry(id: string, hex: string): Entry {
  const rgb = parseHex(hex) ?? [140, 140, 140];
  return { id, hex: toHex(rgb), labs: VISIONS.map((v) => rgbToLab(simulate(rgb, v))) };
}

/** The smallest difference between `e` and any of `others`, under any vision; once it is no more than `floor`, that difference (the search stops). */
function nearest(e: Entry, others: readonly Entry[], floor = -Infinity): number {
  let min = Infinity;
  for (const o of others) {
    for (let v = 0; v < VISIONS.length; v++) min = Math.min(min, deltaE2000(e.labs[v]!, o.labs[v]!));
    if (min <= floor) return min;
  }
  return min;
}

const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];
/** How much of the nation's colour goes into the land, plainest first. */
const STRENGTHS = [0.7, 0.85, 1, 0.55];
/** Darker (−) or lighter (+), nearest the colour first. */
const SHADES = [0, -0.15, 0.15, -0.3, 0.3, -0.45, 0.45, -0.6, 0.6];

/** The variants a derived fill is chosen from, plainest first. */
function candidates(id: string, color: string): Entry[] {
  const base = parseHex(UNOWNED_LAND)!;
  const own = parseHex(color) ?? [140, 140, 140];
  const out: Entry[] = [];
  for (const shade of SHADES) {
    for (const strength of STRENGTHS) {
      const mixed = mixRgb(base, own, strength);
      const shaded = shade < 0 ? mixRgb(mixed, BLACK, -shade) : mixRgb(mixed, WHITE, shade);
      out.push(entry(id, toHex(shaded)));
    }
  }
  return out;
}
