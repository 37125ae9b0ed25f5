import { h } from "./html.ts";
import { t } from "../i18n.ts";

/** "Copy" next to a code or link; falls back to selecting the text where the clipboard API is unavailable (plain http). */
export function copyButton(text: string, what: string): HTMLButtonElement {
  const button = h("button", { type: "button", class: "copy", "aria-label": t("game.copy.name", { what }) }, t("game.copy.button"));
  button.addEventListener("click", async () => {
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      const area = h("textarea", { class: "visually-hidden", "aria-hidden": "true" });
      area.value = text;
      document.body.appendChild(area);
      area.select();
      ok = document.execCommand("copy");
      area.remove();
    }
    button.textContent = ok ? t("game.copy.done") : t("game.copy.manual");
    button.setAttribute("aria-label", ok ? t("game.copy.doneName", { what }) : t("game.copy.name", { what }));
    setTimeout(() => {
      button.textContent = t("game.copy.button");
      button.setAttribute("aria-label", t("game.copy.name", { what }));
    }, 2000);
  });
  return button;
}
