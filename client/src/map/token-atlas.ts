import type * as Phaser from "phaser";

/** The side of one atlas page, in canvas pixels: 4 MB a page, ~400 stack looks at resolution 1. */
export const PAGE_SIDE = 1024;
/** Transparent pixels between frames, so a scaled frame never samples its neighbour's edge. */
export const FRAME_GAP = 2;

export type FramePlace = { page: number; x: number; y: number };

/**
 * Where the next frames go on pages of `side` × `side` pixels: left to right along a shelf as
 * tall as its tallest frame, a new shelf below when a frame does not fit the width, a new page
 * when it does not fit the height. Frames are never freed (tokens' looks are few and recur).
 */
export class ShelfPacker {
  private page = 0;
  private x = 0;
  private y = 0;
  private shelf = 0;

  private readonly side: number;

  constructor(side = PAGE_SIDE) {
    this.side = side;
  }

  place(width: number, height: number): FramePlace {
    const w = Math.min(width, this.side);
    const h = Math.min(height, this.side);
    if (this.x > 0 && this.x + w > this.side) {
      this.y += this.shelf + FRAME_GAP;
      this.x = 0;
      this.shelf = 0;
    }
    if (this.y > 0 && this.y + h > this.side) {
      this.page++;
      this.x = 0;
      this.y = 0;
      this.shelf = 0;
    }
    const placed = { page: this.page, x: this.x, y: this.y };
    this.x += w + FRAME_GAP;
    this.shelf = Math.max(this.shelf, h);
    return placed;
  }
}

/**
 * The token looks of one resolution drawn side by side on a few shared canvases, each one
 * texture with a frame per look. One canvas per look cost the console's load ~0.47 s for the
 * ~375 stacks of the full map (a canvas each, read back whole by Phaser's CanvasTexture) and its
 * frames a canvas image source per token to rasterise. A page is a texture from its canvas as it
 * is (`addImage`, as the regions' pictures); looks drawn on it later reach a WebGL texture at
 * `upload` (the Canvas renderer draws from the canvas itself).
 */
export class TokenAtlas {
  private readonly packer = new ShelfPacker();
  private readonly pages: { key: string; ctx: CanvasRenderingContext2D }[] = [];
  private readonly frames = new Map<string, { key: string; frame: string }>();
  private readonly changed = new Set<string>();

  private readonly textures: Phaser.Textures.TextureManager;
  private readonly name: string;

  constructor(textures: Phaser.Textures.TextureManager, name: string) {
    this.textures = textures;
    this.name = name;
  }

  /**
   * The texture and frame of `look` (a key naming everything it shows), drawn on first use by
   * `draw` from the context's origin, in canvas pixels, within the `size` it says it needs.
   */
  frameFor(look: string, size: () => { width: number; height: number }, draw: (ctx: CanvasRenderingContext2D) => void): { key: string; frame: string } {
    const known = this.frames.get(look);
    if (known) return known;
    const { width, height } = size();
    const place = this.packer.place(width, height);
    const page = this.pages[place.page] ?? this.addPage(place.page);
    page.ctx.save();
    page.ctx.beginPath();
    page.ctx.rect(place.x, place.y, width, height);
    page.ctx.clip();
    page.ctx.translate(place.x, place.y);
    draw(page.ctx);
    page.ctx.restore();
    const texture = this.textures.get(page.key);
    texture.add(look, 0, place.x, place.y, width, height);
    const found = { key: page.key, frame: look };
    this.frames.set(look, found);
    this.changed.add(page.key);
    return found;
  }

  /** Sends the pages drawn on since the last call to the GPU (a no-op for the Canvas renderer). */
  upload(): void {
    for (const key of this.changed) this.textures.get(key).source[0]?.update();
    this.changed.clear();
  }

  private addPage(index: number) {
    const canvas = document.createElement("canvas");
    canvas.width = PAGE_SIDE;
    canvas.height = PAGE_SIDE;
    const key = `${this.name}#${index}`;
    this.textures.addImage(key, canvas as unknown as HTMLImageElement);
    const page = { key, ctx: canvas.getContext("2d")! };
    this.pages[index] = page;
    return page;
  }
}
