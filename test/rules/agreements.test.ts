import { describe, it, expect } from "vitest";
import { Game, as } from "./game.ts";
import type { ScenarioInput } from "../../shared/scenario/schema.ts";
import { nationActions } from "../../shared/aar/nation-actions.ts";

/** Tiny with a Nordmark field hospital at home, next to Sudland's plain. */
function game(tweak?: (s: ScenarioInput) => void): Game {
  return new Game(undefined, 5, (s) => {
    s.assets!.push({ id: "n-med", name: "Nordmark Field Hospital", type: "medical", owner: "north", region: "n-home" });
    tweak?.(s);
  }).start();
}

const trust = (g: Game, a: string, b: string) => g.state.relations[[a, b].sort().join("|")]!.trust;
const rules = (g: Game, rule: string) => g.events.filter((e) => e.type === "ruleApplied" && e.rule === rule);
const agreement = (g: Game, kind: string) => Object.values(g.state.agreements).find((a) => a.kind === kind)!;
const mou = (scope?: "training" | "logistics") => (s: ScenarioInput) => {
  s.agreements = [...(s.agreements ?? []), { id: "mou", kind: "mou", title: "MOU", parties: ["north", "south"], ...(scope ? { scope } : {}) }];
};

describe("joint exercise programmes cost what a joint exercise costs", () => {
  it("charges the joint exercise's price when proposed as an agreement (it was free)", () => {
    const g = game();
    const budget = g.state.nations.north!.budget;
    g.do({ type: "proposeAgreement", kind: "joint-exercise-programme", title: "Drill", parties: ["south"] }, as("north"));
    expect(g.state.nations.north!.budget).toBe(budget - 20);
    const poor = game((s) => void (s.nations!.find((n) => n.id === "north")!.budget = 10));
    poor.refuse({ type: "proposeAgreement", kind: "joint-exercise-programme", title: "Drill", parties: ["south"] }, as("north"), "insufficient_budget");
  });

  it("refunds a joint exercise that is rejected", () => {
    const g = game();
    const budget = g.state.nations.north!.budget;
    g.do({ type: "proposeJointExercise", partners: ["south"], title: "Drill" }, as("north"));
    expect(g.state.nations.north!.budget).toBe(budget - 20);
    g.do({ type: "answerAgreement", agreement: agreement(g, "joint-exercise-programme").id, accept: false }, as("south"));
    expect(g.state.nations.north!.budget).toBe(budget);
    expect(rules(g, "agreements.refund")).toHaveLength(1);
  });

  it("refunds one that expires unanswered, and not one that took place", () => {
    const unanswered = game();
    const held = game();
    for (const g of [unanswered, held]) g.do({ type: "proposeJointExercise", partners: ["south"], title: "Drill" }, as("north"));
    held.do({ type: "answerAgreement", agreement: agreement(held, "joint-exercise-programme").id, accept: true }, as("south"));
    for (const g of [unanswered, held]) g.endTurn().endTurn();
    expect(agreement(unanswered, "joint-exercise-programme").status).toBe("expired");
    expect(unanswered.state.nations.north!.budget - held.state.nations.north!.budget).toBe(20);
    expect(rules(unanswered, "agreements.refund")).toHaveLength(1);
    expect(rules(held, "agreements.refund")).toHaveLength(0);
  });
});

describe("an MOU opens the cooperation it names, and nothing else", () => {
  it("training: joint exercises with the partner cost half", () => {
    const trained = game(mou("training"));
    const logistics = game(mou("logistics"));
    const budget = trained.state.nations.north!.budget;
    for (const g of [trained, logistics]) g.do({ type: "proposeJointExercise", partners: ["south"], title: "Drill" }, as("north"));
    expect(budget - trained.state.nations.north!.budget).toBe(10);
    expect(budget - logistics.state.nations.north!.budget).toBe(20);
    expect(rules(trained, "agreements.mou.training")).toHaveLength(1);
  });

  it("logistics: deploying into the partner's territory costs half, the rest given back by the host", () => {
    const withSofa = (scope: "training" | "logistics") => (s: ScenarioInput) => {
      mou(scope)(s);
      s.agreements!.push({ id: "sofa", kind: "sofa", title: "SOFA", parties: ["north", "south"] });
    };
    const logistics = game(withSofa("logistics"));
    const training = game(withSofa("training"));
    for (const g of [logistics, training]) {
      g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-med", destination: "s-home", mission: "medical" } }, as("north"));
      g.endTurn();
    }
    // A field hospital's deploy cost is 5: 2.5 back under the logistics MOU, nothing under a training one.
    expect(logistics.state.nations.north!.budget - training.state.nations.north!.budget).toBe(2.5);
    expect(rules(logistics, "agreements.mou.logistics")[0]).toMatchObject({ nations: ["north", "south"] });
    expect(rules(training, "agreements.mou.logistics")).toHaveLength(0);
  });

  it("refuses a scope on anything but an MOU", () => {
    game().refuse({ type: "proposeAgreement", kind: "sofa", title: "SOFA", parties: ["south"], scope: "logistics" }, as("north"), "invalid_payload");
  });
});

describe("termination and breach", () => {
  it("terminating an agreement in force costs trust with the other parties; at its term it is free", () => {
    const open = game(mou());
    const before = trust(open, "north", "south");
    open.do({ type: "terminateAgreement", agreement: "mou" }, as("south"));
    expect(open.state.agreements.mou).toMatchObject({ status: "terminated", terminatedBy: "south", terminatedTurn: 1 });
    expect(trust(open, "north", "south")).toBe(before - 6);
    open.refuse({ type: "terminateAgreement", agreement: "mou" }, as("north"), "already_answered");
    expect(nationActions(open.events).filter((a) => a.command === "terminateAgreement")).toMatchObject([{ nation: "south" }]);
    open.refuse({ type: "terminateAgreement", agreement: "mou" }, as("red"), "not_your_nation");

    const atTerm = game((s) => void (s.agreements = [{ id: "mou", kind: "mou", title: "MOU", parties: ["north", "south"], expiresTurn: 1 }]));
    atTerm.do({ type: "terminateAgreement", agreement: "mou" }, as("south"));
    expect(trust(atTerm, "north", "south")).toBe(before);
    expect(rules(atTerm, "agreements.terminate")).toHaveLength(1);
  });

  it("a party to an intelligence-sharing agreement that sets its policy to none breaches it, each turn it stays so", () => {
    const isa = (s: ScenarioInput) => void (s.agreements = [{ id: "isa", kind: "intel-sharing", title: "ISA", parties: ["north", "south"] }]);
    const kept = game(isa);
    const breached = game(isa);
    breached.do({ type: "draftOrder", order: { kind: "setPolicy", intelSharing: { south: "none" } } }, as("north"));
    for (const g of [kept, breached]) g.endTurn().endTurn();
    // Kept: +0.5 a turn; breached: −5 a turn instead.
    expect(trust(kept, "north", "south") - trust(breached, "north", "south")).toBeCloseTo(2 * 5.5, 5);
    expect(rules(breached, "agreements.breach.sharing")).toHaveLength(2);
    expect(rules(kept, "agreements.breach.sharing")).toHaveLength(0);
  });
});

describe("consent can be revoked", () => {
  function inside(revoke: boolean) {
    const g = game();
    g.do({ type: "requestConsent", host: "south", region: "s-home" }, as("north"));
    const request = Object.values(g.state.consentRequests)[0]!;
    g.refuse({ type: "revokeConsent", request: request.id }, as("south"), "already_answered");
    g.do({ type: "answerConsent", request: request.id, grant: true }, as("south"));
    g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-med", destination: "s-home", mission: "medical" } }, as("north"));
    g.endTurn();
    expect(g.state.assets["n-med"]!.region).toBe("s-home");
    g.refuse({ type: "revokeConsent", request: request.id }, as("north"), "unknown_request");
    if (revoke) g.do({ type: "revokeConsent", request: request.id }, as("south"));
    return g;
  }

  it("the requester's forces there are recalled at the next resolution, at a small cost in trust to the host", () => {
    const stays = inside(false);
    const leaves = inside(true);
    expect(trust(stays, "north", "south") - trust(leaves, "north", "south")).toBe(2);
    expect(leaves.state.consentRequests[Object.keys(leaves.state.consentRequests)[0]!]!.status).toBe("revoked");
    stays.endTurn();
    leaves.endTurn();
    expect(stays.state.assets["n-med"]).toMatchObject({ region: "s-home", status: "deployed" });
    expect(leaves.state.assets["n-med"]).toMatchObject({ region: "n-home", status: "ready", mission: null });
    expect(rules(leaves, "sovereignty.leave")[0]).toMatchObject({ nations: ["north", "south"] });
    // The after-action review counts the revocation as the host's action (an inject may expect it).
    expect(nationActions(leaves.events).filter((a) => a.command === "revokeConsent")).toMatchObject([{ nation: "south", region: "s-home" }]);
    // And it may not go back without new consent.
    leaves.refuse(
      { type: "draftOrder", order: { kind: "deployAsset", asset: "n-med", destination: "s-home", mission: "medical" } },
      as("north"),
      "needs_consent",
    );
  });

  it("a terminated SOFA sends the visiting forces home too", () => {
    const g = game((s) => void (s.agreements = [{ id: "sofa", kind: "sofa", title: "SOFA", parties: ["north", "south"] }]));
    g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-med", destination: "s-home", mission: "medical" } }, as("north"));
    g.endTurn();
    g.do({ type: "terminateAgreement", agreement: "sofa" }, as("south"));
    g.endTurn();
    expect(g.state.assets["n-med"]!.region).toBe("n-home");
  });
});
