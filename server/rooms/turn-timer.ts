import type { ExerciseState } from "../../shared/state/schema.ts";

type Clock = { setTimeout(fn: () => void, ms: number): { clear(): void } };

/**
 * The turn timer, on the room's clock. Its expiry is handed to the room, which plays it as a
 * command like any other (timerExpired), so it is logged.
 */
export class TurnTimer {
  private timer: { clear(): void } | null = null;
  private key: string | null = null;
  private readonly clock: Clock;
  private readonly expired: (turn: number) => void;

  constructor(clock: Clock, expired: (turn: number) => void) {
    this.clock = clock;
    this.expired = expired;
  }

  /** A timer was set for the current deadline (it stays set once fired, until the deadline changes). */
  get set(): boolean {
    return this.timer !== null;
  }

  /** Call whenever the exercise may have a new deadline: a running turn's deadline gets a timer. */
  schedule(exercise: ExerciseState): void {
    const { phase, deadline, turn } = exercise;
    const key = phase === "running" && deadline !== null ? `${turn}@${deadline}` : null;
    // Most commands leave the deadline alone: keep the pending timer rather than piling up
    // cleared ones (the clock keeps a cleared timer until its time would have come).
    if (key === this.key) return;
    this.key = key;
    this.timer?.clear();
    this.timer = null;
    if (key === null || deadline === null) return;
    this.timer = this.clock.setTimeout(() => this.expired(turn), Math.max(0, deadline - Date.now()) + 5);
  }

  dispose(): void {
    this.timer?.clear();
  }
}
