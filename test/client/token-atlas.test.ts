import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type * as Phaser from "phaser";
import { FRAME_GAP, PAGE_SIDE, ShelfPacker, TokenAtlas } from "../../client/src/map/token-atlas.ts";

/** A 2D context that does nothing: the atlas' drawing is not what is tested here. */
const context = new Proxy({}, { get: () => () => undefined }) as unknown as CanvasRenderingContext2D;

/** The texture manager's part the atlas uses: textures by key, each with its frames. */
function fakeTextures() {
  const textures = new Map<string, { frames: Map<string, number[]>; updates: number }>();
  const manager = {
    addImage(key: string) {
      textures.set(key, { frames: new Map(), updates: 0 });
    },
    get(key: string) {
      const texture = textures.get(key)!;
      return {
        add: (name: string, _source: number, x: number, y: number, w: number, h: number) => texture.frames.set(name, [x, y, w, h]),
        source: [{ update: () => texture.updates++ }],
      };
    },
  };
  return { textures, manager: manager as unknown as Phaser.Textures.TextureManager };
}

/** The map's token looks on shared atlas pages (client/src/map/token-atlas.ts), not a canvas and a texture each. */
describe("the tokens' atlas", () => {
  const realDocument = globalThis.document;
  beforeEach(() => {
    globalThis.document = { createElement: () => ({ width: 0, height: 0, getContext: () => context }) } as unknown as Document;
  });
  afterEach(() => {
    globalThis.document = realDocument;
  });

  it("puts the full map's ~375 stack looks on one texture, and a look seen again on its frame, drawn once", () => {
    const { textures, manager } = fakeTextures();
    const atlas = new TokenAtlas(manager, "tokens@1");
    let drawn = 0;
    const frameOf = (look: string) =>
      atlas.frameFor(
        look,
        () => ({ width: 58, height: 38 }),
        () => drawn++,
      );
    const frames = Array.from({ length: 375 }, (_, i) => frameOf(`stack ${i}`));
    expect(textures.size).toBe(1);
    expect(new Set(frames.map((f) => f.key)).size).toBe(1);
    expect(frameOf("stack 7")).toEqual(frames[7]);
    expect(drawn).toBe(375);
    // The GPU copy (WebGL) is sent once for the lot, not once per look.
    atlas.upload();
    atlas.upload();
    expect(textures.get(frames[0]!.key)!.updates).toBe(1);
  });

  it("places frames apart, within the page, and opens a new page when one is full", () => {
    const packer = new ShelfPacker(100);
    const sizes = [
      [40, 20],
      [40, 30],
      [40, 20],
      [90, 40],
      [30, 30],
      [60, 50],
    ] as const;
    const placed = sizes.map(([w, h]) => ({ ...packer.place(w, h), w, h }));
    for (const a of placed) {
      expect(a.x + a.w).toBeLessThanOrEqual(100);
      expect(a.y + a.h).toBeLessThanOrEqual(100);
      for (const b of placed) {
        if (a === b || a.page !== b.page) continue;
        const apart = a.x + a.w + FRAME_GAP <= b.x || b.x + b.w + FRAME_GAP <= a.x || a.y + a.h + FRAME_GAP <= b.y || b.y + b.h + FRAME_GAP <= a.y;
        expect(apart).toBe(true);
      }
    }
    expect(placed.map((p) => p.page)).toEqual([0, 0, 0, 0, 1, 1]);
    expect(PAGE_SIDE).toBeGreaterThanOrEqual(1024);
  });
});
