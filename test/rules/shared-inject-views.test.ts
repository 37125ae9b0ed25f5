import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it, expect } from "vitest";
import { ROOT } from "../../server/config.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { injectViewFor } from "../../shared/engine/inject-view.ts";
import { scopeOf } from "../../shared/engine/view-for.ts";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import type { InjectState } from "../../shared/state/schema.ts";

/**
 * Rooms of one scenario share its specs (server/store/shared-scenarios.ts), and so the views of
 * injects that stand alike, and their JSON: 40 rooms held ~4 MB of identical inject JSON (#23).
 */
describe("inject views shared by exercises of one scenario", () => {
  const scenario = ScenarioSpec.parse(JSON.parse(readFileSync(join(ROOT, "scenarios/01-northern-flank.json"), "utf8")));
  const one = initialState(scenario, "ex-one", 1);
  const two = initialState(scenario, "ex-two", 2);
  const white = scopeOf({ kind: "white" });
  const nation = scopeOf({ kind: "nation", nation: scenario.nations.find((n) => n.playable)!.id });
  const id = scenario.msel.find((s) => s.to === "all")!.id;
  const released = (inject: InjectState): InjectState => ({ ...inject, status: "released", releasedTurn: 2 });

  it("gives two exercises the same view of an inject that stands alike in both", () => {
    expect(one.injects[id]).not.toBe(two.injects[id]);
    expect(injectViewFor(one.injects[id]!, white, 3)).toBe(injectViewFor(two.injects[id]!, white, 3));
    expect(injectViewFor(released(one.injects[id]!), nation, 3)).toBe(injectViewFor(released(two.injects[id]!), nation, 3));
  });

  it("makes another view for what differs: the state shown, the place in the MSEL", () => {
    const planned = injectViewFor(one.injects[id]!, white, 3)!;
    const out = injectViewFor(released(two.injects[id]!), white, 3)!;
    expect(out).not.toBe(planned);
    expect([planned.status, out.status, out.releasedTurn]).toEqual(["planned", "released", 2]);
    const moved = injectViewFor(one.injects[id]!, white, 4)!;
    expect(moved.position).toBe(4);
    expect(injectViewFor({ ...one.injects[id]!, held: true }, white, 3)!.held).toBe(true);
    expect(injectViewFor({ ...one.injects[id]!, status: "delayed", delayedToTurn: 5 }, white, 3)!.delayedToTurn).toBe(5);
    expect(injectViewFor({ ...one.injects[id]!, status: "skipped", skippedTurn: 2 }, white, 3)!.skippedTurn).toBe(2);
    // And the first view is still the one a planned inject at place 3 gets.
    expect(injectViewFor(two.injects[id]!, white, 3)).toBe(planned);
    expect(injectViewFor(released(one.injects[id]!), nation, 3)!.releasedTurn).toBe(2);
    expect(injectViewFor({ ...released(one.injects[id]!), releasedTurn: 3 }, nation, 3)!.releasedTurn).toBe(3);
  });
});
