import { h, setOptions } from "../ui/html.ts";
import { field } from "../ui/form.ts";
import { listScenarios, createExercise, ApiError, type ScenarioSummary } from "../net/exercise-api.ts";
import { createdExercise } from "./created-exercise.ts";

/** Exercise control: pick a scenario, create the exercise, get the codes to hand out. */
export function createForm(): HTMLElement {
  const scenario = h("select", { name: "scenario", "aria-required": "true" }, h("option", { value: "" }, "Loading scenarios…"));
  const summary = h("p", { class: "scenario-summary", "aria-live": "polite" });
  const title = h("input", { name: "title", maxlength: "160", placeholder: "Optional, e.g. Staff college cohort 12" });
  const password = h("input", { name: "operator-password", type: "password", autocomplete: "current-password" });
  const passwordField = field("Operator password", password, "This server asks for the operator password to create exercises.");
  passwordField.hidden = true;
  const error = h("p", { class: "form-status", role: "alert" });
  const button = h("button", { type: "submit", class: "primary" }, "Create exercise");
  const result = h("div", { class: "created" });
  let scenarios: ScenarioSummary[] = [];

  const describe = () => {
    const s = scenarios.find((x) => x.id === scenario.value);
    summary.textContent = s ? `${s.summary} ${s.turns} turns of ${s.hoursPerTurn} h; nations: ${s.nations.filter((n) => n.playable).map((n) => n.name).join(", ")}; ${s.regions} regions, ${s.injects} injects.` : "";
  };
  scenario.addEventListener("change", describe);
  listScenarios()
    .then((list) => {
      scenarios = list;
      setOptions(scenario, list.map((s) => ({ value: s.id, label: s.title })), list.length ? undefined : "No scenarios on this server");
      describe();
    })
    .catch((e: Error) => {
      setOptions(scenario, [], "Scenarios unavailable");
      error.textContent = `⚠ ${e.message}`;
    });

  const form = h(
    "form",
    { class: "card create", "aria-labelledby": "create-title", noValidate: true },
    h("h2", { id: "create-title" }, "Create an exercise"),
    h("p", {}, "For exercise control: start a new exercise from a scenario and hand out the join codes."),
    field("Scenario", scenario),
    summary,
    field("Exercise title", title),
    passwordField,
    h("div", { class: "actions" }, button),
    error,
    result,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    if (!scenario.value) return void (error.textContent = "⚠ Choose a scenario.");
    button.disabled = true;
    button.textContent = "Creating…";
    try {
      const created = await createExercise(scenario.value, title.value.trim(), password.value);
      result.replaceChildren(createdExercise(created));
      const heading = result.querySelector<HTMLElement>("h3");
      heading?.focus({ preventScroll: true });
      heading?.scrollIntoView({ block: "start" });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        passwordField.hidden = false;
        password.focus();
      }
      error.textContent = `⚠ ${(e as Error).message}`;
    } finally {
      button.disabled = false;
      button.textContent = "Create exercise";
    }
  });
  return form;
}
