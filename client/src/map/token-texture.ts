import type * as Phaser from "phaser";
import { TokenAtlas } from "./token-atlas.ts";

/** Everything that decides how one asset token looks; tokens that look alike share a texture. */
export type TokenLook = {
  /** The owner's colour (#rrggbb). */
  color: string;
  /** Text colour on the owner's colour (own tokens only). */
  ink: string;
  top: string;
  bottom: string;
  foreign: boolean;
  degraded: boolean;
  selected: boolean;
  /** A region's stack of units: drawn as a pile of cards. */
  stack?: boolean;
};

export const TOKEN_W = 50;
export const TOKEN_H = 30;
/** Room around the token for the selection halo. Textures put the token's top centre at (0.5, 0). */
export const TOKEN_MARGIN = 4;

const FRAME_W = TOKEN_W + 2 * TOKEN_MARGIN;
const FRAME_H = TOKEN_H + 2 * TOKEN_MARGIN;
const FONT = "system-ui, -apple-system, 'Segoe UI', sans-serif";
const TOP_FONT = `bold 11px ${FONT}`;
const BOTTOM_FONT = `10px ${FONT}`;

/**
 * Texels per map unit for a camera zoom (the canvas has one pixel per CSS pixel): the next power
 * of two at or above the zoom, so a token is never magnified (blurred) and at most halved, as
 * the Text it replaced was at the usual fitted zoom.
 */
export function tokenResolution(zoom: number): number {
  return zoom <= 1 ? 1 : zoom <= 2 ? 2 : 4;
}

/** The atlases of token looks, by the game's texture manager and then by resolution. */
const atlases = new WeakMap<Phaser.Textures.TextureManager, Map<number, TokenAtlas>>();

function atlasOf(scene: Phaser.Scene, resolution: number): TokenAtlas {
  let byResolution = atlases.get(scene.textures);
  if (!byResolution) atlases.set(scene.textures, (byResolution = new Map()));
  let atlas = byResolution.get(resolution);
  if (!atlas) byResolution.set(resolution, (atlas = new TokenAtlas(scene.textures, `tokens@${resolution}`)));
  return atlas;
}

/** What tokens of one look are drawn from: a frame of a shared atlas page. */
export type TokenFrame = { key: string; frame: string };

/**
 * The texture and frame for a token look at a resolution, drawn on first use. Drawn as Graphics
 * paths and two Text objects each, 300 tokens cost the renderer ~70,000 triangle indices and ~700
 * texture binds every frame; as images of a few shared textures they batch into a few quads' draws.
 * Tokens of one look share a frame, and all looks a few atlas pages (token-atlas.ts); call
 * `uploadTokenTextures` once the tokens are placed.
 */
export function tokenTexture(scene: Phaser.Scene, look: TokenLook, resolution: number): TokenFrame {
  const atlas = atlasOf(scene, resolution);
  const key = JSON.stringify(look);
  let width = 0;
  return atlas.frameFor(
    key,
    () => ((width = tokenWidth(look)), { width: width * resolution, height: FRAME_H * resolution }),
    (ctx) => drawToken(ctx, look, resolution, width),
  );
}

let measuring: CanvasRenderingContext2D | null = null;

/** As wide as the token or its longer label (which may overhang it), in map units, even. */
function tokenWidth(look: TokenLook): number {
  const ctx = (measuring ??= document.createElement("canvas").getContext("2d")!);
  return Math.max(FRAME_W, 2 * Math.ceil(Math.max(textWidth(ctx, look.top, TOP_FONT), textWidth(ctx, look.bottom, BOTTOM_FONT)) / 2 + 1));
}

/**
 * The picture the map used to draw with Graphics and Text, `resolution` canvas pixels per map
 * unit, from the context's origin; `width` map units wide (tokenWidth), the token centred.
 */
function drawToken(ctx: CanvasRenderingContext2D, look: TokenLook, resolution: number, width: number): void {
  ctx.scale(resolution, resolution);
  ctx.translate((width - TOKEN_W) / 2, TOKEN_MARGIN);
  const W = TOKEN_W;
  const H = TOKEN_H;
  if (look.selected) {
    fillRounded(ctx, -4, -4, W + 8, H + 8, 7, "#ffffff");
    fillRounded(ctx, -2, -2, W + 4, H + 4, 6, "#000000");
  }
  ctx.lineWidth = 2;
  if (look.foreign) {
    ctx.globalAlpha = 0.92;
    fillRounded(ctx, 0, 0, W, H, 4, "#111111");
    ctx.globalAlpha = 1;
    // Dashes restart at each corner, as the outline of something only last seen.
    ctx.strokeStyle = look.color;
    ctx.setLineDash([5, 3]);
    ctx.beginPath();
    const corners = [
      [0, 0],
      [W, 0],
      [W, H],
      [0, H],
    ] as const;
    for (let i = 0; i < 4; i++) {
      const [ax, ay] = corners[i]!;
      const [bx, by] = corners[(i + 1) % 4]!;
      ctx.moveTo(ax, ay);
      ctx.lineTo(bx, by);
    }
    ctx.stroke();
    ctx.setLineDash([]);
  } else {
    if (look.stack) {
      // Two cards peeking out behind: a pile, which one click or hover opens.
      for (const d of [4, 2]) {
        fillRounded(ctx, d, -d, W, H, 4, "#000000");
        fillRounded(ctx, d + 0.75, -d + 0.75, W - 1.5, H - 1.5, 3.5, look.color);
      }
    }
    fillRounded(ctx, 0, 0, W, H, 4, look.color);
    ctx.globalAlpha = 0.9;
    ctx.strokeStyle = look.ink;
    roundedPath(ctx, 0, 0, W, H, 4);
    ctx.stroke();
    ctx.globalAlpha = 1;
    if (look.degraded) {
      ctx.beginPath();
      ctx.moveTo(3, H - 3);
      ctx.lineTo(W - 3, 3);
      ctx.stroke();
    }
  }
  const ink = look.foreign ? "#ffffff" : look.ink;
  centredText(ctx, look.top, TOP_FONT, ink, W / 2, 8);
  centredText(ctx, look.bottom, BOTTOM_FONT, ink, W / 2, 21);
}

function textWidth(ctx: CanvasRenderingContext2D, text: string, font: string): number {
  ctx.font = font;
  return ctx.measureText(text).width;
}

function roundedPath(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

function fillRounded(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number, color: string) {
  ctx.fillStyle = color;
  roundedPath(ctx, x, y, w, h, r);
  ctx.fill();
}

/** Centred on (x, y) the way Phaser centres a Text: by the font's ink box of "|MÉqgy". */
function centredText(ctx: CanvasRenderingContext2D, text: string, font: string, color: string, x: number, y: number) {
  ctx.font = font;
  ctx.fillStyle = color;
  ctx.textAlign = "center";
  ctx.textBaseline = "alphabetic";
  const probe = ctx.measureText("|MÉqgy");
  ctx.fillText(text, x, y + (probe.actualBoundingBoxAscent - probe.actualBoundingBoxDescent) / 2);
}

/** Sends the token looks drawn since the last call to the GPU (WebGL; nothing to do for Canvas). */
export function uploadTokenTextures(scene: Phaser.Scene): void {
  for (const atlas of atlases.get(scene.textures)?.values() ?? []) atlas.upload();
}
