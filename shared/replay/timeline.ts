import type { ExerciseState } from "../state/schema.ts";
import type { ExerciseEvent } from "../protocol/events.ts";
import { evolve } from "../engine/evolve.ts";

export type TurnMarker = { turn: number; seq: number };
export type InjectMarker = { inject: string; number: string; title: string; seq: number; turn: number };

/**
 * A recorded exercise ready for seeking. States are immutable and share structure, so keeping a
 * reference every `every` events costs little memory, and seeking anywhere folds at most
 * `every - 1` events from the nearest snapshot.
 */
export class ReplayTimeline {
  readonly initial: ExerciseState;
  readonly events: readonly ExerciseEvent[];
  readonly every: number;
  private snapshots: ExerciseState[] = [];

  constructor(initial: ExerciseState, events: readonly ExerciseEvent[], every = 200) {
    this.initial = initial;
    this.events = events;
    this.every = Math.max(1, every);
    let state = initial;
    this.snapshots.push(state);
    events.forEach((event, index) => {
      state = evolve(state, event);
      if ((index + 1) % this.every === 0) this.snapshots.push(state);
    });
  }

  /** Sequence number of the last event (0 for an empty log). */
  get lastSeq(): number {
    return this.events.length === 0 ? 0 : this.events[this.events.length - 1]!.seq;
  }

  /** The state after the event with this sequence number (clamped to the log). */
  stateAt(seq: number): ExerciseState {
    const count = this.countUpTo(seq);
    const snapshotIndex = Math.floor(count / this.every);
    let state = this.snapshots[snapshotIndex]!;
    for (let i = snapshotIndex * this.every; i < count; i++) state = evolve(state, this.events[i]!);
    return state;
  }

  /** How many events have seq ≤ the given one (events are in seq order). */
  private countUpTo(seq: number): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.events[mid]!.seq <= seq) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  turnMarkers(): TurnMarker[] {
    return this.events.filter((e) => e.type === "turnStarted").map((e) => ({ turn: (e as Extract<ExerciseEvent, { type: "turnStarted" }>).turn, seq: e.seq }));
  }

  injectMarkers(): InjectMarker[] {
    const markers: InjectMarker[] = [];
    let turn = 0;
    for (const event of this.events) {
      if (event.type === "turnStarted") turn = event.turn;
      if (event.type !== "injectReleased") continue;
      const inject = this.stateAt(event.seq).injects[event.inject];
      markers.push({ inject: event.inject, number: inject?.spec.number ?? "", title: inject?.spec.title ?? event.inject, seq: event.seq, turn });
    }
    return markers;
  }

  /** The sequence number at the end of a turn's resolution, i.e. just before the next turn starts. */
  seqAtTurnStart(turn: number): number {
    return this.turnMarkers().find((m) => m.turn === turn)?.seq ?? this.lastSeq;
  }
}
