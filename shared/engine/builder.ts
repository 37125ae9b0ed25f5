import type { ExerciseState } from "../state/schema.ts";
import type { EventBody, ExerciseEvent } from "../protocol/events.ts";
import { inScope } from "../state/records.ts";
import { evolve } from "./evolve.ts";
import { RandomStream } from "./prng.ts";

/**
 * What a decision's consumer takes from each event's state (the room's feed lines and turn
 * cards, room-feeds.ts). It is called right after the event is folded, because the decision's
 * later events change the records it copied in place: an intermediate state is whole only until
 * the next event.
 */
export type EventReader<R = unknown> = (event: ExerciseEvent, state: ExerciseState) => R;

export type DecideOptions = {
  read?: EventReader;
  /** Copy every record on every change, as decisions did before #23: the fuzzer's reference. */
  copyEveryEvent?: boolean;
};

/** A decision made: its events, the state after them and, with a reader, what it read of each event's state. */
export type Decided = { events: EventBody[]; state: ExerciseState; readings: unknown[] };

/**
 * Accumulates the events of one decision while keeping a folded copy of the state, so that
 * later steps of a resolution see the results of earlier ones exactly as a replay will.
 *
 * Each record the decision changes is copied once, at its first change, and changed in place
 * after that (records.ts): the state given in is never changed, but a state the builder had
 * earlier is not kept whole. Rules read `b.state` afresh after they emit, and a consumer that
 * needs each event's state reads it through `options.read`.
 */
export class EventBuilder {
  state: ExerciseState;
  readonly events: EventBody[] = [];
  /** What `options.read` took from the state after each event. */
  readonly readings: unknown[] = [];
  readonly now: number;
  /** Passed on to the decisions made inside this one (a playbook's move). */
  readonly options: DecideOptions;
  /** The records this decision copied: its later events change them in place. */
  private readonly copied: WeakSet<object> | null;
  private random: RandomStream | null = null;
  private nextLocalId: number;

  constructor(state: ExerciseState, now: number, options: DecideOptions = {}) {
    this.state = state;
    this.now = now;
    this.options = options;
    this.copied = options.copyEveryEvent ? null : new WeakSet();
    this.nextLocalId = state.nextId;
  }

  emit(body: EventBody): void {
    this.events.push(body);
    const event = { ...body, seq: this.state.seq + 1, at: this.now } as ExerciseEvent;
    this.state = inScope(this.copied, () => evolve(this.state, event));
    if (this.options.read) this.readings.push(this.options.read(event, this.state));
  }

  /** A fresh entity id; evolve advances `nextId` past it when the event is folded. */
  id(prefix: string): string {
    this.nextLocalId = Math.max(this.nextLocalId, this.state.nextId);
    return `${prefix}${this.nextLocalId++}`;
  }

  roll(): number {
    this.random ??= new RandomStream(this.state.rng);
    return this.random.next();
  }

  /**
   * Takes in a decision made on this builder's current state with this builder's options (a
   * playbook's move, made through `decide`): its events, its state and its readings. The dice
   * are settled first so that the decision rolls on from where this one stopped.
   */
  adopt(decision: Decided): void {
    this.events.push(...decision.events);
    this.readings.push(...decision.readings);
    this.state = decision.state;
  }

  /** Writes the PRNG position now (rngAdvanced) so that a nested decision starts from it. */
  settleRandom(): void {
    if (this.random && this.random.state !== this.state.rng) this.emit({ type: "rngAdvanced", rng: this.random.state });
    this.random = null;
  }

  /** Records the PRNG position once, at the end, so a replay continues from the same point. */
  finish(): EventBody[] {
    if (this.random && this.random.state !== this.state.rng) this.emit({ type: "rngAdvanced", rng: this.random.state });
    return this.events;
  }
}
