import { describe, it, expect } from "vitest";
import { Game, as, control } from "./game.ts";
import type { ScenarioInput } from "../../shared/scenario/schema.ts";
import { responseStrength } from "../../shared/engine/crises.ts";
import { viewFor } from "../../shared/engine/view-for.ts";

/**
 * Tiny, with a third ally (Estmark) that contributes nothing, a Nordmark field hospital and a
 * Sudland one already on Skerry Island's storm, a Sudland patrol UAV over the Southern Sea, and
 * a low North–South interoperability so that alliance command visibly matters.
 */
function toaGame(tweak?: (s: ScenarioInput) => void, seed = 11): Game {
  return new Game(undefined, seed, (s) => {
    s.nations!.push({ id: "east", name: "Estmark", color: "#009e73", budget: 100, budgetPerTurn: 20, politicalCapital: 40, readiness: 60 });
    s.regions!.push({ id: "e-home", name: "Estmark Hills", kind: "land", x: 100, y: 300, owner: "east", stability: 80, adjacent: ["n-home"] });
    s.regions!.find((r) => r.id === "n-home")!.adjacent.push("e-home");
    s.relations = [{ a: "north", b: "south", trust: 60, interoperability: 20 }];
    s.rules = { ...s.rules, isrDetectionChance: 1 };
    s.assets!.push(
      { id: "n-med", name: "Nordmark Field Hospital", type: "medical", owner: "north", region: "island", status: "deployed", mission: "medical" },
      { id: "s-med2", name: "Sudland Island Hospital", type: "medical", owner: "south", region: "island", status: "deployed", mission: "medical" },
      { id: "s-uav", name: "Sud UAV-1", type: "uav", owner: "south", region: "s-sea" },
    );
    tweak?.(s);
  }).start();
}

const trust = (g: Game, a: string, b: string) => g.state.relations[[a, b].sort().join("|")]!.trust;
const rules = (g: Game, rule: string) => g.events.filter((e) => e.type === "ruleApplied" && e.rule === rule);

function placeUnderCommand(g: Game, nation: string, asset: string, caveats: object = {}): void {
  g.do({ type: "draftOrder", order: { kind: "transferAuthority", asset, ...caveats } }, as(nation));
}

describe("transfer of authority", () => {
  it("needs an alliance commander, whom exercise control designates among the allies", () => {
    const g = toaGame();
    g.refuse({ type: "draftOrder", order: { kind: "transferAuthority", asset: "s-med" } }, as("south"), "invalid_target");
    g.refuse({ type: "designateCommander", nation: "red" }, control, "invalid_target");
    g.refuse({ type: "designateCommander", nation: "north" }, as("south"), "not_facilitator");
    g.do({ type: "designateCommander", nation: "north" });
    expect(g.state.allianceCommander).toBe("north");
    expect(rules(g, "toa.commander")).toHaveLength(1);
    placeUnderCommand(g, "south", "s-med");
  });

  it("hands the asset to the commander: the owner can no longer order it, the commander can, within the caveats", () => {
    const g = toaGame();
    g.do({ type: "designateCommander", nation: "north" });
    placeUnderCommand(g, "south", "s-med", { excludedMissions: ["humanitarian"], excludedRegions: ["n-home"] });
    g.endTurn();
    expect(g.state.assets["s-med"]!.authority).toEqual({ since: 1, excludedMissions: ["humanitarian"], excludedRegions: ["n-home"] });
    expect(rules(g, "toa.transfer")[0]).toMatchObject({ nations: ["north", "south"] });

    // The owner: refused, except to revoke.
    const owner = g.refuse(
      { type: "draftOrder", order: { kind: "deployAsset", asset: "s-med", destination: "island", mission: "medical" } },
      as("south"),
      "under_alliance_command",
    );
    expect(owner).toContain("Nordmark");
    g.refuse({ type: "draftOrder", order: { kind: "setMission", asset: "s-med", mission: "medical" } }, as("south"), "under_alliance_command");
    // The commander: within the caveats, and refused naming the caveat otherwise.
    expect(
      g.refuse({ type: "draftOrder", order: { kind: "deployAsset", asset: "s-med", destination: "island", mission: "humanitarian" } }, as("north"), "caveat"),
    ).toMatch(/humanitarian/);
    expect(g.refuse({ type: "draftOrder", order: { kind: "prepositionAsset", asset: "s-med", destination: "n-home" } }, as("north"), "caveat")).toMatch(
      /Nordmark Coast/,
    );
    // Another ally that commands nothing does not even learn of it.
    g.refuse({ type: "draftOrder", order: { kind: "deployAsset", asset: "s-med", destination: "island", mission: "medical" } }, as("east"), "unknown_asset");
    const idle = toaGame();
    idle.do({ type: "designateCommander", nation: "north" });
    placeUnderCommand(idle, "south", "s-med", { excludedMissions: ["humanitarian"], excludedRegions: ["n-home"] });
    idle.endTurn();
    g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "s-med", destination: "island", mission: "medical" } }, as("north"));
    g.endTurn();
    idle.endTurn();
    expect(g.state.assets["s-med"]).toMatchObject({ owner: "south", region: "island", mission: "medical", status: "deployed" });
    // Its owner hears what the commander did with it.
    expect(rules(g, "toa.commandOrder")).toMatchObject([{ nations: ["north", "south"] }]);
    // The commander's nation pays the deploy cost of the orders it gives (5 for a field hospital);
    // the owner keeps paying its upkeep (4 a turn deployed).
    expect(idle.state.nations.north!.budget - g.state.nations.north!.budget).toBe(5);
    expect(idle.state.nations.south!.budget - g.state.nations.south!.budget).toBe(4);
  });

  it("gives the coalition bonus: contributors responding together count the interoperability floor", () => {
    const stormy = (s: ScenarioInput) => void (s.regions!.find((r) => r.id === "island")!.crisis = { kind: "storm", severity: 95 });
    const plain = toaGame(stormy);
    const under = toaGame(stormy);
    under.do({ type: "designateCommander", nation: "north" });
    placeUnderCommand(under, "north", "n-med");
    placeUnderCommand(under, "south", "s-med2");
    under.endTurn();
    plain.endTurn();
    // Same assets on the same storm, only the command differs.
    const before = { plain: responseStrength(plain.state, "island", "storm").reduction, under: responseStrength(under.state, "island", "storm").reduction };
    expect(before.under).toBeGreaterThan(before.plain);
    // 2 responders: factor 1 + 0.5 × interop/100 → 1.10 at interop 20, 1.375 at the floor 75.
    expect(before.under / before.plain).toBeCloseTo(1.375 / 1.1, 5);
    // 95 − 54 × 1.1 = 35.6 apart; 95 − 54 × 1.375 = 20.8 under one commander.
    expect(plain.state.regions.island!.crisis?.severity).toBeCloseTo(35.6, 5);
    expect(under.state.regions.island!.crisis?.severity).toBeCloseTo(20.8, 5);
    expect(rules(under, "toa.coalition").length).toBeGreaterThan(0);
    expect(rules(plain, "toa.coalition")).toHaveLength(0);
  });

  it("costs trust with the other contributors when revoked, and gives the owner its asset back", () => {
    const kept = toaGame();
    const revoked = toaGame();
    for (const g of [kept, revoked]) {
      g.do({ type: "designateCommander", nation: "north" });
      placeUnderCommand(g, "south", "s-med");
      g.endTurn();
    }
    revoked.refuse({ type: "draftOrder", order: { kind: "revokeAuthority", asset: "s-med" } }, as("north"), "not_your_nation");
    revoked.do({ type: "draftOrder", order: { kind: "revokeAuthority", asset: "s-med" } }, as("south"));
    kept.endTurn();
    revoked.endTurn();
    expect(revoked.state.assets["s-med"]!.authority).toBeUndefined();
    expect(trust(kept, "north", "south") - trust(revoked, "north", "south")).toBeCloseTo(5, 5);
    expect(trust(revoked, "east", "south")).toBe(trust(kept, "east", "south"));
    expect(rules(revoked, "toa.revoke")).toHaveLength(1);
    revoked.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "s-med", destination: "island", mission: "medical" } }, as("south"));
    revoked.refuse(
      { type: "draftOrder", order: { kind: "deployAsset", asset: "s-med", destination: "island", mission: "medical" } },
      as("north"),
      "not_your_nation",
    );
  });

  it("lets the allies agree the commander in a command arrangement that binds every member; revoking under it is a breach", () => {
    const g = toaGame();
    g.refuse(
      { type: "proposeAgreement", kind: "command-arrangement", title: "Command", parties: ["south"], commander: "north" },
      as("north"),
      "invalid_target",
    );
    g.refuse(
      { type: "proposeAgreement", kind: "command-arrangement", title: "Command", parties: ["south", "east"], commander: "red" },
      as("north"),
      "invalid_target",
    );
    g.refuse({ type: "proposeAgreement", kind: "mou", title: "MOU", parties: ["south"], commander: "north" }, as("north"), "invalid_payload");
    g.do({ type: "proposeAgreement", kind: "command-arrangement", title: "Joint command", parties: ["south", "east"], commander: "north" }, as("north"));
    const id = Object.values(g.state.agreements).find((a) => a.kind === "command-arrangement")!.id;
    g.do({ type: "answerAgreement", agreement: id, accept: true }, as("south"));
    expect(g.state.allianceCommander).toBeNull();
    g.do({ type: "answerAgreement", agreement: id, accept: true }, as("east"));
    expect(g.state.allianceCommander).toBe("north");

    placeUnderCommand(g, "south", "s-med");
    g.endTurn();
    const before = { north: trust(g, "north", "south"), east: trust(g, "east", "south") };
    g.do({ type: "draftOrder", order: { kind: "revokeAuthority", asset: "s-med" } }, as("south"));
    g.endTurn();
    // Revocation (5, with the commander) and the breach (5, with each other party); kept agreement +0.5.
    expect(trust(g, "north", "south")).toBeCloseTo(before.north - 5 - 5 + 0.5, 5);
    expect(trust(g, "east", "south")).toBeCloseTo(before.east - 5 + 0.5, 5);
    expect(rules(g, "agreements.breach.commandArrangement")).toHaveLength(1);

    // Ending the arrangement ends the commander's mandate.
    g.do({ type: "terminateAgreement", agreement: id }, as("east"));
    expect(g.state.allianceCommander).toBeNull();
  });
});

describe("the shared picture of forces under alliance command", () => {
  function pictured(underCommand: boolean) {
    const g = toaGame();
    g.do({ type: "designateCommander", nation: "north" });
    if (underCommand) placeUnderCommand(g, "south", "s-uav");
    g.endTurn();
    return g;
  }

  it("gives the commander what a TOA sensor detects; an ally outside it learns nothing", () => {
    const shared = pictured(true);
    const alone = pictured(false);
    // Sud UAV-1 over the Southern Sea sees RNS Grom in the Red Gulf.
    expect(shared.state.detections.south!["r-frigate"]).toBeDefined();
    expect(shared.state.detections.north!["r-frigate"]).toMatchObject({ region: "r-sea", owner: "red" });
    expect(alone.state.detections.north!["r-frigate"]).toBeUndefined();
    expect(shared.state.detections.east!["r-frigate"]).toBeUndefined();
    expect(rules(shared, "toa.picture")[0]).toMatchObject({ nations: ["north"] });
  });

  it("shares what the sensor's owner saw before the transfer too, if the target has not moved", () => {
    const g = toaGame();
    g.endTurn();
    expect(g.state.detections.south!["r-frigate"]).toMatchObject({ turn: 1, region: "r-sea" });
    g.do({ type: "designateCommander", nation: "north" });
    placeUnderCommand(g, "south", "s-uav");
    g.endTurn();
    expect(g.state.detections.north!["r-frigate"]).toMatchObject({ turn: 2, region: "r-sea" });
    expect(g.state.detections.east!["r-frigate"]).toBeUndefined();
  });

  it("shows contributors each other's TOA assets in full, and nothing new to anyone else", () => {
    const g = pictured(true);
    const north = viewFor(g.state, { kind: "nation", nation: "north" });
    const east = viewFor(g.state, { kind: "nation", nation: "east" });
    const red = viewFor(g.state, { kind: "nation", nation: "red" });
    expect(north.allianceCommander).toBe("north");
    expect(north.assets["s-uav"]).toMatchObject({ owner: "south", status: "ready", authority: { since: 1 } });
    // South's other assets stay South's own (at most seen, as any foreign asset).
    expect(north.assets["s-med"]).not.toHaveProperty("status");
    expect(east.assets["s-uav"]).toBeUndefined();
    expect(red.assets["s-uav"]).toBeUndefined();
    const before = viewFor(pictured(false).state, { kind: "nation", nation: "east" });
    expect(Object.keys(east.assets).sort()).toEqual(Object.keys(before.assets).sort());
  });
});

describe("a command arrangement in a scenario file", () => {
  it("is checked as one made in play: its commander a member a team plays, every such member a party", async () => {
    const { validateScenario } = await import("../../shared/scenario/validate.ts");
    const { tinyInput } = await import("./game.ts");
    const withArrangement = (parties: string[], commander: string) => {
      const s = tinyInput();
      s.nations!.push({ id: "east", name: "Estmark", color: "#009e73", budget: 100, budgetPerTurn: 20, politicalCapital: 40, readiness: 60 });
      s.agreements = [{ id: "cmd", kind: "command-arrangement", title: "Command", parties, commander }];
      const result = validateScenario(s);
      return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
    };
    expect(withArrangement(["north", "south", "east"], "north")).toEqual([]);
    expect(withArrangement(["north", "south"], "north")).toEqual([expect.stringMatching(/^agreements\[0\]\.parties: .*leaves out east/)]);
    expect(withArrangement(["north", "south", "east", "red"], "red").join("\n")).toMatch(
      /agreements\[0\]\.commander: The alliance commander red must be an alliance member/,
    );
  });
});
