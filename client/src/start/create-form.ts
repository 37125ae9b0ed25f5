import { h, setOptions } from "../ui/html.ts";
import { field } from "../ui/form.ts";
import { listScenarios, createExercise, ApiError, type ScenarioSummary } from "../net/http.ts";
import { createdExercise } from "./created-exercise.ts";
import { t, lang } from "../i18n.ts";
import { localText, listIn, isLang, type Localized } from "../../../shared/i18n/index.ts";
import { apiProblem } from "./api-errors.ts";

/** A scenario's text in the reader's language (when the server passes translations along), marked when it falls back. */
function scenarioText(s: ScenarioSummary, field: "title" | "summary"): string {
  const main = (s as { language?: string }).language;
  const text = localText(lang(), s as ScenarioSummary & Localized, field, isLang(main) ? main : undefined);
  return text.fallback ? t("common.untranslated", { text: text.text }) : text.text;
}

function nationLabel(n: ScenarioSummary["nations"][number], main: string | undefined): string {
  const text = localText(lang(), n as typeof n & Localized, "name", isLang(main) ? main : undefined);
  return text.text;
}

/** Exercise control: pick a scenario, create the exercise, get the codes to hand out. */
export function createForm(): HTMLElement {
  const scenario = h("select", { name: "scenario", "aria-required": "true" }, h("option", { value: "" }, t("start.create.loading")));
  const summary = h("p", { class: "scenario-summary", "aria-live": "polite" });
  const title = h("input", { name: "title", maxlength: "160", placeholder: t("start.create.titlePlaceholder") });
  const password = h("input", { name: "operator-password", type: "password", autocomplete: "current-password" });
  const passwordField = field(t("start.create.password"), password, t("start.create.passwordHint"));
  passwordField.hidden = true;
  const error = h("p", { class: "form-status", role: "alert" });
  const button = h("button", { type: "submit", class: "primary" }, t("start.create.button"));
  const result = h("div", { class: "created" });
  let scenarios: ScenarioSummary[] = [];

  const describe = () => {
    const s = scenarios.find((x) => x.id === scenario.value);
    const main = s ? (s as { language?: string }).language : undefined;
    summary.textContent = s
      ? t("start.create.summary", {
          summary: scenarioText(s, "summary"),
          turns: s.turns,
          hours: s.hoursPerTurn,
          nations: listIn(
            lang(),
            s.nations.filter((n) => n.playable).map((n) => nationLabel(n, main)),
          ),
          regions: s.regions,
          injects: s.injects,
        })
      : "";
  };
  scenario.addEventListener("change", describe);
  listScenarios()
    .then((list) => {
      scenarios = list;
      setOptions(
        scenario,
        list.map((s) => ({ value: s.id, label: scenarioText(s, "title") })),
        list.length ? undefined : t("start.create.none"),
      );
      describe();
    })
    .catch((e: unknown) => {
      setOptions(scenario, [], t("start.create.unavailable"));
      error.textContent = `⚠ ${apiProblem(e)}`;
    });

  const form = h(
    "form",
    { class: "card create", "aria-labelledby": "create-title", noValidate: true },
    h("h2", { id: "create-title" }, t("start.create.title")),
    h("p", {}, t("start.create.intro")),
    field(t("start.create.scenario"), scenario),
    summary,
    field(t("start.create.exerciseTitle"), title),
    passwordField,
    h("div", { class: "actions" }, button),
    error,
    result,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    if (!scenario.value) return void (error.textContent = `⚠ ${t("start.create.noScenario")}`);
    button.disabled = true;
    button.textContent = t("start.create.creating");
    try {
      const created = await createExercise(scenario.value, title.value.trim(), password.value);
      const chosen = scenarios.find((x) => x.id === scenario.value);
      const main = chosen ? (chosen as { language?: string }).language : undefined;
      const nationOf = (id: string) => chosen?.nations.find((n) => n.id === id);
      result.replaceChildren(
        createdExercise(created, {
          nation: (id) => {
            const n = nationOf(id);
            return n ? nationLabel(n, main) : undefined;
          },
          // An exercise named after its scenario reads the scenario's title in the reader's language.
          title:
            chosen && created.title === chosen.title
              ? localText(lang(), chosen as ScenarioSummary & Localized, "title", isLang(main) ? main : undefined).text
              : undefined,
        }),
      );
      const heading = result.querySelector<HTMLElement>("h3");
      heading?.focus({ preventScroll: true });
      heading?.scrollIntoView({ block: "start" });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        passwordField.hidden = false;
        password.focus();
      }
      error.textContent = `⚠ ${apiProblem(e)}`;
    } finally {
      button.disabled = false;
      button.textContent = t("start.create.button");
    }
  });
  return form;
}
