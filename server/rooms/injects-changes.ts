import { PartChanges } from "./part-changes.ts";
import type { ExerciseState, InjectState } from "../../shared/state/schema.ts";
import { injectViewFor, type InjectView } from "../../shared/engine/inject-view.ts";
import { mselOrder } from "../../shared/engine/msel-order.ts";

type Last = {
  injects: Readonly<Record<string, InjectState>>;
  count: number;
  order: ExerciseState["mselOrder"];
  scenario: ExerciseState["scenario"];
  /** The injects the recorded order (or the scenario's) lists: one not in it goes at the MSEL's end. */
  listed: ReadonlySet<string>;
  /** Each inject's place in the MSEL (the white cell's views carry it). */
  positions: Map<string, number>;
  /** False when the MSEL's order is not one place per inject (an order that lists one twice): every change is written whole. */
  exact: boolean;
};

/**
 * One perspective's injects part (viewParts.injects) from the injects that changed since the
 * last state it saw, instead of every inject again: an inject fired or released changes one
 * entry of hundreds, and the part was written whole for each of the five perspectives at every
 * command (#23, the inject fan-out). While the MSEL's order and the scenario are the same
 * objects and no inject was deleted, the others keep their views and their places; injects
 * added since come last in the MSEL, as mselOrder puts them. Anything else writes the part whole.
 */
export class InjectsChanges extends PartChanges<Last, InjectView> {
  next(state: ExerciseState): [id: string, view: InjectView | null][] | null {
    const last = this.last;
    const injects = state.injects;
    if (!last?.exact || last.order !== state.mselOrder || last.scenario !== state.scenario) return this.whole(state);
    if (last.injects === injects) return [];
    const changed: string[] = [];
    let count = 0;
    let added = 0;
    let addedAtEnd = true;
    for (const id in injects) {
      count++;
      if (injects[id] === last.injects[id]) {
        // Added ones must all come after every kept one to take the MSEL's last places.
        if (added > 0) addedAtEnd = false;
        continue;
      }
      changed.push(id);
      if (!Object.hasOwn(last.injects, id)) {
        added++;
        if (last.listed.has(id)) addedAtEnd = false;
      } else if (added > 0) addedAtEnd = false;
    }
    // An inject gone, or one added inside the order: every place may have moved.
    if (count - added !== last.count || !addedAtEnd) return this.whole(state);
    let place = count - added;
    const out: [string, InjectView | null][] = [];
    for (const id of changed) {
      let position = last.positions.get(id);
      if (position === undefined) last.positions.set(id, (position = ++place));
      out.push([id, injectViewFor(injects[id]!, this.scope, position)]);
    }
    last.injects = injects;
    last.count = count;
    return out;
  }

  private whole(state: ExerciseState): null {
    const order = mselOrder(state);
    const positions = new Map(order.map((id, i) => [id, i + 1]));
    const count = Object.keys(state.injects).length;
    this.last = {
      injects: state.injects,
      count,
      order: state.mselOrder,
      scenario: state.scenario,
      listed: new Set(state.mselOrder ?? state.scenario.msel.map((s) => s.id)),
      positions,
      exact: positions.size === count && order.length === count,
    };
    return null;
  }
}
