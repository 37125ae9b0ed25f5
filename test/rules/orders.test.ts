import { describe, it, expect } from "vitest";
import { Game, as } from "./game.ts";

const deploy = (asset: string, destination: string, mission = "patrol") => ({
  type: "draftOrder",
  order: { kind: "deployAsset", asset, destination, mission },
});

describe("orders and movement", () => {
  it("moves an asset along adjacency and arrives deployed on its mission", () => {
    const g = new Game().start();
    g.do(deploy("n-frigate", "s-sea"), as("north"));
    g.endTurn();
    expect(g.state.assets["n-frigate"]).toMatchObject({ region: "s-sea", status: "deployed", mission: "patrol", route: [], arrivedTurn: 1 });
  });

  it("takes several turns when the route is longer than the speed, with an ETA", () => {
    const g = new Game(undefined, 7, (s) => {
      s.assetTypes.find((t) => t.id === "uav")!.speed = 1;
      s.agreements = [{ id: "sofa", kind: "sofa", title: "SOFA", parties: ["north", "south"] }];
    }).start();
    g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-uav", destination: "island", mission: "surveillance" } }, as("north"));
    g.endTurn();
    expect(g.state.assets["n-uav"]).toMatchObject({ status: "moving", eta: 2, destination: "island" });
    expect(g.state.assets["n-uav"]!.route).toHaveLength(1);
    g.endTurn();
    expect(g.state.assets["n-uav"]).toMatchObject({ region: "island", status: "deployed", eta: null, arrivedTurn: 2 });
  });

  it("refuses a destination the asset's domain cannot reach", () => {
    const g = new Game().start();
    g.refuse(deploy("s-med", "s-sea", "medical"), as("south"), "no_route");
  });

  it("refuses a mission the asset type does not support", () => {
    const g = new Game().start();
    g.refuse(deploy("s-med", "island", "patrol"), as("south"), "mission_not_supported");
    g.refuse({ type: "draftOrder", order: { kind: "setMission", asset: "s-med", mission: "deterrence" } }, as("south"), "mission_not_supported");
  });

  it("refuses orders for another nation's or an unknown asset and unknown regions", () => {
    const g = new Game().start();
    g.refuse(deploy("s-med", "n-home", "medical"), as("north"), "unknown_asset");
    g.refuse(deploy("ghost", "n-home"), as("north"), "unknown_asset");
    g.refuse(deploy("n-frigate", "atlantis"), as("north"), "unknown_region");
  });

  it("refuses a deployment the budget cannot pay", () => {
    const g = new Game(undefined, 7, (s) => {
      s.nations.find((n) => n.id === "north")!.budget = 5;
    }).start();
    g.refuse(deploy("n-frigate", "s-sea"), as("north"), "insufficient_budget");
  });

  it("withdraws a team draft, and only the team's own", () => {
    const g = new Game().start();
    g.do(deploy("n-frigate", "s-sea"), as("north", "Alice"));
    const draft = Object.values(g.state.drafts)[0]!;
    expect(draft.author).toBe("Alice");
    g.refuse({ type: "withdrawDraft", draft: draft.id }, as("south"), "unknown_draft");
    g.do({ type: "withdrawDraft", draft: draft.id }, as("north", "Carol"));
    expect(g.state.drafts).toEqual({});
  });

  it("reports a draft that became impossible as a failed order at resolution", () => {
    const g = new Game(undefined, 7, (s) => {
      s.nations.find((n) => n.id === "north")!.budget = 12;
    }).start();
    g.do(deploy("n-frigate", "s-sea"), as("north"));
    g.do({ type: "draftOrder", order: { kind: "fundCapacityBuilding", partner: "south", amount: 12 } }, as("north"));
    g.endTurn();
    expect(g.events.filter((e) => e.type === "orderFailed")).toHaveLength(1);
    expect(g.state.nations.north!.budget).toBeGreaterThanOrEqual(0);
  });

  it("sets policies and pays for escalation in trust", () => {
    const g = new Game().start();
    const before = g.state.relations["north|south"]!.trust;
    g.do({ type: "draftOrder", order: { kind: "setPolicy", alertLevel: "maximum", rulesOfEngagement: "robust" } }, as("north"));
    g.endTurn();
    expect(g.state.nations.north!.policies).toMatchObject({ alertLevel: "maximum", rulesOfEngagement: "robust" });
    expect(g.state.relations["north|south"]!.trust).toBeLessThan(before + 1);
    g.refuse({ type: "draftOrder", order: { kind: "setPolicy" } }, as("north"), "invalid_payload");
    g.refuse({ type: "draftOrder", order: { kind: "setPolicy", intelSharing: { atlantis: "full" } } }, as("north"), "unknown_nation");
  });

  it("funds capacity building: partner readiness and interoperability grow, the donor pays", () => {
    const g = new Game().start();
    const budget = g.state.nations.north!.budget;
    const readiness = g.state.nations.south!.readiness;
    g.do({ type: "draftOrder", order: { kind: "fundCapacityBuilding", partner: "south", amount: 50 } }, as("north"));
    g.endTurn();
    expect(g.state.nations.south!.readiness).toBeGreaterThan(readiness);
    expect(g.state.nations.north!.budget).toBeLessThan(budget + 40);
    g.refuse({ type: "draftOrder", order: { kind: "fundCapacityBuilding", partner: "north", amount: 5 } }, as("north"), "unknown_nation");
    g.refuse({ type: "draftOrder", order: { kind: "fundCapacityBuilding", partner: "south", amount: 9999 } }, as("north"), "insufficient_budget");
  });

  it("pre-positioned assets move faster", () => {
    const g = new Game(undefined, 7, (s) => {
      s.agreements = [{ id: "sofa", kind: "sofa", title: "SOFA", parties: ["north", "south"] }];
    }).start();
    g.do({ type: "draftOrder", order: { kind: "prepositionAsset", asset: "s-med", destination: "n-home" } }, as("south"));
    g.endTurn();
    expect(g.state.assets["s-med"]).toMatchObject({ region: "n-home", prepositioned: true, status: "ready" });
    g.do(deploy("s-med", "island", "medical"), as("south"));
    g.endTurn();
    // n-home → s-home → island is two regions: speed 1 + pre-positioning bonus 1 covers it in one turn.
    expect(g.state.assets["s-med"]).toMatchObject({ region: "island", status: "deployed" });
  });

  it("recalls an asset home, ready and no longer pre-positioned", () => {
    const g = new Game().start();
    g.do(deploy("n-frigate", "s-sea"), as("north"));
    g.endTurn();
    g.do({ type: "draftOrder", order: { kind: "recallAsset", asset: "n-frigate", destination: "n-sea" } }, as("north"));
    g.endTurn();
    expect(g.state.assets["n-frigate"]).toMatchObject({ region: "n-sea", status: "ready", mission: null });
  });
});

describe("sovereignty", () => {
  it("needs the host's consent or a SOFA to enter its territory", () => {
    const g = new Game().start();
    const message = g.refuse(
      { type: "draftOrder", order: { kind: "deployAsset", asset: "n-uav", destination: "island", mission: "surveillance" } },
      as("north"),
      "needs_consent",
    );
    expect(message).toMatch(/Sudland/);
  });

  it("lets the host grant consent for a region", () => {
    const g = new Game().start();
    g.do({ type: "requestConsent", host: "south", region: "island", note: "ISR over the storm" }, as("north"));
    const request = Object.values(g.state.consentRequests)[0]!;
    g.refuse({ type: "answerConsent", request: request.id, grant: true }, as("north"), "unknown_request");
    g.do({ type: "answerConsent", request: request.id, grant: true }, as("south"));
    g.refuse({ type: "answerConsent", request: request.id, grant: false }, as("south"), "already_answered");
    // The drone flies n-home → n-sea → s-sea → island, avoiding Sudland's mainland.
    g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-uav", destination: "island", mission: "surveillance" } }, as("north"));
    expect(Object.values(g.state.drafts)).toHaveLength(1);
  });

  it("keeps a denied request from opening the way", () => {
    const g = new Game().start();
    g.do({ type: "requestConsent", host: "south", region: "island" }, as("north"));
    g.do({ type: "answerConsent", request: Object.values(g.state.consentRequests)[0]!.id, grant: false }, as("south"));
    g.refuse(
      { type: "draftOrder", order: { kind: "deployAsset", asset: "n-uav", destination: "island", mission: "surveillance" } },
      as("north"),
      "needs_consent",
    );
  });

  it("lets a SOFA replace case-by-case consent", () => {
    const g = new Game(undefined, 7, (s) => {
      s.agreements = [{ id: "sofa", kind: "sofa", title: "SOFA", parties: ["north", "south"] }];
    }).start();
    g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-uav", destination: "island", mission: "surveillance" } }, as("north"));
  });

  it("refuses consent requests that make no sense", () => {
    const g = new Game().start();
    g.refuse({ type: "requestConsent", host: "south", region: "n-home" }, as("north"), "invalid_target");
    g.refuse({ type: "requestConsent", host: "south", region: "nowhere" }, as("north"), "unknown_region");
    g.refuse({ type: "requestConsent", host: "north", region: "n-home" }, as("north"), "unknown_nation");
  });
});
