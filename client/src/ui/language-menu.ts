import { h, newId } from "./html.ts";
import { LANGUAGES, LANGUAGE_NAMES, isLang } from "../../../shared/i18n/index.ts";
import { lang, setLang, t } from "../i18n.ts";

/**
 * The language menu (start page, top bar, replay viewer): each language under its own name, so a
 * person who cannot read the current one still finds theirs. The choice is remembered in this
 * browser (client/src/i18n.ts) and the screen re-renders in it without a reload.
 */
export function languageMenu(opts: { compact?: boolean } = {}): HTMLElement {
  const id = newId("lang");
  const choice = h("select", { id, name: "language", class: "language-menu", "data-language-menu": "" });
  for (const code of LANGUAGES) choice.appendChild(h("option", { value: code, lang: code, selected: code === lang() }, LANGUAGE_NAMES[code]));
  choice.value = lang();
  choice.addEventListener("change", () => {
    if (isLang(choice.value)) setLang(choice.value);
  });
  return h("div", { class: `language${opts.compact ? " compact" : ""}` }, h("label", { for: id }, t("common.language")), choice);
}
