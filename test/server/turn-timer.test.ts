import { describe, it, expect } from "vitest";
import { TurnTimer } from "../../server/rooms/turn-timer.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";

function fakeClock() {
  const timers: { ms: number; fn: () => void; cleared: boolean }[] = [];
  return {
    timers,
    setTimeout(fn: () => void, ms: number) {
      const timer = { ms, fn, cleared: false };
      timers.push(timer);
      return { clear: () => void (timer.cleared = true) };
    },
  };
}
const at = (phase: string, turn: number, deadline: number | null) => ({ phase, turn, deadline }) as unknown as ExerciseState;

describe("the turn timer", () => {
  it("sets one timer per running turn's deadline, however many commands look at it", () => {
    const clock = fakeClock();
    const expired: number[] = [];
    const timer = new TurnTimer(clock, (turn) => expired.push(turn));
    const deadline = Date.now() + 60_000;
    for (let i = 0; i < 5; i++) timer.schedule(at("running", 1, deadline));
    expect(clock.timers).toHaveLength(1);
    expect(timer.set).toBe(true);
    clock.timers[0]!.fn();
    expect(expired).toEqual([1]);
  });

  it("moves with the deadline, and is cleared when the turn stops running", () => {
    const clock = fakeClock();
    const timer = new TurnTimer(clock, () => {});
    const deadline = Date.now() + 60_000;
    timer.schedule(at("running", 1, deadline));
    timer.schedule(at("running", 1, deadline + 30_000));
    expect(clock.timers.map((t) => t.cleared)).toEqual([true, false]);
    timer.schedule(at("running", 2, deadline + 30_000));
    expect(clock.timers.map((t) => t.cleared)).toEqual([true, true, false]);
    timer.schedule(at("paused", 2, null));
    timer.schedule(at("paused", 2, null));
    expect(clock.timers.map((t) => t.cleared)).toEqual([true, true, true]);
    expect(timer.set).toBe(false);
    timer.schedule(at("running", 2, deadline + 30_000));
    expect(clock.timers).toHaveLength(4);
  });
});
