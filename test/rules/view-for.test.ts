import { describe, it, expect } from "vitest";
import { viewFor } from "../../shared/engine/view-for.ts";
import { Game, as, tinyInput } from "./game.ts";

/** A game where North holds secrets of every kind. */
function secrets() {
  const g = new Game().start();
  g.do({ type: "releaseInject", inject: "red-sighting" }); // north-only inject + report + detection of r-frigate
  g.do({ type: "draftOrder", order: { kind: "setMission", asset: "n-frigate", mission: "escort" } }, as("north"));
  g.do({ type: "sendMessage", channel: "team:north", text: "NORTH TEAM ONLY" }, as("north"));
  g.do({ type: "sendMessage", channel: "facilitator:north", text: "NORTH TO CONTROL" }, as("north"));
  g.do({ type: "requestConsent", host: "south", region: "island" }, as("north"));
  g.do({ type: "requestInfo", to: "south", question: "Q?" }, as("north"));
  g.do({ type: "addNote", text: "WHITE CELL NOTE" });
  g.do({ type: "makeStatement", stance: "firm", text: "PUBLIC STATEMENT" }, as("north"));
  return g;
}

describe("viewFor: what each viewer may know", () => {
  const g = secrets();
  const north = viewFor(g.state, { kind: "nation", nation: "north" });
  const south = viewFor(g.state, { kind: "nation", nation: "south" });
  const white = viewFor(g.state, { kind: "white" });

  it("gives a nation its own assets, reports, drafts and books", () => {
    expect(Object.keys(north.assets)).toEqual(expect.arrayContaining(["n-frigate", "n-uav"]));
    expect(Object.values(north.reports).map((r) => r.owner)).toEqual(["north"]);
    expect(Object.keys(north.drafts)).toHaveLength(1);
    expect("budget" in north.nations.north!).toBe(true);
  });

  it("shows foreign assets only as last seen", () => {
    expect(north.assets["r-frigate"]).toMatchObject({ foreign: true, region: "r-sea", lastSeenTurn: 1 });
    expect(south.assets["r-frigate"]).toBeUndefined();
    expect(south.assets["n-frigate"]).toBeUndefined();
  });

  it("never gives another nation's private things", () => {
    const json = JSON.stringify(south);
    for (const secret of ["NORTH TEAM ONLY", "NORTH TO CONTROL", "WHITE CELL NOTE", "Warship sighting", "Unidentified warship", "RNS Grom", "n-uav"])
      expect(json).not.toContain(secret);
    expect(south.drafts).toEqual({});
    expect("budget" in south.nations.north!).toBe(false);
    expect(Object.keys(south.notes)).toHaveLength(0);
    expect(north.notes).toEqual({});
  });

  it("shares what is public or addressed to both", () => {
    expect(Object.values(south.messages).map((m) => m.text)).toEqual(["PUBLIC STATEMENT"]);
    expect(Object.values(south.consentRequests)).toHaveLength(1);
    expect(Object.values(south.injects).map((i) => i.id)).toEqual(["storm-warning"]);
    expect(south.injects["storm-warning"]!.expectedActions).toBeUndefined();
    expect(south.regions).toEqual(north.regions);
  });

  it("gives the white cell everything, including the MSEL's bookkeeping", () => {
    expect(Object.keys(white.assets)).toHaveLength(4);
    expect(white.injects["red-sighting"]!.expectedActions).toHaveLength(1);
    expect(Object.keys(white.notes)).toHaveLength(1);
    expect(viewFor(g.state, { kind: "observer" })).toEqual({ ...white, viewer: { kind: "observer" } });
  });
});

describe("viewFor: a nation knows its own relations and the alliance's cohesion", () => {
  // Three allies: North briefs East in private; South must not see North–East trust move.
  const g = new Game(
    tinyInput(),
    7,
    (s) => void s.nations.push({ id: "east", name: "Ostria", color: "#009e73", budget: 120, budgetPerTurn: 30, politicalCapital: 45, readiness: 65 }),
  ).start();
  g.do({ type: "releaseInject", inject: "red-sighting" });
  const trustBefore = g.state.relations["east|north"]!.trust;
  const cohesionBefore = viewFor(g.state, { kind: "white" }).cohesion;
  const report = Object.values(g.state.reports).find((r) => r.owner === "north")!;
  g.do({ type: "shareIntel", report: report.id, with: ["east"] }, as("north"));
  const south = viewFor(g.state, { kind: "nation", nation: "south" });
  const north = viewFor(g.state, { kind: "nation", nation: "north" });
  const white = viewFor(g.state, { kind: "white" });

  it("gives South only the pairs it is part of, and the cohesion of the whole alliance", () => {
    expect(g.state.relations["east|north"]!.trust).toBeGreaterThan(trustBefore);
    expect(Object.keys(south.relations).sort()).toEqual(["east|south", "north|south", "red|south"]);
    expect(south.relations["east|north"]).toBeUndefined();
    expect(north.relations["east|north"]).toEqual(g.state.relations["east|north"]);
    // Cohesion still counts the pair South does not see: it is computed before the narrowing.
    expect(white.cohesion).not.toBe(cohesionBefore);
    expect(south.cohesion).toBe(white.cohesion);
    expect(north.cohesion).toBe(white.cohesion);
    expect(white.relations).toEqual(g.state.relations);
    expect(viewFor(g.state, { kind: "observer" }).relations).toEqual(g.state.relations);
  });
});
