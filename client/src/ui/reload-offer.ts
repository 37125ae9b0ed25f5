import { h, fill } from "./html.ts";
import { t } from "../i18n.ts";

/**
 * Why this page cannot go on as it is, and a button that reloads it: the answer to a page older
 * (or newer) than its server, whose protocol or assets no longer match. A reload rejoins with the
 * seat this browser keeps.
 */
export function reloadOffer(text: string): HTMLElement {
  return h(
    "div",
    { class: "reload-offer", role: "alert", "data-testid": "reload-offer" },
    h("p", {}, text),
    h("button", { type: "button", "data-testid": "reload-page", onclick: () => location.reload() }, t("serving.reload")),
  );
}

/** The whole page becomes the offer (the URL's hash is kept, so the reload goes back where it was). */
export function showReloadOffer(app: HTMLElement, text: string): void {
  document.body.dataset.screen = "outdated";
  fill(app, h("main", { id: "main", class: "joining" }, reloadOffer(text)));
}
