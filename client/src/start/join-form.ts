import { h } from "../ui/html.ts";
import { field } from "../ui/form.ts";
import { lookupCode, ApiError } from "../net/exercise-api.ts";
import { enterExercise } from "../game/enter.ts";

/** Participants and observers: a join code and a name. */
export function joinForm(app: HTMLElement): HTMLElement {
  const code = h("input", { name: "code", autocomplete: "off", placeholder: "KDX-7QF", maxlength: "20", "aria-required": "true", spellcheck: "false", autocapitalize: "characters" });
  const name = h("input", { name: "name", autocomplete: "name", maxlength: "40", placeholder: "e.g. Alex Morgan" });
  const error = h("p", { class: "form-status", role: "alert" });
  const button = h("button", { type: "submit", class: "primary" }, "Join exercise");
  const form = h(
    "form",
    { class: "card", "aria-labelledby": "join-title", noValidate: true },
    h("h2", { id: "join-title" }, "Join an exercise"),
    h("p", {}, "Enter the code exercise control gave your team (or the observer code) and your name."),
    field("Join code", code, "Six letters and digits; the dash is optional."),
    field("Your name", name, "Team-mates see it next to your orders and messages."),
    h("div", { class: "actions" }, button),
    error,
  );
  // A new attempt starts clean: the last refusal no longer applies once the code is edited.
  form.addEventListener("input", () => (error.textContent = ""));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    if (!code.value.trim()) return void (error.textContent = "⚠ Enter the join code.");
    button.disabled = true;
    button.textContent = "Checking code…";
    try {
      const found = await lookupCode(code.value.trim());
      if (found.role === "participant" && !name.value.trim()) {
        error.textContent = `⚠ The code is for ${found.nationName ?? found.nation}. Enter your name so your team-mates know who you are.`;
        name.focus();
        return;
      }
      await enterExercise(app, { exerciseId: found.exerciseId, options: { code: code.value.trim(), name: name.value.trim() || "Observer" }, title: found.title });
    } catch (e) {
      error.textContent = `⚠ ${e instanceof ApiError && e.code === "wrong_code" ? "That join code is not valid. Check it with exercise control (codes look like KDX-7QF)." : (e as Error).message}`;
    } finally {
      button.disabled = false;
      button.textContent = "Join exercise";
    }
  });
  return form;
}
