import { describe, it, expect } from "vitest";
import { Game, as } from "./game.ts";
import type { Actor } from "../../shared/protocol/commands.ts";

const rolePlayer: Actor = { role: "participant", nation: "red", name: "Ana", simulated: "roleplayer" };

describe("simulated moves: acting for a nation nobody plays", () => {
  it("a non-playable nation's move is refused to its own name and accepted from a role-player", () => {
    const g = new Game().start();
    g.refuse({ type: "sendMessage", channel: "bilateral:north:red", text: "We are watching." }, as("red"), "not_your_nation");
    const events = g.do({ type: "sendMessage", channel: "bilateral:north:red", text: "We are watching." }, rolePlayer);
    expect(events.map((e) => e.type)).toEqual(["actedFor", "messageSent"]);
    expect(events[0]).toMatchObject({ nation: "red", by: "Ana", as: "roleplayer", command: "sendMessage" });
  });

  it("records nothing when the simulated move is refused", () => {
    const g = new Game().start();
    const before = g.events.length;
    g.refuse({ type: "commitTurn", turn: 9 }, rolePlayer, "stale_turn");
    expect(g.events.length).toBe(before);
  });

  it("a team's own move carries no simulation record", () => {
    const g = new Game().start();
    expect(g.do({ type: "sendMessage", channel: "alliance", text: "hi" }, as("north")).map((e) => e.type)).toEqual(["messageSent"]);
  });

  it("the record changes no state: the log folds to the same state without it", () => {
    const g = new Game().start();
    g.do({ type: "sendMessage", channel: "bilateral:north:red", text: "We are watching." }, rolePlayer);
    const { seq: _a, ...withRecord } = g.state;
    const replay = new Game().start();
    replay.do(
      { type: "sendMessage", channel: "bilateral:north:red", text: "We are watching." },
      { role: "participant", nation: "red", name: "Ana", simulated: "control" },
    );
    const { seq: _b, ...again } = replay.state;
    expect(again).toEqual(withRecord);
  });
});

describe("who plays a nation", () => {
  it("defaults: a playable nation its people, a non-playable one exercise control with its playbook automatic", async () => {
    const { controlOf } = await import("../../shared/engine/nation-control.ts");
    const g = new Game();
    expect(controlOf(g.state, "north")).toEqual({ by: "people" });
    expect(controlOf(g.state, "red")).toEqual({ by: "control", playbook: "automatic" });
  });

  it("exercise control hands a team to a bot and back, and says so", async () => {
    const { controlOf, botNations } = await import("../../shared/engine/nation-control.ts");
    const g = new Game().start();
    g.do({ type: "setNationControl", nation: "south", by: "bot", persona: "cautious" });
    expect(botNations(g.state)).toEqual([{ nation: "south", persona: "cautious" }]);
    expect(g.events.at(-1)).toMatchObject({ type: "ruleApplied", rule: "control.nation" });
    g.refuse({ type: "setNationControl", nation: "south", by: "bot", persona: "cautious" }, { role: "facilitator", name: "Control" }, "already_answered");
    g.do({ type: "setNationControl", nation: "south", by: "people" });
    expect(controlOf(g.state, "south")).toEqual({ by: "people" });
  });

  it("a nation without a team cannot be handed to people", () => {
    const g = new Game().start();
    g.refuse({ type: "setNationControl", nation: "red", by: "people" }, { role: "facilitator", name: "Control" }, "invalid_target");
  });

  it("an unknown nation or persona is refused by name", () => {
    const g = new Game().start();
    g.refuse({ type: "setNationControl", nation: "atlantis", by: "bot" }, { role: "facilitator", name: "Control" }, "unknown_nation");
    expect(() => g.do({ type: "setNationControl", nation: "south", by: "bot", persona: "genius" })).toThrow(/invalid command/);
  });
});
