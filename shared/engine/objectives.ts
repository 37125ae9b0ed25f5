import type { EventBuilder } from "./builder.ts";
import { evaluate } from "./conditions.ts";

/** "any" objectives are met the first time they hold; "end" objectives are judged once, at the end. */
export function evaluateObjectives(b: EventBuilder, judged: "any" | "end"): void {
  for (const objective of b.state.scenario.objectives) {
    if (objective.judged !== judged || b.state.objectives[objective.id]?.met) continue;
    if (evaluate(b.state, objective.condition)) b.emit({ type: "objectiveMet", objective: objective.id, turn: b.state.turn });
  }
}
