/**
 * The seat token the server hands out in `welcome`, kept per exercise in localStorage so that a
 * reload (or a browser restart) rejoins the same seat without retyping the code.
 */
export type StoredSeat = {
  seat: string;
  exerciseId: string;
  role: string;
  nation: string | null;
  name: string;
  title: string;
  savedAt: number /** The nation's name, for "Continue where you left off" (written by the game screen). */;
  nationName?: string;
};

const PREFIX = "concord.seat.";
const LAST = "concord.lastExercise";

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function saveSeat(seat: StoredSeat): void {
  storage()?.setItem(PREFIX + seat.exerciseId, JSON.stringify(seat));
  storage()?.setItem(LAST, seat.exerciseId);
}

export function loadSeat(exerciseId: string): StoredSeat | null {
  const raw = storage()?.getItem(PREFIX + exerciseId);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as StoredSeat;
  } catch {
    return null;
  }
}

export function forgetSeat(exerciseId: string): void {
  storage()?.removeItem(PREFIX + exerciseId);
  if (storage()?.getItem(LAST) === exerciseId) storage()?.removeItem(LAST);
}

export function lastSeat(): StoredSeat | null {
  const id = storage()?.getItem(LAST);
  return id ? loadSeat(id) : null;
}
