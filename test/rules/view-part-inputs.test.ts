import { describe, it, expect } from "vitest";
import { viewPartInputs, viewPartViewerInputs, scopeOf } from "../../shared/engine/view-for.ts";
import { Game, tinyInput } from "./game.ts";

/**
 * The assets part is recomputed for a change of who owns a region, not for any change of the
 * regions, and for a change of the viewer's own known-forces picture, not another's (#23).
 */
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

  it("recomputes a nation's assets for its own known-forces picture, not another nation's", () => {
    const game = new Game(tinyInput());
    const before = game.state;
    const [mine, other] = Object.keys(before.nations);
    const sighting = { asset: "x-1", name: "Patrol", type: "frigate", owner: other!, region: Object.keys(before.regions)[0]!, turn: 1 };
    const after = { ...before, detections: { ...before.detections, [mine!]: { ...(before.detections[mine!] ?? {}), "x-1": sighting } } } as typeof before;
    const input = viewPartViewerInputs.assets!;
    // Every viewer's shared inputs stay; the picture changed is the one viewer input that moves.
    expect(same(viewPartInputs.assets(before), viewPartInputs.assets(after))).toBe(true);
    expect(input(after, scopeOf({ kind: "nation", nation: mine! }))).not.toBe(input(before, scopeOf({ kind: "nation", nation: mine! })));
    expect(input(after, scopeOf({ kind: "nation", nation: other! }))).toBe(input(before, scopeOf({ kind: "nation", nation: other! })));
    expect(input(after, scopeOf({ kind: "white" }))).toBe(input(before, scopeOf({ kind: "white" })));
  });
});
