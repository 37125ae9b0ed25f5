import { describe, expect, it } from "vitest";
import type * as Phaser from "phaser";
import { TokenPicture } from "../../client/src/map/token-picture.ts";

/**
 * The still tokens as one picture (client/src/map/token-picture.ts): their images hidden, each
 * painted from its texture's frame where it stands, painted again only when the tokens, their
 * textures or the camera's resolution change, or the view leaves the part painted.
 */
type Draw = { source: unknown; dx: number; dy: number; dw: number; dh: number };

function fakes() {
  const draws: Draw[] = [];
  const textures = new Set<string>();
  const picture = {
    visible: false,
    texture: "",
    x: 0,
    y: 0,
    scale: 1,
    setOrigin: () => picture,
    setDepth: () => picture,
    setVisible: (v: boolean) => ((picture.visible = v), picture),
    setTexture: (key: string) => ((picture.texture = key), picture),
    setPosition: (x: number, y: number) => ((picture.x = x), (picture.y = y), picture),
    setScale: (s: number) => ((picture.scale = s), picture),
  };
  const scene = {
    add: { image: () => picture },
    textures: { addImage: (key: string) => textures.add(key), remove: (key: string) => textures.delete(key) },
  } as unknown as Phaser.Scene;
  const canvas = () =>
    ({
      width: 0,
      height: 0,
      getContext: () => ({
        setTransform: () => undefined,
        clearRect: () => undefined,
        drawImage: (source: unknown, _sx: number, _sy: number, _sw: number, _sh: number, dx: number, dy: number, dw: number, dh: number) =>
          draws.push({ source, dx, dy, dw, dh }),
      }),
    }) as unknown as HTMLCanvasElement;
  return { scene, picture, textures, draws, canvas };
}

const page = { name: "atlas page" };
function token(x: number, y: number) {
  return {
    x,
    y,
    displayWidth: 40,
    displayHeight: 20,
    originX: 0.5,
    originY: 0,
    frame: { source: { image: page }, cutX: 0, cutY: 0, cutWidth: 80, cutHeight: 40 },
    visible: true,
    setVisible(v: boolean) {
      this.visible = v;
      return this;
    },
  };
}
const camera = (x: number, y: number, w: number, h: number, zoom: number) =>
  ({ zoom, worldView: { x, y, width: w, height: h } }) as unknown as Phaser.Cameras.Scene2D.Camera;

describe("the still tokens' picture", () => {
  it("hides the tokens' images and paints each one where its image stood, once", () => {
    const { scene, picture, textures, draws, canvas } = fakes();
    const layer = new TokenPicture(scene, 4, canvas);
    const tokens = [token(100, 100), token(300, 200), token(500, 400)];
    layer.hold(tokens as never);
    expect(tokens.every((t) => !t.visible)).toBe(true);
    const view = camera(0, 0, 800, 600, 1);
    layer.show(view);
    expect(draws.map((d) => [d.dx, d.dy, d.dw, d.dh])).toEqual([
      [80, 100, 40, 20],
      [280, 200, 40, 20],
      [480, 400, 40, 20],
    ]);
    expect(draws.every((d) => d.source === page)).toBe(true);
    expect(picture.visible).toBe(true);
    expect([...textures]).toEqual([picture.texture]);
    // Panning within what was painted paints nothing.
    layer.show(camera(20, 10, 800, 600, 1));
    expect(draws).toHaveLength(3);
  });

  it("paints again for new tokens, new textures and another resolution, and lets the old texture go", () => {
    const { scene, picture, textures, draws, canvas } = fakes();
    const layer = new TokenPicture(scene, 4, canvas);
    const view = camera(0, 0, 800, 600, 1);
    layer.hold([token(100, 100)] as never);
    layer.show(view);
    const first = picture.texture;
    layer.hold([token(100, 100), token(200, 100)] as never);
    layer.show(view);
    expect(draws).toHaveLength(3);
    expect(picture.texture).not.toBe(first);
    expect([...textures]).toEqual([picture.texture]);
    layer.retextured();
    layer.show(view);
    expect(draws).toHaveLength(5);
    // Zoomed in across a step: painted at the finer resolution.
    layer.show(camera(0, 0, 400, 300, 2));
    expect(draws).toHaveLength(7);
    expect(picture.scale).toBe(1 / 2);
  });

  it("shows nothing when no token is still (every one in an opened stack)", () => {
    const { scene, picture, canvas } = fakes();
    const layer = new TokenPicture(scene, 4, canvas);
    layer.hold([token(100, 100)] as never);
    layer.show(camera(0, 0, 800, 600, 1));
    layer.hold([]);
    layer.show(camera(0, 0, 800, 600, 1));
    expect(picture.visible).toBe(false);
  });

  it("zoomed far in on a large map, paints the view and its margin only, and again when the view leaves it", () => {
    const { scene, draws, canvas } = fakes();
    const layer = new TokenPicture(scene, 4, canvas);
    // 40 × 40 tokens 100 units apart: 4,000 × 4,000 units, too large a picture at resolution 4.
    const tokens = Array.from({ length: 1600 }, (_, i) => token((i % 40) * 100, Math.floor(i / 40) * 100));
    layer.hold(tokens as never);
    layer.show(camera(1000, 1000, 300, 200, 4));
    expect(draws.length).toBeGreaterThan(0);
    expect(draws.length).toBeLessThan(100);
    const painted = draws.length;
    layer.show(camera(1010, 1005, 300, 200, 4));
    expect(draws).toHaveLength(painted);
    layer.show(camera(3000, 3000, 300, 200, 4));
    expect(draws.length).toBeGreaterThan(painted);
  });
});
