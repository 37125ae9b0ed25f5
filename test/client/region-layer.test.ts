import { describe, expect, it } from "vitest";
import { pictureArea, regionResolution, MAX_PIXELS, MAX_SIDE } from "../../client/src/map/region-layer.ts";

/** The regions' picture (client/src/map/region-layer.ts): which part of the map is painted, at what resolution. */
describe("the regions' picture", () => {
  const whole = { x: -110, y: -110, w: 1220, h: 920 };
  const within = (rect: { w: number; h: number }, r: number) => rect.w * r <= MAX_SIDE && rect.h * r <= MAX_SIDE && rect.w * rect.h * r * r <= MAX_PIXELS;

  it("is never magnified and at most halved", () => {
    expect([0.3, 0.5, 0.7, 1, 1.5, 2, 3, 4].map(regionResolution)).toEqual([0.5, 0.5, 1, 1, 2, 2, 4, 4]);
  });

  it("covers the whole map when it fits the limits", () => {
    expect(pictureArea(whole, { x: 100, y: 100, w: 800, h: 500 }, 1)).toEqual({ rect: whole, resolution: 1 });
  });

  it("zoomed far in, covers the view and a margin within the map, inside the limits", () => {
    const view = { x: 400, y: 300, w: 360, h: 200 };
    const { rect, resolution } = pictureArea(whole, view, 4);
    expect(resolution).toBe(4);
    expect(within(rect, resolution)).toBe(true);
    expect(rect.x).toBeLessThan(view.x);
    expect(rect.y).toBeLessThan(view.y);
    expect(rect.x + rect.w).toBeGreaterThan(view.x + view.w);
    expect(rect.y + rect.h).toBeGreaterThan(view.y + view.h);
    // At the map's edge the margin stops at the map.
    const corner = pictureArea(whole, { x: -110, y: -110, w: 360, h: 200 }, 4).rect;
    expect([corner.x, corner.y]).toEqual([-110, -110]);
  });

  it("lowers the resolution when even the view alone would not fit (a very large screen)", () => {
    const { rect, resolution } = pictureArea({ x: 0, y: 0, w: 5000, h: 4000 }, { x: 0, y: 0, w: 1500, h: 1200 }, 4);
    expect(resolution).toBeLessThan(4);
    expect(within(rect, resolution)).toBe(true);
  });
});
