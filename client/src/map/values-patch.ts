import type { MapRect } from "./region-painter.ts";

/**
 * What a values picture shows of each region (its rounded stability and crisis, `keys`, for
 * every region) and where each region's values lie on it (`boxes`, map units, for the regions
 * it paints): enough to tell which of its pixels a new moment changes.
 */
export type PaintedValues = { keys: ReadonlyMap<string, string>; boxes: ReadonlyMap<string, MapRect> };

/** The areas to clear (each changed region's box before and after) and the regions to paint again there, in map order. */
export type ValuesPatch = { clip: MapRect[]; regions: string[] };

/**
 * How to bring a values picture from `before` to `after` (region-layer.ts): null when nothing
 * it shows changed; "all" when most of it did (a whole repaint is then as cheap); else the
 * changed regions' boxes, old and new, to clear, and every region whose values reach into one
 * of them, to paint again inside them (a neighbour's crisis mark may overlap a changed bar, and
 * what is cleared must be painted again by everyone who drew there, so the pixels come out as
 * a whole repaint's).
 */
export function valuesPatch(before: PaintedValues, after: PaintedValues, wholeShare = 0.5): ValuesPatch | "all" | null {
  const clip: MapRect[] = [];
  let changed = 0;
  for (const [id, key] of after.keys) {
    if (before.keys.get(id) === key) continue;
    changed++;
    const old = before.boxes.get(id);
    const now = after.boxes.get(id);
    if (old) clip.push(old);
    if (now && !(old && sameRect(old, now))) clip.push(now);
  }
  for (const id of before.keys.keys()) {
    if (after.keys.has(id)) continue;
    changed++;
    const old = before.boxes.get(id);
    if (old) clip.push(old);
  }
  if (changed === 0) return null;
  if (changed > wholeShare * Math.max(1, after.keys.size)) return "all";
  const regions: string[] = [];
  for (const [id, box] of after.boxes) if (clip.some((c) => overlaps(c, box))) regions.push(id);
  return { clip, regions };
}

function overlaps(a: MapRect, b: MapRect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function sameRect(a: MapRect, b: MapRect): boolean {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}
