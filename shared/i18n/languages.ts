/**
 * The languages Concord speaks: the alliance's two official languages. Every text a person reads
 * comes from the catalogue in one of them; a seat chooses its own, so two team-mates may read
 * the same exercise in different languages.
 */
export const LANGUAGES = ["en", "fr"] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = "en";

/** The language's own name, for the language menus (never translated). */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: "English", fr: "Français" };

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The best supported language for a tag such as "fr-CA", "fr_FR.UTF-8" or "en-GB"; the default otherwise. */
export function langOf(tag: string | null | undefined): Lang {
  const base = String(tag ?? "")
    .trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  return isLang(base) ? base : DEFAULT_LANG;
}
