import { describe, it, expect } from "vitest";
import { ExerciseRoomState } from "../../server/rooms/room-state.ts";
import { PublicProjection } from "../../server/rooms/public-projection.ts";
import { readState } from "../../client/src/state/read-state.ts";
import { Game, as } from "../rules/game.ts";
import { publicScenario } from "../../shared/view/public-scenario.ts";

/** Tension is public: the room's shared state carries it and what moved it, for every client. */
describe("tension in the room state", () => {
  it("reaches every client with its reasons, and the client reads it back", () => {
    const g = new Game().start();
    const room = new ExerciseRoomState();
    const projection = new PublicProjection(room);
    projection.update(g.state, { version: 0, value: () => ({}) });
    expect(room.tension).toBe(40);
    expect(readState(room).tensionReasons).toEqual([]);
    g.do({ type: "draftOrder", order: { kind: "setPolicy", alertLevel: "maximum" } }, as("north"));
    g.endTurn();
    projection.update(g.state, { version: 0, value: () => ({}) });
    const client = readState(room);
    expect(client.tension).toBe(g.state.tension);
    expect(client.tension).toBeGreaterThan(40);
    expect(client.tensionReasons).toEqual(g.state.tensionReasons);
    expect(client.tensionReasons.map((r) => r.key)).toEqual(["policies.tension.reason.policies", "policies.tension.reason.decay"]);
    // The policy form's numbers travel with the public scenario (sent once as room.scenario).
    expect(publicScenario(g.state.scenario).policyRules).toMatchObject({ initialTension: 40, alertUpkeepFactor: { maximum: 1.6 }, trustLossEscalation: 4 });
  });
});
