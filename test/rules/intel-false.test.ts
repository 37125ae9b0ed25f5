import { describe, it, expect } from "vitest";
import { as, Game, tinyInput } from "./game.ts";
import { validateScenario } from "../../shared/scenario/validate.ts";
import { viewFor } from "../../shared/engine/view-for.ts";
import { foldEvents, stamp } from "../../shared/engine/evolve.ts";
import { translate } from "../../shared/i18n/index.ts";
import { namesIn } from "../../shared/view/feed.ts";
import { game, grant, rules, rulesApplied, uavAtSea, type Tweak } from "./intel-fixtures.ts";

const grom = "r-frigate";
/** An F6 report planted by exercise control: RNS Grom in the Southern Sea (it is in the Red Gulf). */
const planted = {
  title: "Fishermen's sighting",
  text: "A grey warship south of the strait.",
  reliability: "F",
  credibility: "6",
  claims: [{ asset: grom, region: "s-sea" }],
};
const deployFrigateToSouthernSea = { type: "draftOrder", order: { kind: "deployAsset", asset: "n-frigate", destination: "s-sea", mission: "patrol" } };
/** Sudland gets a frigate of its own in the Southern Sea. */
const sudlandFrigate: Tweak = (s) => void s.assets!.push({ id: "s-frigate", name: "SNS Bora", type: "frigate", owner: "south", region: "s-sea" });

describe("a planted false report", () => {
  it("puts the asset where it says on its holder's map, and no view shows the truth", () => {
    const g = game(7);
    const report = grant(g, "north", planted);
    expect(report.sightings).toEqual([{ asset: grom, region: "s-sea", turn: 1 }]);
    expect(g.state.detections.north![grom]).toMatchObject({ region: "s-sea", report: report.id });
    expect(g.state.falseIntel).toEqual({ [report.id]: { [grom]: "r-sea" } });
    const north = viewFor(g.state, { kind: "nation", nation: "north" });
    expect(north.assets[grom]).toMatchObject({ region: "s-sea", foreign: true });
    const seen = JSON.stringify(north);
    expect(seen).not.toContain("falseIntel");
    expect(JSON.stringify(north.reports)).not.toContain("r-sea");
    expect(JSON.stringify(viewFor(g.state, { kind: "nation", nation: "south" }).assets)).not.toContain(grom);
  });

  it("is found wrong when the holder's forces get there: the picture is corrected and the wasted deployment is explained", () => {
    const g = game(7);
    const report = grant(g, "north", planted);
    const budget = g.state.nations.north!.budget;
    g.do(deployFrigateToSouthernSea, as("north"));
    g.endTurn();
    expect(g.state.assets["n-frigate"]!.region).toBe("s-sea");
    expect(g.state.detections.north![grom]).toBeUndefined();
    expect(g.state.reports[report.id]).toMatchObject({ disprovedTurn: 1, credibility: "5" });
    const [line] = rulesApplied(g, "intel.falseReport");
    expect(line).toMatchObject({ nations: ["north"] });
    const words = translate("en", (line as { msg: Parameters<typeof translate>[1] }).msg, namesIn(g.state, "en"));
    expect(words).toBe(
      "RNS Grom (Redonia) was not found in Southern Sea: the report “Fishermen's sighting” (F6) was wrong. The unit sent there found nothing: 10 budget and 3 readiness spent for no effect.",
    );
    expect(translate("fr", (line as { msg: Parameters<typeof translate>[1] }).msg, namesIn(g.state, "fr"))).toContain("était faux");
    // The deployment was paid for when it was ordered.
    expect(g.events.find((e) => e.type === "nationUpdated" && e.nation === "north")).toMatchObject({ budget: budget - 10 });
  });

  it("a true report is not disproved: the same deployment keeps the asset on the map and explains nothing", () => {
    const g = game(7, (s) => void (s.assets!.find((a) => a.id === grom)!.region = "s-sea"));
    const report = grant(g, "north", planted);
    expect(g.state.falseIntel).toEqual({});
    g.do(deployFrigateToSouthernSea, as("north"));
    g.endTurn();
    expect(g.state.detections.north![grom]).toMatchObject({ region: "s-sea" });
    expect(g.state.reports[report.id]!.disprovedTurn).toBeUndefined();
    expect(rulesApplied(g, "intel.falseReport")).toHaveLength(0);
  });

  it("stays on the map while nobody looks", () => {
    const g = game(7);
    grant(g, "north", planted);
    g.endTurn();
    expect(g.state.detections.north![grom]).toMatchObject({ region: "s-sea" });
  });

  it("passed on by a partner and found wrong costs the partner the holder's trust", () => {
    const g = game(7, sudlandFrigate);
    const report = grant(g, "north", planted);
    g.do({ type: "shareIntel", report: report.id, with: ["south"] }, as("north"));
    expect(g.state.detections.south![grom]).toMatchObject({ region: "s-sea" });
    const trust = g.state.relations["north|south"]!.trust;
    g.endTurn();
    expect(g.state.detections.south![grom]).toBeUndefined();
    expect(g.state.relations["north|south"]!.trust).toBe(trust - 2);
    expect(rulesApplied(g, "intel.falseReportTrust")).toMatchObject([{ nations: ["north", "south"] }]);
    // Nordmark's own copy is not corrected: its forces have not looked.
    expect(g.state.detections.north![grom]).toMatchObject({ region: "s-sea" });
  });

  it("a released version of a false report is known false through its original", () => {
    const g = game(7, sudlandFrigate);
    const report = grant(g, "north", planted);
    g.do(
      {
        type: "releaseVersion",
        report: report.id,
        title: "Warship south",
        text: "A warship.",
        source: "coastal watch",
        classification: "RESTRICTED",
        releasability: { scope: "alliance" },
        assets: [grom],
        regions: ["s-sea"],
        shareWith: ["south"],
      },
      as("north"),
    );
    g.endTurn();
    expect(rulesApplied(g, "intel.falseReport")).toMatchObject([{ nations: ["south"] }]);
  });
});

describe("a planted report in a scenario file", () => {
  it("is validated: its claims name assets and regions of the scenario", () => {
    const s = tinyInput() as unknown as { msel: { effects?: { kind: string; report: Record<string, unknown> }[] }[] };
    s.msel[1]!.effects![0]!.report.claims = [{ asset: "r-frigate", region: "s-sea" }];
    expect(validateScenario(s).ok).toBe(true);
    s.msel[1]!.effects![0]!.report.claims = [{ asset: "ghost", region: "atlantis" }];
    const result = validateScenario(s);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.path)).toEqual(["msel[1].effects[0].report.claims[0].asset", "msel[1].effects[0].report.claims[0].region"]);
  });

  it("fired by its inject, plants the false picture for the addressee", () => {
    const g = new Game(
      undefined,
      7,
      (s) => void ((s.msel![1]!.effects![0] as { report: Record<string, unknown> }).report.claims = [{ asset: "r-frigate", region: "s-sea" }]),
    ).start();
    g.do({ type: "releaseInject", inject: "red-sighting" });
    expect(g.state.detections.north!["r-frigate"]).toMatchObject({ region: "s-sea" });
    expect(Object.values(g.state.falseIntel)).toEqual([{ "r-frigate": "r-sea" }]);
  });
});

describe("a true report that has grown old", () => {
  it("is not called wrong when the asset has moved since: the map forgets it and says when it was last seen there", () => {
    const g = game(7, (s) => void (s.assets!.find((a) => a.id === grom)!.region = "s-sea"));
    const report = grant(g, "north", { title: "Grom in the south", claims: [{ asset: grom, region: "s-sea" }] });
    // The adversary's frigate sails home, as its role-player would have it.
    const sailed = { ...g.state.assets[grom]!, region: "r-sea" };
    g.state = foldEvents(g.state, stamp(g.state, [{ type: "assetUpdated", asset: sailed }], g.now));
    g.do(deployFrigateToSouthernSea, as("north"));
    g.endTurn();
    expect(g.state.detections.north![grom]).toBeUndefined();
    expect(g.state.reports[report.id]!.disprovedTurn).toBeUndefined();
    expect(rulesApplied(g, "intel.falseReport")).toHaveLength(0);
    const [line] = rulesApplied(g, "intel.pictureCorrected");
    expect(translate("en", (line as { msg: Parameters<typeof translate>[1] }).msg, namesIn(g.state, "en"))).toBe(
      "RNS Grom (Redonia) is no longer in Southern Sea: it was last seen there on turn 1.",
    );
  });
});

describe("a mistaken sighting in the known-forces picture", () => {
  const poorUav = [rules({ isrDetectionChance: 1, sensorReliabilityByType: { uav: "E" } }), uavAtSea];
  /** The first seed whose turn-1 sighting of Grom was mistaken. */
  const mistaken = () => {
    for (let seed = 1; seed < 60; seed++) {
      const g = game(seed, ...poorUav).endTurn();
      if (g.state.detections.north![grom]!.region !== "r-sea") return g;
    }
    throw new Error("no mistaken sighting in 60 seeds");
  };

  it("is on the holder's map where it was wrongly seen, with no report and no truth in its view", () => {
    const g = mistaken();
    const placed = g.state.detections.north![grom]!.region;
    expect(g.state.detections.north![grom]!.trueRegion).toBe("r-sea");
    expect(Object.values(g.state.reports).filter((r) => r.owner === "north")).toEqual([]);
    const view = viewFor(g.state, { kind: "nation", nation: "north" });
    expect(view.assets[grom]).toMatchObject({ region: placed, foreign: true, seen: { sensor: "n-uav", grade: "E3" } });
    expect(JSON.stringify(view)).not.toContain("trueRegion");
  });

  it("is corrected when the nation looks there, and the team is told the sighting was wrong", () => {
    const g = mistaken();
    const placed = g.state.detections.north![grom]!.region;
    g.endTurn();
    expect(g.events.some((e) => e.type === "sightingDisproved" && e.observer === "north" && e.asset === grom && e.region === placed)).toBe(true);
    const [line] = rulesApplied(g, "intel.falseSighting");
    const text = translate("en", (line as { msg: Parameters<typeof translate>[1] }).msg, namesIn(g.state, "en"));
    expect(text).toContain("RNS Grom (Redonia) was not found in");
    expect(text).toContain("the sighting by Nord UAV-1 (E3) on turn 1 was wrong");
  });
});
