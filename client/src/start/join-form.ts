import { h } from "../ui/html.ts";
import { field } from "../ui/form.ts";
import { lookupCode } from "../net/http.ts";
import { enterExercise } from "../game/enter.ts";
import { t } from "../i18n.ts";
import { apiProblem } from "./api-errors.ts";

/** The name an observer joins with when they leave the name empty (shown to exercise control). */
const OBSERVER_DEFAULT = () => t("start.join.observerName");

/** Participants and observers: a join code and a name. */
export function joinForm(app: HTMLElement, initial: { code?: string; name?: string } = {}): HTMLElement {
  const code = h("input", {
    name: "code",
    autocomplete: "off",
    "data-no-counter": "true",
    placeholder: "KDX-7QF",
    maxlength: "20",
    "aria-required": "true",
    spellcheck: "false",
    autocapitalize: "characters",
    value: initial.code ?? "",
  });
  const name = h("input", { name: "name", autocomplete: "name", maxlength: "40", placeholder: t("start.join.namePlaceholder"), value: initial.name ?? "" });
  const persona = h("input", { name: "persona", maxlength: "40" });
  // Shown once the code turns out to be a role-player's: the name players will read.
  const personaField = field(t("seats.join.persona"), persona, t("seats.join.personaHint"));
  personaField.hidden = true;
  const error = h("p", { class: "form-status", role: "alert" });
  const button = h("button", { type: "submit", class: "primary" }, t("start.join.button"));
  const form = h(
    "form",
    { class: "card join", "aria-labelledby": "join-title", noValidate: true },
    h("h2", { id: "join-title" }, t("start.join.title")),
    h("p", {}, t("start.join.intro")),
    field(t("start.join.code"), code, t("start.join.codeHint")),
    field(t("start.join.name"), name, t("start.join.nameHint")),
    personaField,
    h("div", { class: "actions" }, button),
    error,
  );
  // A new attempt starts clean: the last refusal no longer applies once the code is edited.
  form.addEventListener("input", () => (error.textContent = ""));
  code.addEventListener("change", async () => {
    if (!code.value.trim()) return;
    try {
      personaField.hidden = (await lookupCode(code.value.trim())).role !== "roleplayer";
    } catch {
      // Said on submit, with what to do next.
    }
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    if (!code.value.trim()) return void (error.textContent = `⚠ ${t("start.join.noCode")}`);
    button.disabled = true;
    button.textContent = t("start.join.checking");
    try {
      const found = await lookupCode(code.value.trim());
      if (found.role !== "observer" && !name.value.trim()) {
        error.textContent = `⚠ ${t("start.join.nameNeeded", { nation: found.nationName ?? t("start.join.yourTeam") })}`;
        name.focus();
        return;
      }
      const speaking = found.role === "roleplayer" && persona.value.trim() ? { persona: persona.value.trim() } : {};
      await enterExercise(app, {
        exerciseId: found.exerciseId,
        options: { code: code.value.trim(), name: name.value.trim() || OBSERVER_DEFAULT(), ...speaking },
        title: found.title,
      });
    } catch (e) {
      error.textContent = `⚠ ${apiProblem(e)}`;
    } finally {
      button.disabled = false;
      button.textContent = t("start.join.button");
    }
  });
  return form;
}
