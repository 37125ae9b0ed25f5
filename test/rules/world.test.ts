import { describe, it, expect } from "vitest";
import { Game, as, control } from "./game.ts";

describe("injects", () => {
  it("releases scheduled injects when their turn starts, with their effects", () => {
    const g = new Game().start();
    expect(g.state.injects["storm-warning"]).toMatchObject({ status: "released", releasedTurn: 1 });
    expect(g.state.injects["red-sighting"]!.status).toBe("planned");
  });

  it("releases manual injects on command, once", () => {
    const g = new Game().start();
    g.do({ type: "releaseInject", inject: "red-sighting" });
    expect(Object.values(g.state.reports).some((r) => r.owner === "north" && r.title === "Warship sighting")).toBe(true);
    g.refuse({ type: "releaseInject", inject: "red-sighting" }, control, "already_answered");
    g.refuse({ type: "releaseInject", inject: "nope" }, control, "unknown_inject");
  });

  it("skips and delays injects", () => {
    const g = new Game(undefined, 7, (s) => {
      s.msel!.push({ ...s.msel![0]!, id: "later", number: "2.01", trigger: { kind: "scheduled", turn: 2 } });
      s.msel!.push({ ...s.msel![0]!, id: "skipped", number: "2.02", trigger: { kind: "scheduled", turn: 2 } });
    }).start();
    g.do({ type: "delayInject", inject: "later", toTurn: 3 });
    g.do({ type: "skipInject", inject: "skipped" });
    g.refuse({ type: "delayInject", inject: "later", toTurn: 1 }, control, "stale_turn");
    g.endTurn();
    expect(g.state.injects.later!.status).toBe("delayed");
    expect(g.state.injects.skipped!.status).toBe("skipped");
    g.endTurn();
    expect(g.state.injects.later).toMatchObject({ status: "released", releasedTurn: 3 });
    g.refuse({ type: "skipInject", inject: "later" }, control, "already_answered");
  });

  it("releases conditional injects when their condition holds", () => {
    const g = new Game(undefined, 7, (s) => {
      s.msel!.push({
        id: "after-sighting",
        number: "3.01",
        type: "contingency",
        from: "Control",
        to: "all",
        title: "Follow-up",
        body: "Follow-up.",
        trigger: { kind: "conditional", condition: { kind: "injectReleased", inject: "red-sighting", afterTurns: 1 } },
      });
    }).start();
    g.do({ type: "releaseInject", inject: "red-sighting" });
    g.endTurn();
    expect(g.state.injects["after-sighting"]!.status).toBe("released");
  });

  it("fires ad-hoc injects and checks their references", () => {
    const g = new Game().start();
    g.do({
      type: "fireInject",
      inject: {
        number: "X.1",
        type: "event",
        from: "Control",
        to: ["south"],
        title: "Ferry capsized",
        body: "…",
        effects: [{ kind: "stability", region: "island", delta: -10 }],
      },
    });
    const adhoc = Object.values(g.state.injects).find((i) => i.adhoc)!;
    expect(adhoc).toMatchObject({ status: "released", spec: { title: "Ferry capsized" } });
    expect(g.state.regions.island!.stability).toBe(30);
    g.refuse({ type: "fireInject", inject: { number: "X.2", type: "event", from: "C", to: ["atlantis"], title: "t", body: "b" } }, control, "unknown_nation");
    g.refuse(
      {
        type: "fireInject",
        inject: { number: "X.3", type: "event", from: "C", to: "all", title: "t", body: "b", effects: [{ kind: "stability", region: "moon", delta: 1 }] },
      },
      control,
      "invalid_target",
    );
  });
});

describe("adjudication", () => {
  it("changes the state with a rationale that stays in the log", () => {
    const g = new Game().start();
    g.do({
      type: "adjustState",
      effects: [
        { kind: "trust", a: "north", b: "south", delta: -10 },
        { kind: "budget", nation: "south", delta: -1000 },
      ],
      rationale: "Leaked cable embarrassed both governments.",
    });
    expect(g.state.relations["north|south"]!.trust).toBe(50);
    expect(g.state.nations.south!.budget).toBe(0);
    expect(g.events.find((e) => e.type === "stateAdjusted")).toMatchObject({ rationale: "Leaked cable embarrassed both governments.", by: "Control" });
    g.refuse({ type: "adjustState", effects: [{ kind: "stability", region: "island", delta: 5 }], rationale: " " }, control, "rationale_required");
    g.refuse({ type: "adjustState", effects: [{ kind: "readiness", nation: "atlantis", delta: 5 }], rationale: "because" }, control, "invalid_target");
  });

  it("keeps observer notes tied to injects and objectives", () => {
    const g = new Game().start();
    g.do({ type: "addNote", text: "Good cross-team chat.", inject: "storm-warning", objective: "island-stable" });
    expect(Object.values(g.state.notes)[0]).toMatchObject({ inject: "storm-warning", objective: "island-stable", turn: 1 });
    g.refuse({ type: "addNote", text: "x", inject: "nope" }, control, "unknown_inject");
    g.refuse({ type: "addNote", text: "x", objective: "nope" }, control, "invalid_target");
  });

  it("records and removes improvement-plan items in any phase", () => {
    const g = new Game().start();
    g.do({ type: "endExercise" });
    g.do({ type: "recordImprovement", issue: "Slow sharing", recommendation: "Standing agreement", nation: "north", due: "2031-06-01" });
    const item = Object.values(g.state.improvements)[0]!;
    expect(item).toMatchObject({ issue: "Slow sharing", nation: "north" });
    g.refuse({ type: "recordImprovement", issue: "x", recommendation: "y", nation: "atlantis" }, control, "unknown_nation");
    g.do({ type: "removeImprovement", item: item.id });
    expect(g.state.improvements).toEqual({});
    g.refuse({ type: "removeImprovement", item: item.id }, control, "invalid_target");
  });
});

describe("crises, stability and economy", () => {
  it("shrinks a crisis in proportion to the fitness and strength of responders", () => {
    const g = new Game().start();
    g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "s-med", destination: "island", mission: "medical" } }, as("south"));
    g.endTurn();
    // Field hospital: fitness 0.9 for storms × strength 100% × factor 30 = 27 off severity 40.
    expect(g.state.regions.island!.crisis!.severity).toBe(13);
    g.endTurn();
    expect(g.state.regions.island!.crisis).toBeNull();
  });

  it("lets an unanswered crisis escalate and spill into neighbours", () => {
    const g = new Game(undefined, 7, (s) => {
      s.regions.find((r) => r.id === "island")!.crisis = { kind: "storm", severity: 80 };
    }).start();
    g.endTurn();
    expect(g.state.regions.island!.crisis!.severity).toBe(90);
    expect(g.state.regions["s-home"]!.crisis).toMatchObject({ kind: "storm", severity: 30 });
    expect(g.state.regions.island!.stability).toBeLessThan(40);
  });

  it("lets stability recover without a crisis up to the starting level, or to the author's recoversTo", () => {
    const calmed = (recoversTo?: number) =>
      new Game(undefined, 7, (s) => {
        const island = s.regions.find((r) => r.id === "island")!;
        delete island.crisis;
        island.stability = 40;
        if (recoversTo !== undefined) island.recoversTo = recoversTo;
      }).start();
    const plain = calmed();
    plain.do({ type: "adjustState", effects: [{ kind: "stability", region: "island", delta: -3 }], rationale: "Riots." });
    for (let turn = 0; turn < 3; turn++) plain.endTurn();
    expect(plain.state.regions.island!.stability).toBe(40); // back to where it started, no higher
    expect(plain.state.scenario.rules.stabilityRecovery).toBe(2);
    const fragile = calmed(60);
    for (let turn = 0; turn < 3; turn++) fragile.endTurn();
    expect(fragile.state.regions.island!.stability).toBe(46); // above its start, on its way to 60
    const capped = calmed(43);
    for (let turn = 0; turn < 3; turn++) capped.endTurn();
    expect(capped.state.regions.island!.stability).toBe(43);
  });

  it("boosts a coalition response by the responders' interoperability", () => {
    const solo = new Game().start();
    solo.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "s-med", destination: "island", mission: "medical" } }, as("south"));
    solo.endTurn();
    const pair = new Game(undefined, 7, (s) => {
      s.assets!.push({ id: "n-med", name: "Nord hospital", type: "medical", owner: "north", region: "island", status: "deployed", mission: "medical" });
    }).start();
    pair.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "s-med", destination: "island", mission: "medical" } }, as("south"));
    pair.endTurn();
    expect(pair.state.regions.island!.crisis).toBeNull();
    expect(solo.state.regions.island!.crisis).not.toBeNull();
  });

  it("pays income and upkeep every turn and never lets a budget go negative", () => {
    const g = new Game(undefined, 7, (s) => {
      const north = s.nations.find((n) => n.id === "north")!;
      north.budget = 12;
      north.budgetPerTurn = 0;
    }).start();
    g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-frigate", destination: "s-sea", mission: "patrol" } }, as("north"));
    g.endTurn().endTurn().endTurn();
    expect(g.state.nations.north!.budget).toBe(0);
    expect(g.state.nations.north!.readiness).toBeLessThan(70);
  });

  it("judges end objectives once, at the end", () => {
    const unmet = new Game().start();
    while (unmet.state.phase !== "ended") unmet.endTurn();
    expect(unmet.state.objectives["island-stable"]).toMatchObject({ met: false });
    const met = new Game().start();
    met.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "s-med", destination: "island", mission: "medical" } }, as("south"));
    met.do({ type: "adjustState", effects: [{ kind: "stability", region: "island", delta: 30 }], rationale: "Early evacuation worked." });
    while (met.state.phase !== "ended") met.endTurn();
    expect(met.state.objectives["island-stable"]).toMatchObject({ met: true, metTurn: 4 });
  });
});
