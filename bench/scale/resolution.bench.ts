import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { decide } from "../../shared/engine/decide.ts";
import { stateHash } from "../../shared/replay/state-hash.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";
import type { Actor, Command } from "../../shared/protocol/commands.ts";
import { percentile, result, type BenchResult } from "../stats.ts";
import { FULL_SCALE, HALF_SCALE, scaleScenario, type ScaleSize } from "./scale-scenario.ts";

const CONTROL: Actor = { role: "facilitator", name: "Lead controller" };

/**
 * A turn's resolution at half and full size (#23: "stays fast"): every seat's room waits while
 * it runs. Each playable nation drafts orders for one asset in 25 of its own (deployments to a
 * region some way off and mission changes), then exercise control resolves the turn. The
 * baseline is the same resolution decided as the rules did before a decision changed its own
 * copies in place (`copyEveryEvent`, builder.ts), from the same state in the same run; the two
 * must emit the same events, or the bench fails.
 */
export async function runResolutionBench({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const [label, size] of [
    ["half", HALF_SCALE],
    ["full", FULL_SCALE],
  ] as const) {
    const m = measure(size, quick ? 2 : 4);
    process.stdout.write(
      `  resolution ${label}: ${m.ms.map((v) => v.toFixed(0)).join("/")} ms (copying every change: ${m.referenceMs.map((v) => v.toFixed(0)).join("/")} ms), ${m.orders} orders, ${m.events} events a turn\n`,
    );
    out.push(
      result(
        `scale.resolution_${label}_ms`,
        percentile(m.ms, 50),
        percentile(m.referenceMs, 50),
        "ms",
        "<= 500",
        "value",
        `${size.nations} nations, ${size.regions} regions, ${size.assets.toLocaleString("en")} assets: forceResolve decided (rules and fold, no server) after ~${m.orders} drafted orders, ~${m.events} events; median of ${m.ms.length} turns; baseline: the same turns copying every record at every change`,
      ),
    );
  }
  return out;
}

function measure(size: ScaleSize, turns: number): { ms: number[]; referenceMs: number[]; orders: number; events: number } {
  const scenario = ScenarioSpec.parse(scaleScenario(size));
  let state: ExerciseState = initialState(scenario, `ex-resolution-${size.assets}`, 23);
  let now = Date.parse(scenario.startTime);
  const run = (command: Command, actor: Actor): boolean => {
    const decision = decide(state, command, actor, (now += 1000));
    if ("rejected" in decision) return false;
    state = decision.state;
    return true;
  };
  if (!run({ type: "startExercise" }, CONTROL)) throw new Error("resolution bench: the exercise did not start");
  const regions = Object.keys(state.regions);
  const ms: number[] = [];
  const referenceMs: number[] = [];
  let orders = 0;
  let events = 0;
  for (let turn = 0; turn < turns; turn++) {
    for (const nation of scenario.nations.filter((n) => n.playable)) {
      const actor: Actor = { role: "participant", nation: nation.id, name: `${nation.id} planner` };
      const own = Object.values(state.assets).filter((a) => a.owner === nation.id && a.route.length === 0 && a.status !== "degraded");
      for (let i = 0; i < Math.min(25, own.length); i++) {
        const asset = own[(i * 7 + turn * 3) % own.length]!;
        const missions = scenario.assetTypes.find((t) => t.id === asset.type)!.missions;
        const destination = regions[(i * 31 + turn * 17 + nation.id.length) % regions.length]!;
        const deployed = i % 2 === 0 && run({ type: "draftOrder", order: { kind: "deployAsset", asset: asset.id, destination, mission: missions[0]! } }, actor);
        if (deployed || run({ type: "draftOrder", order: { kind: "setMission", asset: asset.id, mission: missions[(i + turn) % missions.length]! } }, actor))
          orders++;
      }
    }
    const command: Command = { type: "forceResolve", turn: state.turn };
    const at = (now += 1000);
    let t = performance.now();
    const reference = decide(state, command, CONTROL, at, { copyEveryEvent: true });
    referenceMs.push(performance.now() - t);
    t = performance.now();
    const decision = decide(state, command, CONTROL, at);
    ms.push(performance.now() - t);
    if ("rejected" in decision || "rejected" in reference) throw new Error("resolution bench: the turn was not resolved");
    if (stateHash(decision.events) !== stateHash(reference.events)) throw new Error("resolution bench: the resolution differs from copying every change");
    events += decision.events.length;
    state = decision.state;
  }
  return { ms, referenceMs, orders: Math.round(orders / turns), events: Math.round(events / turns) };
}
