import { h } from "../ui/html.ts";
import { copyButton } from "../ui/copy-button.ts";
import { facilitatorLink } from "../route.ts";
import type { CreatedExercise } from "../net/exercise-api.ts";

/** The codes to hand out, each with a copy button, and the facilitator link (shown once). */
export function createdExercise(created: CreatedExercise): HTMLElement {
  const link = facilitatorLink(created.facilitatorToken, created.id);
  const row = (label: string, value: string, what: string) =>
    h("tr", {}, h("th", { scope: "row" }, label), h("td", {}, h("code", { class: "code", "data-code-for": what }, value)), h("td", {}, copyButton(value, what)));
  return h(
    "section",
    { class: "created-exercise", "aria-labelledby": "created-title" },
    h("h3", { id: "created-title", tabindex: "-1" }, `Exercise created: ${created.title}`),
    h("p", {}, "Hand each team its code. Participants open this page, type the code and their name."),
    h(
      "table",
      { class: "codes", "aria-label": "Join codes" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Team"), h("th", { scope: "col" }, "Join code"), h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Copy")))),
      h("tbody", {}, ...created.joinCodes.map((c) => row(c.name, c.code, `join code for ${c.name}`)), row("Observers and trainers", created.observerCode, "observer code")),
    ),
    h("h4", {}, "Facilitator link"),
    h("p", { class: "warning" }, "Keep this link secret: it opens exercise control. It is shown only once (the server stores only its fingerprint)."),
    h("p", { class: "link-row" }, h("input", { readOnly: true, value: link, "aria-label": "Facilitator link", class: "link", onfocus: (e: Event) => (e.target as HTMLInputElement).select() }), copyButton(link, "facilitator link")),
    h("p", {}, h("a", { class: "button primary", href: link, "data-facilitator-link": "" }, "Open facilitator console")),
  );
}
