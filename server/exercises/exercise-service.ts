import type { EventStore, ExerciseRecord } from "../store/event-store.ts";
import type { ScenarioEntry } from "./scenario-catalog.ts";
import { newExerciseId, newJoinCode, newObserverCode, newSecretToken, newSeed, hashToken } from "./secrets.ts";
import { CredentialGuard } from "../security/credential-guard.ts";
import { JoinRefused, SeatService } from "./seat-service.ts";
import type { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { foldEvents, stamp } from "../../shared/engine/evolve.ts";
import { decide } from "../../shared/engine/decide.ts";
import { msg } from "../../shared/i18n/message.ts";
import { consistentBranchPoint } from "./branch-point.ts";
import { statusOf } from "./exercise-status.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";

export type CreatedExercise = {
  id: string;
  /** For a branch: the last event of the source it starts from (moved back from inside a resolution, see branch-point.ts). */
  branchedAt?: number;
  title: string;
  scenarioId: string;
  facilitatorToken: string;
  joinCodes: { nation: string; name: string; code: string }[];
  observerCode: string;
};

/** Creating exercises: from a scenario, again from another's scenario, from a log, as a branch. Joining them is `seats`'. */
export class ExerciseService {
  readonly store: EventStore;
  /** Codes and seats: joins, the HTTP API's credentials, exercise control's codes. */
  readonly seats: SeatService;
  private scenarios: ScenarioEntry[];

  constructor(store: EventStore, scenarios: ScenarioEntry[], guard = new CredentialGuard()) {
    this.store = store;
    this.scenarios = scenarios;
    this.seats = new SeatService(store, guard);
  }

  listScenarios(): ScenarioEntry[] {
    return this.scenarios;
  }

  findScenario(id: string): ScenarioEntry | undefined {
    return this.scenarios.find((s) => s.scenario.id === id);
  }

  async create(scenarioId: string, title?: string): Promise<CreatedExercise> {
    const entry = this.findScenario(scenarioId);
    if (!entry) throw new JoinRefused("unknown_scenario", msg("server.join.unknown_scenario", { scenarios: this.scenarios.map((s) => s.scenario.id) }));
    return this.createFrom(entry.scenario, title?.trim() || entry.scenario.title, newSeed());
  }

  /**
   * A new run of an exercise's scenario (the library's "new run"): the scenario as that exercise
   * holds it (it may no longer be in the catalogue, or have changed there), a fresh seed and codes.
   */
  async rerun(sourceId: string, title?: string): Promise<CreatedExercise> {
    const source = await this.store.getExercise(sourceId);
    if (!source) throw new JoinRefused("unknown_exercise", msg("server.join.unknown_exercise"));
    return this.createFrom(source.scenario, title?.trim() || source.scenario.title, newSeed());
  }

  /**
   * A log produced elsewhere (`concord playtest --log-out`, another server's
   * GET /api/exercises/:id/events) stored as an exercise under its own id, so that folding it here
   * gives the very state it recorded (the id is part of the state). Refused when that id is
   * taken or the log does not fold from event 1 without a gap.
   */
  async importLog(scenario: ScenarioSpec, log: { exerciseId: string; seed: number; events: ExerciseEvent[] }, title?: string): Promise<CreatedExercise> {
    if (await this.store.getExercise(log.exerciseId)) throw new JoinRefused("exercise_exists", msg("playbook.import.exists", { id: log.exerciseId }));
    log.events.forEach((event, i) => {
      if (event.seq !== i + 1) throw new JoinRefused("log_gap", msg("playbook.import.gap", { index: i, seq: event.seq, expected: i + 1 }));
    });
    foldEvents(initialState(scenario, log.exerciseId, log.seed), log.events);
    const created = await this.createFrom(scenario, title?.trim() || scenario.title, log.seed, log.exerciseId);
    await this.store.append(created.id, log.events);
    return created;
  }

  private async createFrom(scenario: ScenarioSpec, title: string, seed: number, id = newExerciseId()): Promise<CreatedExercise> {
    const facilitatorToken = newSecretToken();
    const used = new Set<string>();
    const fresh = () => {
      let code = newJoinCode();
      while (used.has(code)) code = newJoinCode();
      used.add(code);
      return code;
    };
    const joinCodes: Record<string, string> = {};
    for (const nation of scenario.nations) if (nation.playable) joinCodes[nation.id] = fresh();
    const record: ExerciseRecord = {
      id,
      title,
      scenario,
      seed,
      createdAt: Date.now(),
      facilitatorTokenHash: hashToken(facilitatorToken),
      joinCodes,
      observerCode: newObserverCode(),
    };
    await this.store.createExercise(record);
    await this.store.setStatus(record.id, statusOf(initialState(scenario, record.id, seed)));
    return {
      id: record.id,
      title: record.title,
      scenarioId: scenario.id,
      facilitatorToken,
      joinCodes: Object.entries(joinCodes).map(([nation, code]) => ({ nation, name: scenario.nations.find((n) => n.id === nation)!.name, code })),
      observerCode: record.observerCode,
    };
  }

  /**
   * "What if": a new exercise whose log begins with the first `seq` events of another, with its
   * own codes. A running prefix is paused so the new exercise waits for its facilitator. A point
   * inside a turn's resolution moves back to just before that resolution (`branchedAt` says
   * where); a point beyond the log is refused.
   */
  async branch(sourceId: string, seq: number, title?: string): Promise<CreatedExercise> {
    const source = await this.store.getExercise(sourceId);
    if (!source) throw new JoinRefused("unknown_exercise", msg("server.join.unknown_exercise"));
    const last = await this.store.lastSeq(sourceId);
    if (seq > last) throw new JoinRefused("seq_beyond_log", msg("lift.branch.beyondLog", { seq, last }));
    const at = consistentBranchPoint(await this.store.readEvents(sourceId, 1, last), seq);
    const prefix = await this.store.readEvents(sourceId, 1, at);
    const created = await this.createFrom(source.scenario, title?.trim() || `${source.title} (branch at event ${prefix.length})`, source.seed);
    const state = foldEvents(initialState(source.scenario, created.id, source.seed), prefix);
    const now = Date.now();
    const pause = state.phase === "running" ? decide(state, { type: "pauseExercise" }, { role: "facilitator", name: "branch" }, now) : { events: [] };
    const tail = "events" in pause ? stamp(state, pause.events, now) : [];
    await this.store.append(created.id, [...prefix, ...tail]);
    await this.store.setStatus(created.id, statusOf(foldEvents(state, tail)));
    return { ...created, branchedAt: at };
  }
}
