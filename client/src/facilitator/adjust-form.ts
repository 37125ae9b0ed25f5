import { h } from "../ui/html.ts";
import { commandForm, field } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";
import { effectRows } from "./effect-rows.ts";

/** The engine refuses shorter rationales (shared/engine/adjudication.ts); say so before sending. */
const SHORTEST_RATIONALE = 3;

/**
 * Adjudication: change one or several values at once with one written rationale (it goes into
 * the record and the AAR). Each change is a row; all rows are applied together as one entry.
 */
export function adjustForm(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void } {
  const changes = effectRows({ label: "Changes in this adjustment", item: "Change", add: "Add another change", initial: 1 });
  const rationale = h("textarea", { name: "rationale", rows: "3", maxlength: "2000", "aria-required": "true" });
  const form = commandForm({
    label: "Adjust the state",
    submit: "Apply adjustment",
    success: "Adjustment applied and logged with its rationale.",
    send: (c) => getCtx().send(c),
    children: [h("h3", {}, "Adjust the state"), changes.element, field("Rationale (required)", rationale, "Why: it is recorded and appears in the after-action report.")],
    build: () => {
      const effects = changes.read();
      if (typeof effects === "string") return effects;
      if (!effects.length) return "Add a change to apply.";
      if (rationale.value.trim().length < SHORTEST_RATIONALE) return "Write a rationale: every adjustment is recorded with its reason.";
      return { type: "adjustState", effects, rationale: rationale.value.trim() };
    },
    reset: () => {
      rationale.value = "";
      changes.reset();
    },
  });
  return { element: form, update: (ctx) => changes.update(ctx) };
}
