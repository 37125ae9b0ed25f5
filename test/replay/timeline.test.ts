import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { decide } from "../../shared/engine/decide.ts";
import { stamp, foldEvents } from "../../shared/engine/evolve.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import type { Actor, Command } from "../../shared/protocol/commands.ts";
import { ReplayTimeline } from "../../shared/replay/timeline.ts";
import { ROOT } from "../../server/config.ts";

const scenario = ScenarioSpec.parse(JSON.parse(readFileSync(join(ROOT, "test/server/fixtures/scenarios/tiny.json"), "utf8")));
const control: Actor = { role: "facilitator", name: "Control" };
const north: Actor = { role: "participant", nation: "north", name: "Alice" };
const south: Actor = { role: "participant", nation: "south", name: "Bob" };

function play(): { events: ExerciseEvent[]; final: ReturnType<typeof initialState> } {
  let state = initialState(scenario, "ex-replay", 7);
  const events: ExerciseEvent[] = [];
  const run = (command: Command, actor: Actor) => {
    const decision = decide(state, command, actor, 1_000 + events.length);
    if ("rejected" in decision) throw new Error(`${command.type}: ${decision.rejected.message}`);
    const stamped = stamp(state, decision.events, 1_000 + events.length);
    events.push(...stamped);
    state = foldEvents(state, stamped);
  };
  run({ type: "startExercise" }, control);
  for (let turn = 1; turn <= 3; turn++) {
    for (let i = 0; i < 20; i++) run({ type: "sendMessage", channel: "alliance", text: `turn ${turn} message ${i}` }, north);
    run({ type: "commitTurn", turn }, north);
    run({ type: "commitTurn", turn }, south);
  }
  return { events, final: state };
}

describe("replay timeline", () => {
  const { events, final } = play();
  const initial = initialState(scenario, "ex-replay", 7);

  it("seeks to the same state as folding from the start, at every event", () => {
    const timeline = new ReplayTimeline(initial, events, 16);
    for (const event of events)
      expect(timeline.stateAt(event.seq)).toEqual(
        foldEvents(
          initial,
          events.filter((e) => e.seq <= event.seq),
        ),
      );
    expect(timeline.stateAt(timeline.lastSeq)).toEqual(final);
  });

  it("clamps seeks before the first and after the last event", () => {
    const timeline = new ReplayTimeline(initial, events, 16);
    expect(timeline.stateAt(0)).toBe(initial);
    expect(timeline.stateAt(1e9)).toEqual(final);
  });

  it("marks where each turn starts and each inject is released", () => {
    const timeline = new ReplayTimeline(initial, events);
    expect(timeline.turnMarkers().map((m) => m.turn)).toEqual([1, 2, 3, 4]);
    expect(timeline.injectMarkers().map((m) => m.number)).toContain("1.01");
  });
});
