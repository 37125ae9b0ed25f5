import { describe, expect, it } from "vitest";
import { keptValues } from "../../client/src/map/kept.ts";

describe("keptValues: the map's words and sizes made once per key", () => {
  it("makes a value once per key and lets all go past its limit", () => {
    let made = 0;
    const kept = keptValues<string>(2);
    const make = (key: string) => kept(key, () => `${key}#${++made}`);
    expect([make("a"), make("a"), make("b"), make("b")]).toEqual(["a#1", "a#1", "b#2", "b#2"]);
    expect(make("c")).toBe("c#3"); // the third key: the first two were let go
    expect(make("a")).toBe("a#4");
    expect(made).toBe(4);
  });
});
