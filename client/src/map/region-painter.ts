import type { MapModel } from "./map-bridge.ts";
import { regionOutline, hatchSegments, hexRadius, type Point } from "./geometry.ts";
import { MAP_COLORS, regionFills, textOn } from "./palette.ts";
import { regionName, nationCode } from "../game/names.ts";
import { label } from "./canvas-label.ts";
import type { ScenarioRegion } from "../state/client-state.ts";

export type RegionShape = { id: string; outline: Point[]; x: number; y: number };
/** A part of the map in map units: what one painted picture covers. */
export type MapRect = { x: number; y: number; w: number; h: number };

/** Region outlines (and their hexagons' radii) depend on the scenario's regions only: computed once per scenario. */
const shapesOf = new WeakMap<readonly ScenarioRegion[], { shapes: RegionShape[]; radius: Map<string, number> }>();
export function regionShapes(regions: readonly ScenarioRegion[]): { shapes: RegionShape[]; radius: Map<string, number> } {
  let known = shapesOf.get(regions);
  if (!known) {
    known = {
      shapes: regions.map((r) => ({ id: r.id, outline: regionOutline(r, regions), x: r.x, y: r.y })),
      radius: new Map(regions.map((r) => [r.id, hexRadius(r, regions)])),
    };
    shapesOf.set(regions, known);
  }
  return known;
}

/**
 * Regions from the scenario's data, painted onto one canvas: outline (shape or hexagon), owner's
 * fill and code, border, name, stability bar, crisis marker with severity, and hatching where the
 * viewer has no eyes (no own territory or forces: foreign units there may go unseen). `scale`
 * enlarges the words and marks when the map is zoomed out, so they stay readable on screen
 * (map-scene.ts). The canvas covers `rect` at `resolution` pixels per map unit; `canvas`, when
 * given, is painted over (cleared first, resized only if its size differs).
 *
 * One picture rather than a Graphics path and a Text object per word: a 400-region map is some
 * 1,200 words, and as Text objects they cost a second to make (each its own canvas, measured
 * pixel by pixel) and a draw call each per frame; as one picture the frame draws one image.
 *
 * In two parts, each its own picture (region-layer.ts), the values over the ground: the ground
 * (outlines, fills, hatching, borders, names, owners' codes) changes when a region changes hands
 * or the viewer's eyes move; the values (stability bars and numbers, crisis marks) at every
 * resolution, where repainting the ground's thousand words and shapes too was most of a replay
 * seek's map.
 */
export function paintRegionCanvas(
  model: MapModel,
  scale: number,
  rect: MapRect,
  resolution: number,
  canvas: HTMLCanvasElement = document.createElement("canvas"),
): HTMLCanvasElement {
  const { state, viewNation, selection } = model;
  const regions = state.scenario.regions;
  const palette = regionFills(state);
  const ctx = clearedContext(canvas, rect, resolution);
  const visible = visibleRegions(regions, scale, rect);
  const nameOf = (spec: ScenarioRegion) => nameLabel(ctx, state, spec, scale, true);

  const present = new Set<string>();
  if (viewNation) {
    for (const asset of Object.values(state.perspective?.assets ?? {})) if (!asset.foreign) present.add(asset.region);
  }

  // Adjacency first, faint, so routes between regions are readable where outlines leave gaps.
  const byId = new Map(regions.map((r) => [r.id, r]));
  ctx.strokeStyle = css(MAP_COLORS.adjacency, 0.35);
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (const r of regions) {
    for (const other of r.adjacent) {
      const o = byId.get(other);
      // Each pair once: from the one whose id sorts first (or from both ends if only one lists it).
      if (!o || (o.adjacent.includes(r.id) && other < r.id)) continue;
      ctx.moveTo(r.x, r.y);
      ctx.lineTo(o.x, o.y);
    }
  }
  ctx.stroke();

  for (const { spec, shape } of visible) {
    const owner = state.regions[spec.id]?.owner ?? null;
    // The fill says who owns it (chosen to stay apart for every colour vision), the code says it again.
    ctx.fillStyle = owner ? (palette.owners[owner] ?? palette.land) : spec.kind === "sea" ? palette.sea : palette.land;
    polygon(ctx, shape.outline);
    ctx.fill();
    if (viewNation && owner !== viewNation && !present.has(spec.id)) {
      ctx.strokeStyle = css(MAP_COLORS.hatch, 0.35);
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      for (const [a, b] of hatchSegments(shape.outline, 9)) {
        ctx.moveTo(a[0], a[1]);
        ctx.lineTo(b[0], b[1]);
      }
      ctx.stroke();
    }
    stroke(ctx, shape.outline, 2, css(MAP_COLORS.border));
    if (owner) stroke(ctx, inset(shape.outline, spec.x, spec.y, 0.93), 3, state.nations[owner]?.color ?? "#8c8c8c");
    if (selection?.kind === "region" && selection.id === spec.id) {
      stroke(ctx, shape.outline, 6, "#000000");
      stroke(ctx, shape.outline, 3, css(MAP_COLORS.selected));
    }
  }

  // The words over every region's shapes (as a layer above them).
  for (const { spec } of visible) {
    const owner = state.regions[spec.id]?.owner ?? null;
    nameOf(spec);
    if (owner) {
      // The owner's code before the stability bar, boxed in the owner's colour: ownership in words.
      const color = state.nations[owner]?.color ?? "#8c8c8c";
      label(
        ctx,
        nationCode(state, owner),
        { px: 11 * scale, bold: true, color: textOn(color), background: color, padX: 2 * scale },
        spec.x - 31 * scale,
        spec.y - 20 * scale,
        1,
        0.5,
      );
    }
  }
  return canvas;
}

/** The canvas sized for `rect` at `resolution` (cleared if kept), its transform from map units to its pixels. */
export function clearedContext(canvas: HTMLCanvasElement, rect: MapRect, resolution: number): CanvasRenderingContext2D {
  const width = pictureSize(rect.w, resolution);
  const height = pictureSize(rect.h, resolution);
  const ctx = canvas.getContext("2d")!;
  if (canvas.width !== width || canvas.height !== height) {
    // A new size is a new, clear bitmap (and a fresh context state).
    canvas.width = width;
    canvas.height = height;
  } else {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
  }
  pictureTransform(ctx, rect, resolution);
  return ctx;
}

export function pictureTransform(ctx: CanvasRenderingContext2D, rect: MapRect, resolution: number): void {
  ctx.setTransform(resolution, 0, 0, resolution, -rect.x * resolution, -rect.y * resolution);
  ctx.lineJoin = "round";
}

/**
 * The regions a picture of `rect` paints, with their shapes: what lies outside it is not drawn (a
 * window of a large map at a high zoom); words reach up to ~100 units above their region, so
 * regions that far outside still paint their labels.
 */
export function visibleRegions(regions: readonly ScenarioRegion[], scale: number, rect: MapRect): { spec: ScenarioRegion; shape: RegionShape }[] {
  const { shapes, radius } = regionShapes(regions);
  const reach = 110 * scale;
  const inView = (x: number, y: number, r: number) => x + r >= rect.x && x - r <= rect.x + rect.w && y + r >= rect.y && y - r - reach <= rect.y + rect.h;
  return regions.map((spec, i) => ({ spec, shape: shapes[i]! })).filter(({ spec }) => inView(spec.x, spec.y, radius.get(spec.id) ?? 110));
}

/** A region's name: drawn on the ground, measured for the values (the crisis mark stands above it); wrapped inside the region rather than over the neighbours'. */
export function nameLabel(ctx: CanvasRenderingContext2D, state: MapModel["state"], spec: ScenarioRegion, scale: number, draw: boolean) {
  const radius = regionShapes(state.scenario.regions).radius.get(spec.id) ?? 30;
  return label(
    ctx,
    regionName(state, spec.id),
    { px: 13 * scale, bold: true, color: "#ffffff", stroke: 4 * scale, wrap: Math.max(2 * radius * 0.98, 60 * scale) },
    spec.x,
    spec.y - 30 * scale,
    0.5,
    1,
    draw,
  );
}

/** Pixels a side of a picture `units` map units long at `resolution`. */
export function pictureSize(units: number, resolution: number): number {
  return Math.max(1, Math.ceil(units * resolution));
}

function polygon(ctx: CanvasRenderingContext2D, points: readonly Point[]) {
  ctx.beginPath();
  points.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
  ctx.closePath();
}

function stroke(ctx: CanvasRenderingContext2D, points: readonly Point[], width: number, color: string) {
  polygon(ctx, points);
  ctx.lineWidth = width;
  ctx.strokeStyle = color;
  ctx.stroke();
}

function inset(outline: Point[], cx: number, cy: number, factor: number): Point[] {
  return outline.map(([x, y]) => [cx + (x - cx) * factor, cy + (y - cy) * factor]);
}

/** A colour number as CSS, with an alpha. */
export function css(color: number, alpha = 1): string {
  return `rgba(${(color >> 16) & 255}, ${(color >> 8) & 255}, ${color & 255}, ${alpha})`;
}
