import { describe, it, expect } from "vitest";
import { as } from "./game.ts";
import { game, rules, uavAtSea, grant, sightingsOf, reportsOf, rulesApplied, copyHeldBy, type Tweak } from "./intel-fixtures.ts";

const alwaysSee = rules({ isrDetectionChance: 1 });
const grom = "r-frigate";
/** RNS Grom in the Northern Sea, the UAV's own region. */
const gromAtUav: Tweak = (s) => void (s.assets!.find((a) => a.id === grom)!.region = "n-sea");
/** Nordmark's frigate gets a radar with a reach of one region. */
const frigateRadar: Tweak = (s) => void (s.assetTypes.find((t) => t.id === "frigate")!.detectionRange = 1);
const seeds = Array.from({ length: 40 }, (_, i) => i + 1);

describe("grading follows the source", () => {
  it("an ISR sighting in the sensor's own region is B2, one region away B3", () => {
    const near = game(7, alwaysSee, uavAtSea, gromAtUav).endTurn();
    expect(sightingsOf(near, "north").map((r) => `${r.reliability}${r.credibility}`)).toEqual(["B2"]);
    const far = game(2, alwaysSee, uavAtSea).endTurn();
    expect(sightingsOf(far, "north").map((r) => `${r.reliability}${r.credibility}`)).toEqual(["B3"]);
  });

  it("a ship's radar is a C source, and a type the scenario rates is graded as it says", () => {
    const ship = game(7, alwaysSee, frigateRadar, (s) => void s.assets!.splice(s.assets!.findIndex((a) => a.id === "n-uav"), 1)).endTurn();
    expect(sightingsOf(ship, "north").map((r) => r.reliability)).toEqual(["C"]);
    const rated = game(7, alwaysSee, uavAtSea, gromAtUav, rules({ isrDetectionChance: 1, sensorReliabilityByType: { uav: "A" } })).endTurn();
    expect(sightingsOf(rated, "north").map((r) => r.reliability)).toEqual(["A"]);
  });

  it("a low-grade sighting is sometimes wrong, and its holder's map shows the asset where the report says", () => {
    let wrong = 0;
    for (const seed of seeds) {
      const g = game(seed, alwaysSee, uavAtSea, rules({ isrDetectionChance: 1, sensorReliabilityByType: { uav: "E" } })).endTurn();
      const [report] = sightingsOf(g, "north");
      const placed = report!.sightings![0]!.region;
      expect(g.state.detections.north![grom]!.region).toBe(placed);
      if (placed !== "r-sea") {
        wrong++;
        // Somewhere a frigate could be next to where it really is; exercise control knows the truth.
        expect(["n-sea", "s-sea"]).toContain(placed);
        expect(g.state.falseIntel[report!.id]).toEqual({ [grom]: "r-sea" });
      } else expect(g.state.falseIntel[report!.id]).toBeUndefined();
    }
    // E3: 0.30 + 0.05 = 35 % by default.
    expect(wrong).toBeGreaterThan(4);
    expect(wrong).toBeLessThan(30);
  });

  it("a high-grade sighting (B2) is never wrong", () => {
    for (const seed of seeds) {
      const g = game(seed, alwaysSee, uavAtSea, gromAtUav).endTurn();
      expect(g.state.detections.north![grom]!.region).toBe("n-sea");
      expect(Object.keys(g.state.falseIntel)).toEqual([]);
    }
  });
});

describe("a second, independent source confirms", () => {
  it("two of the nation's sensors seeing the same asset make it credibility 1, confirmed this turn", () => {
    const twoSensors: Tweak = (s) => void s.assets!.push({ id: "n-uav2", name: "Nord UAV-2", type: "uav", owner: "north", region: "s-sea" });
    const g = game(7, alwaysSee, uavAtSea, twoSensors).endTurn();
    expect(sightingsOf(g, "north").map((r) => [r.credibility, r.confirmedTurn])).toEqual([["1", 1]]);
    // One sensor alone: not confirmed.
    const one = game(7, alwaysSee, uavAtSea).endTurn();
    expect(sightingsOf(one, "north")[0]!.confirmedTurn).toBeUndefined();
  });

  it("another source's report placing the asset in the same region confirms both, and says so", () => {
    const g = game(2, alwaysSee, uavAtSea).endTurn();
    const [own] = sightingsOf(g, "north");
    expect(own!.sightings![0]!.region).toBe("r-sea");
    const granted = grant(g, "north", { assets: [grom], reliability: "C", credibility: "3" });
    expect(g.state.reports[own!.id]).toMatchObject({ credibility: "1", confirmedTurn: 2 });
    expect(g.state.reports[granted.id]).toMatchObject({ credibility: "1", confirmedTurn: 2 });
    expect(rulesApplied(g, "intel.confirmation")).toHaveLength(2);
  });

  it("a report coming back from a partner is not a second source", () => {
    const g = game(2, alwaysSee, uavAtSea).endTurn();
    const [own] = sightingsOf(g, "north");
    g.do({ type: "shareIntel", report: own!.id, with: ["south"] }, as("north"));
    g.do({ type: "shareIntel", report: copyHeldBy(g, own!.id, "south")!.id, with: ["north"] }, as("south"));
    expect(g.state.reports[own!.id]!.credibility).toBe("3");
    expect(rulesApplied(g, "intel.confirmation")).toHaveLength(0);
  });
});

describe("ISR reports only what matters", () => {
  it("an ally's forces in allied territory update the picture without a report each turn; a foreign force new in reach is reported once", () => {
    const g = game(7, alwaysSee);
    for (let turn = 0; turn < 3; turn++) g.endTurn();
    // Sudland's hospital in Sudland, in reach of Nordmark's UAV: known, never reported.
    expect(g.state.detections.north!["s-med"]).toMatchObject({ region: "s-home" });
    expect(reportsOf(g, "north")).toEqual([]);
    const watched = game(2, alwaysSee, uavAtSea);
    for (let turn = 0; turn < 3; turn++) watched.endTurn();
    expect(sightingsOf(watched, "north")).toHaveLength(1);
  });
});
