import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { viewFor } from "../../shared/engine/view-for.ts";
import { ROOT } from "../../server/config.ts";
import { Game, as } from "./game.ts";

/**
 * A nation always knows the foreign forces on its own territory (detection.ts), from turn 1:
 * Northern Flank stations Valdoria's battlegroup in Tarvo, Sarnia's capital, before anything
 * has been resolved (issue #21: Sarnia did not see it until the first resolution).
 */
describe("foreign forces on a nation's own territory", () => {
  const flank = () => new Game(JSON.parse(readFileSync(join(ROOT, "scenarios", "01-northern-flank.json"), "utf8")), 5).start();

  it("are on the host's map in turn 1, truly placed, and nowhere else", () => {
    const g = flank();
    expect(g.state.turn).toBe(1);
    const sarnia = viewFor(g.state, { kind: "nation", nation: "sarnia" });
    expect(sarnia.assets["vd-battlegroup"]).toMatchObject({ foreign: true, owner: "valdoria", region: "tarvo", lastSeenTurn: 1 });
    // Status and strength stay hidden: a foreign asset is only what can be observed.
    expect(sarnia.assets["vd-battlegroup"]).not.toHaveProperty("status");
    // Nordvik hosts no Valdorian force: it learns nothing of the battlegroup.
    expect(viewFor(g.state, { kind: "nation", nation: "nordvik" }).assets["vd-battlegroup"]).toBeUndefined();
  });

  it("are known to the host's orders: refused as not its own, not as unknown", () => {
    const g = flank();
    const order = { type: "draftOrder", order: { kind: "deployAsset", asset: "vd-battlegroup", destination: "tarvo", mission: "presence" } };
    const said = g.refuse(order, as("sarnia"), "not_your_nation");
    expect(said).not.toMatch(/unknown|not know/i);
  });
});
