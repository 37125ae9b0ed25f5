import { describe, it, expect } from "vitest";
import { as } from "./game.ts";
import { game, grant, withEast, uavAtSea, rules, sightingsOf, copyHeldBy, rulesApplied } from "./intel-fixtures.ts";

const setSharing = (partner: string, policy: string) => ({ type: "draftOrder", order: { kind: "setPolicy", intelSharing: { [partner]: policy } } });
const seeing = [uavAtSea, rules({ isrDetectionChance: 1 })];

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
    g.refuse({ type: "releaseVersion", report: later.id, title: "t", text: "x", source: "s", classification: "UNCLASSIFIED", releasability: { scope: "all" }, shareWith: ["south"] }, as("north"), "sharing_policy");
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

  it("full: the turn's new sightings are reported, and new reports releasable to the partner shared at resolution, at half the cost, and the results say so", () => {
    const g = game(2, ...seeing);
    g.do(setSharing("south", "full"), as("north"));
    const trust = g.state.relations["north|south"]!.trust;
    g.endTurn();
    const [sighting] = sightingsOf(g, "north");
    const copy = copyHeldBy(g, sighting!.id, "south")!;
    expect(copy.provenance).toEqual([{ from: "north", to: "south", turn: 1, redacted: false }]);
    expect(g.state.detections.south!["r-frigate"]).toMatchObject({ region: "r-sea", report: copy.id });
    expect(g.state.relations["north|south"]!.trust).toBeGreaterThan(trust);
    const shared = g.events.filter((e) => e.type === "intelShared");
    expect(shared).toHaveLength(1);
    const paid = g.events.filter((e) => e.type === "nationUpdated" && e.nation === "north");
    // 2 political capital for a share by hand, half under a standing policy.
    const before = g.events.indexOf(shared[0]!);
    const after = paid.find((e) => g.events.indexOf(e) > before)!;
    expect(after).toMatchObject({ politicalCapital: 49 });
    expect(rulesApplied(g, "intel.autoShare")).toMatchObject([{ nations: ["north"] }]);
    // The next turn, nothing new, nothing shared again.
    g.endTurn();
    expect(g.events.filter((e) => e.type === "intelShared")).toHaveLength(1);
  });

  it("full keeps back what may not go to that partner, and says so", () => {
    const g = game(2, uavAtSea, rules({ isrDetectionChance: 1, releasabilityByClassification: { CONFIDENTIAL: "national" } }));
    g.do(setSharing("south", "full"), as("north"));
    g.endTurn();
    expect(g.events.filter((e) => e.type === "intelShared")).toHaveLength(0);
    const [line] = rulesApplied(g, "intel.autoShare");
    expect((line as { msg: { params: Record<string, unknown> } }).msg.params).toMatchObject({ count: 0, withheld: 1 });
  });
});
