import type { ExerciseState } from "../../shared/state/schema.ts";

type Clock = { setTimeout(fn: () => void, ms: number): { clear(): void } };

/**
 * The turn timer, on the room's clock. Its expiry is handed to the room, which plays it as a
 * command like any other (timerExpired), so it is logged.
 */
export class TurnTimer {
  private timer: { clear(): void } | null = null;
  /** The running turn and deadline the timer was set for; null while no turn runs. */
  private setFor: { turn: number; deadline: number } | null = null;
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
    const running = phase === "running" && deadline !== null;
    // Most commands leave the deadline alone: keep the pending timer rather than piling up
    // cleared ones (the clock keeps a cleared timer until its time would have come). Compared as
    // numbers: this runs for every command, and a key string cost ~3 µs of each (#23).
    if (running ? this.setFor?.turn === turn && this.setFor.deadline === deadline : this.setFor === null) return;
    this.setFor = running ? { turn, deadline } : null;
    this.timer?.clear();
    this.timer = null;
    if (!running) return;
    this.timer = this.clock.setTimeout(() => this.expired(turn), Math.max(0, deadline - Date.now()) + 5);
  }

  dispose(): void {
    this.timer?.clear();
  }
}
