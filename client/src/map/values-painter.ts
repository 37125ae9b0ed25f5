import type { MapModel } from "./map-bridge.ts";
import type { ScenarioRegion } from "../state/client-state.ts";
import { MAP_COLORS } from "./palette.ts";
import { crisisName } from "../game/names.ts";
import { t, lang } from "../i18n.ts";
import { label, MEASURES_KEPT } from "./canvas-label.ts";
import { keptValues } from "./kept.ts";
import { clearedContext, css, nameLabel, visibleRegions, type MapRect } from "./region-painter.ts";

/**
 * The values over the regions' ground (region-painter.ts), a picture of their own: each
 * region's stability bar and number and its crisis mark. They change at every resolution, the
 * ground under them only when a region changes hands.
 */
export function paintValuesCanvas(model: MapModel, scale: number, rect: MapRect, resolution: number, canvas: HTMLCanvasElement): HTMLCanvasElement {
  const ctx = clearedContext(canvas, rect, resolution);
  paint(
    ctx,
    model.state,
    visibleRegions(model.state.scenario.regions, scale, rect).map((r) => r.spec),
    scale,
  );
  return canvas;
}

/** Bars first (under every word), then each region's number and crisis mark, in the regions' order. */
function paint(ctx: CanvasRenderingContext2D, state: MapModel["state"], regions: readonly ScenarioRegion[], scale: number) {
  for (const spec of regions) drawStability(ctx, spec.x, spec.y - 24 * scale, Math.round(state.regions[spec.id]?.stability ?? 0), scale);
  for (const spec of regions) {
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
    const name = nameLabel(ctx, state, spec, scale, false);
    crisisMark(ctx, live.crisis, spec.x, name.y - name.h, scale);
  }
}

/** A crisis mark's words, formatted once per language, kind and severity (formatting is most of painting a mark). */
const crisisTexts = keptValues<string>(MEASURES_KEPT);
function crisisWords(kind: string, severity: number): string {
  return crisisTexts(`${lang()}|${kind}|${severity}`, () => t("game.map.crisis", { kind: crisisName(kind), severity }));
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

/** A small bar: stability 0–100, with its number beside it (colour is never the only cue). */
function drawStability(ctx: CanvasRenderingContext2D, x: number, y: number, value: number, scale: number) {
  const w = 56 * scale;
  const h = 6 * scale;
  ctx.fillStyle = "rgba(0, 0, 0, 0.75)";
  ctx.fillRect(x - w / 2 - 1, y - 1, w + 2, h + 2);
  ctx.fillStyle = value >= 60 ? "#56b4e9" : value >= 35 ? "#e69f00" : "#d55e00";
  ctx.fillRect(x - w / 2, y, (w * Math.max(0, Math.min(100, value))) / 100, h);
}
