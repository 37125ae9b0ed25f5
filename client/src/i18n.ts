import { translate, langOf, isLang, DEFAULT_LANG, type Lang, type Msg, type MessageKey, type Params, type Ref } from "../../shared/i18n/index.ts";

/**
 * The browser's language: each seat chooses its own (start page and top bar), remembered in this
 * browser. Screens call `t()` for every word they show and re-render on `onLanguageChange`.
 */
const STORAGE_KEY = "concord.lang";
let current: Lang = initialLang();
const listeners = new Set<(lang: Lang) => void>();
/** How references (nations, regions, assets …) become names: set by the game screen from the state. */
let names: (ref: Ref) => string = (r) => r.id;

function initialLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // Storage may be blocked (private mode): fall back to the browser's language.
  }
  return langOf(globalThis.navigator?.language ?? DEFAULT_LANG);
}

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered; the choice still holds for this page.
  }
  if (typeof document !== "undefined") document.documentElement.lang = next;
  for (const listener of listeners) listener(next);
}

export function onLanguageChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sets how references are named (the game screen passes the current state's names). */
export function setNameLookup(lookup: (ref: Ref) => string): void {
  names = lookup;
}

/** A catalogue message in the seat's language. */
export function t(key: MessageKey, params?: Params): string {
  return translate(current, params ? { key, params } : { key }, names);
}

/** A message that came from the server or the engine (a refusal, a feed line, an order's result). */
export function tm(message: Msg): string {
  return translate(current, message, names);
}

if (typeof document !== "undefined") document.documentElement.lang = current;
