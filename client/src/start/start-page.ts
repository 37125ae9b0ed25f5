import { h, fill } from "../ui/html.ts";
import { joinForm } from "./join-form.ts";
import { facilitatorForm } from "./facilitator-form.ts";
import { createForm } from "./create-form.ts";
import { libraryCard } from "./library.ts";
import { lastSeat } from "../net/seat-store.ts";
import { clearHash } from "../route.ts";
import { languageMenu } from "../ui/language-menu.ts";
import { t, onLanguageChange } from "../i18n.ts";
import { termKey } from "../../../shared/i18n/index.ts";

/** A message for the start page: a sentence already in the reader's language, or a way to make one (re-made when the language changes). */
export type StartMessage = { text: string | (() => string); kind: "error" | "info" };

let stopListening: (() => void) | null = null;

/**
 * The start page: join with a code and a name (participants and observers), open exercise
 * control with the facilitator link, or create a new exercise from a scenario. The language
 * menu re-renders the page in the chosen language, keeping what was typed in the join forms.
 */
export function showStartPage(app: HTMLElement, message?: StartMessage): void {
  stopListening?.();
  document.body.dataset.screen = "start";
  delete document.body.dataset.exercise;
  clearHash();
  // A handout's QR code opens the start page with its join code filled in (facilitator/handout.ts).
  const code = new URLSearchParams(location.search).get("code")?.slice(0, 20) ?? undefined;
  render(app, message, code ? { code } : {});
  stopListening = onLanguageChange(() => {
    if (document.body.dataset.screen !== "start") return;
    const typed = {
      code: app.querySelector<HTMLInputElement>("input[name=code]")?.value,
      name: app.querySelector<HTMLInputElement>("input[name=name]")?.value,
      link: app.querySelector<HTMLInputElement>("input[name=facilitator-link]")?.value,
    };
    render(app, message, typed);
    app.querySelector<HTMLElement>("[data-language-menu]")?.focus();
  });
}

function render(app: HTMLElement, message: StartMessage | undefined, typed: { code?: string; name?: string; link?: string }): void {
  document.title = t("start.documentTitle");
  const previous = lastSeat();
  const role = previous ? termKey("role", previous.role) : null;
  const rejoin = previous
    ? h(
        "section",
        { class: "card rejoin", "aria-labelledby": "rejoin-title" },
        h("h2", { id: "rejoin-title" }, t("start.rejoin.title")),
        h(
          "p",
          {},
          previous.role === "participant"
            ? t("start.rejoin.asMember", {
                title: previous.title || t("start.rejoin.untitled"),
                name: previous.name,
                nation: previous.nationName ?? t("start.rejoin.yourTeam"),
              })
            : t("start.rejoin.asRole", {
                title: previous.title || t("start.rejoin.untitled"),
                name: previous.name,
                role: role ? t(role) : t("common.unknown"),
              }),
        ),
        h("a", { class: "button primary", href: `#exercise=${encodeURIComponent(previous.exerciseId)}` }, t("start.rejoin.button")),
      )
    : null;
  const text = message ? (typeof message.text === "function" ? message.text() : message.text) : "";
  fill(
    app,
    h(
      "main",
      { id: "main", class: "start" },
      h(
        "header",
        { class: "start-header" },
        h("div", { class: "start-title" }, h("h1", {}, "Concord"), languageMenu()),
        h("p", { class: "tagline" }, t("start.tagline")),
      ),
      message ? h("p", { class: `banner ${message.kind}`, role: message.kind === "error" ? "alert" : "status" }, text) : null,
      h("div", { class: "start-grid" }, rejoin, joinForm(app, typed), facilitatorForm(app, typed.link), createForm()),
      libraryCard(),
      h("p", { class: "replay-link" }, t("start.replay.before"), h("a", { href: "/replay.html" }, t("start.replay.link")), t("start.replay.after")),
    ),
  );
}
