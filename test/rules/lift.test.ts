import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Game, as } from "./game.ts";
import type { ScenarioInput } from "../../shared/scenario/schema.ts";
import type { Order } from "../../shared/state/schema.ts";
import { ROOT } from "../../server/config.ts";
import { viewFor } from "../../shared/engine/view-for.ts";

/**
 * Strategic lift on Cyclone Iris's map (docs/RULES.md): Austrava's engineers can reach the
 * disaster only aboard a ship. The MSEL is left out so that only the orders here change things.
 */
const cyclone = (): ScenarioInput => JSON.parse(readFileSync(join(ROOT, "scenarios/02-cyclone-response.json"), "utf8"));
const austrava = as("austrava");
const draft = (order: Order) => ({ type: "draftOrder", order });

function game(tweak?: (s: ScenarioInput) => void): Game {
  return new Game(cyclone(), 11, (s) => {
    s.msel = [];
    tweak?.(s);
  }).start();
}

/** Engineers walk to Port Carrow (turn 1), where the amphibious group lies, and embark (turn 2). */
function embarked(g: Game): Game {
  g.do(draft({ kind: "prepositionAsset", asset: "au-engineers", destination: "port-carrow" }), austrava);
  g.endTurn();
  g.do(draft({ kind: "embarkAsset", asset: "au-engineers", carrier: "au-amphib" }), austrava);
  return g;
}

const lifts = (s: ScenarioInput, type: string) => s.assetTypes.find((t) => t.id === type)!;
const withCrisisInTavira = (s: ScenarioInput) => (s.regions.find((r) => r.id === "tavira")!.crisis = { kind: "cyclone", severity: 90 });

describe("strategic lift: embarking", () => {
  it("loads a unit onto a ship in the port where both are, for readiness and budget", () => {
    const lifted = embarked(game()).endTurn();
    const control = game();
    control.do(draft({ kind: "prepositionAsset", asset: "au-engineers", destination: "port-carrow" }), austrava);
    control.endTurn().endTurn();
    expect(lifted.state.assets["au-engineers"]).toMatchObject({ embarkedOn: "au-amphib", region: "port-carrow", status: "ready", mission: null });
    expect(control.state.assets["au-engineers"]!.embarkedOn).toBeUndefined();
    // The cost of lift: embarkBudgetCost [5] and embarkReadinessCost [2].
    expect(control.state.nations["austrava"]!.budget - lifted.state.nations["austrava"]!.budget).toBe(5);
    expect(control.state.nations["austrava"]!.readiness - lifted.state.nations["austrava"]!.readiness).toBe(2);
  });

  it("refuses to load away from a port, apart from the carrier, or what the carrier cannot take", () => {
    const noPort = game((s) => delete s.regions.find((r) => r.id === "port-carrow")!.port);
    noPort.do(draft({ kind: "prepositionAsset", asset: "au-engineers", destination: "port-carrow" }), austrava);
    noPort.endTurn();
    expect(noPort.refuse(draft({ kind: "embarkAsset", asset: "au-engineers", carrier: "au-amphib" }), austrava, "no_lift")).toMatch(
      /loads only at a port, and Port Carrow has none/,
    );

    const g = game();
    expect(g.refuse(draft({ kind: "embarkAsset", asset: "au-engineers", carrier: "au-amphib" }), austrava, "no_lift")).toMatch(/must be in the same region/);
    // Transport aircraft carry less: medical and logistics units, not engineers.
    expect(g.refuse(draft({ kind: "embarkAsset", asset: "au-engineers", carrier: "au-airlift" }), austrava, "no_lift")).toMatch(
      /takes only medical and logistics units/,
    );
    expect(g.refuse(draft({ kind: "embarkAsset", asset: "au-mpa", carrier: "au-amphib" }), austrava, "no_lift")).toMatch(/moves by itself/);
    g.do(draft({ kind: "embarkAsset", asset: "au-hospital", carrier: "au-airlift" }), austrava);
    g.endTurn();
    expect(g.state.assets["au-hospital"]).toMatchObject({ embarkedOn: "au-airlift", region: "austrava-main" });
  });

  it("refuses a unit beyond the carrier's capacity, counting the ones about to embark", () => {
    const g = game((s) => (lifts(s, "amphib").lift!.capacity = 1));
    for (const unit of ["au-engineers", "au-hospital"]) g.do(draft({ kind: "prepositionAsset", asset: unit, destination: "port-carrow" }), austrava);
    g.endTurn();
    g.do(draft({ kind: "embarkAsset", asset: "au-engineers", carrier: "au-amphib" }), austrava);
    expect(g.refuse(draft({ kind: "embarkAsset", asset: "au-hospital", carrier: "au-amphib" }), austrava, "no_lift")).toMatch(
      /is full: it carries 1 unit and has 1 aboard or about to embark/,
    );
    // With two places both go.
    const roomy = game();
    for (const unit of ["au-engineers", "au-hospital"]) roomy.do(draft({ kind: "prepositionAsset", asset: unit, destination: "port-carrow" }), austrava);
    roomy.endTurn();
    for (const unit of ["au-engineers", "au-hospital"]) roomy.do(draft({ kind: "embarkAsset", asset: unit, carrier: "au-amphib" }), austrava);
    roomy.endTurn();
    expect([roomy.state.assets["au-engineers"]!.embarkedOn, roomy.state.assets["au-hospital"]!.embarkedOn]).toEqual(["au-amphib", "au-amphib"]);
  });
});

describe("strategic lift: at sea and landing", () => {
  it("moves the unit with its carrier, says so, and lets it do nothing on its own", () => {
    const g = embarked(game());
    g.do(draft({ kind: "deployAsset", asset: "au-amphib", destination: "port-leone", mission: "humanitarian" }), austrava);
    const events = g.endTurn().events;
    expect(g.state.assets["au-amphib"]!.region).toBe("marisol-sea");
    expect(g.state.assets["au-engineers"]).toMatchObject({ region: "marisol-sea", embarkedOn: "au-amphib" });
    const said = events.filter((e) => e.type === "ruleApplied" && e.rule === "lift.carried");
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ nations: ["austrava"] });
    expect(g.refuse(draft({ kind: "deployAsset", asset: "au-engineers", destination: "port-leone", mission: "humanitarian" }), austrava, "asset_busy")).toMatch(
      /aboard HMAS Canberra group: land it first/,
    );
    expect(g.refuse(draft({ kind: "setMission", asset: "au-engineers", mission: "humanitarian" }), austrava, "asset_busy")).toMatch(/land it first/);
  });

  it("shows the host a unit in its port as seen, not which carrier it is aboard", () => {
    const g = embarked(game());
    g.do(draft({ kind: "deployAsset", asset: "au-amphib", destination: "port-leone", mission: "humanitarian" }), austrava);
    g.endTurn().endTurn();
    expect(g.state.assets["au-engineers"]).toMatchObject({ region: "port-leone", embarkedOn: "au-amphib" });
    const seen = viewFor(g.state, { kind: "nation", nation: "marisol" }).assets["au-engineers"];
    expect(seen).toMatchObject({ foreign: true, region: "port-leone" });
    expect(JSON.stringify(seen)).not.toContain("embarkedOn");
    expect(viewFor(g.state, { kind: "nation", nation: "austrava" }).assets["au-engineers"]).toMatchObject({ embarkedOn: "au-amphib" });
  });

  it("lands the unit at a port in or next to the carrier's region, and nowhere else", () => {
    const g = embarked(game());
    g.do(draft({ kind: "deployAsset", asset: "au-amphib", destination: "port-leone", mission: "humanitarian" }), austrava);
    g.endTurn();
    expect(g.state.assets["au-amphib"]!.region).toBe("marisol-sea");
    // From the Marisol Sea: Port Leone and the North Isles have ports; Rio Seco's delta has none.
    expect(g.refuse(draft({ kind: "disembarkAsset", asset: "au-engineers", destination: "rio-seco" }), austrava, "no_lift")).toMatch(
      /can land them at: Northern Isles and Port Leone \(capital\)\./,
    );
    expect(g.refuse(draft({ kind: "disembarkAsset", asset: "au-engineers" }), austrava, "no_lift")).toMatch(/cannot land .* at Marisol Sea/);
    const readiness = g.state.nations["austrava"]!.readiness;
    g.do(draft({ kind: "disembarkAsset", asset: "au-engineers", destination: "port-leone" }), austrava);
    g.endTurn();
    const engineers = g.state.assets["au-engineers"]!;
    expect(engineers).toMatchObject({ region: "port-leone", status: "ready", arrivedTurn: 3 });
    expect("embarkedOn" in engineers).toBe(false);
    // disembarkReadinessCost [1] on top of the turn's recovery [2] and the amphib still at sea.
    expect(g.state.nations["austrava"]!.readiness).toBe(readiness - 1 + 2);
    expect(g.refuse(draft({ kind: "disembarkAsset", asset: "au-engineers" }), austrava, "no_lift")).toMatch(/not aboard a carrier/);
  });

  it("brings a unit that has no route of its own to the crisis, where it responds", () => {
    const g = game(withCrisisInTavira);
    // Without lift the order says which carrier could take it.
    const refusal = g.refuse(draft({ kind: "deployAsset", asset: "au-engineers", destination: "tavira", mission: "humanitarian" }), austrava, "no_route");
    expect(refusal).toMatch(/cannot reach Tavira Island by itself\. A carrier could lift it: HMAS Canberra group and Pre-positioned relief stores ship/);
    expect(refusal).not.toMatch(/airlift/);

    const play = (land: boolean) => {
      const run = embarked(game(withCrisisInTavira));
      run.do(draft({ kind: "deployAsset", asset: "au-amphib", destination: "tavira", mission: "humanitarian" }), austrava);
      run.endTurn().endTurn().endTurn(); // at sea turns 2-4: six regions at speed 2
      expect(run.state.assets["au-amphib"]).toMatchObject({ region: "tavira", status: "deployed" });
      if (land) run.do(draft({ kind: "disembarkAsset", asset: "au-engineers" }), austrava);
      run.endTurn();
      if (land) run.do(draft({ kind: "deployAsset", asset: "au-engineers", destination: "tavira", mission: "humanitarian" }), austrava);
      run.endTurn();
      return run;
    };
    const landed = play(true);
    const stayedAboard = play(false);
    expect(landed.state.assets["au-engineers"]).toMatchObject({ region: "tavira", status: "deployed", mission: "humanitarian" });
    expect(stayedAboard.state.assets["au-engineers"]).toMatchObject({ region: "tavira", embarkedOn: "au-amphib" });
    // The engineers on the ground take 0.9 × 30 = 27 more severity off the cyclone in turn 6 …
    const severity = (r: Game) => r.state.regions["tavira"]!.crisis?.severity ?? 0;
    expect(severity(stayedAboard) - severity(landed)).toBeGreaterThanOrEqual(20);
    // … and cost the landing's readiness and the deployment's budget.
    expect(landed.state.nations["austrava"]!.budget).toBeLessThan(stayedAboard.state.nations["austrava"]!.budget);
  });
});

describe("strategic lift: a unit aboard answers no crisis", () => {
  it("even when an adjustment marks it deployed while its ship lies in the crisis region", () => {
    const severity = (adjustAboard: boolean) => {
      const g = embarked(game((s) => (s.regions.find((r) => r.id === "port-carrow")!.crisis = { kind: "cyclone", severity: 60 }))).endTurn();
      expect(g.state.assets["au-engineers"]!.embarkedOn).toBe("au-amphib");
      if (adjustAboard)
        g.do({ type: "adjustState", effects: [{ kind: "assetStatus", asset: "au-engineers", status: "deployed" }], rationale: "a mistaken correction" });
      g.endTurn();
      return g.state.regions["port-carrow"]!.crisis?.severity ?? 0;
    };
    // Without the rule, the engineers' fitness for a cyclone would take severity off from aboard.
    expect(severity(true)).toBe(severity(false));
  });
});
