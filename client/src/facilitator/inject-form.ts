import { h } from "../ui/html.ts";
import { t } from "../i18n.ts";
import { nationName, term } from "../game/names.ts";
import { commandForm, field, select, checkboxGroup } from "../ui/form.ts";
import { editableRows } from "../ui/editable-rows.ts";
import type { GameContext } from "../game/context.ts";
import { effectRows } from "./effect-rows.ts";
import { expectedResponseEditor } from "./expected-response-editor.ts";
import { suggestedInput } from "../ui/suggestions.ts";

import type { Vocabulary } from "../../../shared/i18n/index.ts";

const opts = (vocabulary: Vocabulary, values: string[]) => values.map((v) => ({ value: v, label: term(vocabulary, v) }));

/** Enough for any inject; the schema sets no limit, a screenful of rows is the practical one. */
const MOST_RESPONSES = 10;

/**
 * An ad-hoc inject written during play and released at once. Like a scripted one it may change
 * the world when released (effects) and expect responses, which the after-action review
 * evaluates (met, partly met, not met).
 */
export function injectForm(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void } {
  const number = h("input", { name: "number", maxlength: "20", value: "X.01" });
  const type = select("type", opts("injectType", ["event", "information", "media", "contingency"]));
  const delivery = select("delivery", opts("delivery", ["message", "phone", "email", "media", "intelligence", "in-person", "briefing"]));
  const from = h("input", { name: "from", maxlength: "80", value: t("console.inject.defaultFrom") });
  const all = h("input", { type: "checkbox", name: "toAll", id: "inject-to-all", checked: true });
  const to = checkboxGroup(t("console.inject.to"), "inject-to");
  to.element.hidden = true;
  all.addEventListener("change", () => (to.element.hidden = all.checked));
  const title = h("input", { name: "title", maxlength: "160" });
  const body = h("textarea", { name: "body", rows: "4", maxlength: "4000" });
  // What the inject trains, as the MSEL records it: the after-action review prints both.
  const objective = suggestedInput("objective", 200);
  const capability = suggestedInput("capability", 200);
  const effects = effectRows({ label: t("console.inject.effects"), item: t("console.inject.effect"), add: t("console.inject.addEffect"), initial: 0 });
  const responses = editableRows({
    label: t("console.inject.responses"),
    item: t("console.inject.response"),
    add: t("console.inject.addResponse"),
    initial: 0,
    most: MOST_RESPONSES,
    create: expectedResponseEditor,
  });
  const extras = h(
    "details",
    { class: "inject-extras" },
    h("summary", {}, t("console.inject.extras")),
    h("h4", {}, t("console.inject.effectsOnRelease")),
    effects.element,
    h("h4", {}, t("console.inject.responses")),
    responses.element,
  );
  // The rows sit in a collapsible section: open it so the row a refusal names is in view.
  const showExtras = (problem: string) => {
    extras.open = true;
    return problem;
  };
  const form = commandForm({
    label: t("console.inject.name"),
    submit: t("console.inject.submit"),
    success: t("console.inject.done"),
    send: (c) => getCtx().send(c),
    children: [
      h("h3", {}, t("console.inject.title")),
      h(
        "div",
        { class: "row" },
        field(t("console.inject.number"), number),
        field(t("console.inject.type"), type),
        field(t("console.inject.delivery"), delivery),
      ),
      field(t("console.inject.from"), from),
      h("div", { class: "check" }, all, h("label", { for: "inject-to-all" }, t("console.inject.all"))),
      to.element,
      field(t("console.inject.injectTitle"), title),
      field(t("console.inject.text"), body),
      h(
        "div",
        { class: "row" },
        field(t("console.inject.objective"), objective.input),
        field(t("console.inject.capability"), capability.input, t("console.inject.capabilityHint")),
      ),
      objective.list,
      capability.list,
      extras,
    ],
    build: () => {
      if (!title.value.trim() || !body.value.trim()) return t("console.inject.noText");
      if (!all.checked && !to.values().length) return t("console.inject.noAudience");
      const changes = effects.read();
      if (typeof changes === "string") return showExtras(changes);
      const expectedActions = responses.read();
      if (typeof expectedActions === "string") return showExtras(expectedActions);
      return {
        type: "fireInject",
        inject: {
          number: number.value.trim() || "X",
          type: type.value,
          delivery: delivery.value,
          from: from.value.trim() || t("console.inject.defaultFrom"),
          to: all.checked ? "all" : to.values(),
          title: title.value.trim(),
          body: body.value.trim(),
          effects: changes,
          expectedActions,
          objective: objective.input.value.trim(),
          capability: capability.input.value.trim(),
        },
      };
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
      to.set(Object.values(ctx.state.nations).map((n) => ({ value: n.id, label: nationName(ctx.state, n.id) })));
      const injects = Object.values(ctx.perspective?.injects ?? {});
      objective.suggest(injects.map((i) => i.objective ?? ""));
      capability.suggest(injects.map((i) => i.capability ?? ""));
      effects.update(ctx);
      responses.update(ctx);
    },
  };
}
