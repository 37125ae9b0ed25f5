import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { ScenarioSpec, type ScenarioInput } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { decide } from "../../shared/engine/decide.ts";
import { stamp, foldEvents } from "../../shared/engine/evolve.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import { Command, type Actor } from "../../shared/protocol/commands.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";
import { ROOT } from "../../server/config.ts";

/** Commands are parsed as the server parses them off the wire, defaults included. */
function parse(command: unknown): Command {
  const parsed = Command.safeParse(command);
  if (!parsed.success) throw new Error(`invalid command ${JSON.stringify(command)}: ${parsed.error.message}`);
  return parsed.data;
}

export const tinyInput = (): ScenarioInput => JSON.parse(readFileSync(join(ROOT, "test/server/fixtures/scenarios/tiny.json"), "utf8"));

export const control: Actor = { role: "facilitator", name: "Control" };
export const observer: Actor = { role: "observer", name: "Trainer" };
export const system: Actor = { role: "system" };
export const as = (nation: string, name = nation): Actor => ({ role: "participant", nation, name });

/** A game driven through decide/evolve exactly as the server does, with a controllable clock. */
export class Game {
  state: ExerciseState;
  readonly initial: ExerciseState;
  events: ExerciseEvent[] = [];
  now = 1_000_000;

  constructor(input: ScenarioInput = tinyInput(), seed = 7, tweak?: (s: ScenarioInput) => void) {
    tweak?.(input);
    this.initial = initialState(ScenarioSpec.parse(input), "ex-rules", seed);
    this.state = this.initial;
  }

  /** Applies a command and returns its events; throws with the reason when refused. */
  do(command: object, actor: Actor = control): ExerciseEvent[] {
    const decision = decide(this.state, parse(command), actor, this.now);
    if ("rejected" in decision) throw new Error(`${(command as Command).type} refused (${decision.rejected.code}): ${decision.rejected.message}`);
    const stamped = stamp(this.state, decision.events, this.now);
    this.events.push(...stamped);
    this.state = foldEvents(this.state, stamped);
    return stamped;
  }

  /** Expects a refusal with this code and returns the human sentence. */
  refuse(command: object, actor: Actor, code: string): string {
    const decision = decide(this.state, parse(command), actor, this.now);
    expect("rejected" in decision ? decision.rejected.code : "accepted").toBe(code);
    return "rejected" in decision ? decision.rejected.message : "";
  }

  start(): this {
    this.do({ type: "startExercise" });
    return this;
  }

  /** Every playable nation commits: the turn resolves. */
  endTurn(): this {
    const turn = this.state.turn;
    for (const nation of Object.values(this.state.nations).filter((n) => n.playable)) this.do({ type: "commitTurn", turn }, as(nation.id));
    return this;
  }

  types(): string[] {
    return this.events.map((e) => e.type);
  }
}
