import { describe, it, expect, afterEach } from "vitest";
import { matchMaker } from "@colyseus/core";
import { startHarness, sleep, until, type Harness } from "./harness.ts";
import { MemoryStore } from "../../server/store/memory-store.ts";
import { ExerciseService } from "../../server/exercises/exercise-service.ts";
import { wakeExercises } from "../../server/app.ts";
import { silentLogger } from "../../server/log.ts";
import { decide } from "../../shared/engine/decide.ts";
import { stamp } from "../../shared/engine/evolve.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";
import type { Command } from "../../shared/protocol/commands.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import { initialState } from "../../shared/engine/initial-state.ts";

/** Rooms on demand (issue #22.6): unloaded when idle, loaded on the next join, kept while a turn timer runs. */
let h: Harness | null = null;
afterEach(async () => {
  await h?.shutdown();
  h = null;
});

const loaded = (id: string) => Boolean(matchMaker.getLocalRoomById(id));
const control = { role: "facilitator", name: "Control" } as const;

/** Plays commands through the rules as the room would, at chosen times. */
function play(state: ExerciseState, steps: [Command, number][]): { state: ExerciseState; events: ExerciseEvent[] } {
  const events: ExerciseEvent[] = [];
  for (const [command, now] of steps) {
    const decision = decide(state, command, control, now);
    if ("rejected" in decision) throw new Error(`${command.type} refused: ${decision.rejected.code}`);
    events.push(...stamp(state, decision.events, now));
    state = decision.state;
  }
  return { state, events };
}

describe("rooms on demand", () => {
  it("unloads a room nobody has been in for CONCORD_ROOM_IDLE_SECONDS and loads it from its log on the next join", async () => {
    h = await startHarness({ env: { CONCORD_ROOM_IDLE_SECONDS: "1" } });
    const ex = await h.createExercise();
    const seat = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    expect((await seat.send({ type: "setTurnTimer", seconds: 600 })).ok).toBe(true);
    const seq = await h.store.lastSeq(ex.id);
    // Somebody in it: it stays, however long.
    await sleep(1500);
    expect(loaded(ex.id)).toBe(true);
    await seat.room.leave(true);
    const left = Date.now();
    await until(() => !loaded(ex.id), "the idle room to unload", 5000);
    expect(Date.now() - left).toBeGreaterThanOrEqual(900);
    // The status beside the log says where it stood, without a room.
    expect((await h.store.listExercises())[0]).toMatchObject({ id: ex.id, lastSeq: seq, status: { phase: "lobby", turn: 0, deadline: null } });

    const back = await h.join(ex.id, { seat: seat.welcome.seat });
    expect(loaded(ex.id)).toBe(true);
    expect(back.welcome.role).toBe("facilitator");
    expect(back.room.state.seq).toBe(seq);
    // Started, its turn timer runs: empty, it stays loaded for the timer to fire.
    expect((await back.send({ type: "startExercise" })).ok).toBe(true);
    expect(await h.store.lastSeq(ex.id)).toBeGreaterThan(seq);
    await back.room.leave(true);
    await sleep(1800);
    expect(loaded(ex.id)).toBe(true);
    expect((await h.store.listExercises())[0]!.status).toMatchObject({ phase: "running", turn: 1, deadline: expect.any(Number) });

    // A join code looked up on the start page loads an unloaded room too; an unknown id stays unknown.
    const other = await h.createExercise();
    await until(() => !loaded(other.id), "the untouched room to unload", 5000);
    const res = await fetch(`${h.url}/api/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: other.joinCodes[0]!.code }),
    });
    expect(res.status).toBe(200);
    expect(loaded(other.id)).toBe(true);
    await expect(h.join("nope-nope", { code: other.joinCodes[0]!.code, name: "Alice" })).rejects.toThrow(/not found/);
  }, 30_000);

  it("keeps a room whose turn timer runs, with nobody in it, and the timer fires; at start only such exercises are loaded", async () => {
    const store = new MemoryStore();
    const seeded = new ExerciseService(store, []);
    const { TEST_SCENARIOS } = await import("./harness.ts");
    const { loadScenarioCatalog } = await import("../../server/exercises/scenario-catalog.ts");
    const tiny = loadScenarioCatalog(TEST_SCENARIOS).scenarios.find((s) => s.scenario.id === "tiny")!.scenario;
    const service = new ExerciseService(store, loadScenarioCatalog(TEST_SCENARIOS).scenarios);
    const timed = await service.create("tiny", "Timed");
    const idle = await service.create("tiny", "Idle");
    const record = (await store.getExercise(timed.id))!;
    // A turn timer of 10 s set 8 s ago: 2 s left.
    const now = Date.now();
    const { state, events } = play(initialState(tiny, record.id, record.seed), [
      [{ type: "startExercise" }, now - 8500],
      [{ type: "setTurnTimer", seconds: 10 }, now - 8000],
    ]);
    await store.append(timed.id, events);
    await store.setStatus(timed.id, { seq: state.seq, phase: state.phase, turn: state.turn, deadline: state.deadline });
    expect(state.deadline).toBeGreaterThan(now);

    h = await startHarness({ store, env: { CONCORD_ROOM_IDLE_SECONDS: "1" } });
    expect(await wakeExercises(seeded, silentLogger)).toEqual({ stored: 2, loaded: 1 });
    expect(loaded(timed.id)).toBe(true);
    expect(loaded(idle.id)).toBe(false);
    await sleep(1500);
    expect(loaded(timed.id)).toBe(true);
    const deadline = Date.now() + 6000;
    while (!(await store.readEvents(timed.id)).some((e) => e.type === "turnStarted" && e.turn === 2)) {
      if (Date.now() > deadline) throw new Error("the turn timer did not fire in an empty room");
      await sleep(100);
    }
    // The next turn has its own timer: still loaded.
    expect(loaded(timed.id)).toBe(true);
  }, 20_000);
});
