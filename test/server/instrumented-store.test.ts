import { describe, it, expect } from "vitest";
import { instrumentStore } from "../../server/metrics.ts";
import { MemoryStore } from "../../server/store/memory-store.ts";

describe("the store with its appends timed", () => {
  it("hands out each method once, bound, and the store's own again when it is replaced", async () => {
    const store = new MemoryStore();
    const timed = instrumentStore(store);
    expect(timed.append).toBe(timed.append);
    expect(timed.lastSeq).toBe(timed.lastSeq);
    expect(await timed.lastSeq("nothing")).toBe(0);
    const replaced = async () => 41;
    store.lastSeq = replaced;
    expect(await timed.lastSeq("nothing")).toBe(41);
    expect(timed.kind).toBe(store.kind);
  });

  it("still appends through the store, and refuses what the store refuses", async () => {
    const timed = instrumentStore(new MemoryStore());
    await expect(timed.append("nowhere", [])).rejects.toThrow(/unknown exercise/);
  });
});
