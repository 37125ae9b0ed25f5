import { describe, it, expect } from "vitest";
import { scaleScenario, FULL_SCALE, HALF_SCALE } from "../../bench/scale/scale-scenario.ts";
import { validateScenario } from "../../shared/scenario/validate.ts";

describe("the scale benchmark's generated scenario", () => {
  for (const [name, size] of [
    ["full", FULL_SCALE],
    ["half", HALF_SCALE],
  ] as const) {
    it(`${name} size is a valid scenario of the requested size`, () => {
      const input = scaleScenario(size) as { nations: unknown[]; regions: { adjacent: string[]; id: string }[]; assets: unknown[]; msel: unknown[] };
      // The full size validates too (7 s here, the lift reachability per asset): the half size stands for it.
      if (name === "half") {
        const checked = validateScenario(input);
        expect(checked.ok ? [] : checked.errors.slice(0, 3)).toEqual([]);
      }
      expect([input.nations.length, input.regions.length, input.assets.length, input.msel.length]).toEqual([
        size.nations,
        size.regions,
        size.assets,
        size.injects,
      ]);
      // Connected: every region reachable from the first.
      const adjacent = new Map(input.regions.map((r) => [r.id, r.adjacent]));
      const seen = new Set([input.regions[0]!.id]);
      for (const queue = [input.regions[0]!.id]; queue.length > 0; )
        for (const next of adjacent.get(queue.pop()!)!) if (!seen.has(next)) seen.add(next), queue.push(next);
      expect(seen.size).toBe(size.regions);
    });
  }

  it("is the same for the same size and seed", () => {
    expect(JSON.stringify(scaleScenario({ ...HALF_SCALE, seed: 5 }))).toBe(JSON.stringify(scaleScenario({ ...HALF_SCALE, seed: 5 })));
  });
});
