import type * as Phaser from "phaser";
import type { MapModel } from "./map-bridge.ts";
import { regionOutline, hatchSegments, hexRadius, type Point } from "./geometry.ts";
import { MAP_COLORS, hexToNumber, regionFills, textOn } from "./palette.ts";
import { regionName, crisisName, nationCode } from "../game/names.ts";
import { t } from "../i18n.ts";

export type RegionShape = { id: string; outline: Point[]; x: number; y: number };

const LABEL_STYLE = { fontFamily: "system-ui, -apple-system, 'Segoe UI', sans-serif", fontSize: "13px", fontStyle: "bold", color: "#ffffff", stroke: "#000000", strokeThickness: 4 };
const SMALL_STYLE = { ...LABEL_STYLE, fontSize: "11px", fontStyle: "normal", strokeThickness: 3 };

/**
 * Regions from the scenario's data: outline (shape or hexagon), owner's fill and code, border,
 * name, stability bar, crisis marker with severity, and hatching where the viewer has no eyes
 * (no own territory or forces: foreign units there may go unseen). `scale` enlarges the words
 * and marks when the map is zoomed out, so they stay readable on screen (map-scene.ts).
 */
export function paintRegions(scene: Phaser.Scene, g: Phaser.GameObjects.Graphics, labels: Phaser.GameObjects.Container, model: MapModel, scale = 1): RegionShape[] {
  const { state, viewNation, selection } = model;
  const regions = state.scenario.regions;
  const palette = regionFills(state);
  const shapes: RegionShape[] = regions.map((r) => ({ id: r.id, outline: regionOutline(r, regions), x: r.x, y: r.y }));
  const present = new Set<string>();
  if (viewNation) {
    for (const asset of Object.values(state.perspective?.assets ?? {})) if (!asset.foreign) present.add(asset.region);
  }

  // Adjacency first, faint, so routes between regions are readable where outlines leave gaps.
  g.lineStyle(1.5, MAP_COLORS.adjacency, 0.35);
  const seen = new Set<string>();
  for (const r of regions) {
    for (const other of r.adjacent) {
      const o = regions.find((x) => x.id === other);
      const key = [r.id, other].sort().join("|");
      if (!o || seen.has(key)) continue;
      seen.add(key);
      g.lineBetween(r.x, r.y, o.x, o.y);
    }
  }

  const style = (base: Phaser.Types.GameObjects.Text.TextStyle, px: number) => ({ ...base, fontSize: `${Math.round(px * scale * 10) / 10}px`, strokeThickness: (base.strokeThickness ?? 0) * scale });
  for (const [index, spec] of regions.entries()) {
    const shape = shapes[index]!;
    const live = state.regions[spec.id];
    const owner = live?.owner ?? null;
    const ownerColor = owner ? hexToNumber(state.nations[owner]?.color ?? "#8c8c8c") : null;
    // The fill says who owns it (chosen to stay apart for every colour vision), the code says it again.
    const fill = hexToNumber(owner ? (palette.owners[owner] ?? palette.land) : spec.kind === "sea" ? palette.sea : palette.land);
    const pts = vectors(shape.outline);
    g.fillStyle(fill, 1);
    g.fillPoints(pts, true);

    if (viewNation && owner !== viewNation && !present.has(spec.id)) {
      g.lineStyle(1.5, MAP_COLORS.hatch, 0.35);
      for (const [a, b] of hatchSegments(shape.outline, 9)) g.lineBetween(a[0], a[1], b[0], b[1]);
    }
    g.lineStyle(2, MAP_COLORS.border, 1);
    g.strokePoints(pts, true, true);
    if (ownerColor !== null) {
      g.lineStyle(3, ownerColor, 1);
      g.strokePoints(vectors(inset(shape.outline, spec.x, spec.y, 0.93)), true, true);
    }
    if (selection?.kind === "region" && selection.id === spec.id) {
      g.lineStyle(6, 0x000000, 1);
      g.strokePoints(pts, true, true);
      g.lineStyle(3, MAP_COLORS.selected, 1);
      g.strokePoints(pts, true, true);
    }

    // Names wrap inside their region rather than run over the neighbours' (labels grow when zoomed out).
    const width = 2 * hexRadius(spec, regions) * 0.98;
    const name = scene.add.text(spec.x, spec.y - 30 * scale, regionName(state, spec.id), { ...style(LABEL_STYLE, 13), align: "center", wordWrap: { width: Math.max(width, 60 * scale) } }).setOrigin(0.5, 1);
    labels.add(name);
    const stability = Math.round(live?.stability ?? 0);
    drawStability(g, spec.x, spec.y - 24 * scale, stability, scale);
    labels.add(scene.add.text(spec.x + 30 * scale, spec.y - 20 * scale, `${stability}`, style(SMALL_STYLE, 11)).setOrigin(0, 0.5));
    if (owner) {
      // The owner's code before the stability bar, boxed in the owner's colour: ownership in words.
      const ownerTag = scene.add
        .text(spec.x - 31 * scale, spec.y - 20 * scale, nationCode(state, owner), { ...style(SMALL_STYLE, 11), fontStyle: "bold", color: textOn(state.nations[owner]?.color ?? "#8c8c8c"), backgroundColor: state.nations[owner]?.color ?? "#8c8c8c", strokeThickness: 0, padding: { x: 2 * scale, y: 0 } })
        .setOrigin(1, 0.5);
      labels.add(ownerTag);
    }
    if (live?.crisis) {
      // Above the name, boxed: a triangle, the kind and the severity (never colour alone).
      const top = name.y - name.displayHeight - 4 * scale;
      const label = scene.add
        .text(spec.x + 8 * scale, top, t("game.map.crisis", { kind: crisisName(live.crisis.kind), severity: Math.round(live.crisis.severity) }), { ...style(SMALL_STYLE, 11), fontStyle: "bold", color: "#000000", backgroundColor: "#f0e442", strokeThickness: 0, padding: { x: 3 * scale, y: 1 * scale } })
        .setOrigin(0.5, 1);
      labels.add(label);
      const cx = label.x - label.width / 2 - 10 * scale;
      const cy = top - label.height / 2;
      const size = (6 + Math.min(6, live.crisis.severity / 15)) * scale;
      g.fillStyle(MAP_COLORS.crisis, 1);
      g.lineStyle(2, 0x000000, 1);
      g.fillTriangle(cx, cy - size, cx - size, cy + size * 0.8, cx + size, cy + size * 0.8);
      g.strokeTriangle(cx, cy - size, cx - size, cy + size * 0.8, cx + size, cy + size * 0.8);
    }
  }
  return shapes;
}

/** A small bar: stability 0–100, with its number beside it (colour is never the only cue). */
function drawStability(g: Phaser.GameObjects.Graphics, x: number, y: number, value: number, scale: number) {
  const w = 56 * scale;
  const h = 6 * scale;
  g.fillStyle(0x000000, 0.75);
  g.fillRect(x - w / 2 - 1, y - 1, w + 2, h + 2);
  g.fillStyle(value >= 60 ? 0x56b4e9 : value >= 35 ? 0xe69f00 : 0xd55e00, 1);
  g.fillRect(x - w / 2, y, (w * Math.max(0, Math.min(100, value))) / 100, h);
}

function inset(outline: Point[], cx: number, cy: number, factor: number): Point[] {
  return outline.map(([x, y]) => [cx + (x - cx) * factor, cy + (y - cy) * factor]);
}

/** Phaser's point lists only read x and y. */
function vectors(points: Point[]): Phaser.Math.Vector2[] {
  return points.map(([x, y]) => ({ x, y })) as unknown as Phaser.Math.Vector2[];
}
