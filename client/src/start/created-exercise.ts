import { h } from "../ui/html.ts";
import { copyButton } from "../ui/copy-button.ts";
import { facilitatorLink } from "../route.ts";
import type { CreatedExercise } from "../net/http.ts";
import { t } from "../i18n.ts";

/**
 * The codes to hand out, each with a copy button, and the facilitator link (shown once). `words`
 * names the teams and the exercise in the reader's language (the server answers in the scenario's).
 */
export function createdExercise(created: CreatedExercise, words: { nation?: (id: string) => string | undefined; title?: string } = {}): HTMLElement {
  const team = (c: CreatedExercise["joinCodes"][number]) => words.nation?.(c.nation) ?? c.name;
  const link = facilitatorLink(created.facilitatorToken, created.id);
  // data-code-for is for tests and scripts: stable, whatever the reader's language.
  const row = (label: string, value: string, what: string, key: string) =>
    h("tr", {}, h("th", { scope: "row" }, label), h("td", {}, h("code", { class: "code", "data-code-for": key }, value)), h("td", {}, copyButton(value, what)));
  return h(
    "section",
    { class: "created-exercise", "aria-labelledby": "created-title" },
    h("h3", { id: "created-title", tabindex: "-1" }, t("start.created.title", { title: words.title ?? created.title })),
    h("p", {}, t("start.created.intro")),
    h(
      "table",
      { class: "codes", "aria-label": t("start.created.codes") },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, t("start.created.team")),
          h("th", { scope: "col" }, t("start.created.code")),
          h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, t("game.copy.button"))),
        ),
      ),
      h(
        "tbody",
        {},
        ...created.joinCodes.map((c) => row(team(c), c.code, t("start.created.codeFor", { team: team(c) }), `join code for ${c.name}`)),
        row(t("start.created.observers"), created.observerCode, t("start.created.observerCode"), "observer code"),
      ),
    ),
    h("h4", {}, t("start.facilitator.link")),
    h("p", { class: "warning" }, t("start.created.secret")),
    h(
      "p",
      { class: "link-row" },
      h("input", {
        readOnly: true,
        value: link,
        "aria-label": t("start.facilitator.link"),
        class: "link",
        onfocus: (e: Event) => (e.target as HTMLInputElement).select(),
      }),
      copyButton(link, t("start.created.linkWhat")),
    ),
    h("p", {}, h("a", { class: "button primary", href: link, "data-facilitator-link": "" }, t("start.facilitator.open"))),
  );
}
