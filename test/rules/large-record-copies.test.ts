import { describe, it, expect } from "vitest";
import { setFlagsFromString } from "node:v8";
import { LARGE_RECORD, put, putAll, without, update, inScope, toRecord, type IdRecord } from "../../shared/state/records.ts";

// V8's own answer, through its natives syntax (allowed before the function below is compiled).
setFlagsFromString("--allow-natives-syntax");
const hasFastProperties = new Function("o", "return %HasFastProperties(o)") as (o: object) => boolean;

type Entry = { n: number };
/** A record grown as the engine grows one, a copy per new entry (an inject fired after another). */
function grown(size: number): IdRecord<Entry> {
  let record: IdRecord<Entry> = {};
  for (let i = 0; i < size; i++) record = put(record, `inj-adhoc-${i}`, { n: i });
  return record;
}

describe("copies of large records (records.ts, LARGE_RECORD)", () => {
  it("are dictionaries past the threshold, so a copy does not build a hidden class key by key", () => {
    const large = grown(LARGE_RECORD + 472);
    // A spread copy of 600 entries stayed in fast mode: ~0.5 MB of maps and descriptors a copy.
    expect(hasFastProperties(put(large, "inj-adhoc-0", { n: -1 }))).toBe(false);
    expect(hasFastProperties(put(large, "one-more", { n: -1 }))).toBe(false);
    expect(hasFastProperties(without(large, "inj-adhoc-3"))).toBe(false);
    expect(hasFastProperties(putAll(large, [["a", { n: 1 }]]))).toBe(false);
    // Small records keep the spread, and their copies stay fast to read.
    expect(hasFastProperties(put(grown(12), "inj-adhoc-0", { n: -1 }))).toBe(true);
  });

  for (const size of [LARGE_RECORD - 1, LARGE_RECORD, 600, 1_500]) {
    it(`hold the same entries in the same order as a spread copy (${size} entries)`, () => {
      const record = grown(size);
      const before = Object.entries(record);
      const key = `inj-adhoc-${Math.floor(size / 2)}`;
      expect(Object.entries(put(record, key, { n: -1 }))).toEqual(Object.entries({ ...record, [key]: { n: -1 } }));
      expect(Object.entries(put(record, "new", { n: -1 }))).toEqual([...before, ["new", { n: -1 }]]);
      expect(Object.entries(update(record, key, (e) => ({ n: e.n + 1 }))).find(([k]) => k === key)).toEqual([key, { n: Math.floor(size / 2) + 1 }]);
      const rest = { ...record };
      delete rest[key];
      expect(Object.entries(without(record, key))).toEqual(Object.entries(rest));
      expect(
        Object.entries(
          putAll(record, [
            ["x", { n: 1 }],
            [key, { n: 2 }],
          ]),
        ),
      ).toEqual(Object.entries({ ...record, x: { n: 1 }, [key]: { n: 2 } }));
      const copy = toRecord(record);
      expect(copy).not.toBe(record);
      expect(Object.entries(copy)).toEqual(before);
      // The record given in is never changed.
      expect(Object.entries(record)).toEqual(before);
    });
  }

  it('keep an entry named "__proto__" an own entry, and never set the prototype', () => {
    const record = { ...grown(LARGE_RECORD + 10) };
    Object.defineProperty(record, "__proto__", { value: { n: 7 }, enumerable: true, writable: true, configurable: true });
    for (const copy of [put(record, "x", { n: 1 }), without(record, "inj-adhoc-0"), putAll(record, [["y", { n: 2 }]])]) {
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
      expect(Object.hasOwn(copy, "__proto__")).toBe(true);
      expect(Object.getOwnPropertyDescriptor(copy, "__proto__")!.value).toEqual({ n: 7 });
    }
    const set = put(grown(LARGE_RECORD), "__proto__", { n: 9 });
    expect(Object.getPrototypeOf(set)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(set, "__proto__")!.value).toEqual({ n: 9 });
  });

  it("are copied once in a decision's scope, then changed in place", () => {
    const record = grown(LARGE_RECORD * 2);
    inScope(new WeakSet(), () => {
      const first = put(record, "a", { n: 1 });
      expect(first).not.toBe(record);
      expect(put(first, "b", { n: 2 })).toBe(first);
      expect(without(first, "a")).toBe(first);
    });
    expect(Object.hasOwn(record, "a")).toBe(false);
  });
});
