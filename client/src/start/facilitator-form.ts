import { h } from "../ui/html.ts";
import { field } from "../ui/form.ts";
import { enterExercise, FACILITATOR_SEAT_NAME } from "../game/enter.ts";
import { t } from "../i18n.ts";

/** Exercise control: paste the facilitator link (or the exercise id and token). */
export function facilitatorForm(app: HTMLElement, initial = ""): HTMLElement {
  const link = h("input", {
    name: "facilitator-link",
    autocomplete: "off",
    placeholder: "http://…/#facilitator=…&exercise=…",
    spellcheck: "false",
    value: initial,
  });
  const error = h("p", { class: "form-status", role: "alert" });
  const form = h(
    "form",
    { class: "card facilitator", "aria-labelledby": "fac-title", noValidate: true },
    h("h2", { id: "fac-title" }, t("start.facilitator.title")),
    h("p", {}, t("start.facilitator.intro")),
    field(t("start.facilitator.link"), link, t("start.facilitator.linkHint")),
    h("div", { class: "actions" }, h("button", { type: "submit" }, t("start.facilitator.open"))),
    error,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = link.value.trim();
    const params = new URLSearchParams(text.includes("#") ? text.slice(text.indexOf("#") + 1) : "");
    let exercise = params.get("exercise");
    let token = params.get("facilitator");
    if (!exercise || !token) [exercise, token] = text.split(/\s+/) as [string, string];
    if (!exercise || !token) return void (error.textContent = `⚠ ${t("start.facilitator.incomplete")}`);
    error.textContent = "";
    void enterExercise(app, { exerciseId: exercise, options: { token, name: FACILITATOR_SEAT_NAME } });
  });
  return form;
}
