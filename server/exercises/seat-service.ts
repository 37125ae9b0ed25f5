import type { CodeRole, EventStore, ExerciseRecord, SeatCode, SeatCodeRole, SeatRecord } from "../store/event-store.ts";
import { newJoinCode, newObserverCode, newSecretToken, tokenMatches, normalizeCode } from "./secrets.ts";
import { CredentialGuard, ANY_EXERCISE } from "../security/credential-guard.ts";
import { clipText } from "../security/well-formed.ts";
import { createHash, randomBytes } from "node:crypto";
import { msg, type Msg } from "../../shared/i18n/message.ts";
import { translate } from "../../shared/i18n/format.ts";

export type JoinOptions = { code?: unknown; token?: unknown; seat?: unknown; name?: unknown; persona?: unknown; exerciseId?: unknown };

/**
 * Why a join was refused: a stable code, the catalogue message (`msg`, for whoever renders it in
 * the reader's language) and its English sentence (`message`, for logs and older clients).
 */
export class JoinRefused extends Error {
  readonly code: string;
  readonly msg: Msg;
  constructor(code: string, message: Msg) {
    super(translate("en", message));
    this.code = code;
    this.msg = message;
  }
}

/** Public id of a seat for rosters: derived from the token, but reveals nothing about it. */
export function seatPublicId(token: string): string {
  return createHash("sha256").update(`seat:${token}`).digest("hex").slice(0, 12);
}

/**
 * Turning codes into seats, and exercise control's codes. Codes are checked against the store
 * with a per-address rate limit, so a guesser gets a handful of tries a minute.
 */
export class SeatService {
  private readonly store: EventStore;
  private readonly guard: CredentialGuard;

  constructor(store: EventStore, guard = new CredentialGuard()) {
    this.store = store;
    this.guard = guard;
  }

  /** Resolves a join code to its exercise (for the start page), limited per address and across exercises. */
  async lookupCode(rawCode: string, address: string): Promise<{ exerciseId: string; role: CodeRole; nation: string | null }> {
    return this.underGuard(ANY_EXERCISE, address, async () => {
      const found = await this.store.findByCode(normalizeCode(rawCode));
      if (!found) throw new JoinRefused("wrong_code", msg("server.join.wrong_code"));
      return found;
    });
  }

  /**
   * Checks the credential a join presents (seat token, facilitator token, join or observer code)
   * before any seat is reserved, limited per exercise and per address (failures only). Says
   * what the credential opens, or throws JoinRefused. `known`: the record, when the caller read
   * it already (a join reads it once for this and seatFor: a big exercise's record is megabytes).
   */
  async checkJoin(
    exerciseId: string,
    options: JoinOptions,
    address: string,
    known?: ExerciseRecord | null,
  ): Promise<{ role: SeatRecord["role"]; nation: string | null }> {
    const record = known === undefined ? await this.store.getExercise(exerciseId) : known;
    if (!record) throw new JoinRefused("unknown_exercise", msg("server.join.unknown_exercise"));
    const credential = credentialOf(options);
    if (!credential) throw new JoinRefused("code_required", msg("server.join.code_required"));
    // Codes can be guessed, tokens cannot: separate budgets, so guessing at codes never keeps a
    // returning seat or exercise control out.
    return this.underGuard(
      `${exerciseId}:${credential.kind === "code" ? "codes" : "tokens"}`,
      address,
      async () => {
        if (credential.kind === "seat") {
          const seat = await this.store.getSeat(credential.value);
          if (!seat || seat.exerciseId !== exerciseId) throw new JoinRefused("unknown_seat", msg("server.join.unknown_seat"));
          return { role: seat.role, nation: seat.nation };
        }
        if (credential.kind === "token") {
          if (!tokenMatches(credential.value, record.facilitatorTokenHash)) throw new JoinRefused("wrong_token", msg("server.join.wrong_token"));
          return { role: "facilitator" as const, nation: null };
        }
        const code = normalizeCode(credential.value);
        if (code === record.observerCode) return { role: "observer" as const, nation: null };
        const seatCode = seatCodeOf(record, code);
        if (seatCode) return { role: seatCode.role, nation: seatCode.nation };
        const nation = Object.entries(record.joinCodes).find(([, c]) => c === code)?.[0];
        if (!nation) throw new JoinRefused("wrong_code", msg("server.join.wrong_code_here"));
        return { role: "participant" as const, nation };
      },
      credential.kind !== "code",
    );
  }

  /**
   * What a secret sent to the HTTP API opens (facilitator token, observer code, or a seat token
   * of exercise control or an observer or a participant), under the same limits as joins.
   */
  async authenticate(
    exerciseId: string,
    secret: string,
    address: string,
  ): Promise<{ role: SeatRecord["role"]; nation: string | null; name?: string; details?: SeatRecord["details"] } | null> {
    const record = await this.store.getExercise(exerciseId);
    if (!record) return null;
    try {
      return await this.underGuard(`${exerciseId}:codes`, address, async () => {
        if (tokenMatches(secret, record.facilitatorTokenHash)) return { role: "facilitator" as const, nation: null };
        if (normalizeCode(secret) === record.observerCode) return { role: "observer" as const, nation: null };
        const seat = await this.store.getSeat(secret);
        if (seat && seat.exerciseId === exerciseId)
          return { role: seat.role, nation: seat.nation, name: seat.name, ...(seat.details ? { details: seat.details } : {}) };
        throw new JoinRefused("forbidden", msg("server.join.forbidden"));
      });
    } catch (error) {
      if (error instanceof JoinRefused && error.code === "forbidden") return null;
      throw error;
    }
  }

  /** Runs a credential comparison under the guard: refused when over the limit, counted when it fails. */
  async underGuard<T>(scope: string, address: string, compare: () => Promise<T>, unguessable = false): Promise<T> {
    const attempt = await this.guard.attempt(scope, address);
    if (!attempt.allowed) {
      const limited = new JoinRefused("rate_limited", msg("server.join.rate_limited", { seconds: Math.ceil(attempt.retryAfterMs / 1000) }));
      // A 256-bit token cannot be guessed, so comparing one past the limit tells a guesser
      // nothing: the right token still opens the exercise (a flood of bad ones from the same
      // address never keeps exercise control out), a wrong one is answered rate_limited.
      if (!unguessable) throw limited;
      return compare().catch(() => Promise.reject(limited));
    }
    const result = await compare(); // a refusal leaves the attempt counted as a failure
    await attempt.succeeded();
    return result;
  }

  /**
   * Turns join options into a seat: an existing seat token (reload, reconnect), the facilitator
   * token, or a join code with a display name. A team takes as many people at once as its
   * scenario's `rules.seatsPerNation`: `onlineSeats` (the room's roster) says how many of a
   * nation's seats are connected. Only a new seat is counted against it: somebody coming back
   * with their seat token always gets their seat back. `known`: the record, as for checkJoin.
   */
  async seatFor(
    exerciseId: string,
    options: JoinOptions,
    onlineSeats: (nation: string) => number = () => 0,
    known?: ExerciseRecord | null,
  ): Promise<SeatRecord> {
    const record = known === undefined ? await this.store.getExercise(exerciseId) : known;
    if (!record) throw new JoinRefused("unknown_exercise", msg("server.join.unknown_exercise"));
    const credential = credentialOf(options);
    if (credential?.kind === "seat") {
      const seat = await this.store.getSeat(credential.value);
      if (seat && seat.exerciseId === exerciseId) return seat;
      throw new JoinRefused("unknown_seat", msg("server.join.unknown_seat"));
    }
    if (credential?.kind === "token") {
      if (!tokenMatches(credential.value, record.facilitatorTokenHash)) throw new JoinRefused("wrong_token", msg("server.join.wrong_token"));
      return this.newSeat(record, "facilitator", null, displayName(options.name, "Exercise control"));
    }
    if (credential?.kind === "code") {
      const code = normalizeCode(credential.value);
      if (code === record.observerCode) {
        await this.refuseGhosts(record, null, onlineSeats(OBSERVERS), OBSERVER_SEATS);
        return this.newSeat(record, "observer", null, displayName(options.name, "Observer"));
      }
      const seatCode = seatCodeOf(record, code);
      if (seatCode) return this.seatFromCode(record, seatCode, options, onlineSeats);
      const nation = Object.entries(record.joinCodes).find(([, c]) => c === code)?.[0];
      if (!nation) throw new JoinRefused("wrong_code", msg("server.join.wrong_code_here"));
      const name = displayName(options.name, "");
      if (!name) throw new JoinRefused("name_required", msg("server.join.name_required"));
      const limit = record.scenario.rules.seatsPerNation;
      const team = record.scenario.nations.find((n) => n.id === nation)?.name ?? nation;
      const online = onlineSeats(nation);
      if (online >= limit) {
        throw new JoinRefused("team_full", msg("server.join.team_full", { nation: team, limit }));
      }
      await this.refuseGhosts(record, nation, online, limit);
      return this.newSeat(record, "participant", nation, name);
    }
    throw new JoinRefused("code_required", msg("server.join.code_required"));
  }

  /**
   * A seat of a newer role: a role-player of a nation (speaking under the persona given at the
   * join, or the code's), an evaluator, a named controller. A name is needed (it signs the
   * seat's moves, notes and control actions); a controller's code names whom it is for, which
   * is the name when none is typed. Like a team's code, a code makes only so many stored seats
   * beyond those connected (`onlineSeats` of the code's slot key).
   */
  private async seatFromCode(record: ExerciseRecord, seatCode: SeatCode, options: JoinOptions, onlineSeats: (key: string) => number): Promise<SeatRecord> {
    const name = displayName(options.name, seatCode.role === "controller" ? seatCode.label : "");
    if (!name) throw new JoinRefused("name_required", msg("server.join.name_required"));
    const key = slotKey(seatCode.slot);
    const online = onlineSeats(key);
    if (online >= SLOT_SEATS) throw new JoinRefused("team_full", msg("seats.join.full", { limit: SLOT_SEATS }));
    const stored = (await this.store.listSeats(record.id)).filter((s) => s.details?.slot === seatCode.slot).length;
    if (stored - online >= SLOT_SEATS) throw new JoinRefused("too_many_seats", msg("seats.join.tooManySeats", { stored, offline: stored - online }));
    const details: NonNullable<SeatRecord["details"]> = { slot: seatCode.slot };
    if (seatCode.role === "roleplayer") {
      const persona = displayName(options.persona, seatCode.label);
      if (persona) details.persona = persona;
    } else details.nations = seatCode.nations;
    if (seatCode.role === "evaluator" && seatCode.lead) details.lead = true;
    const seat: SeatRecord = {
      token: newSecretToken(),
      exerciseId: record.id,
      role: seatCode.role,
      nation: seatCode.nation,
      name,
      createdAt: Date.now(),
      details,
    };
    await this.store.saveSeat(seat);
    return seat;
  }

  /**
   * Exercise control issues a code for a role-player (of a nation), an evaluator or a controller,
   * or (with `slot`) a new code for one already issued: the old code stops working, its seats stay.
   * Codes that open the white cell's view (evaluators', controllers') are as long as the observers'.
   */
  async issueSeatCode(exerciseId: string, settings: Omit<SeatCode, "code" | "slot"> & { slot?: string }): Promise<SeatCode> {
    const record = await this.store.getExercise(exerciseId);
    if (!record) throw new JoinRefused("unknown_exercise", msg("server.join.unknown_exercise"));
    const fresh = settings.role === "roleplayer" ? newJoinCode : newObserverCode;
    let code = fresh();
    while (await this.store.findByCode(code)) code = fresh();
    const slot = settings.slot ?? nextSlot(record, settings.role);
    const seatCode: SeatCode = {
      slot,
      code,
      role: settings.role,
      nation: settings.nation,
      label: settings.label,
      nations: settings.nations,
      lead: settings.lead,
    };
    await this.store.saveSeatCode(exerciseId, seatCode);
    return seatCode;
  }

  /**
   * A code makes at most `limit` stored seats beyond those connected now: somebody rejoining
   * with a code again and again (instead of their seat token) cannot fill the roster with
   * ghosts. Exercise control clears the stale ones from the roster.
   */
  private async refuseGhosts(record: ExerciseRecord, nation: string | null, online: number, limit: number): Promise<void> {
    const seats = await this.store.listSeats(record.id);
    const stored = seats.filter((s) => (nation === null ? s.role === "observer" : s.role === "participant" && s.nation === nation)).length;
    if (stored - online >= limit) {
      const team = nation === null ? "" : (record.scenario.nations.find((n) => n.id === nation)?.name ?? nation);
      throw new JoinRefused(
        "too_many_seats",
        msg("server.join.too_many_seats", { stored, who: nation === null ? "observers" : "team", nation: team, offline: stored - online }),
      );
    }
  }

  /**
   * A new join code for a nation (or, with null, for observers and trainers), for a code that
   * reached the wrong people. The old code stops working; seats taken with it stay.
   */
  async newJoinCode(exerciseId: string, nation: string | null): Promise<string> {
    const fresh = nation === null ? newObserverCode : newJoinCode;
    let code = fresh();
    while (await this.store.findByCode(code)) code = fresh();
    await this.store.replaceJoinCode(exerciseId, nation, code);
    return code;
  }

  private async newSeat(record: ExerciseRecord, role: SeatRecord["role"], nation: string | null, name: string): Promise<SeatRecord> {
    const seat: SeatRecord = { token: newSecretToken(), exerciseId: record.id, role, nation, name, createdAt: Date.now() };
    await this.store.saveSeat(seat);
    return seat;
  }
}

/** How many seats one role-player, evaluator or controller code may have connected at once, and stored beyond those. */
export const SLOT_SEATS = 10;
/** The roster key under which a seat code's seats are counted. */
export function slotKey(slot: string): string {
  return `@slot:${slot}`;
}

function seatCodeOf(record: ExerciseRecord, code: string): SeatCode | undefined {
  return record.seatCodes?.find((c) => c.code === code);
}

const SLOT_PREFIX: Record<SeatCodeRole, string> = { roleplayer: "rp", evaluator: "ev", controller: "ct" };
/** A slot id never used in the exercise (a withdrawn slot's seats must not count for a new one): rp-3fa9c1 … */
function nextSlot(record: ExerciseRecord, role: SeatCodeRole): string {
  const taken = new Set((record.seatCodes ?? []).map((c) => c.slot));
  let slot: string;
  do slot = `${SLOT_PREFIX[role]}-${randomBytes(3).toString("hex")}`;
  while (taken.has(slot));
  return slot;
}

/** How many observers and trainers may be connected at once, and stored beyond those connected. */
export const OBSERVER_SEATS = 50;
/** The roster key under which observers are counted. */
export const OBSERVERS = "@observers";

type Credential = { kind: "seat" | "token" | "code"; value: string };

/** The one credential a join presents, longest-lived first; bounded so a megabyte "code" is not hashed. */
function credentialOf(options: JoinOptions): Credential | null {
  for (const kind of ["seat", "token", "code"] as const) {
    const value = options?.[kind];
    if (typeof value === "string" && value.length > 0) {
      if (value.length > 200)
        throw new JoinRefused(kind === "code" ? "wrong_code" : kind === "seat" ? "unknown_seat" : "wrong_token", msg("server.join.too_long"));
      return { kind, value };
    }
  }
  return null;
}

/**
 * A name as team-mates see it: well-formed (a lone surrogate becomes U+FFFD instead of
 * corrupting every decoder of the state), without control characters (C0, DEL, C1) or bidi
 * overrides, at most 40 UTF-16 units without splitting a surrogate pair.
 */
function displayName(value: unknown, fallback: string): string {
  if (typeof value !== "string") return fallback;
  const cleaned = clipText(
    value
      .toWellFormed()
      .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "")
      .trim(),
    40,
  ).trim();
  return cleaned || fallback;
}
