import type * as Phaser from "phaser";
import type { MapModel } from "./map-bridge.ts";
import type { ClientAsset } from "../state/client-state.ts";
import { categoryLabel, nationCode, assetType } from "../game/names.ts";
import { textOn } from "./palette.ts";
import { t, lang } from "../i18n.ts";
import { carrierOf } from "../game/lift.ts";
import { simulatedAssets } from "../game/simulated-marks.ts";
import { keptValues } from "./kept.ts";
import { tokenTexture, uploadTokenTextures, TOKEN_W, TOKEN_H, TOKEN_MARGIN, type TokenLook } from "./token-texture.ts";

/** Where a token is on the map, for hit tests: an asset's, or a region's stack of them. */
export type TokenBox = { kind: "asset" | "stack"; id: string; x: number; y: number; w: number; h: number };
/** A drawn token: where it is (for hit tests) and how it looks (to redraw it at another zoom). */
/** `simulated`: a unit someone not on the team (a bot) drafted an order for: ⚙ after its owner's code. */
export type PaintedToken = { box: TokenBox; look: TokenLook; image: Phaser.GameObjects.Image; simulated: boolean };

const GAP = 4;
/** From this many units on, a region's units are one token with their count until it is opened. */
export const STACK_FROM = 3;

/**
 * Asset tokens, readable without hovering: category label (NAV, AIR, ISR …) over the owner's
 * code, filled with the owner's colour. Foreign assets are dark with a dashed outline in the
 * owner's colour and say when they were last seen ("T3"). Moving assets carry an arrow; a unit
 * aboard a ship carries an anchor (✈ aboard an aircraft) and stands next to its carrier.
 *
 * Three or more units in one region are one stack token ("5 units" over the owners' codes) so
 * they stay inside their hexagon; a stack in `open` (hovered, or its region or one of its units
 * selected) is laid out unit by unit on a dark card above the rest of the map.
 * `scale` enlarges tokens when the map is zoomed out, so their words stay readable (map-scene.ts).
 *
 * `reuse`: the images of the tokens drawn before, by `tokenKey`; a token drawn again takes its
 * image back (new texture and place) and is removed from the map, so what is left in it is no
 * longer on the map. The container's children are left in drawing order (their depth).
 */
export function paintAssets(
  scene: Phaser.Scene,
  tokens: Phaser.GameObjects.Container,
  model: MapModel,
  resolution: number,
  scale = 1,
  open: ReadonlySet<string> = new Set(),
  reuse: Map<string, Phaser.GameObjects.Image> = new Map(),
): PaintedToken[] {
  const { selection } = model;
  const { simulated, byRegion, regions, look } = workedOut(model);
  const W = TOKEN_W * scale;
  const H = TOKEN_H * scale;
  const gap = GAP * scale;
  const painted: PaintedToken[] = [];
  let depth = 0;
  const add = (box: TokenBox, look: TokenLook) => {
    const x = box.x + box.w / 2;
    const y = box.y - TOKEN_MARGIN * scale;
    const { key: texture, frame } = tokenTexture(scene, look, resolution);
    const key = tokenKey(box);
    let image = reuse.get(key);
    if (image) {
      reuse.delete(key);
      if (image.texture.key !== texture || image.frame.name !== frame) image.setTexture(texture, frame);
      image.setPosition(x, y).setScale(scale / resolution);
    } else {
      image = scene.add
        .image(x, y, texture, frame)
        .setOrigin(0.5, 0)
        .setScale(scale / resolution);
      tokens.add(image);
    }
    image.setDepth(depth++);
    painted.push({ box, look, image, simulated: box.kind === "asset" && simulated.has(box.id) });
  };
  // Open stacks last: drawn over their neighbours.
  const order = [...byRegion.keys()].sort((a, b) => Number(open.has(a)) - Number(open.has(b)));
  for (const regionId of order) {
    const assets = byRegion.get(regionId)!;
    const region = regions.get(regionId);
    if (!region) continue;
    const y0 = region.y + 6 * scale;
    if (assets.length >= STACK_FROM && !open.has(regionId)) {
      const selected = selection?.kind === "region" && selection.id === regionId;
      add(
        { kind: "stack", id: regionId, x: region.x - W / 2, y: y0, w: W, h: H },
        look(`stack|${regionId}|${selected}`, () => stackLook(model, assets, selected)),
      );
      continue;
    }
    // A unit aboard is drawn right after its carrier, so the two read together. (Only units drawn
    // one by one are sorted: a large map's 5,000 units are mostly in closed stacks.)
    const place = (a: ClientAsset) => (a.foreign ? a.id : (a.embarkedOn ?? a.id));
    assets.sort(
      (a, b) =>
        Number(a.foreign) - Number(b.foreign) ||
        a.owner.localeCompare(b.owner) ||
        place(a).localeCompare(place(b)) ||
        Number(!a.foreign && !!a.embarkedOn) - Number(!b.foreign && !!b.embarkedOn) ||
        a.id.localeCompare(b.id),
    );
    const cols = Math.min(3, assets.length);
    const rows = Math.ceil(assets.length / cols);
    const left = region.x - (cols * W + (cols - 1) * gap) / 2;
    if (assets.length >= STACK_FROM) {
      // The opened stack's card: it covers what is under it, so the units read as one group.
      const card = scene.add
        .rectangle(left - 2 * gap, y0 - 2 * gap, cols * W + (cols + 3) * gap, rows * H + (rows + 3) * gap, 0x0a1118, 0.88)
        .setOrigin(0, 0)
        .setStrokeStyle(2 * scale, 0xffffff, 0.9)
        .setName(STACK_CARD)
        .setDepth(depth++);
      tokens.add(card);
    }
    assets.forEach((asset, i) => {
      const col = i % cols;
      const row = Math.floor(i / cols);
      const selected = selection?.kind === "asset" && selection.id === asset.id;
      add(
        { kind: "asset", id: asset.id, x: left + col * (W + gap), y: y0 + row * (H + gap), w: W, h: H },
        look(`asset|${asset.id}|${selected}`, () => tokenLook(model, asset, selected)),
      );
    });
  }
  tokens.sort("depth");
  uploadTokenTextures(scene);
  return painted;
}

/**
 * What the tokens of a model are, worked out once per model object (models are never changed,
 * map-bridge.ts): its units by region (each region's sorted once), the regions, the simulated
 * marks and each token's look. A zoom across a label step and a stack opened under the pointer
 * paint the same model again, at another size or with another stack open; with 5,000 units,
 * grouping them and working out the stacks' looks again was most of that paint.
 */
type WorkedOut = {
  simulated: ReadonlySet<string>;
  byRegion: Map<string, ClientAsset[]>;
  regions: Map<string, MapModel["state"]["scenario"]["regions"][number]>;
  look: (key: string, make: () => TokenLook) => TokenLook;
};
const worked = new WeakMap<MapModel, WorkedOut>();
function workedOut(model: MapModel): WorkedOut {
  let known = worked.get(model);
  if (known) return known;
  const { state } = model;
  const byRegion = new Map<string, ClientAsset[]>();
  for (const asset of Object.values(state.perspective?.assets ?? {})) {
    const list = byRegion.get(asset.region) ?? [];
    list.push(asset);
    byRegion.set(asset.region, list);
  }
  known = {
    simulated: simulatedAssets(state),
    byRegion,
    regions: new Map(state.scenario.regions.map((r) => [r.id, r])),
    look: keptValues<TokenLook>(Number.POSITIVE_INFINITY),
  };
  worked.set(model, known);
  return known;
}

/** The name of an opened stack's card among the tokens (made anew on each draw). */
export const STACK_CARD = "stack-card";

/** What a token's image is kept by between two draws: an asset's or a region's stack. */
export function tokenKey(box: Pick<TokenBox, "kind" | "id">): string {
  return `${box.kind}:${box.id}`;
}

/** Swaps the tokens' textures for ones drawn at another resolution (after zooming across a step). */
export function retextureTokens(scene: Phaser.Scene, painted: readonly PaintedToken[], resolution: number, scale = 1): void {
  for (const { look, image } of painted) {
    const { key, frame } = tokenTexture(scene, look, resolution);
    image.setTexture(key, frame).setScale(scale / resolution);
  }
  uploadTokenTextures(scene);
}

/** What of a token's image culling reads and sets (a Phaser Image, origin at its top centre). */
type CulledImage = Pick<Phaser.GameObjects.Image, "x" | "y" | "displayWidth" | "displayHeight" | "visible" | "setVisible">;

/**
 * Hides the tokens whose image lies wholly outside `view` (the camera's, in map units) and shows
 * the others: Phaser's Canvas renderer draws every visible image, on screen or not, and the
 * tokens were the largest part of a frame's drawing (docs/PERFORMANCE.md). Hit tests read the
 * tokens' boxes, not their images, so a hidden token is still found where it is.
 */
export function cullTokens(painted: readonly { image: CulledImage }[], view: { x: number; y: number; width: number; height: number }): void {
  for (const { image } of painted) {
    const half = image.displayWidth / 2;
    const inView =
      image.x + half >= view.x && image.x - half <= view.x + view.width && image.y + image.displayHeight >= view.y && image.y <= view.y + view.height;
    if (image.visible !== inView) image.setVisible(inView);
  }
}

/** The regions whose stacks are shown opened: the one under the pointer, and what is selected. */
export function openStacks(model: MapModel, hovered: string | null): Set<string> {
  const open = new Set<string>();
  if (hovered) open.add(hovered);
  const sel = model.selection;
  if (sel?.kind === "region") open.add(sel.id);
  if (sel?.kind === "asset") {
    const region = model.state.perspective?.assets[sel.id]?.region;
    if (region) open.add(region);
  }
  return open;
}

/** A stack's count in words, formatted once per language and count (formatting was most of a replay seek's tokens). */
const stackCounts = keptValues<string>(1000);
function stackCount(count: number): string {
  return stackCounts(`${lang()}|${count}`, () => t("map.stack.count", { count }));
}

function stackLook({ state }: MapModel, assets: readonly ClientAsset[], selected: boolean): TokenLook {
  // Own forces' owners first, then foreign ones, each in order of id (as the opened stack lists them).
  const owners = [
    ...new Set(
      [...new Map(assets.map((a) => [`${Number(a.foreign)}|${a.owner}`, a] as const)).values()]
        .sort((a, b) => Number(a.foreign) - Number(b.foreign) || a.owner.localeCompare(b.owner))
        .map((a) => a.owner),
    ),
  ];
  const codes = owners.map((o) => nationCode(state, o));
  const one = owners.length === 1 ? state.nations[owners[0]!]?.color : undefined;
  // One owner: its colour; several: a neutral card, their codes say whose.
  const color = one ?? "#e8ecef";
  return {
    color,
    ink: textOn(color),
    top: stackCount(assets.length),
    bottom: codes.length > 3 ? `${codes.slice(0, 2).join(" ")} +${codes.length - 2}` : codes.join(" "),
    foreign: false,
    degraded: false,
    selected,
    stack: true,
  };
}

function tokenLook({ state }: MapModel, asset: ClientAsset, selected: boolean): TokenLook {
  const color = state.nations[asset.owner]?.color ?? "#8c8c8c";
  const category = categoryLabel(assetType(state, asset)?.category);
  const code = nationCode(state, asset.owner);
  if (asset.foreign)
    return {
      color,
      ink: "#ffffff",
      top: `${category} ${code}`,
      bottom: t("game.map.seen", { turn: asset.lastSeenTurn }),
      foreign: true,
      degraded: false,
      selected,
    };
  // Aboard a ship ⚓ or an aircraft ✈ (and drawn next to it); otherwise how it stands.
  const carrier = carrierOf(state, asset);
  const aboard = carrier ? (assetType(state, carrier)?.domain === "sea" ? "⚓" : "✈") : "";
  const marker = aboard || (asset.status === "moving" ? "➜" : asset.status === "deployed" ? "●" : asset.prepositioned ? "◆" : "");
  return {
    color,
    ink: textOn(color),
    top: `${category}${marker ? " " + marker : ""}`,
    bottom: code,
    foreign: false,
    degraded: asset.status === "degraded",
    selected,
  };
}
