import { describe, it, expect } from "vitest";
import { as } from "./game.ts";
import { viewFor } from "../../shared/engine/view-for.ts";
import { game, grant, uavAtSea, rules, reportSighting, copyHeldBy } from "./intel-fixtures.ts";

const nation = (n: string) => ({ kind: "nation" as const, nation: n });

describe("viewFor: what intelligence a nation may not know", () => {
  it("never the truth behind a false report, for its holder or for whoever it is passed to", () => {
    const g = game(7);
    const report = grant(g, "north", { title: "Tip", reliability: "E", credibility: "5", claims: [{ asset: "r-frigate", region: "s-sea" }] });
    g.do({ type: "shareIntel", report: report.id, with: ["south"] }, as("north"));
    for (const holder of ["north", "south"]) {
      const view = viewFor(g.state, nation(holder));
      expect(view.assets["r-frigate"]).toMatchObject({ region: "s-sea" });
      const text = JSON.stringify(view);
      expect(text).not.toContain("falseIntel");
      // The Red Gulf is on the map, but nothing in the view places RNS Grom there.
      expect(JSON.stringify({ assets: view.assets, reports: view.reports })).not.toContain("r-sea");
    }
  });

  it("never another nation's original behind a tear line, nor the sensor that saw it", () => {
    const g = game(2, uavAtSea, rules({ isrDetectionChance: 1 }));
    g.endTurn();
    const sighting = reportSighting(g, "north", "r-frigate");
    expect(sighting!.sensor).toBe("n-uav");
    g.do(
      {
        type: "releaseVersion",
        report: sighting!.id,
        title: "Warship in the gulf",
        text: "A Redonian warship.",
        source: "allied surveillance",
        classification: "RESTRICTED",
        releasability: { scope: "alliance" },
        regions: ["r-sea"],
        assets: [],
        shareWith: ["south"],
      },
      as("north"),
    );
    const south = viewFor(g.state, nation("south"));
    const text = JSON.stringify(south.reports);
    expect(Object.values(south.reports).map((r) => r.title)).toEqual(["Warship in the gulf"]);
    expect(text).not.toMatch(/RNS Grom|n-uav|engine\.report\.sighting|own ISR/);
    expect(south.reports[sighting!.id]).toBeUndefined();
    // A whole copy of the sighting, too, leaves the sensor behind.
    g.do({ type: "shareIntel", report: sighting!.id, with: ["south"] }, as("north"));
    expect(copyHeldBy(g, sighting!.id, "south")!.sensor).toBeUndefined();
  });
});
