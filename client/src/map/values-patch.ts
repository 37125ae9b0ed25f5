import type { MapRect } from "./region-painter.ts";

/** The areas to clear (each changed region's box before and after) and the regions to paint again there, in map order. */
export type ValuesPatch = { clip: MapRect[]; regions: string[] };

/** Where a region's values lie on the picture (map units) as they were (`before`) or are now; undefined for a region it does not paint. */
export type BoxOf = (id: string, when: "before" | "after") => MapRect | undefined;

/**
 * How to bring a values picture from the moment it shows (`before`: each region's key, its
 * rounded stability and crisis) to another (`after`), region-layer.ts: null when nothing it
 * shows changed; "all" when most of it did (a whole repaint is then as cheap, and nothing need
 * be measured); else the changed regions' boxes, old and new, to clear, and every region of
 * `painted` (the picture's, in map order) whose values reach into one of them, to paint again
 * inside them: a neighbour's crisis mark may overlap a changed bar, and what is cleared must be
 * painted again by everyone who drew there, so the pixels come out as a whole repaint's.
 */
export function valuesPatch(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
  painted: readonly string[],
  boxOf: BoxOf,
  wholeShare = 0.5,
): ValuesPatch | "all" | null {
  const changed: string[] = [];
  for (const [id, key] of after) if (before.get(id) !== key) changed.push(id);
  for (const id of before.keys()) if (!after.has(id)) changed.push(id);
  if (changed.length === 0) return null;
  if (changed.length > wholeShare * Math.max(1, after.size)) return "all";
  const clip: MapRect[] = [];
  for (const id of changed) {
    const old = before.has(id) ? boxOf(id, "before") : undefined;
    const now = after.has(id) ? boxOf(id, "after") : undefined;
    if (old) clip.push(old);
    if (now && !(old && sameRect(old, now))) clip.push(now);
  }
  const regions: string[] = [];
  for (const id of painted) {
    const box = boxOf(id, "after");
    if (box && clip.some((c) => overlaps(c, box))) regions.push(id);
  }
  return { clip, regions };
}

function overlaps(a: MapRect, b: MapRect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function sameRect(a: MapRect, b: MapRect): boolean {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}
