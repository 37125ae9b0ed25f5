import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { decide } from "../../shared/engine/decide.ts";
import { stamp, foldEvents } from "../../shared/engine/evolve.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import type { Actor, Command } from "../../shared/protocol/commands.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";
import { ROOT } from "../../server/config.ts";

export const tinyScenario = ScenarioSpec.parse(JSON.parse(readFileSync(join(ROOT, "test/server/fixtures/scenarios/tiny.json"), "utf8")));
export const control: Actor = { role: "facilitator", name: "Control" };
export const north: Actor = { role: "participant", nation: "north", name: "Alice" };
export const south: Actor = { role: "participant", nation: "south", name: "Bob" };

/** A scripted game of the tiny scenario through the engine, as the server would record it. */
export class Script {
  state: ExerciseState;
  events: ExerciseEvent[] = [];
  clock = 1_000_000;
  readonly initial: ExerciseState;
  constructor(seed = 11) {
    this.initial = initialState(tinyScenario, "ex-script", seed);
    this.state = this.initial;
  }
  run(command: Command, actor: Actor): number {
    this.clock += 1000;
    const decision = decide(this.state, command, actor, this.clock);
    if ("rejected" in decision) throw new Error(`${command.type} refused: ${decision.rejected.message}`);
    const stamped = stamp(this.state, decision.events, this.clock);
    this.events.push(...stamped);
    this.state = foldEvents(this.state, stamped);
    return this.state.seq;
  }
  commitAll() {
    const turn = this.state.turn;
    this.run({ type: "commitTurn", turn }, north);
    this.run({ type: "commitTurn", turn }, south);
  }
}

/** Plays the tiny scenario to the end with a few meaningful responses to its injects. */
export function playTiny(): Script {
  const s = new Script();
  s.run({ type: "startExercise" }, control);
  s.run({ type: "draftOrder", order: { kind: "deployAsset", asset: "s-med", destination: "island", mission: "medical" } }, south);
  s.run({ type: "releaseInject", inject: "red-sighting" }, control);
  s.run({ type: "addNote", text: "Nordmark hesitated before sharing the sighting.", inject: "red-sighting" }, control);
  s.commitAll();
  const report = Object.values(s.state.reports).find((r) => r.owner === "north")!;
  s.run({ type: "shareIntel", report: report.id, with: ["south"] }, north);
  s.run(
    { type: "adjustState", effects: [{ kind: "stability", region: "island", delta: 5 }], rationale: "Local authorities evacuated the coast early." },
    control,
  );
  while (s.state.phase !== "ended") s.commitAll();
  return s;
}
