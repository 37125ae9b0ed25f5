import { describe, expect, it } from "vitest";
import { valuesPatch, type BoxOf } from "../../client/src/map/values-patch.ts";

type Box = { x: number; y: number; w: number; h: number };
/** Four regions in a row, each one's values in a 60 × 20 box; b's and c's boxes overlap (a crisis mark reaching over). */
const boxes: Record<string, Box> = {
  a: { x: 0, y: 0, w: 60, h: 20 },
  b: { x: 100, y: 0, w: 60, h: 20 },
  c: { x: 150, y: 0, w: 60, h: 20 },
  d: { x: 300, y: 0, w: 60, h: 20 },
};
const painted = ["a", "b", "c", "d"];
const keys = (k: Record<string, string>) => new Map(Object.entries(k));
const before = keys({ a: "50|", b: "60|", c: "70|", d: "80|" });
/** The boxes before, and now with some regions' boxes moved (their values grew or shrank). */
const boxOf =
  (now: Record<string, Box> = {}): BoxOf =>
  (id, when) =>
    when === "after" ? (now[id] ?? boxes[id]) : boxes[id];

/** What of the regions' values picture a new moment paints again (client/src/map/values-patch.ts). */
describe("the values picture's repaint", () => {
  it("paints nothing again when no region's values changed", () => {
    expect(valuesPatch(before, keys({ a: "50|", b: "60|", c: "70|", d: "80|" }), painted, boxOf())).toBeNull();
  });

  it("clears only a changed region's box and paints it again, not its distant neighbours", () => {
    expect(valuesPatch(before, keys({ a: "51|", b: "60|", c: "70|", d: "80|" }), painted, boxOf())).toEqual({ clip: [boxes.a], regions: ["a"] });
  });

  it("paints again a neighbour whose values reach into the cleared box", () => {
    expect(valuesPatch(before, keys({ a: "50|", b: "61|", c: "70|", d: "80|" }), painted, boxOf())).toEqual({ clip: [boxes.b], regions: ["b", "c"] });
  });

  it("clears where a region's values were and where they are now (a crisis mark come or gone)", () => {
    const grown = { x: 300, y: -40, w: 90, h: 60 };
    const patch = valuesPatch(before, keys({ a: "50|", b: "60|", c: "70|", d: "80|riot|40" }), painted, boxOf({ d: grown }));
    expect(patch).toEqual({ clip: [boxes.d, grown], regions: ["d"] });
  });

  it("paints the whole picture again when most regions changed, measuring nothing", () => {
    const measured: string[] = [];
    const counting: BoxOf = (id, when) => (measured.push(id), boxOf()(id, when));
    expect(valuesPatch(before, keys({ a: "1|", b: "2|", c: "3|", d: "80|" }), painted, counting)).toBe("all");
    expect(measured).toEqual([]);
  });

  it("needs no clip for a region the picture does not paint", () => {
    const offPicture: BoxOf = (id, when) => (id === "e" ? undefined : boxOf()(id, when));
    expect(valuesPatch(keys({ ...Object.fromEntries(before), e: "10|" }), keys({ ...Object.fromEntries(before), e: "11|" }), painted, offPicture)).toEqual({
      clip: [],
      regions: [],
    });
  });
});
