import type { ScenarioRegion } from "../state/client-state.ts";

/** Map geometry on the scenario's 1000 × 700 canvas: region outlines, hit tests, hatching. */
export type Point = [number, number];

export const MAP_WIDTH = 1000;
export const MAP_HEIGHT = 700;

/**
 * A region's outline: the scenario's shape when it gives one, else a hexagon around (x, y)
 * sized to half the distance to the nearest other region, so hexagons never overlap.
 */
export function regionOutline(region: ScenarioRegion, all: readonly ScenarioRegion[]): Point[] {
  if (region.shape && region.shape.length >= 3) return region.shape.map(([x, y]) => [x, y] as Point);
  const radius = hexRadius(region, all);
  const points: Point[] = [];
  for (let i = 0; i < 6; i++) {
    const angle = (Math.PI / 3) * i + Math.PI / 6;
    points.push([region.x + radius * Math.cos(angle), region.y + radius * Math.sin(angle)]);
  }
  return points;
}

export function hexRadius(region: ScenarioRegion, all: readonly ScenarioRegion[]): number {
  let nearest = Infinity;
  for (const other of all) {
    if (other.id === region.id) continue;
    nearest = Math.min(nearest, Math.hypot(other.x - region.x, other.y - region.y));
  }
  if (!Number.isFinite(nearest)) nearest = 200;
  return Math.max(30, Math.min(110, nearest * 0.5));
}

export function contains(polygon: readonly Point[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function bounds(polygon: readonly Point[]): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const [x, y] of polygon) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return { minX, minY, maxX, maxY };
}

/**
 * Diagonal hatch segments clipped to a polygon (any simple polygon: intersections are paired
 * even–odd), used to mark where the viewer has no eyes.
 */
export function hatchSegments(polygon: readonly Point[], spacing: number): [Point, Point][] {
  const b = bounds(polygon);
  const segments: [Point, Point][] = [];
  // Lines x - y = c, for c across the bounding box.
  for (let c = b.minX - b.maxY; c <= b.maxX - b.minY; c += spacing) {
    const hits: number[] = [];
    for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
      const [x1, y1] = polygon[j]!;
      const [x2, y2] = polygon[i]!;
      // Parametrise the edge; solve (x1 + t dx) - (y1 + t dy) = c.
      const denom = x2 - x1 - (y2 - y1);
      if (Math.abs(denom) < 1e-9) continue;
      const t = (c - (x1 - y1)) / denom;
      if (t >= 0 && t < 1) hits.push(y1 + t * (y2 - y1));
    }
    hits.sort((a, z) => a - z);
    for (let k = 0; k + 1 < hits.length; k += 2)
      segments.push([
        [c + hits[k]!, hits[k]!],
        [c + hits[k + 1]!, hits[k + 1]!],
      ]);
  }
  return segments;
}

/** Dashes along a segment, for outlines of things only last seen. */
export function dashes(a: Point, b: Point, dash: number, gap: number): [Point, Point][] {
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const out: [Point, Point][] = [];
  if (length === 0) return out;
  const ux = (b[0] - a[0]) / length;
  const uy = (b[1] - a[1]) / length;
  for (let s = 0; s < length; s += dash + gap) {
    const e = Math.min(length, s + dash);
    out.push([
      [a[0] + ux * s, a[1] + uy * s],
      [a[0] + ux * e, a[1] + uy * e],
    ]);
  }
  return out;
}
