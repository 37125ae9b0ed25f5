import { describe, it, expect } from "vitest";
import { makeLog } from "../../bench/make-log.ts";
import { evolve, foldEvents } from "../../shared/engine/evolve.ts";
import { put, putAll, transiently, without } from "../../shared/state/records.ts";
import { stateHash } from "../../shared/replay/state-hash.ts";
import { assetsIn, assetsById } from "../../shared/engine/asset-index.ts";

describe("folding a log copies each record once", () => {
  const { initial, events } = makeLog(3000);

  it("gives exactly the state an event-by-event fold gives", () => {
    let plain = initial;
    for (const event of events) plain = evolve(plain, event);
    expect(stateHash(foldEvents(initial, events))).toBe(stateHash(plain));
  });

  it("never changes the state it starts from, nor an earlier fold's result", () => {
    const before = stateHash(initial);
    const half = foldEvents(initial, events.slice(0, 1500));
    const halfHash = stateHash(half);
    foldEvents(half, events.slice(1500));
    expect(stateHash(initial)).toBe(before);
    expect(stateHash(half)).toBe(halfHash);
  });

  it("changes in place only what it made itself, and never a __proto__ entry", () => {
    const given = { a: 1 };
    const out = transiently(() => {
      const first = put(given, "b", 2);
      const second = put(first, "c", 3);
      expect(second).toBe(first);
      const third = put(second, "__proto__", 4);
      expect(third).not.toBe(second);
      return without(putAll(third, [["d", 5]]), "a");
    });
    expect(given).toEqual({ a: 1 });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, "__proto__")).toBe(true);
    expect(Object.keys(out).sort()).toEqual(["__proto__", "b", "c", "d"]);
  });

  it("outside a fold, put copies as before", () => {
    const given = { a: 1 };
    expect(put(given, "b", 2)).not.toBe(given);
    expect(given).toEqual({ a: 1 });
  });
});

describe("the assets of a region", () => {
  it("are what a scan of every asset finds, for every region, and follow the record's versions", () => {
    const { initial, events } = makeLog(2000);
    const state = foldEvents(initial, events);
    for (const region of Object.keys(state.regions)) {
      expect(assetsIn(state, region).map((a) => a.id)).toEqual(
        Object.values(state.assets)
          .filter((a) => a.region === region)
          .map((a) => a.id),
      );
    }
    expect(assetsById(state).map((a) => a.id)).toEqual(Object.keys(state.assets).sort());
    const asset = Object.values(state.assets)[0]!;
    const elsewhere = Object.keys(state.regions).find((r) => r !== asset.region)!;
    const moved = { ...state, assets: { ...state.assets, [asset.id]: { ...asset, region: elsewhere } } };
    expect(assetsIn(moved, elsewhere).map((a) => a.id)).toContain(asset.id);
    expect(assetsIn(state, elsewhere).map((a) => a.id)).not.toContain(asset.id);
  });
});
