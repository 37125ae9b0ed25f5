import type { ExerciseState } from "../../shared/state/schema.ts";
import { publicNation, scenarioTime } from "../../shared/engine/view-for.ts";
import { cohesion } from "../../shared/engine/metrics.ts";
import { controlOf } from "../../shared/engine/nation-control.ts";
import { RegionSchema, NationSchema, type ExerciseRoomState } from "./room-state.ts";
import { assign, syncMap, writes, type Assignable } from "./schema-writes.ts";
import type { Versioned } from "./projection.ts";

/** Writes the public part of the state (the same for every client), skipping what did not change. */
export class PublicProjection {
  private readonly target: ExerciseRoomState;
  private regions: unknown = null;
  private nations: unknown = null;
  private nationControl: unknown = null;
  private relations: unknown = null;
  private tensionReasons: unknown = null;
  private turn = -1;
  private onlineVersion = -1;

  constructor(target: ExerciseRoomState) {
    this.target = target;
  }

  /** `online`: seats online per nation, with a version that changes when they do. */
  update(state: ExerciseState, online: Versioned<Record<string, number>>): void {
    const room = this.target;
    writes.touched = false;
    assign(room as unknown as Assignable, {
      phase: state.phase,
      turn: state.turn,
      turns: state.scenario.turns,
      deadline: state.deadline ?? 0,
      pausedRemainingMs: state.pausedRemainingMs ?? 0,
      turnSeconds: state.turnSeconds,
      tension: state.tension,
      allianceCommander: state.allianceCommander ?? "",
    });
    if (state.tensionReasons !== this.tensionReasons) {
      this.tensionReasons = state.tensionReasons;
      room.tensionReasons = JSON.stringify(state.tensionReasons);
    }
    // Derived figures are computed again only when what they derive from changed.
    if (state.turn !== this.turn) {
      this.turn = state.turn;
      room.scenarioTime = scenarioTime(state);
    }
    if (state.relations !== this.relations || state.nations !== this.nations) {
      this.relations = state.relations;
      const value = cohesion(state);
      if (room.cohesion !== value) room.cohesion = value;
    }
    if (state.regions !== this.regions) {
      this.regions = state.regions;
      syncMap(
        room.regions,
        state.regions,
        () => new RegionSchema(),
        (target, region) =>
          assign(target as unknown as Assignable, {
            id: region.id,
            owner: region.owner ?? "",
            stability: region.stability,
            baseline: region.baseline,
            crisisKind: region.crisis?.kind ?? "",
            crisisSeverity: region.crisis?.severity ?? 0,
            crisisSince: region.crisis?.since ?? 0,
          }),
      );
    }
    if (state.nations !== this.nations || state.nationControl !== this.nationControl || online.version !== this.onlineVersion) {
      this.nations = state.nations;
      this.nationControl = state.nationControl;
      this.onlineVersion = online.version;
      const onlineByNation = online.value();
      syncMap(
        room.nations,
        state.nations,
        () => new NationSchema(),
        (target, nation) => {
          const control = controlOf(state, nation.id);
          // What every nation knows of another (the view's definition), flattened into the schema.
          const { policies, ...known } = publicNation(nation);
          assign(target as unknown as Assignable, {
            ...known,
            publicStance: policies.publicStance,
            online: onlineByNation[nation.id] ?? 0,
            control: control.by,
            persona: control.persona ?? "",
            playbook: control.playbook ?? "",
          });
        },
      );
    }
    // The event the public part last changed at: a command that changed only some views moves
    // their perspectives' `seq`, not this one (a change here is a patch to every seat).
    if (writes.touched) room.seq = state.seq;
  }
}
