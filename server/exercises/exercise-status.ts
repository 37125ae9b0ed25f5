import type { ExerciseState } from "../../shared/state/schema.ts";
import type { ExerciseStatus } from "../store/event-store.ts";
import { serverContext } from "../context.ts";

/** Where an exercise stands, as kept beside its log (see ExerciseStatus). */
export function statusOf(state: ExerciseState): ExerciseStatus {
  return { seq: state.seq, phase: state.phase, turn: state.turn, deadline: state.phase === "running" ? state.deadline : null };
}

/** Whether two statuses say the same (the seq alone changing is not worth a write). */
export function sameStatus(a: ExerciseStatus, b: ExerciseStatus): boolean {
  return a.phase === b.phase && a.turn === b.turn && a.deadline === b.deadline;
}

/** A running turn timer: the exercise must stay loaded (or be loaded) for it to fire. */
export function hasLiveDeadline(status: ExerciseStatus | null): boolean {
  return Boolean(status && status.phase === "running" && status.deadline !== null);
}

/**
 * Writes where a room's exercise stands beside its log when its phase, turn or deadline changed
 * (a few times a turn, not per command): the library lists it and a restart finds the
 * exercises whose timer must run without folding every log. Not awaited: the log is the
 * truth, and a status write that fails is corrected by the next one or the next load.
 */
export class StatusRecorder {
  /** Where the exercise stood when last written. */
  private status: ExerciseStatus | null = null;
  private readonly exerciseId: string;

  constructor(exerciseId: string) {
    this.exerciseId = exerciseId;
  }

  record(state: ExerciseState): void {
    const status = statusOf(state);
    if (this.status && sameStatus(this.status, status)) return;
    this.status = status;
    serverContext()
      .service.store.setStatus(this.exerciseId, status)
      .catch((error) => serverContext().log.warn("could not record the exercise's status", { exerciseId: this.exerciseId, error: String(error) }));
  }
}
