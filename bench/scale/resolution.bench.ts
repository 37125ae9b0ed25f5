import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { decide } from "../../shared/engine/decide.ts";
import { stateHash } from "../../shared/replay/state-hash.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";
import type { Actor, Command } from "../../shared/protocol/commands.ts";
import { percentile, result, type BenchResult } from "../stats.ts";
import { PerspectiveSchema } from "../../server/rooms/room-state.ts";
import { PerspectiveProjection, type Versioned } from "../../server/rooms/projection.ts";
import type { Viewer } from "../../shared/engine/view-for.ts";
import { FULL_SCALE, HALF_SCALE, scaleScenario, type ScaleSize } from "./scale-scenario.ts";

const CONTROL: Actor = { role: "facilitator", name: "Lead controller" };

/**
 * A turn's resolution at half and full size (#23: "stays fast"): every seat's room waits while
 * it runs. Then exercise control's adjudication of one unit, through the rules and the
 * projection of every perspective (the room's work for a command, without the sockets). Each playable nation drafts orders for one asset in 25 of its own (deployments to a
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
    process.stdout.write(
      `  adjudication ${label}: ${m.adjudicationMs.map((v) => v.toFixed(1)).join("/")} ms (every perspective written from scratch: ${m.fromScratchMs.map((v) => v.toFixed(0)).join("/")} ms)\n`,
    );
    out.push(
      result(
        `scale.adjudication_${label}_ms`,
        percentile(m.adjudicationMs, 50),
        percentile(m.fromScratchMs, 50),
        "ms",
        "<= 20",
        "value",
        `exercise control adjusts one unit's strength (adjustState) after the turns above: the rules and the projection of the white cell's and every nation's perspective (${size.nations + 1}), median of ${m.adjudicationMs.length} units (the slowest ${Math.max(...m.adjudicationMs).toFixed(1)} ms); baseline: the same perspectives written from scratch; target: the seats' command p99`,
      ),
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

type Measured = { ms: number[]; referenceMs: number[]; orders: number; events: number; adjudicationMs: number[]; fromScratchMs: number[] };
const NOTHING: Versioned<never[]> = { version: 0, value: () => [] };

function measure(size: ScaleSize, turns: number): Measured {
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
  // One unit adjudicated at a time, each projected into every perspective kept up to date, as a room does.
  const viewers: Viewer[] = [{ kind: "white" }, ...scenario.nations.map((n) => ({ kind: "nation" as const, nation: n.id }))];
  const projectAll = (projections: PerspectiveProjection[]) => {
    for (const projection of projections) projection.update(state, NOTHING, NOTHING);
  };
  const fresh = () => viewers.map((viewer) => new PerspectiveProjection(new PerspectiveSchema(), viewer));
  const live = fresh();
  projectAll(live);
  const adjudicationMs: number[] = [];
  const fromScratchMs: number[] = [];
  const units = Object.values(state.assets)
    .filter((_, i) => i % 97 === 0)
    .slice(0, 20);
  for (const [i, unit] of units.entries()) {
    const t = performance.now();
    const adjusted = run(
      { type: "adjustState", effects: [{ kind: "assetStrength", asset: unit.id, delta: i % 2 ? 2 : -2 }], rationale: "Adjudicated: hit in the storm." },
      CONTROL,
    );
    projectAll(live);
    adjudicationMs.push(performance.now() - t);
    if (!adjusted) throw new Error("resolution bench: the adjudication was refused");
    if (i < 3) {
      const t0 = performance.now();
      projectAll(fresh());
      fromScratchMs.push(performance.now() - t0);
    }
  }
  return { ms, referenceMs, orders: Math.round(orders / turns), events: Math.round(events / turns), adjudicationMs, fromScratchMs };
}
