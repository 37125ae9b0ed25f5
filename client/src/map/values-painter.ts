import type { MapModel } from "./map-bridge.ts";
import type { ScenarioRegion } from "../state/client-state.ts";
import { MAP_COLORS } from "./palette.ts";
import { crisisName } from "../game/names.ts";
import { t, lang } from "../i18n.ts";
import { label, MEASURES_KEPT } from "./canvas-label.ts";
import { clearedContext, css, nameLabel, pictureSize, pictureTransform, visibleRegions, type MapRect } from "./region-painter.ts";
import { valuesPatch, type PaintedValues } from "./values-patch.ts";

type Region = MapModel["state"]["regions"][string];

/**
 * The values over the regions' ground (region-painter.ts), a picture of their own: each
 * region's stability bar and number and its crisis mark. They change at every resolution, and a
 * jump of the replay changes some regions' and not others': `repaintValues` paints again only
 * the changed regions' boxes (values-patch.ts decides which), the rest of the picture stays.
 */
export function paintValuesCanvas(model: MapModel, scale: number, rect: MapRect, resolution: number, canvas: HTMLCanvasElement): PaintedValues {
  const ctx = clearedContext(canvas, rect, resolution);
  const visible = visibleRegions(model.state.scenario.regions, scale, rect).map((r) => r.spec);
  paint(ctx, model, visible, scale);
  return measure(ctx, model, visible, scale);
}

/**
 * The picture on `canvas` (painted for `before`) brought to `model`: only the boxes of the
 * regions whose values changed are cleared, and every region reaching into them painted again
 * inside them (a clip at whole pixels), so the pixels are a whole repaint's. Most of a jump's
 * regions changed: painted whole.
 */
export function repaintValues(
  model: MapModel,
  scale: number,
  rect: MapRect,
  resolution: number,
  canvas: HTMLCanvasElement,
  before: PaintedValues,
): PaintedValues {
  const ctx = canvas.getContext("2d")!;
  pictureTransform(ctx, rect, resolution);
  const visible = visibleRegions(model.state.scenario.regions, scale, rect).map((r) => r.spec);
  const after = measure(ctx, model, visible, scale);
  const patch = valuesPatch(before, after);
  if (patch === null) return after;
  if (patch === "all") {
    paint(clearedContext(canvas, rect, resolution), model, visible, scale);
    return after;
  }
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.beginPath();
  for (const box of patch.clip) {
    // Whole pixels: a clip edge inside a pixel would blend the old and new paint there.
    const left = Math.max(0, Math.floor((box.x - rect.x) * resolution));
    const top = Math.max(0, Math.floor((box.y - rect.y) * resolution));
    const right = Math.min(canvas.width, pictureSize(box.x + box.w - rect.x, resolution));
    const bottom = Math.min(canvas.height, pictureSize(box.y + box.h - rect.y, resolution));
    if (right > left && bottom > top) ctx.rect(left, top, right - left, bottom - top);
  }
  ctx.clip();
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  pictureTransform(ctx, rect, resolution);
  const again = new Set(patch.regions);
  paint(
    ctx,
    model,
    visible.filter((spec) => again.has(spec.id)),
    scale,
  );
  ctx.restore();
  return after;
}

/** What one region's values show: a change of any of these changes its pixels. */
export function valueKey(region: Region | undefined): string {
  const crisis = region?.crisis;
  return `${Math.round(region?.stability ?? 0)}|${crisis ? `${crisis.kind}|${crisis.severity}` : ""}`;
}

/** Bars first (under every word), then each region's number and crisis mark, in the regions' order. */
function paint(ctx: CanvasRenderingContext2D, model: MapModel, regions: readonly ScenarioRegion[], scale: number) {
  const { state } = model;
  for (const spec of regions) drawStability(ctx, spec.x, spec.y - 24 * scale, Math.round(state.regions[spec.id]?.stability ?? 0), scale);
  for (const spec of regions) regionWords(ctx, model, spec, scale, true);
}

/** Each region's key, and where the visible ones' values lie (a margin for glyphs' overhang, strokes and antialiasing). */
function measure(ctx: CanvasRenderingContext2D, model: MapModel, visible: readonly ScenarioRegion[], scale: number): PaintedValues {
  const keys = new Map(Object.values(model.state.regions).map((r) => [r.id, valueKey(r)]));
  const boxes = new Map<string, MapRect>();
  const margin = 2 + 2 * scale;
  for (const spec of visible) {
    const w = 56 * scale;
    const bar = { x: spec.x - w / 2 - 1, y: spec.y - 24 * scale - 1, w: w + 2, h: 6 * scale + 2 };
    const box = [bar, ...regionWords(ctx, model, spec, scale, false)].reduce(union);
    boxes.set(spec.id, { x: box.x - margin, y: box.y - margin, w: box.w + 2 * margin, h: box.h + 2 * margin });
  }
  return { keys, boxes };
}

/** A region's stability number and crisis mark, painted or only measured; their boxes. */
function regionWords(ctx: CanvasRenderingContext2D, model: MapModel, spec: ScenarioRegion, scale: number, draw: boolean): MapRect[] {
  const live = model.state.regions[spec.id];
  const number = label(
    ctx,
    `${Math.round(live?.stability ?? 0)}`,
    { px: 11 * scale, color: "#ffffff", stroke: 3 * scale },
    spec.x + 30 * scale,
    spec.y - 20 * scale,
    0,
    0.5,
    draw,
  );
  if (!live?.crisis) return [number];
  const name = nameLabel(ctx, model.state, spec, scale, false);
  return [number, crisisMark(ctx, live.crisis, spec.x, name.y - name.h, scale, draw)];
}

function union(a: MapRect, b: MapRect): MapRect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
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

/** Above the region's name (its mark's foot at `above`), boxed: a triangle, the kind and the severity (never colour alone). Returns the mark's box. */
function crisisMark(
  ctx: CanvasRenderingContext2D,
  crisis: { kind: string; severity: number },
  x: number,
  above: number,
  scale: number,
  draw: boolean,
): MapRect {
  const top = above - 4 * scale;
  const box = label(
    ctx,
    crisisWords(crisis.kind, Math.round(crisis.severity)),
    { px: 11 * scale, bold: true, color: "#000000", background: "#f0e442", padX: 3 * scale, padY: 1 * scale },
    x + 8 * scale,
    top,
    0.5,
    1,
    draw,
  );
  const cx = box.x - 10 * scale;
  const cy = top - box.h / 2;
  const size = (6 + Math.min(6, crisis.severity / 15)) * scale;
  const triangle = { x: cx - size - 1, y: cy - size - 1, w: 2 * size + 2, h: 1.8 * size + 2 };
  if (!draw) return union(box, triangle);
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
  return union(box, triangle);
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
