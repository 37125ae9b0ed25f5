import { describe, it, expect } from "vitest";
import { Game, as, control, observer } from "./game.ts";
import type { Actor } from "../../shared/protocol/commands.ts";
import { validateScenario } from "../../shared/scenario/validate.ts";
import { tinyInput } from "./game.ts";
import { expectWellWorded } from "./well-worded.ts";
import { decide } from "../../shared/engine/decide.ts";
import { Command } from "../../shared/protocol/commands.ts";

const eve: Actor = { role: "evaluator", name: "Eve Evaluator" };
const lead: Actor = { role: "evaluator", name: "Lena Lead", lead: true };

describe("the evaluation guide in the scenario", () => {
  it("validates: tasks named by injects and expected actions exist, ids are unique, outcomes name real things", () => {
    expect(validateScenario(tinyInput()).ok).toBe(true);
    const bad = tinyInput() as ReturnType<typeof tinyInput> & { evaluation: { objectives: { capabilities: { id: string }[] }[] } };
    bad.msel![0]!.tasks = ["no-such-task"];
    bad.msel![1]!.expectedActions![0]!.outcome = { kind: "policy", field: "alertLevel", value: "purple" };
    bad.evaluation.objectives[1]!.capabilities[0]!.id = "cap-intel";
    const result = validateScenario(bad);
    if (result.ok) throw new Error("accepted a guide with unknown tasks");
    const paths = result.errors.map((e) => e.path);
    expect(paths).toContain("msel[0].tasks[0]");
    expect(paths).toContain("msel[1].expectedActions[0].outcome.value");
    expect(paths).toContain("evaluation.objectives[1].capabilities[0].id");
  });
});

describe("observations and ratings", () => {
  it("an evaluator records a time-stamped observation tied to a task, an inject and a nation, signed with their name", () => {
    const g = new Game().start();
    g.do({ type: "releaseInject", inject: "red-sighting" });
    g.now += 5000;
    g.do(
      {
        type: "recordObservation",
        kind: "improvement",
        text: "The sighting stayed national for a full turn.",
        task: "task-share-sighting",
        inject: "red-sighting",
        nation: "north",
      },
      eve,
    );
    const [o] = Object.values(g.state.evaluation!.observations);
    expect(o).toMatchObject({
      kind: "improvement",
      author: "Eve Evaluator",
      task: "task-share-sighting",
      capability: "cap-intel",
      inject: "red-sighting",
      nation: "north",
      turn: 1,
      at: g.now,
    });
    expect(o!.seq).toBeGreaterThan(0);
    g.refuse({ type: "recordObservation", kind: "strength", text: "x", task: "nope" }, eve, "invalid_target");
  });

  it("keeps several evaluators' ratings side by side; the lead or exercise control sets the consensus with a rationale", () => {
    const g = new Game().start();
    g.do({ type: "rateCapability", capability: "cap-intel", rating: "S", rationale: "Shared late" }, eve);
    g.do({ type: "rateCapability", capability: "cap-intel", rating: "M" }, lead);
    g.do({ type: "rateCapability", capability: "cap-intel", rating: "P" }, eve); // Eve changes her mind: her rating is replaced, Lena's stays
    expect(Object.fromEntries(Object.entries(g.state.evaluation!.ratings["cap-intel"]!).map(([by, r]) => [by, r.rating]))).toEqual({
      "Eve Evaluator": "P",
      "Lena Lead": "M",
    });
    g.refuse({ type: "setConsensusRating", capability: "cap-intel", rating: "S", rationale: "We agree" }, eve, "not_facilitator");
    g.do({ type: "setConsensusRating", capability: "cap-intel", rating: "S", rationale: "Shared, but a turn late" }, lead);
    expect(g.state.evaluation!.consensus["cap-intel"]).toMatchObject({ rating: "S", by: "Lena Lead", rationale: "Shared, but a turn late" });
    g.do({ type: "setConsensusRating", capability: "cap-medical", rating: "U", rationale: "Never pre-positioned" }, control);
    g.refuse({ type: "rateCapability", capability: "cap-nothing", rating: "P" }, eve, "invalid_target");
  });

  it("participants and observers cannot write evaluations; evaluators still cannot play", () => {
    const g = new Game().start();
    for (const who of [as("north"), observer]) {
      g.refuse({ type: "recordObservation", kind: "strength", text: "Good." }, who, "read_only");
      const decision = decide(g.state, Command.parse({ type: "rateCapability", capability: "cap-intel", rating: "P" }), who, g.now);
      if (!("rejected" in decision)) throw new Error("rating accepted from a non-evaluator");
      expectWellWorded(decision.rejected, g.state, "rateCapability");
    }
    g.refuse({ type: "draftOrder", order: { kind: "setMission", asset: "n-frigate", mission: "escort" } }, eve, "read_only");
    g.refuse({ type: "submitFeedback", strengths: "x" }, eve, "not_your_nation");
  });
});

describe("the improvement plan (HSEEP)", () => {
  it("records capability, corrective action, element, organisation, contact, dates and status; the lead evaluator edits it", () => {
    const g = new Game().start();
    g.do({
      type: "recordImprovement",
      issue: "Sightings stay national",
      recommendation: "Standing sharing agreement",
      nation: "north",
      due: "2031-06-01",
      capability: "cap-intel",
      element: "planning",
      organisation: "Nordmark J2",
      contact: "Maj. Berg",
      start: "2031-04-01",
      completion: "2031-06-01",
      status: "open",
    });
    const id = Object.keys(g.state.improvements)[0]!;
    g.refuse({ type: "editImprovement", item: id, status: "complete" }, eve, "not_facilitator");
    g.do({ type: "editImprovement", item: id, status: "in-progress", contact: "Lt Col. Dahl" }, lead);
    expect(g.state.improvements[id]).toMatchObject({
      issue: "Sightings stay national",
      capability: "cap-intel",
      element: "planning",
      organisation: "Nordmark J2",
      contact: "Lt Col. Dahl",
      status: "in-progress",
      start: "2031-04-01",
      by: "Lena Lead",
    });
    g.refuse({ type: "editImprovement", item: id, start: "2031-07-01" }, lead, "invalid_target"); // after the completion date
    g.do({ type: "recordImprovement", issue: "Old style", recommendation: "Still valid" }, lead);
    expect(Object.values(g.state.improvements).find((i) => i.issue === "Old style")).toEqual({
      id: expect.any(String),
      issue: "Old style",
      recommendation: "Still valid",
      nation: null,
      due: "",
      by: "Lena Lead",
    });
  });
});

describe("participant feedback", () => {
  it("opens when the exercise ends, once per seat, anonymous", () => {
    const g = new Game().start();
    const alice: Actor = { role: "participant", nation: "north", name: "Alice", seat: "seat-a" };
    g.refuse({ type: "submitFeedback", strengths: "Good" }, alice, "wrong_phase");
    g.do({ type: "endExercise" });
    g.refuse({ type: "submitFeedback" }, alice, "invalid_payload");
    g.refuse({ type: "submitFeedback", ratings: { "no-objective": 3 } }, alice, "invalid_target");
    g.do(
      {
        type: "submitFeedback",
        strengths: "Fast sharing",
        improvements: "Slow deployments",
        ratings: { "obj-share": 4, "obj-respond": 2 },
        comments: "More turns",
      },
      alice,
    );
    g.refuse({ type: "submitFeedback", strengths: "Again" }, alice, "already_answered");
    // Another seat of the same nation answers for itself.
    g.do({ type: "submitFeedback", ratings: { "obj-share": 5 } }, { ...alice, name: "Alf", seat: "seat-b" });
    const answers = Object.values(g.state.evaluation!.feedback);
    expect(answers).toHaveLength(2);
    expect(JSON.stringify(g.state.evaluation!.feedback)).not.toContain("Alice");
    g.refuse({ type: "submitFeedback", strengths: "x" }, { ...alice, simulated: "bot" }, "not_your_nation");
  });
});
