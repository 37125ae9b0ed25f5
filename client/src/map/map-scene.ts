import * as Phaser from "phaser";
import type { MapBridge, MapModel } from "./map-bridge.ts";
import { regionShapes, type RegionShape } from "./region-painter.ts";
import { RegionLayer } from "./region-layer.ts";
import { paintAssets, retextureTokens, cullTokens, openStacks, tokenKey, STACK_CARD, STACK_FROM, type PaintedToken } from "./asset-painter.ts";
import { tokenResolution } from "./token-texture.ts";
import { TokenPicture } from "./token-picture.ts";
import { drawnSignature, regionsSignature, valuesSignature } from "./drawn-signature.ts";
import { LabelPool } from "./label-pool.ts";
import { paintRoutes } from "./route-painter.ts";
import { paintDrafts } from "./draft-painter.ts";
import { contains, bounds, MAP_WIDTH, MAP_HEIGHT } from "./geometry.ts";
import { MAP_COLORS } from "./palette.ts";
import { followGestures, MIN_ZOOM, MAX_ZOOM } from "./map-gestures.ts";
import type { Ping } from "../net/session.ts";
import { t } from "../i18n.ts";

/** Words and tokens are designed for this zoom; below it they grow (in steps) to keep their size on screen. */
const DESIGN_ZOOM = 1;
const MAX_LABEL_SCALE = 2.25;

/** How much labels and tokens are enlarged at a zoom: in quarter steps, so zooming redraws rarely. */
export function labelScale(zoom: number): number {
  return Math.min(MAX_LABEL_SCALE, Math.max(1, Math.round((DESIGN_ZOOM / zoom) * 4) / 4));
}

/**
 * The map: draws whatever model the bridge last pushed, pans on drag (map-gestures.ts; one finger on a touch
 * screen), zooms on the wheel, a two-finger pinch and the page's buttons, and reports clicks on
 * assets and regions as selections. The whole map is redrawn when something it shows changed or
 * the zoom crossed a label-size step (labelScale), never for other camera moves. Hovering a
 * stack of units opens it (only the tokens are redrawn). The view is fitted to the regions until
 * the person moves it; a resize (a panel opening) keeps the centre and never re-fits on its own.
 */
export class MapScene extends Phaser.Scene {
  private bridge!: MapBridge;
  private regionLayer!: RegionLayer;
  private valueLayer!: RegionLayer;
  private routeLayer!: Phaser.GameObjects.Graphics;
  private routeLabels!: LabelPool;
  private tokens!: Phaser.GameObjects.Container;
  private tokenPicture!: TokenPicture;
  private shapes: RegionShape[] = [];
  private painted: PaintedToken[] = [];
  /** The tokens drawn one by one (an opened stack's): the others are in `tokenPicture`. */
  private live: PaintedToken[] = [];
  /** Texels per map unit of the token textures in use; follows the zoom in powers of two. */
  private tokenResolution = 1;
  /** The size of labels and tokens drawn (labelScale of the zoom they were drawn at). */
  private scaleDrawn = 1;
  /** The region whose stack the pointer is over (opened), if any. */
  private hovered: string | null = null;
  /** The view's centre, kept across resizes. */
  private centre: { x: number; y: number } | null = null;
  private fitted = false;
  private userMovedCamera = false;
  /** The drawn regions' extent: the view fits this rather than the whole 1000 × 700 canvas. */
  private extent = { minX: 0, minY: 0, maxX: MAP_WIDTH, maxY: MAP_HEIGHT };
  private unsubscribe: (() => void)[] = [];

  constructor() {
    super("MapScene");
  }

  init(data: { bridge: MapBridge }) {
    this.bridge = data.bridge;
  }

  create() {
    this.cameras.main.setBackgroundColor(MAP_COLORS.background);
    this.regionLayer = new RegionLayer(this, 0);
    this.valueLayer = new RegionLayer(this, 1, "values");
    this.routeLayer = this.add.graphics().setDepth(2);
    this.routeLabels = new LabelPool(this, this.add.container(0, 0).setDepth(3));
    this.tokenPicture = new TokenPicture(this, 4);
    this.tokens = this.add.container(0, 0).setDepth(5);
    this.fit();
    this.input.addPointer(1);
    this.scale.on("resize", () => {
      // Fitted until the first real size is known; after that a new size (a panel opening or
      // closing, the window) keeps what the person was looking at, at the same zoom.
      if (!this.fitted || !this.centre) return this.fit();
      this.cameras.main.centerOn(this.centre.x, this.centre.y);
    });
    followGestures(this.input, this.cameras.main, {
      tap: (x, y) => this.bridge.emit("select", this.hitTest(x, y)),
      hover: (pointer) => this.hover(pointer),
      leave: () => this.setHovered(null),
      moved: () => (this.userMovedCamera = true),
    });
    this.unsubscribe.push(
      this.bridge.on("model", (model) => this.draw(model)),
      this.bridge.on("camera", (command) => this.cameraCommand(command)),
      this.bridge.on("ping", (ping) => this.showPing(ping)),
    );
    this.events.once("shutdown", () => this.unsubscribe.forEach((off) => off()));
    if (this.bridge.model) this.draw(this.bridge.model);
  }

  private lastView = "";
  override update() {
    const cam = this.cameras.main;
    // labelPx: how tall region names are on screen, in CSS pixels (13 map units at scale 1).
    const view = {
      x: Math.round(cam.worldView.x * 10) / 10,
      y: Math.round(cam.worldView.y * 10) / 10,
      zoom: Math.round(cam.zoom * 1000) / 1000,
      labelPx: Math.round(13 * labelScale(cam.zoom) * cam.zoom * 10) / 10,
    };
    const key = `${view.x},${view.y},${view.zoom},${view.labelPx}`;
    if (key !== this.lastView) {
      this.lastView = key;
      this.bridge.emit("view", view);
    }
    this.centre = { x: cam.midPoint.x, y: cam.midPoint.y };
    // Across a label step the tokens' picture at the new size comes at the next frame: this one
    // still shows them at the last size. Painting it here too made every step's frame a late one
    // (docs/PERFORMANCE.md, "The still tokens as one picture").
    if (labelScale(cam.zoom) !== this.scaleDrawn && this.bridge.model) return this.draw(this.bridge.model);
    // The regions' picture for this zoom and view (painted only if none kept covers it).
    if (this.bridge.model) {
      this.regionLayer.show(this.bridge.model, this.scaleDrawn, cam);
      this.valueLayer.show(this.bridge.model, this.scaleDrawn, cam);
    }
    const resolution = tokenResolution(cam.zoom * this.scaleDrawn);
    if (resolution !== this.tokenResolution) {
      this.tokenResolution = resolution;
      retextureTokens(this, this.painted, resolution, this.scaleDrawn);
      this.tokenPicture.retextured();
    }
    this.tokenPicture.show(cam);
    this.cull();
  }

  /** Off-screen tokens hidden, on-screen ones shown, for the view as the camera is now (its worldView is the last frame's). */
  private cull() {
    const cam = this.cameras.main;
    const w = cam.width / cam.zoom;
    const h = cam.height / cam.zoom;
    cullTokens(this.live, { x: cam.scrollX + (cam.width - w) / 2, y: cam.scrollY + (cam.height - h) / 2, width: w, height: h });
  }

  /** The signatures of the model last drawn (all of it, its regions' ground and their values), and the label size it was drawn at. */
  private drawn = "";
  private regionsDrawn = "";
  private valuesDrawn = "";
  private draw(model: MapModel) {
    const scale = labelScale(this.cameras.main.zoom);
    const { regions, values, signature } = this.signaturesOf(model);
    if (signature === this.drawn && scale === this.scaleDrawn) return;
    // A unit moving, a draft, a unit selected: the tokens and routes are drawn again, the regions'
    // pictures stay; a resolution's new stabilities repaint the values, not the ground under them.
    if (regions !== this.regionsDrawn) this.regionLayer.forget();
    if (values !== this.valuesDrawn) this.valueLayer.forget();
    this.drawn = signature;
    this.regionsDrawn = regions;
    this.valuesDrawn = values;
    this.scaleDrawn = scale;
    this.routeLayer.clear();
    this.routeLabels.begin();
    this.shapes = regionShapes(model.state.scenario.regions).shapes;
    const extent = bounds(this.shapes.flatMap((shape) => shape.outline));
    if (this.shapes.length && JSON.stringify(extent) !== JSON.stringify(this.extent)) {
      this.extent = extent;
      if (!this.userMovedCamera) this.fit();
    }
    this.regionLayer.show(model, scale, this.cameras.main);
    this.valueLayer.show(model, scale, this.cameras.main);
    this.routes = paintRoutes(this.routeLayer, this.routeLabels, model);
    this.drafts = paintDrafts(this.routeLayer, this.routeLabels, model);
    this.routeLabels.end();
    this.paintTokens(model);
  }

  /**
   * A model's signatures, worked out once per model object: a zoom across a label step draws the
   * model already drawn again, and the signature of 5,000 units (their JSON) was a third of
   * that frame's work (docs/PERFORMANCE.md). Models are made anew for each change (map-bridge.ts).
   */
  private signed: { model: MapModel; regions: string; values: string; signature: string } | null = null;
  private signaturesOf(model: MapModel): { regions: string; values: string; signature: string } {
    if (this.signed?.model === model) return this.signed;
    const regions = regionsSignature(model);
    const values = valuesSignature(model, regions);
    this.signed = { model, regions, values, signature: drawnSignature(model, values) };
    return this.signed;
  }

  private routes = 0;
  private drafts = 0;
  /** Tokens only: on a redraw, and when the pointer opens or leaves a stack. A token drawn again keeps its image. */
  private paintTokens(model: MapModel) {
    for (const child of [...this.tokens.list]) if (child.name === STACK_CARD) child.destroy();
    const before = new Map(this.painted.map((p) => [tokenKey(p.box), p.image]));
    this.tokenResolution = tokenResolution(this.cameras.main.zoom * this.scaleDrawn);
    const open = openStacks(model, this.hovered);
    this.painted = paintAssets(this, this.tokens, model, this.tokenResolution, this.scaleDrawn, open, before);
    // What was not drawn again is no longer on the map.
    for (const image of before.values()) image.destroy();
    // An opened stack's units one by one, over the picture of all the others (painted at the next frame).
    const assets = model.state.perspective?.assets ?? {};
    const opened = (p: PaintedToken) => p.box.kind === "asset" && open.has(assets[p.box.id]?.region ?? "");
    this.live = this.painted.filter(opened);
    this.tokenPicture.hold(this.painted.filter((p) => !opened(p)).map((p) => p.image));
    this.cull();
    const stacks = this.painted.filter((p) => p.box.kind === "stack").length;
    this.bridge.emit("drawn", {
      regions: this.shapes.length,
      assets: this.painted.length - stacks,
      stacks,
      routes: this.routes,
      drafts: this.drafts,
      simulated: this.painted.filter((p) => p.simulated).length,
    });
  }

  /** Fits the regions (with room for labels and tokens) into the view. */
  private fit() {
    const cam = this.cameras.main;
    const { minX, minY, maxX, maxY } = this.extent;
    const margin = 50;
    const zoom = Phaser.Math.Clamp(Math.min(cam.width / (maxX - minX + 2 * margin), cam.height / (maxY - minY + 2 * margin)), MIN_ZOOM, MAX_ZOOM);
    cam.setZoom(zoom);
    cam.centerOn((minX + maxX) / 2, (minY + maxY) / 2);
    this.centre = { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
    if (cam.width > 1 && cam.height > 1) this.fitted = true;
  }

  private cameraCommand(command: "in" | "out" | "reset") {
    const cam = this.cameras.main;
    if (command === "reset") {
      this.userMovedCamera = false;
      return this.fit();
    }
    this.userMovedCamera = true;
    const centre = cam.getWorldPoint(cam.width / 2, cam.height / 2);
    cam.setZoom(Phaser.Math.Clamp(cam.zoom * (command === "in" ? 1.25 : 0.8), MIN_ZOOM, MAX_ZOOM));
    cam.centerOn(centre.x, centre.y);
  }

  /** Opens the stack under the pointer (its region's), closes it when the pointer leaves. */
  private hover(p: Phaser.Input.Pointer) {
    const model = this.bridge.model;
    if (!model) return;
    const world = this.cameras.main.getWorldPoint(p.x, p.y);
    const hit = this.hitTest(world.x, world.y);
    let region: string | null = null;
    if (hit?.kind === "region") region = hit.id;
    else if (hit?.kind === "asset") region = model.state.perspective?.assets[hit.id]?.region ?? null;
    const count = region ? Object.values(model.state.perspective?.assets ?? {}).filter((a) => a.region === region).length : 0;
    this.setHovered(count >= STACK_FROM ? region : null);
  }

  private setHovered(region: string | null) {
    if (region === this.hovered) return;
    this.hovered = region;
    if (this.bridge.model) this.paintTokens(this.bridge.model);
  }

  private hitTest(x: number, y: number): { kind: "asset" | "region"; id: string } | null {
    // The last drawn is on top (opened stacks are drawn last).
    for (let i = this.painted.length - 1; i >= 0; i--) {
      const { box } = this.painted[i]!;
      if (x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h)
        return box.kind === "stack" ? { kind: "region", id: box.id } : { kind: "asset", id: box.id };
    }
    for (const shape of this.shapes) if (contains(shape.outline, x, y)) return { kind: "region", id: shape.id };
    return null;
  }

  /** A team-mate's ping: rings that widen and fade, with the name of who pinged. */
  private showPing(ping: Ping) {
    const region = this.bridge.model?.state.scenario.regions.find((r) => r.id === ping.region);
    if (!region) return;
    for (let i = 0; i < 3; i++) {
      const ring = this.add.circle(region.x, region.y, 20).setStrokeStyle(4, MAP_COLORS.ping, 1).setDepth(6);
      this.tweens.add({ targets: ring, scale: 3.2, alpha: 0, duration: 1400, delay: i * 450, repeat: 1, onComplete: () => ring.destroy() });
    }
    const label = this.add
      .text(region.x, region.y - 74, t("game.map.ping", { who: ping.by }), {
        fontFamily: "system-ui, sans-serif",
        fontSize: "13px",
        fontStyle: "bold",
        color: "#000000",
        backgroundColor: "#f0e442",
        padding: { x: 4, y: 2 },
      })
      .setOrigin(0.5, 1)
      .setDepth(7);
    this.time.delayedCall(5000, () => label.destroy());
  }
}
