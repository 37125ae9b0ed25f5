import type * as Phaser from "phaser";
import type { MapModel } from "./map-bridge.ts";
import type { ClientAsset } from "../state/client-state.ts";
import { categoryLabel, nationCode, assetType } from "../game/names.ts";
import { textOn } from "./palette.ts";
import { t } from "../i18n.ts";
import { carrierOf } from "../game/lift.ts";
import { simulatedAssets } from "../game/simulated-marks.ts";
import { tokenTexture, TOKEN_W as W, TOKEN_H as H, TOKEN_MARGIN, type TokenLook } from "./token-texture.ts";

export type TokenBox = { id: string; x: number; y: number; w: number; h: number };
/** A drawn token: where it is (for hit tests) and how it looks (to redraw it at another zoom). */
export type PaintedToken = { box: TokenBox; look: TokenLook; image: Phaser.GameObjects.Image; simulated: boolean };

const GAP = 4;

/**
 * Asset tokens, readable without hovering: category label (NAV, AIR, ISR …) over the owner's
 * code, filled with the owner's colour. Foreign assets are dark with a dashed outline in the
 * owner's colour and say when they were last seen ("T3"). Moving assets carry an arrow; a unit
 * aboard a ship carries an anchor (✈ aboard an aircraft) and stands next to its carrier. A unit
 * a bot has drafted an order for carries ⚙ after its owner's code.
 */
export function paintAssets(scene: Phaser.Scene, tokens: Phaser.GameObjects.Container, model: MapModel, resolution: number): PaintedToken[] {
  const { state, selection } = model;
  const byRegion = new Map<string, ClientAsset[]>();
  for (const asset of Object.values(state.perspective?.assets ?? {})) {
    const list = byRegion.get(asset.region) ?? [];
    list.push(asset);
    byRegion.set(asset.region, list);
  }
  const regions = new Map(state.scenario.regions.map((r) => [r.id, r]));
  const painted: PaintedToken[] = [];
  const simulated = simulatedAssets(state);
  for (const [regionId, assets] of byRegion) {
    const region = regions.get(regionId);
    if (!region) continue;
    // A unit aboard is drawn right after its carrier, so the two read together.
    const place = (a: ClientAsset) => (a.foreign ? a.id : (a.embarkedOn ?? a.id));
    assets.sort((a, b) => Number(a.foreign) - Number(b.foreign) || a.owner.localeCompare(b.owner) || place(a).localeCompare(place(b)) || Number(!a.foreign && !!a.embarkedOn) - Number(!b.foreign && !!b.embarkedOn) || a.id.localeCompare(b.id));
    const cols = Math.min(3, assets.length);
    assets.forEach((asset, i) => {
      const col = i % cols;
      const row = Math.floor(i / cols);
      const x = region.x - (cols * W + (cols - 1) * GAP) / 2 + col * (W + GAP);
      const y = region.y + 6 + row * (H + GAP);
      const look = tokenLook(model, asset, selection?.kind === "asset" && selection.id === asset.id, simulated.has(asset.id));
      const image = scene.add.image(x + W / 2, y - TOKEN_MARGIN, tokenTexture(scene, look, resolution)).setOrigin(0.5, 0).setScale(1 / resolution);
      tokens.add(image);
      painted.push({ box: { id: asset.id, x, y, w: W, h: H }, look, image, simulated: simulated.has(asset.id) });
    });
  }
  return painted;
}

/** Swaps the tokens' textures for ones drawn at another resolution (after zooming across a step). */
export function retextureTokens(scene: Phaser.Scene, painted: readonly PaintedToken[], resolution: number): void {
  for (const { look, image } of painted) image.setTexture(tokenTexture(scene, look, resolution)).setScale(1 / resolution);
}

/** `simulated`: a bot (or someone else not on the team) has drafted an order for it: ⚙ on the token. */
function tokenLook({ state }: MapModel, asset: ClientAsset, selected: boolean, simulated = false): TokenLook {
  const color = state.nations[asset.owner]?.color ?? "#8c8c8c";
  const category = categoryLabel(assetType(state, asset)?.category);
  const code = nationCode(state, asset.owner);
  if (asset.foreign) return { color, ink: "#ffffff", top: `${category} ${code}`, bottom: t("game.map.seen", { turn: asset.lastSeenTurn }), foreign: true, degraded: false, selected };
  // Aboard a ship ⚓ or an aircraft ✈ (and drawn next to it); otherwise how it stands.
  const carrier = carrierOf(state, asset);
  const aboard = carrier ? (assetType(state, carrier)?.domain === "sea" ? "⚓" : "✈") : "";
  const marker = aboard || (asset.status === "moving" ? "➜" : asset.status === "deployed" ? "●" : asset.prepositioned ? "◆" : "");
  return { color, ink: textOn(color), top: `${category}${marker ? " " + marker : ""}`, bottom: simulated ? `${code} ⚙` : code, foreign: false, degraded: asset.status === "degraded", selected };
}
