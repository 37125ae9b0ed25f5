import type * as Phaser from "phaser";
import type { MapModel } from "./map-bridge.ts";
import type { ClientAsset } from "../state/client-state.ts";
import { categoryLabel, nationCode, assetType } from "../game/names.ts";
import { dashes, type Point } from "./geometry.ts";
import { hexToNumber, textOn } from "./palette.ts";

export type TokenBox = { id: string; x: number; y: number; w: number; h: number };

const W = 50;
const H = 30;
const GAP = 4;

/**
 * Asset tokens, readable without hovering: category label (NAV, AIR, ISR …) over the owner's
 * code, filled with the owner's colour. Foreign assets are dark with a dashed outline in the
 * owner's colour and say when they were last seen ("T3"). Moving assets carry an arrow.
 */
export function paintAssets(scene: Phaser.Scene, g: Phaser.GameObjects.Graphics, tokens: Phaser.GameObjects.Container, model: MapModel): TokenBox[] {
  const { state, selection } = model;
  const byRegion = new Map<string, ClientAsset[]>();
  for (const asset of Object.values(state.perspective?.assets ?? {})) {
    const list = byRegion.get(asset.region) ?? [];
    list.push(asset);
    byRegion.set(asset.region, list);
  }
  const boxes: TokenBox[] = [];
  for (const [regionId, assets] of byRegion) {
    const region = state.scenario.regions.find((r) => r.id === regionId);
    if (!region) continue;
    assets.sort((a, b) => Number(a.foreign) - Number(b.foreign) || a.owner.localeCompare(b.owner) || a.id.localeCompare(b.id));
    const cols = Math.min(3, assets.length);
    assets.forEach((asset, i) => {
      const col = i % cols;
      const row = Math.floor(i / cols);
      const x = region.x - (cols * W + (cols - 1) * GAP) / 2 + col * (W + GAP);
      const y = region.y + 6 + row * (H + GAP);
      boxes.push({ id: asset.id, x, y, w: W, h: H });
      drawToken(scene, g, tokens, model, asset, x, y, selection?.kind === "asset" && selection.id === asset.id);
    });
  }
  return boxes;
}

function drawToken(scene: Phaser.Scene, g: Phaser.GameObjects.Graphics, tokens: Phaser.GameObjects.Container, model: MapModel, asset: ClientAsset, x: number, y: number, selected: boolean) {
  const { state } = model;
  const color = state.nations[asset.owner]?.color ?? "#8c8c8c";
  const category = categoryLabel(assetType(state, asset)?.category);
  const code = nationCode(state, asset.owner);
  if (selected) {
    g.fillStyle(0xffffff, 1);
    g.fillRoundedRect(x - 4, y - 4, W + 8, H + 8, 7);
    g.fillStyle(0x000000, 1);
    g.fillRoundedRect(x - 2, y - 2, W + 4, H + 4, 6);
  }
  const style = { fontFamily: "system-ui, -apple-system, 'Segoe UI', sans-serif", fontStyle: "bold", fontSize: "11px" };
  if (asset.foreign) {
    g.fillStyle(0x111111, 0.92);
    g.fillRoundedRect(x, y, W, H, 4);
    g.lineStyle(2, hexToNumber(color), 1);
    const corners: Point[] = [[x, y], [x + W, y], [x + W, y + H], [x, y + H]];
    for (let i = 0; i < 4; i++) for (const [a, b] of dashes(corners[i]!, corners[(i + 1) % 4]!, 5, 3)) g.lineBetween(a[0], a[1], b[0], b[1]);
    tokens.add(scene.add.text(x + W / 2, y + 8, `${category} ${code}`, { ...style, color: "#ffffff" }).setOrigin(0.5, 0.5));
    tokens.add(scene.add.text(x + W / 2, y + 21, `seen T${asset.lastSeenTurn}`, { ...style, fontStyle: "normal", fontSize: "10px", color: "#ffffff" }).setOrigin(0.5, 0.5));
    return;
  }
  const text = textOn(color);
  g.fillStyle(hexToNumber(color), 1);
  g.fillRoundedRect(x, y, W, H, 4);
  g.lineStyle(2, text === "#000000" ? 0x000000 : 0xffffff, 0.9);
  g.strokeRoundedRect(x, y, W, H, 4);
  if (asset.status === "degraded") {
    g.lineStyle(2, text === "#000000" ? 0x000000 : 0xffffff, 1);
    g.lineBetween(x + 3, y + H - 3, x + W - 3, y + 3);
  }
  const marker = asset.status === "moving" ? "➜" : asset.status === "deployed" ? "●" : asset.prepositioned ? "◆" : "";
  tokens.add(scene.add.text(x + W / 2, y + 8, `${category}${marker ? " " + marker : ""}`, { ...style, color: text }).setOrigin(0.5, 0.5));
  tokens.add(scene.add.text(x + W / 2, y + 21, code, { ...style, fontStyle: "normal", fontSize: "10px", color: text }).setOrigin(0.5, 0.5));
}
