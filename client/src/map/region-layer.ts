import type * as Phaser from "phaser";
import type { MapModel } from "./map-bridge.ts";
import { paintRegionCanvas, pictureSize, regionShapes, type MapRect } from "./region-painter.ts";
import { paintValuesCanvas } from "./values-painter.ts";
import { bounds } from "./geometry.ts";

/** What of the regions a picture shows: the ground (shapes, owners, names) or the values over it (stability, crises). */
export type RegionPart = "ground" | "values";

/** The largest picture painted, in pixels a side and in all: within every GPU's texture limit, and ~16 MB at most. */
export const MAX_SIDE = 4096;
export const MAX_PIXELS = 4_200_000;
/** Pictures kept for the model in view (two label sizes either side of a step, and one more). */
const KEPT = 3;

/** Pixels per map unit of the regions' picture at a camera zoom: never magnified, at most halved. */
export function regionResolution(zoom: number): number {
  return zoom <= 0.5 ? 0.5 : zoom <= 1 ? 1 : zoom <= 2 ? 2 : 4;
}

type Picture = { key: string; scale: number; resolution: number; rect: MapRect; canvas: HTMLCanvasElement };

/**
 * The regions, their words and marks as one image (region-painter.ts paints it): each frame
 * draws one picture, not some thousand paths and words. A picture is painted for a model, a
 * label size and a resolution; it covers the whole map when that fits the limits above, else
 * the view and a margin around it (zoomed far in on a large map), painted again when the view
 * leaves it. Pictures of the same model are kept, so zooming back and forth across a label
 * step shows one already painted. The canvases of pictures gone are painted again rather than
 * made anew (a whole-map canvas is up to 16 MB to allocate), and a picture becomes a texture
 * from its canvas as it is (`addImage`): a CanvasTexture would read every pixel back.
 */
export class RegionLayer {
  private readonly scene: Phaser.Scene;
  private readonly part: RegionPart;
  private readonly image: Phaser.GameObjects.Image;
  private pictures: Picture[] = [];
  private shown: Picture | null = null;
  private painted = 0;
  /** Canvases of pictures no longer kept, to paint the next ones on. */
  private spare: HTMLCanvasElement[] = [];

  /** `part`: which of the regions' two pictures this layer shows (region-painter.ts), each a layer of its own. */
  constructor(scene: Phaser.Scene, depth: number, part: RegionPart = "ground") {
    this.scene = scene;
    this.part = part;
    this.image = scene.add.image(0, 0, "__DEFAULT").setOrigin(0, 0).setDepth(depth).setVisible(false);
  }

  /** The model drawn changed: the pictures of the old one are no use (the one on screen stays until its successor is painted). */
  forget(): void {
    for (const picture of this.pictures) if (picture !== this.shown) this.drop(picture);
    this.pictures = [];
    // The one on screen is painted over only by its successor, which replaces it in the same call (show).
    if (this.shown) this.keepCanvas(this.shown.canvas);
  }

  /** A picture goes: its texture now, its canvas kept for the next picture painted. */
  private drop(picture: Picture): void {
    this.scene.textures.remove(picture.key);
    this.keepCanvas(picture.canvas);
  }

  private keepCanvas(canvas: HTMLCanvasElement): void {
    if (this.spare.includes(canvas)) return;
    this.spare.push(canvas);
    if (this.spare.length > KEPT) this.spare.shift();
  }

  /** A spare canvas of this size if there is one (same size: no new pixels to allocate), else any, else a new one. */
  private canvasFor(width: number, height: number): HTMLCanvasElement {
    const same = this.spare.findIndex((c) => c.width === width && c.height === height);
    const at = same >= 0 ? same : this.spare.length - 1;
    return at >= 0 ? this.spare.splice(at, 1)[0]! : document.createElement("canvas");
  }

  /** Shows a picture of `model` at label size `scale` covering the camera's view, painting one if none does. */
  show(model: MapModel, scale: number, camera: Phaser.Cameras.Scene2D.Camera): void {
    const resolution = regionResolution(camera.zoom);
    const whole = this.extent(model, scale);
    // What of the map is in view (nothing to cover if the view is off the map).
    const view = viewOf(whole, camera);
    const covers = (p: Picture) => p.scale === scale && p.resolution === resolution && pictureCovers(p.rect, whole, view);
    let picture = this.pictures.find(covers);
    if (!picture) {
      const { rect, resolution: r } = pictureArea(whole, view ?? whole, resolution);
      const key = `regions-${this.part}#${++this.painted}`;
      const canvas = this.canvasFor(pictureSize(rect.w, r), pictureSize(rect.h, r));
      picture = { key, scale, resolution: r, rect, canvas };
      if (this.part === "values") paintValuesCanvas(model, scale, rect, r, canvas);
      else paintRegionCanvas(model, scale, rect, r, canvas);
      // The canvas as the texture's source, read by the renderer as it is (a Canvas renderer draws it, WebGL uploads it).
      this.scene.textures.addImage(key, canvas as unknown as HTMLImageElement);
      this.pictures.push(picture);
    }
    if (picture !== this.shown) {
      const old = this.shown;
      this.shown = picture;
      this.image
        .setTexture(picture.key)
        .setPosition(picture.rect.x, picture.rect.y)
        .setScale(1 / picture.resolution)
        .setVisible(true);
      // A picture of a model since replaced goes as soon as it is off screen.
      if (old && !this.pictures.includes(old)) this.scene.textures.remove(old.key);
    }
    // The most recently shown last; the oldest beyond KEPT go.
    this.pictures = [...this.pictures.filter((p) => p !== picture), picture];
    while (this.pictures.length > KEPT) this.drop(this.pictures.shift()!);
  }

  /** Everything the picture may hold: the regions' outlines and room above them for their words. */
  private extentOf: { regions: unknown; scale: number; rect: MapRect } | null = null;
  private extent(model: MapModel, scale: number): MapRect {
    const regions = model.state.scenario.regions;
    if (this.extentOf?.regions !== regions || this.extentOf.scale !== scale) this.extentOf = { regions, scale, rect: this.measure(model, scale) };
    return this.extentOf.rect;
  }

  private measure(model: MapModel, scale: number): MapRect {
    const { shapes } = regionShapes(model.state.scenario.regions);
    if (!shapes.length) return { x: 0, y: 0, w: 1, h: 1 };
    const b = bounds(shapes.flatMap((s) => s.outline));
    const margin = 110 * scale;
    return {
      x: Math.floor(b.minX - margin),
      y: Math.floor(b.minY - margin),
      w: Math.ceil(b.maxX - b.minX + 2 * margin),
      h: Math.ceil(b.maxY - b.minY + 2 * margin),
    };
  }
}

/**
 * The part of the map to paint: all of it if it fits the limits at this resolution; else the
 * view with as wide a margin (up to half the view) as fits, within the map; at a lower
 * resolution if even the view alone would not fit (a very large screen zoomed far in).
 */
export function pictureArea(whole: MapRect, view: MapRect, resolution: number): { rect: MapRect; resolution: number } {
  const fits = (w: number, h: number, r: number) => w * r <= MAX_SIDE && h * r <= MAX_SIDE && w * h * r * r <= MAX_PIXELS;
  if (fits(whole.w, whole.h, resolution)) return { rect: whole, resolution };
  let r = resolution;
  while (r > 0.5 && !fits(view.w, view.h, r)) r /= 2;
  let margin = Math.max(view.w, view.h) / 2;
  while (margin > 1 && !fits(view.w + 2 * margin, view.h + 2 * margin, r)) margin *= 0.8;
  const x = Math.max(whole.x, Math.floor(view.x - margin));
  const y = Math.max(whole.y, Math.floor(view.y - margin));
  const right = Math.min(whole.x + whole.w, Math.ceil(view.x + view.w + margin));
  const bottom = Math.min(whole.y + whole.h, Math.ceil(view.y + view.h + margin));
  return { rect: { x, y, w: Math.max(1, right - x), h: Math.max(1, bottom - y) }, resolution: r };
}

/** What of the map (`whole`) is in the camera's view; null when the view is off the map. */
export function viewOf(whole: MapRect, camera: Phaser.Cameras.Scene2D.Camera): MapRect | null {
  return intersect(whole, { x: camera.worldView.x, y: camera.worldView.y, w: camera.worldView.width, h: camera.worldView.height });
}

/** A picture of `rect` shows all that is in view: it is the whole map's, or it holds the view. */
export function pictureCovers(rect: MapRect, whole: MapRect, view: MapRect | null): boolean {
  return sameRect(rect, whole) || !view || (rect.x <= view.x && rect.y <= view.y && rect.x + rect.w >= view.x + view.w && rect.y + rect.h >= view.y + view.h);
}

function intersect(a: MapRect, b: MapRect): MapRect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const w = Math.min(a.x + a.w, b.x + b.w) - x;
  const h = Math.min(a.y + a.h, b.y + b.h) - y;
  return w > 0 && h > 0 ? { x, y, w, h } : null;
}

function sameRect(a: MapRect, b: MapRect): boolean {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}
