import type { ExerciseState } from "../../shared/state/schema.ts";
import type { Scope } from "../../shared/engine/view-for.ts";

/**
 * One perspective's part of the view written from the entries that changed since the last state
 * it saw (injects-changes.ts, assets-changes.ts): what it saw last, kept until the state is
 * replaced wholesale (`forget`).
 */
export abstract class PartChanges<Last, View> {
  protected readonly scope: Scope;
  protected last: Last | null = null;

  constructor(scope: Scope) {
    this.scope = scope;
  }

  forget(): void {
    this.last = null;
  }

  /**
   * The entries to write since the last call, `[id, view]` (`null`: no longer visible), or
   * `null` when the part must be written whole; the next call compares with `state`.
   */
  abstract next(state: ExerciseState): [id: string, view: View | null][] | null;
}
