import type { ExerciseState } from "../state/schema.ts";
import type { EventBody } from "../protocol/events.ts";
import { evolve } from "./evolve.ts";
import { RandomStream } from "./prng.ts";

/**
 * Accumulates the events of one decision while keeping a folded copy of the state, so that
 * later steps of a resolution see the results of earlier ones exactly as a replay will.
 */
export class EventBuilder {
  state: ExerciseState;
  readonly events: EventBody[] = [];
  /** The state after each event, exactly as folding the stamped events gives it. */
  readonly states: ExerciseState[] = [];
  readonly now: number;
  private random: RandomStream | null = null;
  private nextLocalId: number;

  constructor(state: ExerciseState, now: number) {
    this.state = state;
    this.now = now;
    this.nextLocalId = state.nextId;
  }

  emit(body: EventBody): void {
    this.events.push(body);
    this.state = evolve(this.state, { ...body, seq: this.state.seq + 1, at: this.now });
    this.states.push(this.state);
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
   * Takes in the events of a decision made on this builder's current state (a playbook's move,
   * made through `decide`), with the states it computed. The dice are settled first so that the
   * decision rolls on from where this one stopped.
   */
  adopt(events: readonly EventBody[], states: readonly ExerciseState[]): void {
    for (let i = 0; i < events.length; i++) {
      this.events.push(events[i]!);
      this.states.push(states[i]!);
    }
    if (states.length) this.state = states[states.length - 1]!;
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
