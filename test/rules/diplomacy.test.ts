import { describe, it, expect } from "vitest";
import { Game, as, control } from "./game.ts";
import { recentMessages } from "../../shared/state/schema.ts";

const report = (g: Game, owner: string) => Object.values(g.state.reports).find((r) => r.owner === owner)!;

describe("intelligence", () => {
  it("shares a copy with provenance, builds trust and costs political capital", () => {
    const g = new Game().start();
    g.do({ type: "releaseInject", inject: "red-sighting" });
    const original = report(g, "north");
    const trust = g.state.relations["north|south"]!.trust;
    const capital = g.state.nations.north!.politicalCapital;
    g.do({ type: "shareIntel", report: original.id, with: ["south"] }, as("north"));
    const copy = report(g, "south");
    expect(copy).toMatchObject({ text: original.text, copiedFrom: original.id, provenance: [{ from: "north", to: "south", turn: 1, redacted: false }] });
    expect(g.state.relations["north|south"]!.trust).toBeGreaterThan(trust);
    expect(g.state.nations.north!.politicalCapital).toBeLessThan(capital);
    expect(g.state.detections.south!["r-frigate"]).toBeDefined();
  });

  it("redacts: the partner gets the replacement text and no asset links", () => {
    const g = new Game().start();
    g.do({ type: "releaseInject", inject: "red-sighting" });
    g.do({ type: "shareIntel", report: report(g, "north").id, with: ["south"], redactedText: "A Redonian warship is at sea." }, as("north"));
    expect(report(g, "south")).toMatchObject({ text: "A Redonian warship is at sea.", assets: [] });
    expect(g.state.detections.south!["r-frigate"]).toBeUndefined();
  });

  it("refuses sharing what the nation does not hold, with itself, with unknown nations, or beyond its capital", () => {
    const g = new Game().start();
    g.do({ type: "releaseInject", inject: "red-sighting" });
    const id = report(g, "north").id;
    g.refuse({ type: "shareIntel", report: id, with: ["north"] }, as("south"), "unknown_report");
    g.refuse({ type: "shareIntel", report: id, with: ["north"] }, as("north"), "invalid_target");
    g.refuse({ type: "shareIntel", report: id, with: ["atlantis"] }, as("north"), "unknown_nation");
    const poor = new Game(undefined, 7, (s) => {
      s.nations.find((n) => n.id === "north")!.politicalCapital = 1;
    }).start();
    poor.do({ type: "releaseInject", inject: "red-sighting" });
    poor.refuse({ type: "shareIntel", report: report(poor, "north").id, with: ["south"] }, as("north"), "insufficient_political_capital");
  });

  it("answers requests for information once", () => {
    const g = new Game().start();
    g.do({ type: "requestInfo", to: "north", question: "Any sign of Redonian ships?" }, as("south"));
    const request = Object.values(g.state.infoRequests)[0]!;
    g.refuse({ type: "answerInfo", request: request.id, answer: "no" }, as("south"), "unknown_request");
    g.do({ type: "answerInfo", request: request.id, answer: "One frigate left the Red Gulf." }, as("north"));
    expect(g.state.infoRequests[request.id]).toMatchObject({ status: "answered", answer: "One frigate left the Red Gulf." });
    g.refuse({ type: "answerInfo", request: request.id, answer: "again" }, as("north"), "already_answered");
    g.refuse({ type: "requestInfo", to: "south", question: "?" }, as("south"), "unknown_nation");
  });

  it("detects foreign assets within ISR reach with a seeded roll, into the nation's picture (a report only when the team writes one)", () => {
    const g = new Game(undefined, 3, (s) => {
      // Sightings never mistaken here (intel-grading.test.ts covers mistaken ones).
      s.rules = { isrDetectionChance: 1, sightingErrorByCredibility: {} };
      s.assets!.find((a) => a.id === "n-uav")!.region = "n-sea";
    }).start();
    g.endTurn();
    expect(g.state.detections.north!["r-frigate"]).toMatchObject({ region: "r-sea", owner: "red", sensor: "n-uav", turn: 1 });
    expect(Object.values(g.state.reports).some((r) => r.owner === "north" && r.source === "own ISR")).toBe(false);
    expect(g.state.detections.south!["r-frigate"]).toBeUndefined();
  });

  it("lets exercise control grant intelligence", () => {
    const g = new Game().start();
    g.do({ type: "grantIntel", to: ["south"], report: { title: "Tip", text: "From a liaison officer." } });
    expect(report(g, "south")).toMatchObject({ originator: "white", title: "Tip" });
    g.refuse({ type: "grantIntel", to: ["atlantis"], report: { title: "x", text: "y" } }, control, "unknown_nation");
  });
});

describe("agreements", () => {
  it("takes force when every party accepts", () => {
    const g = new Game().start();
    g.do({ type: "proposeAgreement", kind: "intel-sharing", title: "North–South sharing", parties: ["south"] }, as("north"));
    const agreement = Object.values(g.state.agreements).find((a) => a.proposer === "north")!;
    expect(agreement.status).toBe("proposed");
    g.refuse({ type: "answerAgreement", agreement: agreement.id, accept: true }, as("north"), "already_answered");
    g.do({ type: "answerAgreement", agreement: agreement.id, accept: true }, as("south"));
    expect(g.state.agreements[agreement.id]!.status).toBe("accepted");
  });

  it("is rejected by one refusal, and unknown or foreign agreements are refused", () => {
    const g = new Game().start();
    g.do({ type: "proposeAgreement", kind: "mou", title: "MOU", parties: ["south"] }, as("north"));
    const agreement = Object.values(g.state.agreements).find((a) => a.proposer === "north")!;
    g.do({ type: "answerAgreement", agreement: agreement.id, accept: false }, as("south"));
    expect(g.state.agreements[agreement.id]!.status).toBe("rejected");
    g.refuse({ type: "answerAgreement", agreement: agreement.id, accept: true }, as("south"), "already_answered");
    g.refuse({ type: "answerAgreement", agreement: "a999", accept: true }, as("south"), "unknown_agreement");
    g.refuse({ type: "proposeAgreement", kind: "mou", title: "Alone", parties: ["north"] }, as("north"), "invalid_target");
    g.refuse({ type: "proposeAgreement", kind: "mou", title: "Ghost", parties: ["atlantis"] }, as("north"), "unknown_nation");
  });

  it("expires unanswered proposals and agreements past their term", () => {
    const g = new Game().start();
    g.do({ type: "proposeAgreement", kind: "mou", title: "Short", parties: ["south"], durationTurns: 1 }, as("north"));
    const id = Object.values(g.state.agreements).find((a) => a.proposer === "north")!.id;
    g.endTurn().endTurn();
    expect(g.state.agreements[id]!.status).toBe("expired");
  });

  it("makes sharing cheaper and more trusted under an intelligence-sharing agreement", () => {
    const plain = new Game().start();
    plain.do({ type: "releaseInject", inject: "red-sighting" });
    plain.do({ type: "shareIntel", report: report(plain, "north").id, with: ["south"] }, as("north"));
    const agreed = new Game(undefined, 7, (s) => {
      s.agreements = [{ id: "isa", kind: "intel-sharing", title: "ISA", parties: ["north", "south"] }];
    }).start();
    agreed.do({ type: "releaseInject", inject: "red-sighting" });
    agreed.do({ type: "shareIntel", report: report(agreed, "north").id, with: ["south"] }, as("north"));
    expect(agreed.state.nations.north!.politicalCapital).toBeGreaterThan(plain.state.nations.north!.politicalCapital);
    expect(agreed.state.relations["north|south"]!.trust).toBeGreaterThan(plain.state.relations["north|south"]!.trust);
  });
});

describe("defence diplomacy", () => {
  it("joint exercises raise interoperability at resolution and cost budget", () => {
    const g = new Game().start();
    const interop = g.state.relations["north|south"]!.interoperability;
    const budget = g.state.nations.north!.budget;
    g.do({ type: "proposeJointExercise", partners: ["south"], title: "Cold Response" }, as("north"));
    expect(g.state.nations.north!.budget).toBeLessThan(budget);
    g.do(
      { type: "answerAgreement", agreement: Object.values(g.state.agreements).find((a) => a.kind === "joint-exercise-programme")!.id, accept: true },
      as("south"),
    );
    g.endTurn();
    expect(g.state.relations["north|south"]!.interoperability).toBeGreaterThan(interop);
  });

  it("dialogue builds trust among the invited and costs the convener political capital", () => {
    const g = new Game().start();
    const trust = g.state.relations["north|red"]!.trust;
    g.do({ type: "conveneDialogue", nations: ["red", "south"], topic: "Incidents at sea" }, as("north"));
    g.endTurn();
    expect(g.state.relations["north|red"]!.trust).toBeGreaterThan(trust);
    g.refuse({ type: "conveneDialogue", nations: ["north"], topic: "alone" }, as("north"), "invalid_target");
  });

  it("statements are public; assertive ones cost trust, reassuring ones build it", () => {
    const g = new Game().start();
    const trust = g.state.relations["north|south"]!.trust;
    g.do({ type: "makeStatement", stance: "assertive", text: "We will not be intimidated." }, as("north"));
    expect(g.state.relations["north|south"]!.trust).toBeLessThan(trust);
    expect(recentMessages(g.state).some((m) => m.channel === "public")).toBe(true);
    g.do({ type: "makeStatement", stance: "reassuring", text: "We stand together." }, as("north"));
    expect(g.state.nations.north!.policies.publicStance).toBe("reassuring");
  });

  it("messages go only on channels the nation belongs to", () => {
    const g = new Game().start();
    g.do({ type: "sendMessage", channel: "bilateral:north:south", text: "Call me." }, as("north"));
    g.refuse({ type: "sendMessage", channel: "bilateral:red:south", text: "psst" }, as("north"), "not_your_nation");
    g.refuse({ type: "sendMessage", channel: "bilateral:south:north", text: "unsorted" }, as("north"), "invalid_target");
    g.refuse({ type: "sendMessage", channel: "nowhere", text: "?" }, as("north"), "invalid_target");
    g.do({ type: "facilitatorMessage", to: "north", text: "Control here." });
    g.refuse({ type: "facilitatorMessage", to: "atlantis", text: "?" }, control, "unknown_nation");
    g.refuse({ type: "pingRegion", region: "nowhere" }, as("north"), "unknown_region");
  });
});
