import type { Draft, ExerciseState } from "../state/schema.ts";
import { draftPlan, type DraftPlan } from "./order-cost.ts";

/** A draft in a team's view: the order and what it will cost, with a move's planned route and arrival. */
export type DraftView = Draft & { plan?: DraftPlan };

/**
 * A draft's view, kept while the draft and what its plan reads (viewPartInputs.drafts) are the
 * same objects: a new draft then costs its own plan, not every draft's again (routes included),
 * and the projection finds the others unchanged (#23, round trip).
 */
const draftViews = new WeakMap<Draft, { inputs: readonly unknown[]; view: DraftView }>();
/** What a draft's plan reads, once per state (every perspective and every draft compares against the same array). */
const draftInputsOf = new WeakMap<ExerciseState, readonly unknown[]>();
export function draftInputs(state: ExerciseState): readonly unknown[] {
  let inputs = draftInputsOf.get(state);
  if (inputs === undefined)
    draftInputsOf.set(state, (inputs = [state.assets, state.regions, state.agreements, state.consentRequests, state.nations, state.turn, state.scenario]));
  return inputs;
}
export function draftView(state: ExerciseState, draft: Draft, inputs: readonly unknown[]): DraftView {
  const cached = draftViews.get(draft);
  if (cached && (cached.inputs === inputs || cached.inputs.every((value, i) => value === inputs[i]))) {
    cached.inputs = inputs;
    return cached.view;
  }
  const view = { ...draft, plan: draftPlan(state, draft) };
  draftViews.set(draft, { inputs, view });
  return view;
}
