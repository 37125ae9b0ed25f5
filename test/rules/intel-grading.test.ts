import { describe, it, expect } from "vitest";
import { as } from "./game.ts";
import { game, rules, uavAtSea, grant, sightingsOf, reportsOf, rulesApplied, copyHeldBy, entryOf, reportSighting, type Tweak } from "./intel-fixtures.ts";

const alwaysSee = rules({ isrDetectionChance: 1 });
const grom = "r-frigate";
/** RNS Grom in the Northern Sea, the UAV's own region. */
const gromAtUav: Tweak = (s) => void (s.assets!.find((a) => a.id === grom)!.region = "n-sea");
/** Nordmark's frigate gets a radar with a reach of one region. */
const frigateRadar: Tweak = (s) => void (s.assetTypes.find((t) => t.id === "frigate")!.detectionRange = 1);
const seeds = Array.from({ length: 40 }, (_, i) => i + 1);
const gradeOf = (g: ReturnType<typeof game>) => {
  const e = entryOf(g, "north", grom);
  return e ? `${e.reliability}${e.credibility}` : null;
};

describe("grading follows the source", () => {
  it("an ISR sighting in the sensor's own region is B2, one region away B3", () => {
    const near = game(7, alwaysSee, uavAtSea, gromAtUav).endTurn();
    expect(gradeOf(near)).toBe("B2");
    expect(entryOf(near, "north", grom)).toMatchObject({ sensor: "n-uav", region: "n-sea", turn: 1 });
    const far = game(2, alwaysSee, uavAtSea).endTurn();
    expect(gradeOf(far)).toBe("B3");
  });

  it("a ship's radar is a C source, and a type the scenario rates is graded as it says", () => {
    const ship = game(
      7,
      alwaysSee,
      frigateRadar,
      (s) =>
        void s.assets!.splice(
          s.assets!.findIndex((a) => a.id === "n-uav"),
          1,
        ),
    ).endTurn();
    expect(entryOf(ship, "north", grom)).toMatchObject({ reliability: "C", sensor: "n-frigate" });
    const rated = game(7, alwaysSee, uavAtSea, gromAtUav, rules({ isrDetectionChance: 1, sensorReliabilityByType: { uav: "A" } })).endTurn();
    expect(entryOf(rated, "north", grom)!.reliability).toBe("A");
  });

  it("a low-grade sighting is sometimes wrong: the holder's picture shows the asset where it was wrongly seen, and a report written from it is known false", () => {
    let wrong = 0;
    for (const seed of seeds) {
      const g = game(seed, alwaysSee, uavAtSea, rules({ isrDetectionChance: 1, sensorReliabilityByType: { uav: "E" } })).endTurn();
      const placed = entryOf(g, "north", grom)!.region;
      const report = reportSighting(g, "north", grom);
      expect(report.sightings).toEqual([{ asset: grom, region: placed, turn: 1 }]);
      if (placed !== "r-sea") {
        wrong++;
        // Somewhere a frigate could be next to where it really is; exercise control knows the truth.
        expect(["n-sea", "s-sea"]).toContain(placed);
        expect(g.state.falseIntel[report.id]).toEqual({ [grom]: "r-sea" });
      } else expect(g.state.falseIntel[report.id]).toBeUndefined();
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
    expect(entryOf(g, "north", grom)).toMatchObject({ credibility: "1", confirmedTurn: 1 });
    // A report written from it says so.
    expect(reportSighting(g, "north", grom)).toMatchObject({ credibility: "1", confirmedTurn: 1 });
    // One sensor alone: not confirmed.
    const one = game(7, alwaysSee, uavAtSea).endTurn();
    expect(entryOf(one, "north", grom)!.confirmedTurn).toBeUndefined();
  });

  it("another source's report placing the asset in the same region confirms both, and says so", () => {
    const g = game(2, alwaysSee, uavAtSea).endTurn();
    const own = reportSighting(g, "north", grom);
    expect(own.sightings![0]!.region).toBe("r-sea");
    const granted = grant(g, "north", { assets: [grom], reliability: "C", credibility: "3" });
    expect(g.state.reports[own.id]).toMatchObject({ credibility: "1", confirmedTurn: 2 });
    expect(g.state.reports[granted.id]).toMatchObject({ credibility: "1", confirmedTurn: 2 });
    expect(rulesApplied(g, "intel.confirmation")).toHaveLength(2);
    expect(entryOf(g, "north", grom)).toMatchObject({ region: "r-sea", confirmedTurn: 2 });
  });

  it("a report coming back from a partner is not a second source", () => {
    const g = game(2, alwaysSee, uavAtSea).endTurn();
    const own = reportSighting(g, "north", grom);
    g.do({ type: "shareIntel", report: own.id, with: ["south"] }, as("north"));
    g.do({ type: "shareIntel", report: copyHeldBy(g, own.id, "south")!.id, with: ["north"] }, as("south"));
    expect(g.state.reports[own.id]!.credibility).toBe("3");
    expect(entryOf(g, "north", grom)!.confirmedTurn).toBeUndefined();
    expect(rulesApplied(g, "intel.confirmation")).toHaveLength(0);
  });
});

describe("ISR updates the known-forces picture; reports are what a team reports", () => {
  it("no report per sighting per turn: an ally's forces and a foreign force in reach are both kept in the picture, turn after turn, without a report", () => {
    const g = game(7, alwaysSee);
    for (let turn = 0; turn < 3; turn++) g.endTurn();
    // Sudland's hospital in Sudland, in reach of Nordmark's UAV: known, never reported.
    expect(g.state.detections.north!["s-med"]).toMatchObject({ region: "s-home" });
    expect(reportsOf(g, "north")).toEqual([]);
    const watched = game(2, alwaysSee, uavAtSea);
    for (let turn = 0; turn < 3; turn++) watched.endTurn();
    expect(sightingsOf(watched, "north")).toEqual([]);
    expect(watched.events.filter((e) => e.type === "reportCreated")).toEqual([]);
    // The picture keeps when it was last seen, since when it has been there, by whom and how well.
    expect(entryOf(watched, "north", grom)).toMatchObject({ region: "r-sea", turn: 3, since: 1, sensor: "n-uav", reliability: "B", credibility: "3" });
    // Seen again the same way, only "last seen" moves: a compact event of ids, not a whole entry each turn.
    expect(
      watched.events
        .filter((e) => e.type === "assetsSeenAgain" && e.observer === "north" && e.assets.includes(grom))
        .map((e) => e.type === "assetsSeenAgain" && e.turn),
    ).toEqual([2, 3]);
  });

  it("another of the nation's sensors seeing it there the next turn confirms the entry; the same sensor again does not", () => {
    const same = game(2, alwaysSee, uavAtSea).endTurn().endTurn();
    expect(entryOf(same, "north", grom)).toMatchObject({ turn: 2, since: 1, credibility: "3" });
    expect(entryOf(same, "north", grom)!.confirmedTurn).toBeUndefined();
    // Turn 1 the UAV sees it (the frigate's radar is down), turn 2 only the frigate's radar does.
    const status = (asset: string, s: string) => ({ type: "adjustState", effects: [{ kind: "assetStatus", asset, status: s }], rationale: "Maintenance." });
    const g = game(2, alwaysSee, uavAtSea, frigateRadar);
    g.do(status("n-frigate", "degraded"));
    g.endTurn();
    expect(entryOf(g, "north", grom)).toMatchObject({ sensor: "n-uav", credibility: "3" });
    g.do(status("n-frigate", "ready"));
    g.do(status("n-uav", "degraded"));
    g.endTurn();
    expect(entryOf(g, "north", grom)).toMatchObject({ sensor: "n-frigate", reliability: "C", credibility: "1", confirmedTurn: 2, since: 1 });
  });

  it("a team turns an entry into a report it can share: the ally learns it and holds a copy, the evaluation's shared report counts it", () => {
    const g = game(2, alwaysSee, uavAtSea).endTurn();
    const report = reportSighting(g, "north", grom);
    expect(report).toMatchObject({
      owner: "north",
      originator: "north",
      source: "own ISR",
      sensor: "n-uav",
      reliability: "B",
      credibility: "3",
      assets: [grom],
      regions: ["r-sea"],
    });
    expect(entryOf(g, "north", grom)!.report).toBe(report.id);
    g.refuse({ type: "reportSighting", asset: grom }, as("north"), "invalid_target");
    g.do({ type: "shareIntel", report: report.id, with: ["south"] }, as("north"));
    const copy = copyHeldBy(g, report.id, "south")!;
    expect(copy.provenance).toEqual([{ from: "north", to: "south", turn: 2, redacted: false }]);
    expect(entryOf(g, "south", grom)).toMatchObject({ region: "r-sea", report: copy.id });
    // Only the team's own sensors' sightings: Sudland's entry came from the report.
    g.refuse({ type: "reportSighting", asset: grom }, as("south"), "invalid_target");
    g.refuse({ type: "reportSighting", asset: "n-uav" }, as("south"), "unknown_asset");
  });
});
