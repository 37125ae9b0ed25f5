import { describe, it, expect } from "vitest";
import { as } from "./game.ts";
import { game, grant, withEast, uavAtSea, rules, sightingsOf, copyHeldBy, rulesApplied, reportSighting } from "./intel-fixtures.ts";
import { viewFor } from "../../shared/engine/view-for.ts";

const setSharing = (partner: string, policy: string) => ({ type: "draftOrder", order: { kind: "setPolicy", intelSharing: { [partner]: policy } } });
const seeing = [uavAtSea, rules({ isrDetectionChance: 1 })];
/** Sudland gets a frigate of its own in the Southern Sea. */
const sudlandFrigate = (s: Parameters<Parameters<typeof game>[1]>[0]) =>
  void s.assets!.push({ id: "s-frigate", name: "SNS Bora", type: "frigate", owner: "south", region: "s-sea" });

describe("the sharing policy per partner", () => {
  it("none: sharing with that partner is refused, naming it and saying how to change it — from the resolution that sets it", () => {
    const g = game(7, withEast);
    const report = grant(g, "north", {});
    g.do(setSharing("south", "none"), as("north"));
    // A policy is an order: until the turn resolves, the old policy holds.
    g.do({ type: "shareIntel", report: report.id, with: ["south"] }, as("north"));
    g.endTurn();
    const later = grant(g, "north", {});
    const sentence = g.refuse({ type: "shareIntel", report: later.id, with: ["south"] }, as("north"), "sharing_policy");
    expect(sentence).toContain("Your intelligence-sharing policy with Sudland is “none”");
    expect(sentence).toContain("policy order");
    g.refuse(
      {
        type: "releaseVersion",
        report: later.id,
        title: "t",
        text: "x",
        source: "s",
        classification: "UNCLASSIFIED",
        releasability: { scope: "all" },
        shareWith: ["south"],
      },
      as("north"),
      "sharing_policy",
    );
    // Other partners are not affected.
    g.do({ type: "shareIntel", report: later.id, with: ["east"] }, as("north"));
  });

  it("need-to-know (the default): nothing is shared unless someone decides to", () => {
    const g = game(2, ...seeing);
    const capital = g.state.nations.north!.politicalCapital;
    g.endTurn();
    // The sighting is in Nordmark's picture only: no report written, none passed on.
    expect(g.state.detections.north!["r-frigate"]).toMatchObject({ region: "r-sea", sensor: "n-uav" });
    expect(sightingsOf(g, "north")).toEqual([]);
    expect(g.state.detections.south!["r-frigate"]).toBeUndefined();
    expect(rulesApplied(g, "intel.autoShare")).toHaveLength(0);
    expect(g.state.nations.north!.politicalCapital).toBeGreaterThanOrEqual(capital);
  });

  it("full: the turn's new sightings go into the partner's known-forces picture at resolution, at half the cost of a share, with no report; the results say so", () => {
    const g = game(2, ...seeing);
    g.do(setSharing("south", "full"), as("north"));
    const trust = g.state.relations["north|south"]!.trust;
    g.endTurn();
    expect(g.events.filter((e) => e.type === "reportCreated")).toEqual([]);
    expect(g.state.detections.south!["r-frigate"]).toMatchObject({ region: "r-sea", from: "north", turn: 1, reliability: "B", credibility: "3" });
    // Sudland's view names Nordmark, not Nordmark's sensor.
    const view = viewFor(g.state, { kind: "nation", nation: "south" });
    expect(view.assets["r-frigate"]).toMatchObject({ foreign: true, region: "r-sea", seen: { nation: "north", grade: "B3" } });
    expect(JSON.stringify(view.assets["r-frigate"])).not.toContain("n-uav");
    expect(g.state.relations["north|south"]!.trust).toBeGreaterThan(trust);
    // 2 political capital for a share by hand, half under a standing policy: the picture is one share.
    const paid = g.events.filter((e) => e.type === "nationUpdated" && e.nation === "north" && e.cause === "intelSharing");
    expect(paid).toMatchObject([{ politicalCapital: 49 }]);
    expect(rulesApplied(g, "intel.autoShare")).toMatchObject([{ nations: ["north"], msg: { key: "intel.autoShare.picture", params: { count: 1, cost: 1 } } }]);
    // The next turn, nothing new, nothing passed again.
    g.endTurn();
    expect(rulesApplied(g, "intel.autoShare")).toHaveLength(1);
  });

  it("full also shares the reports the team wrote this turn (from its picture, or versions)", () => {
    const g = game(2, ...seeing);
    g.do(setSharing("south", "full"), as("north"));
    g.endTurn();
    const report = reportSighting(g, "north", "r-frigate");
    g.endTurn();
    const copy = copyHeldBy(g, report.id, "south")!;
    expect(copy.provenance).toEqual([{ from: "north", to: "south", turn: 2, redacted: false }]);
    expect(g.events.filter((e) => e.type === "intelShared")).toHaveLength(1);
  });

  it("full keeps back what may not go to that partner, and says so", () => {
    const g = game(2, uavAtSea, rules({ isrDetectionChance: 1, releasabilityByClassification: { CONFIDENTIAL: "national" } }));
    g.do(setSharing("south", "full"), as("north"));
    g.endTurn();
    expect(g.state.detections.south!["r-frigate"]).toBeUndefined();
    const [line] = rulesApplied(g, "intel.autoShare");
    expect((line as { msg: { params: Record<string, unknown> } }).msg.params).toMatchObject({ count: 0, withheld: 1 });
  });

  it("a partner's sighting found wrong costs the partner trust, as a false report does", () => {
    for (let seed = 1; seed < 60; seed++) {
      const g = game(seed, uavAtSea, sudlandFrigate, rules({ isrDetectionChance: 1, sensorReliabilityByType: { uav: "E" } }));
      g.do(setSharing("south", "full"), as("north"));
      g.endTurn();
      const passed = g.state.detections.south!["r-frigate"];
      if (!passed || passed.region === "r-sea") continue;
      // Sudland sends its frigate where Nordmark's picture put Grom (it is there already when that is the Southern Sea).
      if (passed.region !== "s-sea")
        g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "s-frigate", destination: passed.region, mission: "patrol" } }, as("south"));
      for (let turn = 0; turn < 3 && rulesApplied(g, "intel.falseReportTrust").length === 0; turn++) g.endTurn();
      expect(rulesApplied(g, "intel.falseReportTrust")).toMatchObject([
        { nations: ["north", "south"], msg: { key: "intel.false.trustSighting", params: { trust: 2 } } },
      ]);
      expect(rulesApplied(g, "intel.falseSighting").some((e) => e.type === "ruleApplied" && e.nations.join() === "south")).toBe(true);
      return;
    }
    throw new Error("no mistaken sighting in 60 seeds");
  });
});
