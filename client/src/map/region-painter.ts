import type { MapModel } from "./map-bridge.ts";
import { regionOutline, hatchSegments, hexRadius, type Point } from "./geometry.ts";
import { MAP_COLORS, regionFills, textOn } from "./palette.ts";
import { regionName, crisisName, nationCode } from "../game/names.ts";
import type { ScenarioRegion } from "../state/client-state.ts";
import { t, lang } from "../i18n.ts";

export type RegionShape = { id: string; outline: Point[]; x: number; y: number };
/** A part of the map in map units: what one painted picture covers. */
export type MapRect = { x: number; y: number; w: number; h: number };

const FONT = "system-ui, -apple-system, 'Segoe UI', sans-serif";

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

/** What of the regions a picture shows: the ground (shapes, owners, names) or the values over it (stability, crises). */
export type RegionPart = "ground" | "values";

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
  part: RegionPart = "ground",
): HTMLCanvasElement {
  const { state, viewNation, selection } = model;
  const regions = state.scenario.regions;
  const { shapes, radius } = regionShapes(regions);
  const palette = regionFills(state);
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
  ctx.setTransform(resolution, 0, 0, resolution, -rect.x * resolution, -rect.y * resolution);
  ctx.lineJoin = "round";
  // What lies outside the picture is not drawn (a window of a large map at a high zoom); words reach
  // up to ~100 units above their region, so regions that far outside still paint their labels.
  const reach = 110 * scale;
  const inView = (x: number, y: number, r: number) => x + r >= rect.x && x - r <= rect.x + rect.w && y + r >= rect.y && y - r - reach <= rect.y + rect.h;
  const visible = regions.map((spec, i) => ({ spec, shape: shapes[i]! })).filter(({ spec }) => inView(spec.x, spec.y, radius.get(spec.id) ?? 110));
  // A region's name: drawn on the ground, measured on the values (the crisis mark stands above it).
  const nameOf = (spec: ScenarioRegion, draw: boolean) =>
    label(
      ctx,
      regionName(state, spec.id),
      // Names wrap inside their region rather than run over the neighbours' (labels grow when zoomed out).
      { px: 13 * scale, bold: true, color: "#ffffff", stroke: 4 * scale, wrap: Math.max(2 * (radius.get(spec.id) ?? 30) * 0.98, 60 * scale) },
      spec.x,
      spec.y - 30 * scale,
      0.5,
      1,
      draw,
    );

  if (part === "values") {
    for (const { spec } of visible) drawStability(ctx, spec.x, spec.y - 24 * scale, Math.round(state.regions[spec.id]?.stability ?? 0), scale);
    for (const { spec } of visible) {
      const live = state.regions[spec.id];
      label(
        ctx,
        `${Math.round(live?.stability ?? 0)}`,
        { px: 11 * scale, color: "#ffffff", stroke: 3 * scale },
        spec.x + 30 * scale,
        spec.y - 20 * scale,
        0,
        0.5,
      );
      if (!live?.crisis) continue;
      const name = nameOf(spec, false);
      crisisMark(ctx, live.crisis, spec.x, name.y - name.h, scale);
    }
    return canvas;
  }

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
    nameOf(spec, true);
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

/** A crisis mark's words, formatted once per language, kind and severity (formatting is most of painting a mark). */
const crisisTexts = new Map<string, string>();
function crisisWords(kind: string, severity: number): string {
  const key = `${lang()}|${kind}|${severity}`;
  let text = crisisTexts.get(key);
  if (text === undefined) {
    if (crisisTexts.size >= MEASURES_KEPT) crisisTexts.clear();
    crisisTexts.set(key, (text = t("game.map.crisis", { kind: crisisName(kind), severity })));
  }
  return text;
}

/** Above the region's name (its mark's foot at `above`), boxed: a triangle, the kind and the severity (never colour alone). */
function crisisMark(ctx: CanvasRenderingContext2D, crisis: { kind: string; severity: number }, x: number, above: number, scale: number) {
  const top = above - 4 * scale;
  const box = label(
    ctx,
    crisisWords(crisis.kind, Math.round(crisis.severity)),
    { px: 11 * scale, bold: true, color: "#000000", background: "#f0e442", padX: 3 * scale, padY: 1 * scale },
    x + 8 * scale,
    top,
    0.5,
    1,
  );
  const cx = box.x - 10 * scale;
  const cy = top - box.h / 2;
  const size = (6 + Math.min(6, crisis.severity / 15)) * scale;
  ctx.beginPath();
  ctx.moveTo(cx, cy - size);
  ctx.lineTo(cx - size, cy + size * 0.8);
  ctx.lineTo(cx + size, cy + size * 0.8);
  ctx.closePath();
  ctx.fillStyle = css(MAP_COLORS.crisis);
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = "#000000";
  ctx.stroke();
}

/** Pixels a side of a picture `units` map units long at `resolution`. */
export function pictureSize(units: number, resolution: number): number {
  return Math.max(1, Math.ceil(units * resolution));
}

type LabelStyle = { px: number; bold?: boolean; color: string; stroke?: number; background?: string; padX?: number; padY?: number; wrap?: number };

/**
 * Words at (x, y) with the given origin (0–1 of their box, as a Phaser Text's): white on a black
 * outline, or on a box of colour; wrapped at spaces to `wrap` map units. Returns the box's left
 * edge, top and size (only measured, not drawn, without `draw`).
 */
function label(
  ctx: CanvasRenderingContext2D,
  text: string,
  style: LabelStyle,
  x: number,
  y: number,
  ox: number,
  oy: number,
  draw = true,
): { x: number; y: number; w: number; h: number } {
  const font = `${style.bold ? "bold " : ""}${Math.round(style.px * 10) / 10}px ${FONT}`;
  ctx.font = font;
  const lines = style.wrap ? wrapWords(ctx, font, text, style.wrap) : [text];
  const { ascent, descent } = fontHeight(ctx, font, style.px);
  const lineH = ascent + descent;
  const stroke = style.stroke ?? 0;
  const padX = style.padX ?? 0;
  const padY = style.padY ?? 0;
  const textW = Math.max(...lines.map((l) => widthOf(ctx, font, l)));
  const w = textW + stroke + 2 * padX;
  const h = lines.length * lineH + stroke + 2 * padY;
  const left = x - ox * w;
  const top = y - oy * h;
  if (!draw) return { x: left, y: top, w, h };
  if (style.background) {
    ctx.fillStyle = style.background;
    ctx.fillRect(left, top, w, h);
  }
  ctx.textAlign = "center";
  ctx.textBaseline = "alphabetic";
  lines.forEach((line, i) => {
    const baseline = top + padY + stroke / 2 + i * lineH + ascent;
    if (stroke) {
      ctx.lineWidth = stroke;
      ctx.strokeStyle = "#000000";
      ctx.strokeText(line, left + w / 2, baseline);
    }
    ctx.fillStyle = style.color;
    ctx.fillText(line, left + w / 2, baseline);
  });
  return { x: left, y: top, w, h };
}

/**
 * Text measured once per font: a repaint paints the same names and numbers again (some 1,200
 * words on a large map), and measuring was a third of painting. `ctx.font` must be `font`.
 */
const widths = new Map<string, number>();
const heights = new Map<string, { ascent: number; descent: number }>();
const MEASURES_KEPT = 20_000;
function widthOf(ctx: CanvasRenderingContext2D, font: string, text: string): number {
  const key = `${font}|${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    if (widths.size >= MEASURES_KEPT) widths.clear();
    widths.set(key, (width = ctx.measureText(text).width));
  }
  return width;
}
function fontHeight(ctx: CanvasRenderingContext2D, font: string, px: number): { ascent: number; descent: number } {
  let known = heights.get(font);
  if (!known) {
    const metrics = ctx.measureText("|MÉqgy");
    heights.set(font, (known = { ascent: metrics.fontBoundingBoxAscent ?? px * 0.9, descent: metrics.fontBoundingBoxDescent ?? px * 0.25 }));
  }
  return known;
}

/** Greedy wrapping at spaces; a word longer than the width stands on its own line. */
function wrapWords(ctx: CanvasRenderingContext2D, font: string, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (line && widthOf(ctx, font, next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

/** A small bar: stability 0–100, with its number beside it (colour is never the only cue). */
function drawStability(ctx: CanvasRenderingContext2D, x: number, y: number, value: number, scale: number) {
  const w = 56 * scale;
  const h = 6 * scale;
  ctx.fillStyle = "rgba(0, 0, 0, 0.75)";
  ctx.fillRect(x - w / 2 - 1, y - 1, w + 2, h + 2);
  ctx.fillStyle = value >= 60 ? "#56b4e9" : value >= 35 ? "#e69f00" : "#d55e00";
  ctx.fillRect(x - w / 2, y, (w * Math.max(0, Math.min(100, value))) / 100, h);
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
function css(color: number, alpha = 1): string {
  return `rgba(${(color >> 16) & 255}, ${(color >> 8) & 255}, ${color & 255}, ${alpha})`;
}
