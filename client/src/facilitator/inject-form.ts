import { h } from "../ui/html.ts";
import { commandForm, field, select, checkboxGroup } from "../ui/form.ts";
import { editableRows } from "../ui/editable-rows.ts";
import type { GameContext } from "../game/context.ts";
import { effectRows } from "./effect-rows.ts";
import { expectedResponseEditor } from "./expected-response-editor.ts";
import { suggestedInput } from "../ui/suggestions.ts";

const opts = (values: string[]) => values.map((v) => ({ value: v, label: v }));

/** Enough for any inject; the schema sets no limit, a screenful of rows is the practical one. */
const MOST_RESPONSES = 10;

/**
 * An ad-hoc inject written during play and released at once. Like a scripted one it may change
 * the world when released (effects) and expect responses, which the after-action review
 * evaluates (met, partly met, not met).
 */
export function injectForm(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void } {
  const number = h("input", { name: "number", maxlength: "20", value: "X.01" });
  const type = select("type", opts(["event", "information", "media", "contingency"]));
  const delivery = select("delivery", opts(["message", "phone", "email", "media", "intelligence", "in-person", "briefing"]));
  const from = h("input", { name: "from", maxlength: "80", value: "Exercise control" });
  const all = h("input", { type: "checkbox", name: "toAll", id: "inject-to-all", checked: true });
  const to = checkboxGroup("Addressed to", "inject-to");
  to.element.hidden = true;
  all.addEventListener("change", () => (to.element.hidden = all.checked));
  const title = h("input", { name: "title", maxlength: "160" });
  const body = h("textarea", { name: "body", rows: "4", maxlength: "4000" });
  // What the inject trains, as the MSEL records it: the after-action review prints both.
  const objective = suggestedInput("objective", 200);
  const capability = suggestedInput("capability", 200);
  const effects = effectRows({ label: "Effects of this inject", item: "Effect", add: "Add effect", initial: 0 });
  const responses = editableRows({ label: "Expected responses", item: "Expected response", add: "Add expected response", initial: 0, most: MOST_RESPONSES, create: expectedResponseEditor });
  const extras = h(
    "details",
    { class: "inject-extras" },
    h("summary", {}, "Effects and expected responses (optional)"),
    h("h4", {}, "Effects on release"),
    effects.element,
    h("h4", {}, "Expected responses"),
    responses.element,
  );
  // The rows sit in a collapsible section: open it so the row a refusal names is in view.
  const showExtras = (problem: string) => {
    extras.open = true;
    return problem;
  };
  const form = commandForm({
    label: "Fire an ad-hoc inject",
    submit: "Fire inject",
    success: "Inject released to its audience.",
    send: (c) => getCtx().send(c),
    children: [
      h("h3", {}, "Ad-hoc inject"),
      h("div", { class: "row" }, field("Number", number), field("Type", type), field("Delivery", delivery)),
      field("From", from),
      h("div", { class: "check" }, all, h("label", { for: "inject-to-all" }, "All nations")),
      to.element,
      field("Title", title),
      field("Text", body),
      h("div", { class: "row" }, field("Training objective (optional)", objective.input), field("Capability (optional)", capability.input, "The capability it exercises, as in the MSEL")),
      objective.list,
      capability.list,
      extras,
    ],
    build: () => {
      if (!title.value.trim() || !body.value.trim()) return "Write a title and the inject's text.";
      if (!all.checked && !to.values().length) return "Choose the nations it goes to, or tick “All nations”.";
      const changes = effects.read();
      if (typeof changes === "string") return showExtras(changes);
      const expectedActions = responses.read();
      if (typeof expectedActions === "string") return showExtras(expectedActions);
      return { type: "fireInject", inject: { number: number.value.trim() || "X", type: type.value, delivery: delivery.value, from: from.value.trim() || "Exercise control", to: all.checked ? "all" : to.values(), title: title.value.trim(), body: body.value.trim(), effects: changes, expectedActions, objective: objective.input.value.trim(), capability: capability.input.value.trim() } };
    },
    reset: () => {
      title.value = "";
      body.value = "";
      objective.input.value = "";
      capability.input.value = "";
      effects.reset();
      responses.reset();
    },
  });
  return {
    element: form,
    update(ctx) {
      to.set(Object.values(ctx.state.nations).map((n) => ({ value: n.id, label: n.name })));
      const injects = Object.values(ctx.perspective?.injects ?? {});
      objective.suggest(injects.map((i) => i.objective ?? ""));
      capability.suggest(injects.map((i) => i.capability ?? ""));
      effects.update(ctx);
      responses.update(ctx);
    },
  };
}
