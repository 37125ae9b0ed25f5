import type { MapModel } from "./map-bridge.ts";
import type { ScenarioRegion } from "../state/client-state.ts";
import { MAP_COLORS } from "./palette.ts";
import { crisisName } from "../game/names.ts";
import { t, lang } from "../i18n.ts";
import { label, MEASURES_KEPT } from "./canvas-label.ts";
import { clearedContext, css, nameLabel, pictureSize, pictureTransform, visibleRegions, type MapRect } from "./region-painter.ts";
import { valuesPatch } from "./values-patch.ts";

type Region = MapModel["state"]["regions"][string];

/**
 * What a values picture shows: each region's key (valueKey) and values, the regions it paints
 * (in map order), and the boxes its regions' values have had on it, by region and key (a box
 * depends on the picture's label size and language, fixed for a picture, and on the key).
 */
export type PaintedValues = { keys: Map<string, string>; regions: Map<string, Region>; painted: string[]; boxes: Map<string, MapRect> };

/**
 * The values over the regions' ground (region-painter.ts), a picture of their own: each
 * region's stability bar and number and its crisis mark. They change at every resolution, and a
 * jump of the replay changes some regions' and not others': `repaintValues` paints again only
 * the changed regions' boxes (values-patch.ts decides which), the rest of the picture stays.
 */
export function paintValuesCanvas(model: MapModel, scale: number, rect: MapRect, resolution: number, canvas: HTMLCanvasElement): PaintedValues {
  const ctx = clearedContext(canvas, rect, resolution);
  const visible = visibleRegions(model.state.scenario.regions, scale, rect).map((r) => r.spec);
  paint(ctx, model.state, visible, scale);
  return shown(model, visible, new Map());
}

/**
 * The picture on `canvas` (painted for `before`) brought to `model`: only the boxes of the
 * regions whose values changed are cleared, and every region reaching into them painted again
 * inside them (a clip at whole pixels), so the pixels are a whole repaint's. Most of a jump's
 * regions changed: painted whole, without measuring.
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
  const visible = visibleRegions(model.state.scenario.regions, scale, rect).map((r) => r.spec);
  const after = shown(model, visible, before.boxes);
  const specs = new Map(visible.map((spec) => [spec.id, spec]));
  const boxOf = (id: string, when: "before" | "after") => {
    const spec = specs.get(id);
    if (!spec) return undefined;
    const values = when === "before" ? before : after;
    const key = `${id}|${values.keys.get(id)}`;
    let box = values.boxes.get(key);
    if (!box) {
      if (values.boxes.size >= MEASURES_KEPT) values.boxes.clear();
      values.boxes.set(key, (box = valuesBox(ctx, model.state, spec, values.regions.get(id), scale)));
    }
    return box;
  };
  pictureTransform(ctx, rect, resolution);
  const patch = valuesPatch(before.keys, after.keys, after.painted, boxOf);
  if (patch === null) return after;
  if (patch === "all") {
    paint(clearedContext(canvas, rect, resolution), model.state, visible, scale);
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
    model.state,
    visible.filter((spec) => again.has(spec.id)),
    scale,
  );
  ctx.restore();
  return after;
}

/** What `model` shows of each region, for a picture painting `visible` (boxes: those measured so far for this picture). */
function shown(model: MapModel, visible: readonly ScenarioRegion[], boxes: Map<string, MapRect>): PaintedValues {
  // Copies of what the picture reads: the box of a region's old values is measured after the model has moved on.
  const regions = new Map(Object.values(model.state.regions).map((r) => [r.id, { ...r, crisis: r.crisis && { ...r.crisis } }] as const));
  const keys = new Map([...regions].map(([id, r]) => [id, valueKey(r)]));
  return { keys, regions, painted: visible.map((spec) => spec.id), boxes };
}

/** What one region's values show: a change of any of these changes its pixels. */
export function valueKey(region: Region | undefined): string {
  const crisis = region?.crisis;
  return `${Math.round(region?.stability ?? 0)}|${crisis ? `${crisis.kind}|${crisis.severity}` : ""}`;
}

/** Bars first (under every word), then each region's number and crisis mark, in the regions' order. */
function paint(ctx: CanvasRenderingContext2D, state: MapModel["state"], regions: readonly ScenarioRegion[], scale: number) {
  for (const spec of regions) drawStability(ctx, spec.x, spec.y - 24 * scale, Math.round(state.regions[spec.id]?.stability ?? 0), scale);
  for (const spec of regions) regionWords(ctx, state, spec, state.regions[spec.id], scale, true);
}

/** Where a region's values (`live`) lie: with a margin for glyphs' overhang, strokes and antialiasing. */
function valuesBox(ctx: CanvasRenderingContext2D, state: MapModel["state"], spec: ScenarioRegion, live: Region | undefined, scale: number): MapRect {
  const margin = 2 + 2 * scale;
  const w = 56 * scale;
  const bar = { x: spec.x - w / 2 - 1, y: spec.y - 24 * scale - 1, w: w + 2, h: 6 * scale + 2 };
  const box = [bar, ...regionWords(ctx, state, spec, live, scale, false)].reduce(union);
  return { x: box.x - margin, y: box.y - margin, w: box.w + 2 * margin, h: box.h + 2 * margin };
}

/** A region's stability number and crisis mark, painted or only measured; their boxes. */
function regionWords(
  ctx: CanvasRenderingContext2D,
  state: MapModel["state"],
  spec: ScenarioRegion,
  live: Region | undefined,
  scale: number,
  draw: boolean,
): MapRect[] {
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
  const name = nameLabel(ctx, state, spec, scale, false);
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
