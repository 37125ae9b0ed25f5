import { describe, it, expect } from "vitest";
import { readState } from "../../client/src/state/read-state.ts";
import { lastResult } from "../../client/src/ui/memo.ts";

/** The state as `toJSON()` of the room's schema gives it: documents as JSON strings, assets as flat fields. */
function wire(over: { frigateRegion?: string; online?: number; feed?: string[] } = {}) {
  const asset = (id: string, region: string) => ({ name: id, type: "frigate", owner: "north", region, status: "ready", strength: 100, route: "" });
  return {
    exerciseId: "x",
    scenario: JSON.stringify({ id: "s", nations: [{ id: "north", name: "Nordmark" }], regions: [], assetTypes: [] }),
    regions: { lakeland: { owner: "north", stability: 60, baseline: 60 } },
    nations: { north: { name: "Nordmark", color: "#00f", playable: true, online: over.online ?? 0 } },
    perspectives: {
      white: {
        assets: { a1: asset("a1", over.frigateRegion ?? "lakeland"), a2: asset("a2", "lakeland") },
        feed: Object.fromEntries((over.feed ?? ["one"]).map((text, i) => [String(i), JSON.stringify({ seq: i, turn: 1, kind: "rule", msg: { key: text } })])),
        injects: { i1: JSON.stringify({ id: "i1", number: "1" }) },
      },
    },
  };
}

describe("readState keeps what a patch did not change", () => {
  it("keeps every record and collection that is the same as the previous state's", () => {
    const first = readState(wire(), "white");
    const second = readState(wire(), "white", first);
    expect(second.perspective!.assets).toBe(first.perspective!.assets);
    expect(second.regions).toBe(first.regions);
    expect(second.nations).toBe(first.nations);
    expect(second.scenario).toBe(first.scenario);
    expect(second.perspective!.feed).toBe(first.perspective!.feed);
    expect(second.perspective!.injects).toBe(first.perspective!.injects);
  });

  it("gives a changed asset as a new record in a new collection, and keeps the others", () => {
    const first = readState(wire(), "white");
    const moved = readState(wire({ frigateRegion: "central-sea" }), "white", first);
    expect(moved.perspective!.assets).not.toBe(first.perspective!.assets);
    expect(moved.perspective!.assets.a1!.region).toBe("central-sea");
    expect(moved.perspective!.assets.a2).toBe(first.perspective!.assets.a2);
    // A nation coming online is a new nations record; the assets stay as they were.
    const online = readState(wire({ frigateRegion: "central-sea", online: 1 }), "white", moved);
    expect(online.nations).not.toBe(moved.nations);
    expect(online.nations.north!.online).toBe(1);
    expect(online.perspective!.assets).toBe(moved.perspective!.assets);
  });

  it("gives a new feed list when an item came, keeping the items that were there", () => {
    const first = readState(wire(), "white");
    const more = readState(wire({ feed: ["one", "two"] }), "white", first);
    expect(more.perspective!.feed).not.toBe(first.perspective!.feed);
    expect(more.perspective!.feed.map((f) => f.msg.key)).toEqual(["two", "one"]);
    expect(more.perspective!.feed[1]).toBe(first.perspective!.feed[0]);
  });

  it("does not take another perspective's records for this one's", () => {
    const white = readState(wire(), "white");
    const raw = wire();
    const north = readState({ ...raw, perspectives: { north: raw.perspectives.white } }, "north", white);
    expect(north.perspective!.key).toBe("north");
    expect(north.perspective!.assets).not.toBe(white.perspective!.assets);
  });
});

describe("lastResult", () => {
  it("computes again when an input is another object, not when the same ones come back", () => {
    let runs = 0;
    const names = lastResult(
      (assets: Record<string, { name: string }>) => [assets],
      (assets) => (runs++, Object.values(assets).map((a) => a.name)),
    );
    const assets = { a1: { name: "Valkyrie" } };
    expect(names(assets)).toBe(names(assets));
    expect(runs).toBe(1);
    expect(names({ a1: { name: "Meridian" } })).toEqual(["Meridian"]);
    expect(runs).toBe(2);
  });
});
