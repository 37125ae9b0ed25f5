import type { ExerciseState } from "../state/schema.ts";
import type { ExerciseEvent } from "../protocol/events.ts";
import { evolve } from "../engine/evolve.ts";
import { transiently } from "../state/records.ts";

export type TurnMarker = { turn: number; seq: number };
export type InjectMarker = { inject: string; number: string; title: string; seq: number; turn: number };

/**
 * A recorded exercise ready for seeking. States are immutable and share structure, so keeping a
 * reference every `every` events costs little memory, and seeking anywhere folds at most
 * `every - 1` events from the nearest snapshot.
 */
export class ReplayTimeline {
  readonly initial: ExerciseState;
  readonly every: number;
  private readonly folded: ExerciseEvent[] = [];
  private snapshots: ExerciseState[] = [];
  private readonly observe?: (event: ExerciseEvent, state: ExerciseState) => void;
  private readonly before?: (event: ExerciseEvent, state: ExerciseState) => void;

  /**
   * `observe` sees each event with the state right after it, as the fold goes (the replay's
   * feeds and turn cards), and `before` with the state just before it (what an event replaces):
   * both must read that state at once and keep none of it. More events may follow (`append`):
   * the viewer folds the log range by range as it downloads.
   */
  constructor(
    initial: ExerciseState,
    events: readonly ExerciseEvent[] = [],
    every = 200,
    observe?: (event: ExerciseEvent, state: ExerciseState) => void,
    before?: (event: ExerciseEvent, state: ExerciseState) => void,
  ) {
    this.initial = initial;
    this.every = Math.max(1, every);
    this.observe = observe;
    this.before = before;
    this.snapshots.push(initial);
    this.final = initial;
    this.append(events);
  }

  /** The events folded so far, in seq order. */
  get events(): readonly ExerciseEvent[] {
    return this.folded;
  }

  /**
   * Folds the events that follow the log so far (in seq order). The states kept are those a
   * single fold of the whole log keeps (one every `every` events), wherever the ranges end.
   */
  append(more: readonly ExerciseEvent[]): void {
    const events = this.folded;
    let i = events.length;
    for (const event of more) events.push(event);
    let state = this.final;
    // Each stretch between two kept states is folded transiently (records.ts) in a scope of its
    // own: records made in a stretch change in place until it ends, and the next stretch copies
    // them before writing, so every kept state stays as it was. A week-long log copied each
    // record once per event otherwise (100,000 events: 5.8 s). A range that ends inside a
    // stretch ends its scope there: the next range's first change of a record copies it once.
    while (i < events.length) {
      const end = Math.min(events.length, (Math.floor(i / this.every) + 1) * this.every);
      state = transiently(() => {
        let s = state;
        for (; i < end; i++) {
          this.before?.(events[i]!, s);
          s = evolve(s, events[i]!);
          this.observe?.(events[i]!, s);
        }
        return s;
      });
      if (end % this.every === 0) this.snapshots.push(state);
    }
    this.final = state;
    this.recent = null;
  }

  /** Sequence number of the last event (0 for an empty log). */
  get lastSeq(): number {
    return this.events.length === 0 ? 0 : this.events[this.events.length - 1]!.seq;
  }

  /** The last state asked for: a render asks for the same moment several times. */
  private recent: { count: number; state: ExerciseState } | null = null;
  /** The state after the last event (the viewer reads it at every render: names, the end). */
  private final: ExerciseState;

  /** The state after the event with this sequence number (clamped to the log). */
  stateAt(seq: number): ExerciseState {
    const count = this.countUpTo(seq);
    if (this.recent?.count === count) return this.recent.state;
    if (count === this.events.length) return this.final;
    const state = this.fold(count);
    this.recent = { count, state };
    return state;
  }

  private fold(count: number): ExerciseState {
    const snapshotIndex = Math.floor(count / this.every);
    const from = this.snapshots[snapshotIndex]!;
    if (snapshotIndex * this.every === count) return from;
    // Transiently: the kept state's records are copied on their first change, never changed.
    return transiently(() => {
      let state = from;
      for (let i = snapshotIndex * this.every; i < count; i++) state = evolve(state, this.events[i]!);
      return state;
    });
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

  /** The injects' releases; `observed` when the caller took them during the fold (injectMarkerOf), else a fold per release. */
  injectMarkers(observed?: InjectMarker[]): InjectMarker[] {
    if (observed) return observed;
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

/** An inject's release marker from the event and the state right after it (for a fold's observer). */
export function injectMarkerOf(event: Extract<ExerciseEvent, { type: "injectReleased" }>, state: ExerciseState): InjectMarker {
  const inject = state.injects[event.inject];
  return { inject: event.inject, number: inject?.spec.number ?? "", title: inject?.spec.title ?? event.inject, seq: event.seq, turn: state.turn };
}
