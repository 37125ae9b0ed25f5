import type * as Phaser from "phaser";
import { clearedContext, type MapRect } from "./region-painter.ts";
import { pictureArea, pictureCovers, regionResolution, viewOf } from "./region-layer.ts";

/** What of a token's image the picture reads: where it stands on the map and its texture's frame. */
type TokenImage = Pick<Phaser.GameObjects.Image, "x" | "y" | "displayWidth" | "displayHeight" | "originX" | "originY" | "frame" | "setVisible">;

/**
 * The tokens that stand still on the map (closed stacks and units not in an opened stack),
 * painted from their own textures into one picture, as the regions are (region-layer.ts): with
 * the Canvas renderer each image is a save, a transform and a draw every frame, and rasterising
 * the ~375 stacks of a 5,000-unit map was half of each frame while panning (docs/PERFORMANCE.md).
 * Their images stay where they are (hit tests and reuse read them) but hidden; the opened stacks'
 * tokens are drawn one by one above the picture. The picture covers the tokens' extent when that
 * fits the picture limits at the camera's resolution, else the view and a margin around it, and
 * is painted again when the tokens change or the view leaves it.
 */
export class TokenPicture {
  private readonly scene: Phaser.Scene;
  private readonly image: Phaser.GameObjects.Image;
  private tokens: readonly TokenImage[] = [];
  private extent: MapRect | null = null;
  private stale = false;
  private shown: { key: string; rect: MapRect; resolution: number } | null = null;
  /**
   * One canvas, painted again for each picture (up to 16 MB: not allocated anew): the picture is
   * painted and made a texture before the next frame draws, and WebGL copies it at that moment.
   */
  private canvas: HTMLCanvasElement | null = null;
  private count = 0;

  private readonly makeCanvas: () => HTMLCanvasElement;

  /** `makeCanvas`: where its canvases come from (the page's document; a test's fakes). */
  constructor(scene: Phaser.Scene, depth: number, makeCanvas = () => document.createElement("canvas")) {
    this.scene = scene;
    this.makeCanvas = makeCanvas;
    this.image = scene.add.image(0, 0, "__DEFAULT").setOrigin(0, 0).setDepth(depth).setVisible(false);
  }

  /** The tokens the picture shows from now on (their images are hidden); painted at the next `show`. */
  hold(tokens: readonly TokenImage[]): void {
    this.tokens = tokens;
    for (const token of tokens) token.setVisible(false);
    this.extent = tokens.length ? extentOf(tokens) : null;
    this.stale = true;
  }

  /** The tokens' textures changed (another resolution): the picture is painted again from them. */
  retextured(): void {
    this.stale = true;
  }

  /** Shows a picture covering the camera's view, painting one if the one shown does not. */
  show(camera: Phaser.Cameras.Scene2D.Camera): void {
    if (!this.extent) {
      this.image.setVisible(false);
      return;
    }
    const whole = this.extent;
    const resolution = regionResolution(camera.zoom);
    const view = viewOf(whole, camera);
    const covers = !this.stale && this.shown !== null && this.shown.resolution === resolution && pictureCovers(this.shown.rect, whole, view);
    if (covers) return;
    const { rect, resolution: r } = pictureArea(whole, view ?? whole, resolution);
    const canvas = (this.canvas ??= this.makeCanvas());
    const ctx = clearedContext(canvas, rect, r);
    for (const token of this.tokens) {
      const left = token.x - token.displayWidth * token.originX;
      const top = token.y - token.displayHeight * token.originY;
      if (left > rect.x + rect.w || top > rect.y + rect.h || left + token.displayWidth < rect.x || top + token.displayHeight < rect.y) continue;
      const { source, cutX, cutY, cutWidth, cutHeight } = token.frame;
      ctx.drawImage(source.image as CanvasImageSource, cutX, cutY, cutWidth, cutHeight, left, top, token.displayWidth, token.displayHeight);
    }
    // A texture of its own each time: WebGL takes the canvas's pixels when the texture is made.
    const key = `tokens#${++this.count}`;
    this.scene.textures.addImage(key, canvas as unknown as HTMLImageElement);
    this.image
      .setTexture(key)
      .setPosition(rect.x, rect.y)
      .setScale(1 / r)
      .setVisible(true);
    if (this.shown) this.scene.textures.remove(this.shown.key);
    this.shown = { key, rect, resolution };
    this.stale = false;
  }
}

function extentOf(tokens: readonly TokenImage[]): MapRect {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const t of tokens) {
    const left = t.x - t.displayWidth * t.originX;
    const top = t.y - t.displayHeight * t.originY;
    minX = Math.min(minX, left);
    minY = Math.min(minY, top);
    maxX = Math.max(maxX, left + t.displayWidth);
    maxY = Math.max(maxY, top + t.displayHeight);
  }
  const x = Math.floor(minX) - 1;
  const y = Math.floor(minY) - 1;
  return { x, y, w: Math.ceil(maxX) + 1 - x, h: Math.ceil(maxY) + 1 - y };
}
