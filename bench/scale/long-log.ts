import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { decide } from "../../shared/engine/decide.ts";
import { stamp } from "../../shared/engine/evolve.ts";
import { RandomStream } from "../../shared/engine/prng.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";
import type { Actor, Command } from "../../shared/protocol/commands.ts";
import { scaleScenario, type ScaleSize } from "./scale-scenario.ts";

/** The length benchmark's exercise: twelve nations on a 100-region map, 60 turns. */
export const LENGTH_SIZE: ScaleSize = { nations: 12, regions: 100, assets: 600, injects: 400, turns: 60, seed: 41 };

/**
 * A week of play as a log of `count` events: team, bilateral and alliance chat, drafts and
 * withdrawals, deployments, statements, the MSEL released on schedule and the odd manual
 * inject, and a resolution every `count / turns` events, through the real engine. Seeded.
 */
export function makeLongLog(count: number, size: ScaleSize = LENGTH_SIZE): { scenario: ScenarioSpec; initial: ExerciseState; events: ExerciseEvent[] } {
  const scenario = ScenarioSpec.parse(scaleScenario(size));
  const initial = initialState(scenario, "ex-long", 7);
  const random = new RandomStream(size.seed ?? 7);
  let state = initial;
  const events: ExerciseEvent[] = [];
  let now = Date.parse(scenario.startTime);
  const run = (command: Command, actor: Actor): boolean => {
    const decision = decide(state, command, actor, (now += 250));
    if ("rejected" in decision) return false;
    const stamped = stamp(state, decision.events, now);
    events.push(...stamped);
    state = decision.state;
    return true;
  };
  const control: Actor = { role: "facilitator", name: "Lead controller" };
  run({ type: "startExercise" }, control);
  const playable = scenario.nations.filter((n) => n.playable).map((n) => n.id);
  const perTurn = Math.max(1, Math.floor(count / scenario.turns));
  let step = 0;
  while (events.length < count && state.phase === "running") {
    const nation = playable[step % playable.length]!;
    const actor: Actor = { role: "participant", nation, name: `${nation} officer ${step % 22}` };
    const roll = random.next();
    if (roll < 0.55) {
      run({ type: "sendMessage", channel: `team:${nation}`, text: `Update ${step}: watch the northern lane, brief at the hour.` }, actor);
    } else if (roll < 0.7) {
      const partner = playable[(playable.indexOf(nation) + 1) % playable.length]!;
      const [a, b] = [nation, partner].sort();
      run({ type: "sendMessage", channel: `bilateral:${a}:${b}`, text: `Can you cover sector ${step % 40} tonight?` }, actor);
    } else if (roll < 0.8) {
      run({ type: "sendMessage", channel: "alliance", text: `Alliance note ${step}.` }, actor);
    } else if (roll < 0.93) {
      const asset = Object.values(state.assets).find(
        (a) => a.owner === nation && a.route.length === 0 && a.status !== "degraded" && (step + a.id.length) % 3 === 0,
      );
      if (asset) {
        const missions = scenario.assetTypes.find((t) => t.id === asset.type)!.missions;
        run({ type: "draftOrder", order: { kind: "setMission", asset: asset.id, mission: missions[step % missions.length]! } }, actor);
      }
    } else if (roll < 0.97) {
      const draft = Object.values(state.drafts).find((d) => d.nation === nation);
      if (draft) run({ type: "withdrawDraft", draft: draft.id }, actor);
    } else {
      run({ type: "makeStatement", stance: "reassuring", text: `Nation ${nation} stands with its allies.` }, actor);
    }
    step++;
    if (events.length >= perTurn * state.turn) run({ type: "forceResolve", turn: state.turn }, control);
  }
  return { scenario, initial, events: events.slice(0, count) };
}
