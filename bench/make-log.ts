import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ScenarioSpec } from "../shared/scenario/schema.ts";
import { initialState } from "../shared/engine/initial-state.ts";
import { decide } from "../shared/engine/decide.ts";
import { stamp, foldEvents } from "../shared/engine/evolve.ts";
import type { ExerciseEvent } from "../shared/protocol/events.ts";
import type { ExerciseState } from "../shared/state/schema.ts";
import type { Actor, Command } from "../shared/protocol/commands.ts";
import { ROOT } from "../server/config.ts";

/**
 * A long recorded exercise for the replay benchmarks: the Northern Flank scenario played by a
 * seeded script (messages, drafts, withdrawals, sharing, statements, turn commits) until the log
 * holds `count` events.
 */
export function makeLog(count: number): { initial: ExerciseState; events: ExerciseEvent[] } {
  const scenario = ScenarioSpec.parse(JSON.parse(readFileSync(join(ROOT, "scenarios", "01-northern-flank.json"), "utf8")));
  const stretched = { ...scenario, turns: 100 };
  const initial = initialState(stretched, "ex-bench", 99);
  let state = initial;
  const events: ExerciseEvent[] = [];
  let now = 1_000_000;
  const run = (command: Command, actor: Actor) => {
    const decision = decide(state, command, actor, (now += 500));
    if ("rejected" in decision) return;
    const stamped = stamp(state, decision.events, now);
    events.push(...stamped);
    state = foldEvents(state, stamped);
  };
  run({ type: "startExercise" }, { role: "facilitator", name: "Control" });
  const playable = scenario.nations.filter((n) => n.playable).map((n) => n.id);
  let i = 0;
  while (events.length < count && state.phase !== "ended") {
    for (const nation of playable) {
      const actor: Actor = { role: "participant", nation, name: `${nation}-${i % 5}` };
      run({ type: "sendMessage", channel: `team:${nation}`, text: `Situation update ${i} from ${nation}.` }, actor);
      const asset = Object.values(state.assets).find((a) => a.owner === nation && a.route.length === 0);
      if (asset)
        run(
          {
            type: "draftOrder",
            order: {
              kind: "setMission",
              asset: asset.id,
              mission: state.scenario.assetTypes.find((t) => t.id === asset.type)!.missions[
                i % 2 === 0 ? 0 : state.scenario.assetTypes.find((t) => t.id === asset.type)!.missions.length - 1
              ]!,
            },
          },
          actor,
        );
      const report = Object.values(state.reports).find((r) => r.owner === nation);
      if (report && i % 3 === 0) run({ type: "shareIntel", report: report.id, with: [playable[(playable.indexOf(nation) + 1) % playable.length]!] }, actor);
      if (i % 7 === 0) run({ type: "makeStatement", stance: "reassuring", text: "We stand together." }, actor);
    }
    i++;
    if (i % 4 === 0) for (const nation of playable) run({ type: "commitTurn", turn: state.turn }, { role: "participant", nation, name: nation });
  }
  return { initial, events: events.slice(0, count) };
}
