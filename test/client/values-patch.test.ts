import { describe, expect, it } from "vitest";
import { valuesPatch, type PaintedValues } from "../../client/src/map/values-patch.ts";

/** Four regions in a row, each one's values in a 60 × 20 box; b's and c's boxes overlap (a crisis mark reaching over). */
const boxes = new Map([
  ["a", { x: 0, y: 0, w: 60, h: 20 }],
  ["b", { x: 100, y: 0, w: 60, h: 20 }],
  ["c", { x: 150, y: 0, w: 60, h: 20 }],
  ["d", { x: 300, y: 0, w: 60, h: 20 }],
]);
const painted = (keys: Record<string, string>, changedBoxes: Record<string, { x: number; y: number; w: number; h: number }> = {}): PaintedValues => ({
  keys: new Map(Object.entries(keys)),
  boxes: new Map([...boxes, ...Object.entries(changedBoxes)]),
});
const before = painted({ a: "50|", b: "60|", c: "70|", d: "80|" });

/** What of the regions' values picture a new moment paints again (client/src/map/values-patch.ts). */
describe("the values picture's repaint", () => {
  it("paints nothing again when no region's values changed", () => {
    expect(valuesPatch(before, painted({ a: "50|", b: "60|", c: "70|", d: "80|" }))).toBeNull();
  });

  it("clears only a changed region's box and paints it again, not its distant neighbours", () => {
    expect(valuesPatch(before, painted({ a: "51|", b: "60|", c: "70|", d: "80|" }))).toEqual({ clip: [boxes.get("a")], regions: ["a"] });
  });

  it("paints again a neighbour whose values reach into the cleared box", () => {
    expect(valuesPatch(before, painted({ a: "50|", b: "61|", c: "70|", d: "80|" }))).toEqual({ clip: [boxes.get("b")], regions: ["b", "c"] });
  });

  it("clears where a region's values were and where they are now (a crisis mark gone or come)", () => {
    const grown = { x: 300, y: -40, w: 90, h: 60 };
    const patch = valuesPatch(before, painted({ a: "50|", b: "60|", c: "70|", d: "80|riot|40" }, { d: grown }));
    expect(patch).toEqual({ clip: [boxes.get("d"), grown], regions: ["d"] });
  });

  it("paints the whole picture again when most regions changed", () => {
    expect(valuesPatch(before, painted({ a: "1|", b: "2|", c: "3|", d: "80|" }))).toBe("all");
  });

  it("needs no clip for a region outside the picture", () => {
    const offPicture: PaintedValues = { keys: new Map([...before.keys, ["e", "10|"]]), boxes };
    const moved: PaintedValues = { keys: new Map([...before.keys, ["e", "11|"]]), boxes };
    expect(valuesPatch(offPicture, moved)).toEqual({ clip: [], regions: [] });
  });
});
