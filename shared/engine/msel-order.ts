import type { ExerciseState } from "../state/schema.ts";

/**
 * The MSEL's order: the scenario's, then ad-hoc injects as they were fired, until exercise
 * control adds, moves or imports injects (`state.mselOrder`). Injects missing from a recorded
 * order (fired since) follow it in the order they were made; deleted ones are left out.
 */
export function mselOrder(state: Pick<ExerciseState, "scenario" | "injects" | "mselOrder">): string[] {
  const base = state.mselOrder ?? state.scenario.msel.map((s) => s.id);
  const listed = new Set(base);
  const rest = Object.keys(state.injects).filter((id) => !listed.has(id));
  return [...base, ...rest].filter((id) => Object.hasOwn(state.injects, id));
}

/** The order with `id` moved before `before` (to the end when null or unknown). */
export function movedBefore(order: readonly string[], id: string, before: string | null): string[] {
  const without = order.filter((x) => x !== id);
  const at = before === null ? -1 : without.indexOf(before);
  return at < 0 ? [...without, id] : [...without.slice(0, at), id, ...without.slice(at)];
}

/** The order with `id` placed after `after` (at the end when null or unknown). */
export function insertedAfter(order: readonly string[], id: string, after: string | null): string[] {
  const without = order.filter((x) => x !== id);
  const at = after === null ? -1 : without.indexOf(after);
  return at < 0 ? [...without, id] : [...without.slice(0, at + 1), id, ...without.slice(at + 1)];
}
