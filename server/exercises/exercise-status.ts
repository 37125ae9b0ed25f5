import type { ExerciseState } from "../../shared/state/schema.ts";
import type { ExerciseStatus } from "../store/event-store.ts";

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
