import { describe, expect, it } from "vitest";
import { cullTokens } from "../../client/src/map/asset-painter.ts";

/** A token's image as culling sees it: origin at its top centre, in map units. */
function image(x: number, y: number) {
  const self = {
    x,
    y,
    displayWidth: 50,
    displayHeight: 30,
    visible: true,
    setVisible(visible: boolean) {
      self.visible = visible;
      return self as never;
    },
  };
  return self;
}

/** Zoomed in, the map's tokens outside the view are not drawn (client/src/map/asset-painter.ts). */
describe("the tokens' culling", () => {
  it("hides tokens wholly outside the view, keeps those partly in it, and shows them again when the view comes back", () => {
    const inside = image(200, 200);
    const overEdge = image(110, 150); // spans 85..135 across the view's left edge at 100
    const farRight = image(900, 200);
    const above = image(200, 60); // 60..90, above the view's top at 100
    const painted = [inside, overEdge, farRight, above].map((i) => ({ image: i }));
    cullTokens(painted, { x: 100, y: 100, width: 400, height: 300 });
    expect(painted.map((p) => p.image.visible)).toEqual([true, true, false, false]);
    cullTokens(painted, { x: 0, y: 0, width: 1000, height: 700 });
    expect(painted.map((p) => p.image.visible)).toEqual([true, true, true, true]);
  });
});
