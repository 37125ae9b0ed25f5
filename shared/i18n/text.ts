import { DEFAULT_LANG, type Lang } from "./languages.ts";

/**
 * Texts an author writes in a scenario (titles, briefing, nation descriptions, inject texts,
 * objectives, personas) may be given in several languages: `"title": {"en": "…", "fr": "…"}`.
 * The scenario schema keeps the scenario's main language in the field itself (so every reader
 * of `inject.title` still gets a string) and the other languages beside it, in `i18n`:
 *
 *   { title: "Border incident", body: "…", i18n: { fr: { title: "Incident frontalier", body: "…" } } }
 *
 * `localText` picks the reader's language, falling back to the main language, and says when it
 * did so, so the screen can mark the text as not translated.
 */
export type Translations = Partial<Record<Lang, Record<string, string>>>;
export type Localized = { i18n?: Translations };

export type LocalText = { text: string; lang: Lang; fallback: boolean };

export function localText<T extends Localized>(lang: Lang, item: T, field: keyof T & string, mainLang: Lang = DEFAULT_LANG): LocalText {
  const main = String(item[field] ?? "");
  if (lang === mainLang) return { text: main, lang, fallback: false };
  const translated = item.i18n?.[lang]?.[field];
  if (typeof translated === "string" && translated.length > 0) return { text: translated, lang, fallback: false };
  return { text: main, lang: mainLang, fallback: main.length > 0 };
}
