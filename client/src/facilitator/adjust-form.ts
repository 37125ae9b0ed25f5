import { h, setText } from "../ui/html.ts";
import { commandForm, field } from "../ui/form.ts";
import { keptList } from "../ui/kept-list.ts";
import type { GameContext } from "../game/context.ts";
import { effectEditor, type EffectInput } from "./effect-editor.ts";

/** The command's limit on changes in one adjustment. */
const MOST_CHANGES = 20;

/**
 * Adjudication: change one or several values at once with one written rationale (it goes into
 * the record and the AAR). "Add another change" keeps the change being edited in the list and
 * clears the way for the next; "Apply adjustment" applies the list and the change being edited.
 */
export function adjustForm(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void } {
  const editor = effectEditor();
  const kept = keptList<EffectInput>("Changes in this adjustment", editor.describe);
  const note = h("p", { class: "form-status", role: "status" }, "");
  const rationale = h("textarea", { name: "rationale", rows: "3", maxlength: "2000", "aria-required": "true" });
  const addAnother = h("button", { type: "button" }, "Add another change");
  addAnother.addEventListener("click", () => {
    const effect = editor.read();
    if (typeof effect === "string") return setText(note, `⚠ ${effect}`);
    if (kept.items().length >= MOST_CHANGES - 1) return setText(note, `⚠ At most ${MOST_CHANGES} changes in one adjustment: apply these first.`);
    kept.add(effect);
    setText(note, `Change ${kept.items().length} kept; set the next one, or apply.`);
  });
  const form = commandForm({
    label: "Adjust the state",
    submit: "Apply adjustment",
    success: "Adjustment applied and logged with its rationale.",
    send: (c) => getCtx().send(c),
    children: [h("h3", {}, "Adjust the state"), kept.element, ...editor.fields, h("div", { class: "actions" }, addAnother), note, field("Rationale (required)", rationale, "Why: it is recorded and appears in the after-action report.")],
    build: () => {
      const effect = editor.read();
      const count = kept.items().length;
      if (typeof effect === "string") return count ? `Change ${count + 1}: ${effect}` : effect;
      if (!rationale.value.trim()) return "Write a rationale: every adjustment is recorded with its reason.";
      return { type: "adjustState", effects: [...kept.items(), effect], rationale: rationale.value.trim() };
    },
    reset: () => {
      rationale.value = "";
      kept.clear();
      setText(note, "");
    },
  });
  return { element: form, update: (ctx) => editor.update(ctx) };
}
