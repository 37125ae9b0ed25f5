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
    replay.do({ type: "sendMessage", channel: "bilateral:north:red", text: "We are watching." }, { role: "participant", nation: "red", name: "Ana", simulated: "control" });
    const { seq: _b, ...again } = replay.state;
    expect(again).toEqual(withRecord);
  });
});
