import type { EventStore, ExerciseRecord, SeatRecord } from "../store/event-store.ts";
import type { ScenarioEntry } from "./scenario-catalog.ts";
import { newExerciseId, newJoinCode, newSecretToken, newSeed, hashToken, tokenMatches, normalizeCode } from "./secrets.ts";
import { FailureLimiter } from "./rate-limiter.ts";
import { createHash } from "node:crypto";
import type { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { foldEvents, stamp } from "../../shared/engine/evolve.ts";
import { decide } from "../../shared/engine/decide.ts";

export type CreatedExercise = {
  id: string;
  title: string;
  scenarioId: string;
  facilitatorToken: string;
  joinCodes: { nation: string; name: string; code: string }[];
  observerCode: string;
};

export type JoinOptions = { code?: unknown; token?: unknown; seat?: unknown; name?: unknown; exerciseId?: unknown };

/** Why a join was refused, in words the start page can show as they are. */
export class JoinRefused extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** Public id of a seat for rosters: derived from the token, but reveals nothing about it. */
export function seatPublicId(token: string): string {
  return createHash("sha256").update(`seat:${token}`).digest("hex").slice(0, 12);
}

/**
 * Creating exercises and turning codes into seats. Codes are checked against the store with a
 * per-address rate limit, so a guesser gets a handful of tries a minute.
 */
export class ExerciseService {
  readonly store: EventStore;
  private scenarios: ScenarioEntry[];
  private guesses = new FailureLimiter(10, 60_000);

  constructor(store: EventStore, scenarios: ScenarioEntry[]) {
    this.store = store;
    this.scenarios = scenarios;
  }

  listScenarios(): ScenarioEntry[] {
    return this.scenarios;
  }

  findScenario(id: string): ScenarioEntry | undefined {
    return this.scenarios.find((s) => s.scenario.id === id);
  }

  async create(scenarioId: string, title?: string): Promise<CreatedExercise> {
    const entry = this.findScenario(scenarioId);
    if (!entry) throw new JoinRefused("unknown_scenario", `There is no scenario "${scenarioId}". Choose one of: ${this.scenarios.map((s) => s.scenario.id).join(", ")}.`);
    return this.createFrom(entry.scenario, title?.trim() || entry.scenario.title, newSeed());
  }

  private async createFrom(scenario: ScenarioSpec, title: string, seed: number): Promise<CreatedExercise> {
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
      id: newExerciseId(),
      title,
      scenario,
      seed,
      createdAt: Date.now(),
      facilitatorTokenHash: hashToken(facilitatorToken),
      joinCodes,
      observerCode: fresh(),
    };
    await this.store.createExercise(record);
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
   * own codes. A running prefix is paused so the new exercise waits for its facilitator.
   */
  async branch(sourceId: string, seq: number, title?: string): Promise<CreatedExercise> {
    const source = await this.store.getExercise(sourceId);
    if (!source) throw new JoinRefused("unknown_exercise", `There is no exercise "${sourceId}".`);
    const prefix = await this.store.readEvents(sourceId, 1, seq);
    const created = await this.createFrom(source.scenario, title?.trim() || `${source.title} (branch at event ${prefix.length})`, source.seed);
    const state = foldEvents(initialState(source.scenario, created.id, source.seed), prefix);
    const now = Date.now();
    const pause = state.phase === "running" ? decide(state, { type: "pauseExercise" }, { role: "facilitator", name: "branch" }, now) : { events: [] };
    const tail = "events" in pause ? stamp(state, pause.events, now) : [];
    await this.store.append(created.id, [...prefix, ...tail]);
    return created;
  }

  /** Resolves a join code to its exercise (for the start page), rate-limited per address. */
  async lookupCode(rawCode: string, address: string): Promise<{ exerciseId: string; role: "participant" | "observer"; nation: string | null }> {
    this.throttle(address);
    const found = await this.store.findByCode(normalizeCode(rawCode));
    if (!found) throw this.failure(address, "wrong_code", "That join code is not valid. Check it with exercise control (codes look like KDX-7QF).");
    return found;
  }

  /**
   * Turns join options into a seat: an existing seat token (reload, reconnect), the facilitator
   * token, or a join code with a display name. A team takes as many people at once as its
   * scenario's `rules.seatsPerNation`: `onlineSeats` (the room's roster) says how many of a
   * nation's seats are connected. Only a new seat is counted against it: somebody coming back
   * with their seat token always gets their seat back.
   */
  async seatFor(exerciseId: string, options: JoinOptions, address: string, onlineSeats: (nation: string) => number = () => 0): Promise<SeatRecord> {
    const record = await this.store.getExercise(exerciseId);
    if (!record) throw new JoinRefused("unknown_exercise", `There is no exercise "${exerciseId}".`);
    if (typeof options.seat === "string" && options.seat.length > 0) {
      const seat = await this.store.getSeat(options.seat);
      if (seat && seat.exerciseId === exerciseId) return seat;
      this.throttle(address);
      throw this.failure(address, "unknown_seat", "This browser's seat is no longer valid. Join again with your code.");
    }
    if (typeof options.token === "string" && options.token.length > 0) {
      this.throttle(address);
      if (!tokenMatches(options.token, record.facilitatorTokenHash)) throw this.failure(address, "wrong_token", "That facilitator token is not valid for this exercise.");
      return this.newSeat(record, "facilitator", null, displayName(options.name, "Exercise control"));
    }
    if (typeof options.code === "string" && options.code.length > 0) {
      this.throttle(address);
      const code = normalizeCode(options.code);
      if (code === record.observerCode) return this.newSeat(record, "observer", null, displayName(options.name, "Observer"));
      const nation = Object.entries(record.joinCodes).find(([, c]) => c === code)?.[0];
      if (!nation) throw this.failure(address, "wrong_code", "That join code is not valid for this exercise. Check it with exercise control.");
      const name = displayName(options.name, "");
      if (!name) throw new JoinRefused("name_required", "Enter your name so your team-mates know who you are.");
      const limit = record.scenario.rules.seatsPerNation;
      if (onlineSeats(nation) >= limit) {
        const team = record.scenario.nations.find((n) => n.id === nation)?.name ?? nation;
        throw new JoinRefused("team_full", `${team}'s team is full: all ${limit} seats are in use. Ask exercise control to free a seat, or try again when a team-mate has left.`);
      }
      return this.newSeat(record, "participant", nation, name);
    }
    throw new JoinRefused("code_required", "Enter a join code, an observer code or the facilitator token.");
  }

  /**
   * A new join code for a nation (or, with null, for observers and trainers), for a code that
   * reached the wrong people. The old code stops working; seats taken with it stay.
   */
  async newJoinCode(exerciseId: string, nation: string | null): Promise<string> {
    let code = newJoinCode();
    while (await this.store.findByCode(code)) code = newJoinCode();
    await this.store.replaceJoinCode(exerciseId, nation, code);
    return code;
  }

  private failure(address: string, code: string, message: string): JoinRefused {
    this.guesses.recordFailure(address);
    return new JoinRefused(code, message);
  }

  private throttle(address: string): void {
    const wait = this.guesses.waitFor(address);
    if (wait > 0) throw new JoinRefused("rate_limited", `Too many attempts from your address. Wait ${Math.ceil(wait / 1000)} s and try again.`);
  }

  private async newSeat(record: ExerciseRecord, role: SeatRecord["role"], nation: string | null, name: string): Promise<SeatRecord> {
    const seat: SeatRecord = { token: newSecretToken(), exerciseId: record.id, role, nation, name, createdAt: Date.now() };
    await this.store.saveSeat(seat);
    return seat;
  }
}

function displayName(value: unknown, fallback: string): string {
  if (typeof value !== "string") return fallback;
  const cleaned = value.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 40);
  return cleaned || fallback;
}
