import * as Phaser from "phaser";
import type { MapBridge, MapModel } from "./map-bridge.ts";
import { paintRegions, type RegionShape } from "./region-painter.ts";
import { paintAssets, retextureTokens, type PaintedToken } from "./asset-painter.ts";
import { tokenResolution } from "./token-texture.ts";
import { drawnSignature } from "./drawn-signature.ts";
import { paintRoutes } from "./route-painter.ts";
import { paintDrafts } from "./draft-painter.ts";
import { contains, bounds, MAP_WIDTH, MAP_HEIGHT } from "./geometry.ts";
import { MAP_COLORS } from "./palette.ts";
import type { Ping } from "../net/session.ts";
import { t } from "../i18n.ts";

const MIN_ZOOM = 0.3;
const MAX_ZOOM = 4;

/**
 * The map: draws whatever model the bridge last pushed, pans on drag, zooms on the wheel and
 * the page's buttons, and reports clicks on assets and regions as selections. The whole map is
 * redrawn when something it shows changed, never for camera moves: those only move the camera.
 */
export class MapScene extends Phaser.Scene {
  private bridge!: MapBridge;
  private regionLayer!: Phaser.GameObjects.Graphics;
  private routeLayer!: Phaser.GameObjects.Graphics;
  private labels!: Phaser.GameObjects.Container;
  private routeLabels!: Phaser.GameObjects.Container;
  private tokens!: Phaser.GameObjects.Container;
  private shapes: RegionShape[] = [];
  private painted: PaintedToken[] = [];
  /** Texels per map unit of the token textures in use; follows the zoom in powers of two. */
  private tokenResolution = 1;
  private drag: { x: number; y: number; scrollX: number; scrollY: number; moved: boolean } | null = null;
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
    this.regionLayer = this.add.graphics().setDepth(0);
    this.labels = this.add.container(0, 0).setDepth(1);
    this.routeLayer = this.add.graphics().setDepth(2);
    this.routeLabels = this.add.container(0, 0).setDepth(3);
    this.tokens = this.add.container(0, 0).setDepth(5);
    this.fit();
    this.scale.on("resize", () => {
      if (!this.userMovedCamera) this.fit();
    });
    this.setUpInput();
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
    const view = { x: Math.round(cam.worldView.x * 10) / 10, y: Math.round(cam.worldView.y * 10) / 10, zoom: Math.round(cam.zoom * 1000) / 1000 };
    const key = `${view.x},${view.y},${view.zoom}`;
    if (key !== this.lastView) {
      this.lastView = key;
      this.bridge.emit("view", view);
    }
    const resolution = tokenResolution(cam.zoom);
    if (resolution !== this.tokenResolution) {
      this.tokenResolution = resolution;
      retextureTokens(this, this.painted, resolution);
    }
  }

  /** The signature of the model last drawn. */
  private drawn = "";
  private draw(model: MapModel) {
    const signature = drawnSignature(model);
    if (signature === this.drawn) return;
    this.drawn = signature;
    this.regionLayer.clear();
    this.routeLayer.clear();
    this.labels.removeAll(true);
    this.routeLabels.removeAll(true);
    this.tokens.removeAll(true);
    this.shapes = paintRegions(this, this.regionLayer, this.labels, model);
    const extent = bounds(this.shapes.flatMap((shape) => shape.outline));
    if (this.shapes.length && JSON.stringify(extent) !== JSON.stringify(this.extent)) {
      this.extent = extent;
      if (!this.userMovedCamera) this.fit();
    }
    const routes = paintRoutes(this, this.routeLayer, this.routeLabels, model);
    const drafts = paintDrafts(this, this.routeLayer, this.routeLabels, model);
    this.tokenResolution = tokenResolution(this.cameras.main.zoom);
    this.painted = paintAssets(this, this.tokens, model, this.tokenResolution);
    this.bridge.emit("drawn", { regions: this.shapes.length, assets: this.painted.length, routes, drafts, simulated: this.painted.filter((p) => p.simulated).length });
  }

  /** Fits the regions (with room for labels and tokens) into the view. */
  private fit() {
    const cam = this.cameras.main;
    const { minX, minY, maxX, maxY } = this.extent;
    const margin = 50;
    const zoom = Phaser.Math.Clamp(Math.min(cam.width / (maxX - minX + 2 * margin), cam.height / (maxY - minY + 2 * margin)), MIN_ZOOM, MAX_ZOOM);
    cam.setZoom(zoom);
    cam.centerOn((minX + maxX) / 2, (minY + maxY) / 2);
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

  private setUpInput() {
    const cam = this.cameras.main;
    this.input.on("pointerdown", (p: Phaser.Input.Pointer) => {
      this.drag = { x: p.x, y: p.y, scrollX: cam.scrollX, scrollY: cam.scrollY, moved: false };
    });
    this.input.on("pointermove", (p: Phaser.Input.Pointer) => {
      if (!this.drag || !p.isDown) return;
      const dx = p.x - this.drag.x;
      const dy = p.y - this.drag.y;
      if (!this.drag.moved && Math.hypot(dx, dy) < 5) return;
      this.drag.moved = true;
      this.userMovedCamera = true;
      cam.setScroll(this.drag.scrollX - dx / cam.zoom, this.drag.scrollY - dy / cam.zoom);
    });
    this.input.on("pointerup", (p: Phaser.Input.Pointer) => {
      const wasDrag = this.drag?.moved;
      this.drag = null;
      if (wasDrag) return;
      const world = cam.getWorldPoint(p.x, p.y);
      this.bridge.emit("select", this.hitTest(world.x, world.y));
    });
    this.input.on("wheel", (p: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number) => {
      const before = cam.getWorldPoint(p.x, p.y);
      cam.setZoom(Phaser.Math.Clamp(cam.zoom * (dy > 0 ? 0.9 : 1.1), MIN_ZOOM, MAX_ZOOM));
      const after = cam.getWorldPoint(p.x, p.y);
      cam.setScroll(cam.scrollX + before.x - after.x, cam.scrollY + before.y - after.y);
      this.userMovedCamera = true;
    });
  }

  private hitTest(x: number, y: number): { kind: "asset" | "region"; id: string } | null {
    for (const { box } of this.painted) if (x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h) return { kind: "asset", id: box.id };
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
      .text(region.x, region.y - 74, t("game.map.ping", { who: ping.by }), { fontFamily: "system-ui, sans-serif", fontSize: "13px", fontStyle: "bold", color: "#000000", backgroundColor: "#f0e442", padding: { x: 4, y: 2 } })
      .setOrigin(0.5, 1)
      .setDepth(7);
    this.time.delayedCall(5000, () => label.destroy());
  }
}
