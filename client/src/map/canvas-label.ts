import { keptValues } from "./kept.ts";

/** Words painted on a map picture's canvas (region-painter.ts, values-painter.ts), measured once per font. */

const FONT = "system-ui, -apple-system, 'Segoe UI', sans-serif";

export type LabelStyle = { px: number; bold?: boolean; color: string; stroke?: number; background?: string; padX?: number; padY?: number; wrap?: number };

/**
 * Words at (x, y) with the given origin (0–1 of their box, as a Phaser Text's): white on a black
 * outline, or on a box of colour; wrapped at spaces to `wrap` map units. Returns the box's left
 * edge, top and size (only measured, not drawn, without `draw`).
 */
export function label(
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
  const { lines, textW, ascent, descent } = measured(ctx, font, text, style);
  const lineH = ascent + descent;
  const stroke = style.stroke ?? 0;
  const padX = style.padX ?? 0;
  const padY = style.padY ?? 0;
  const w = textW + stroke + 2 * padX;
  const h = lines.length * lineH + stroke + 2 * padY;
  const left = x - ox * w;
  const top = y - oy * h;
  if (!draw) return { x: left, y: top, w, h };
  ctx.font = font;
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
 * A label's lines and size, once per font, wrap and text: a values picture measures every
 * region's labels to know where they lie, and setting `ctx.font` (a CSS font parsed each time)
 * was most of measuring one already measured; the font is set only to measure anew.
 */
type Measured = { lines: string[]; textW: number; ascent: number; descent: number };
function measured(ctx: CanvasRenderingContext2D, font: string, text: string, style: LabelStyle): Measured {
  return labels(`${font}|${style.wrap ?? ""}|${text}`, () => {
    ctx.font = font;
    const lines = style.wrap ? wrapWords(ctx, font, text, style.wrap) : [text];
    return { lines, textW: Math.max(...lines.map((l) => widthOf(ctx, font, l))), ...fontHeight(ctx, font, style.px) };
  });
}

/**
 * Text measured once per font: a repaint paints the same names and numbers again (some 1,200
 * words on a large map), and measuring was a third of painting. `ctx.font` must be `font`.
 */
export const MEASURES_KEPT = 20_000;
const labels = keptValues<Measured>(MEASURES_KEPT);
const widths = keptValues<number>(MEASURES_KEPT);
const heights = new Map<string, { ascent: number; descent: number }>();
function widthOf(ctx: CanvasRenderingContext2D, font: string, text: string): number {
  return widths(`${font}|${text}`, () => ctx.measureText(text).width);
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
