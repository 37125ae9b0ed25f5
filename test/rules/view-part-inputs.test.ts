import { describe, it, expect } from "vitest";
import { viewPartInputs } from "../../shared/engine/view-for.ts";
import { Game, tinyInput } from "./game.ts";

/** The assets part is recomputed for a change of who owns a region, not for any change of the regions (#23). */
describe("view part inputs", () => {
  const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

  it("keeps the assets part's inputs through a stability change and moves them with an owner change", () => {
    const game = new Game(tinyInput());
    const before = game.state;
    const region = Object.keys(before.regions)[0]!;
    const stabler = { ...before, regions: { ...before.regions, [region]: { ...before.regions[region]!, stability: before.regions[region]!.stability - 5 } } };
    expect(same(viewPartInputs.assets(before), viewPartInputs.assets(stabler))).toBe(true);
    const other = Object.values(before.regions).find((r) => r.owner && r.owner !== before.regions[region]!.owner)!.owner!;
    const taken = { ...before, regions: { ...before.regions, [region]: { ...before.regions[region]!, owner: other } } };
    expect(same(viewPartInputs.assets(before), viewPartInputs.assets(taken))).toBe(false);
  });
});
