import { describe, it, expect } from "vitest";
import type { Viewer } from "../../shared/engine/view-for.ts";
import { ExerciseRoomState, PerspectiveSchema } from "../../server/rooms/room-state.ts";
import { PerspectiveProjection, type Versioned } from "../../server/rooms/projection.ts";
import { PublicProjection } from "../../server/rooms/public-projection.ts";
import { readState } from "../../client/src/state/read-state.ts";
import { Game, as } from "../rules/game.ts";

/**
 * What reaches each browser of forces under alliance command: the commander's perspective carries
 * the ally's asset whole, with its caveats, and every seat knows who commands; a nation outside
 * the command gets nothing new, not even in the room's raw state.
 */
const nothing: Versioned<never[]> = { version: 0, value: () => [] };

function perspectiveOf(g: Game, viewer: Viewer) {
  const room = new ExerciseRoomState();
  const key = viewer.kind === "nation" ? viewer.nation : "white";
  const perspective = Object.assign(new PerspectiveSchema(), { viewer: key });
  room.perspectives.set(key, perspective);
  new PublicProjection(room).update(g.state, { version: 0, value: () => ({}) });
  new PerspectiveProjection(perspective, viewer).update(g.state, nothing, nothing);
  return { json: JSON.stringify(room.toJSON()), client: readState(room) };
}

describe("projection of forces under alliance command", () => {
  const g = new Game().start();
  g.do({ type: "designateCommander", nation: "north" });
  g.do({ type: "draftOrder", order: { kind: "transferAuthority", asset: "s-med", excludedRegions: ["n-home"] } }, as("south"));
  g.endTurn();

  it("gives the commander the ally's asset with its caveats, and everyone the commander", () => {
    const north = perspectiveOf(g, { kind: "nation", nation: "north" });
    expect(north.client.allianceCommander).toBe("north");
    expect(north.client.perspective!.assets["s-med"]).toMatchObject({
      owner: "south",
      foreign: false,
      status: "ready",
      authority: { since: 1, excludedMissions: [], excludedRegions: ["n-home"] },
    });
  });

  it("gives a nation outside the command nothing of it", () => {
    const red = perspectiveOf(g, { kind: "nation", nation: "red" });
    expect(red.client.allianceCommander).toBe("north");
    expect(red.client.perspective!.assets["s-med"]).toBeUndefined();
    expect(red.json).not.toContain("Sudland Field Hospital");
    expect(red.json).not.toContain("excludedRegions");
  });
});
