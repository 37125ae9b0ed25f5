import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import type { ScenarioSpec } from "../../shared/scenario/schema.ts";

/** What the server keeps about an exercise besides its events. */
export type ExerciseRecord = {
  id: string;
  title: string;
  scenario: ScenarioSpec;
  seed: number;
  createdAt: number;
  /** sha256 of the facilitator token, hex; the token itself is never stored. */
  facilitatorTokenHash: string;
  /** nation id → join code */
  joinCodes: Record<string, string>;
  observerCode: string;
  /** Present only once archived (setArchived): when. An archived exercise is read-only and never loaded. */
  archivedAt?: number;
  /** Codes for role-players, evaluators and controllers, as exercise control issued them; absent until the first. */
  seatCodes?: SeatCode[];
};

/** The roles a seat code exercise control issues opens (besides the nations' and observers' join codes). */
export type SeatCodeRole = "roleplayer" | "evaluator" | "controller";
/** Every role a join code opens. */
export type CodeRole = "participant" | "observer" | SeatCodeRole;

/**
 * A code for a seat of one of the newer roles, and what its seats may do. Replacing the code
 * keeps its slot and settings: only the code changes.
 */
export type SeatCode = {
  /** The code's handle on the console, stable while the code itself is replaced. */
  slot: string;
  code: string;
  role: SeatCodeRole;
  /** roleplayer: the nation it plays; otherwise null. */
  nation: string | null;
  /** Who it is for: a controller's name, a role-player's persona (the name players read), an evaluator's label; may be "". */
  label: string;
  /** controller: the nations it controls; evaluator: the nations it watches; null: every nation (the white cell's view). */
  nations: string[] | null;
  /** evaluator: the lead evaluator (sets consensus ratings). */
  lead: boolean;
};

/** What a seat of a newer role may do, copied from its code when the seat was taken. */
export type SeatDetails = { slot?: string; persona?: string; nations?: string[] | null; lead?: boolean };

/** A seat survives reconnects and restarts: the browser keeps its token. */
export type SeatRecord = {
  token: string;
  exerciseId: string;
  role: "participant" | "facilitator" | "observer" | SeatCodeRole;
  nation: string | null;
  name: string;
  createdAt: number;
  /** Role-players, evaluators and controllers: what the seat's code allowed (absent for the older roles). */
  details?: SeatDetails;
};

/**
 * Where an exercise stands, kept beside its log so that nothing needs folding to list exercises
 * or to find the ones whose turn timer must run (rooms on demand, the exercise library). It is
 * derived: the log stays the truth, and `seq` says which event it reflects (an older one never
 * overwrites a newer one). Absent for exercises from before it existed, until they are folded once.
 */
export type ExerciseStatus = { seq: number; phase: string; turn: number; deadline: number | null };

/**
 * A cached fold of an exercise's log (server/rooms/fold-snapshot.ts): the state and the room's
 * feeds after event `seq`, so that opening folds only the events after it. A cache, never the
 * truth: `version` names the code that folded it, and a snapshot that is missing, of another
 * version, past the end of the log or unreadable is ignored and the whole log folded.
 */
export type StoredSnapshot = { seq: number; version: string; data: string };

export type ExerciseSummary = {
  id: string;
  title: string;
  scenarioId: string;
  createdAt: number;
  lastSeq: number;
  /** When the last event was written (or the exercise created, with no events yet). */
  lastActivityAt: number;
  status: ExerciseStatus | null;
  /** Archived: read-only, not loaded, still replayable (null: in use). */
  archivedAt: number | null;
};

/**
 * The event store port. Appends are durable when the promise resolves: the room answers a
 * command only after that, so an acknowledged event survives a crash. One contract test suite
 * (test/server/event-store.contract.ts) runs against every implementation.
 */
export interface EventStore {
  readonly kind: string;
  createExercise(record: ExerciseRecord): Promise<void>;
  getExercise(id: string): Promise<ExerciseRecord | null>;
  listExercises(): Promise<ExerciseSummary[]>;
  /** Finds the exercise and nation/observer role a join code opens. */
  findByCode(code: string): Promise<{ exerciseId: string; role: CodeRole; nation: string | null } | null>;
  /** Appends events whose seq must continue the log exactly (no gaps, no duplicates). */
  append(exerciseId: string, events: readonly ExerciseEvent[]): Promise<void>;
  readEvents(exerciseId: string, fromSeq?: number, toSeq?: number): Promise<ExerciseEvent[]>;
  /**
   * The same events as readEvents, as one JSON array written by the store itself (each event's
   * `seq` and `at` first): the replay's download of a week-long log, without parsing 100,000
   * events to write them out again. Optional: without it the caller serialises readEvents.
   */
  readEventsJson?(exerciseId: string, fromSeq?: number, toSeq?: number): Promise<string>;
  lastSeq(exerciseId: string): Promise<number>;
  saveSeat(seat: SeatRecord): Promise<void>;
  getSeat(token: string): Promise<SeatRecord | null>;
  /** Every stored seat of an exercise, oldest first (for the roster and the ghost-seat limit). */
  listSeats(exerciseId: string): Promise<SeatRecord[]>;
  /** Forgets a seat: its token no longer joins (exercise control removed it). */
  removeSeat(token: string): Promise<void>;
  /**
   * Gives a nation (or, with null, the observers) a new join code; the old one stops opening the
   * exercise. Seats already taken with the old code keep working.
   */
  replaceJoinCode(exerciseId: string, nation: string | null, code: string): Promise<void>;
  /** Records where the exercise stands; ignored when `status.seq` is older than what is stored. */
  setStatus(exerciseId: string, status: ExerciseStatus): Promise<void>;
  /** Archives (a time) or brings back (null) an exercise. */
  setArchived(exerciseId: string, archivedAt: number | null): Promise<void>;
  /** The exercise's cached fold (StoredSnapshot), or null. Optional: a store without it caches nothing. */
  readSnapshot?(exerciseId: string): Promise<StoredSnapshot | null>;
  /** Replaces the exercise's cached fold (one per exercise); ignored when it is older than the one stored. */
  writeSnapshot?(exerciseId: string, snapshot: StoredSnapshot): Promise<void>;
  /** Forgets an exercise entirely: record, join codes, seats, events, snapshot. */
  deleteExercise(exerciseId: string): Promise<void>;
  /**
   * Stores a role-player, evaluator or controller code: a new slot, or a slot's new code (the old
   * code stops opening the exercise; seats taken with it keep working).
   */
  saveSeatCode(exerciseId: string, seatCode: SeatCode): Promise<void>;
  /** Withdraws a slot's code: it no longer opens the exercise. */
  removeSeatCode(exerciseId: string, slot: string): Promise<void>;
  close(): Promise<void>;
}

export class SequenceConflict extends Error {
  readonly exerciseId: string;
  readonly expected: number;
  readonly got: number;
  constructor(exerciseId: string, expected: number, got: number) {
    super(`exercise ${exerciseId}: expected event seq ${expected}, got ${got}`);
    this.exerciseId = exerciseId;
    this.expected = expected;
    this.got = got;
  }
}
