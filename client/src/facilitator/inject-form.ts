import { h } from "../ui/html.ts";
import { commandForm, field, select, checkboxGroup } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";

const opts = (values: string[]) => values.map((v) => ({ value: v, label: v }));

/** An ad-hoc inject written during play and released at once. */
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
    ],
    build: () => {
      if (!title.value.trim() || !body.value.trim()) return "Write a title and the inject's text.";
      if (!all.checked && !to.values().length) return "Choose the nations it goes to, or tick “All nations”.";
      return { type: "fireInject", inject: { number: number.value.trim() || "X", type: type.value, delivery: delivery.value, from: from.value.trim() || "Exercise control", to: all.checked ? "all" : to.values(), title: title.value.trim(), body: body.value.trim() } };
    },
    reset: () => {
      title.value = "";
      body.value = "";
    },
  });
  return {
    element: form,
    update(ctx) {
      to.set(Object.values(ctx.state.nations).map((n) => ({ value: n.id, label: n.name })));
    },
  };
}
