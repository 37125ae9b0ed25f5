import { h } from "../ui/html.ts";
import { field } from "../ui/form.ts";
import { enterExercise } from "../game/enter.ts";

/** Exercise control: paste the facilitator link (or the exercise id and token). */
export function facilitatorForm(app: HTMLElement): HTMLElement {
  const link = h("input", { name: "facilitator-link", autocomplete: "off", placeholder: "http://…/#facilitator=…&exercise=…", spellcheck: "false" });
  const error = h("p", { class: "form-status", role: "alert" });
  const form = h(
    "form",
    { class: "card", "aria-labelledby": "fac-title", noValidate: true },
    h("h2", { id: "fac-title" }, "Exercise control"),
    h("p", {}, "Open the facilitator console with the link you got when the exercise was created."),
    field("Facilitator link", link, "Or paste “exercise-id token”."),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Open facilitator console")),
    error,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = link.value.trim();
    const params = new URLSearchParams(text.includes("#") ? text.slice(text.indexOf("#") + 1) : "");
    let exercise = params.get("exercise");
    let token = params.get("facilitator");
    if (!exercise || !token) [exercise, token] = text.split(/\s+/) as [string, string];
    if (!exercise || !token) return void (error.textContent = "⚠ Paste the whole facilitator link (it contains #facilitator=…&exercise=…).");
    error.textContent = "";
    void enterExercise(app, { exerciseId: exercise, options: { token, name: "Exercise control" } });
  });
  return form;
}
