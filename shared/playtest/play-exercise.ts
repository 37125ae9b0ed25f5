import type { ScenarioSpec } from "../scenario/schema.ts";
import type { ExerciseState } from "../state/schema.ts";
import type { ExerciseEvent } from "../protocol/events.ts";
import type { Actor, Command } from "../protocol/commands.ts";
import { initialState } from "../engine/initial-state.ts";
import { decide } from "../engine/decide.ts";
import { stamp } from "../engine/evolve.ts";
import { viewFor } from "../engine/view-for.ts";
import { RandomStream } from "../engine/prng.ts";
import { planTurn, botWorld } from "../bots/bot.ts";
import type { Persona } from "../bots/personas.ts";
import { endMetrics } from "./end-metrics.ts";
import { stateHash } from "../replay/state-hash.ts";

export type PlayOptions = {
  scenario: ScenarioSpec;
  seed: number;
  /** Stop after this many turns (the scenario's own length when absent or longer). */
  turns?: number;
  /** The persona playing each playable nation. */
  personas: Record<string, Persona>;
  /** Keep the log (to write it out); a sweep of hundreds of runs does not need it. */
  keepLog?: boolean;
  /** The exercise's id (part of its state, so of its hash): `playtest-<scenario>-<seed>` when absent. */
  exerciseId?: string;
  /** Decide as the rules' reference does, copying every record at every change (builder.ts): the same log, slower. */
  copyEveryEvent?: boolean;
};

export type PlayedExercise = {
  seed: number;
  phase: ExerciseState["phase"];
  turn: number;
  /** Commands each nation had accepted. */
  actions: Record<string, number>;
  metrics: Record<string, number>;
  stateHash: string;
  state: ExerciseState;
  events: ExerciseEvent[];
};

const CONTROL: Actor = { role: "facilitator", name: "playtest" };
/** Seconds between two commands on the exercise's clock: a replay shows them in order. */
const STEP_MS = 1000;

/**
 * A whole exercise played headless by bots, through the real engine: exercise control starts it,
 * each turn every playable nation's bot plans from its own view and its commands go through
 * `decide` as a team's would, then every team commits and the turn resolves. A nation no team
 * plays moves by its scenario playbook, automatically, inside the same decisions (run-playbooks.ts). Deterministic: the
 * same scenario, seed and personas always give the same log (its hash is `stateHash`).
 */
export function playExercise(options: PlayOptions): PlayedExercise {
  const { scenario, seed } = options;
  const world = botWorld(scenario);
  let state = initialState(scenario, options.exerciseId ?? `playtest-${scenario.id}-${seed}`, seed);
  const events: ExerciseEvent[] = [];
  const actions: Record<string, number> = {};
  let now = Date.parse(scenario.startTime);
  const everInCrisis = new Set<string>();
  const noteCrises = () => {
    for (const region of Object.values(state.regions)) if (region.crisis) everInCrisis.add(region.id);
  };
  const decideOptions = { copyEveryEvent: options.copyEveryEvent === true };
  const apply = (command: Command, actor: Actor): boolean => {
    now += STEP_MS;
    const decision = decide(state, command, actor, now, decideOptions);
    if ("rejected" in decision) return false;
    // Moves the playbooks made inside this decision (at the start of a turn), for nations no bot plays.
    for (const event of decision.events) if (event.type === "actedFor" && event.as === "playbook") actions[event.nation] = (actions[event.nation] ?? 0) + 1;
    const stamped = stamp(state, decision.events, now);
    if (options.keepLog) events.push(...stamped);
    state = decision.state;
    return true;
  };
  const lastTurn = Math.min(options.turns ?? scenario.turns, scenario.turns);
  const playable = Object.values(state.nations)
    .filter((n) => n.playable)
    .map((n) => n.id)
    .sort();
  // Every nation is counted: the playable ones' bots and the others' playbooks (automatic).
  for (const nation of Object.keys(state.nations).sort()) actions[nation] = 0;
  noteCrises();
  apply({ type: "startExercise" }, CONTROL);
  noteCrises();
  while (state.phase === "running" && state.turn <= lastTurn) {
    const turn = state.turn;
    for (const nation of playable) {
      const persona = options.personas[nation];
      if (!persona) continue;
      // Each nation's dice are its own, seeded by the exercise, the nation and the turn: one bot's
      // choices never shift another's.
      const dice = new RandomStream(mix(seed, nation, turn));
      const commands = planTurn({ view: viewFor(state, { kind: "nation", nation }), world, persona, random: () => dice.next() });
      const actor: Actor = { role: "participant", nation, name: `bot (${persona.id})` };
      for (const command of commands) if (state.turn === turn && state.phase === "running" && apply(command, actor)) actions[nation]!++;
    }
    // A team without a bot, or one whose commit was refused, is committed for by exercise control.
    if (state.turn === turn && state.phase === "running") apply({ type: "forceResolve", turn }, CONTROL);
    noteCrises();
    if (state.turn === turn && state.phase === "running") break;
    if (state.turn > lastTurn && state.phase === "running") apply({ type: "endExercise" }, CONTROL);
  }
  return { seed, phase: state.phase, turn: state.turn, actions, metrics: endMetrics(state, everInCrisis), stateHash: stateHash(state), state, events };
}

/** A 32-bit seed from the exercise's seed, a nation and a turn (FNV-1a over their text). */
function mix(seed: number, nation: string, turn: number): number {
  let hash = 0x811c9dc5;
  for (const char of `${seed}:${nation}:${turn}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
