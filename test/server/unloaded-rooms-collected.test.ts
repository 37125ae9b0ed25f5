import { describe, it, expect, afterEach } from "vitest";
import { matchMaker } from "@colyseus/core";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { startHarness, sleep, until, type Harness } from "./harness.ts";

/**
 * A room that unloads (rooms on demand, #22.6) must leave nothing behind: a server that loads
 * and unloads exercises for weeks would otherwise grow with each one.
 */
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

let h: Harness | null = null;
afterEach(async () => {
  await h?.shutdown();
  h = null;
});

describe("an unloaded room", () => {
  it("is garbage once it has unloaded: its room, state and encoder are collected", async () => {
    h = await startHarness({ env: { CONCORD_ROOM_IDLE_SECONDS: "1" } });
    const rooms: WeakRef<object>[] = [];
    for (let i = 0; i < 3; i++) {
      const ex = await h.createExercise();
      const seat = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
      expect((await seat.send({ type: "startExercise" })).ok).toBe(true);
      expect((await seat.send({ type: "pauseExercise" })).ok).toBe(true);
      rooms.push(new WeakRef(matchMaker.getLocalRoomById(ex.id)!));
      await seat.room.leave(true);
      await until(() => !matchMaker.getLocalRoomById(ex.id), "the idle room to unload", 5000);
    }
    for (let i = 0; i < 10 && rooms.some((r) => r.deref()); i++) {
      await sleep(50);
      collectGarbage();
    }
    expect(rooms.map((r) => r.deref() === undefined)).toEqual([true, true, true]);
  }, 30_000);
});
