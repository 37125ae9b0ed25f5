import { IntlMessageFormat } from "intl-messageformat";
import { CATALOG, type MessageKey } from "./catalog/index.ts";
import { DEFAULT_LANG, type Lang } from "./languages.ts";
import { isMsg, isRef, type Msg, type Param, type Ref } from "./message.ts";

/** Looks up the display name of a referenced thing (a nation, a region …) in the reader's language. */
export type NameOf = (ref: Ref) => string;

const compiled = new Map<string, IntlMessageFormat>();

function formatter(lang: Lang, key: MessageKey): IntlMessageFormat {
  const cacheKey = `${lang}\u0000${key}`;
  let found = compiled.get(cacheKey);
  if (!found) {
    const pattern = CATALOG[lang][key] ?? CATALOG[DEFAULT_LANG][key] ?? key;
    found = new IntlMessageFormat(pattern, lang);
    compiled.set(cacheKey, found);
  }
  return found;
}

/**
 * Renders a message in a language. References are turned into names by `nameOf` (by default the
 * id itself, for callers that have no state, e.g. logs), nested messages are rendered in the same
 * language, lists are joined as the language joins them.
 */
export function translate(lang: Lang, message: Msg, nameOf: NameOf = (r) => r.id): string {
  const values: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) values[name] = paramValue(lang, value, nameOf);
  try {
    const out = formatter(lang, message.key).format(values);
    return typeof out === "string" ? out : String(out);
  } catch {
    // A message whose values do not fit its pattern (an older log): say what can be said.
    return CATALOG[DEFAULT_LANG][message.key] ?? message.key;
  }
}

function paramValue(lang: Lang, value: Param, nameOf: NameOf): string | number | boolean {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value))
    return listIn(
      lang,
      value.map((v) => String(paramValue(lang, v, nameOf))),
    );
  if (isRef(value)) return nameOf(value);
  if (isMsg(value)) return translate(lang, value, nameOf);
  return String(value);
}

const lists = new Map<Lang, Intl.ListFormat>();
/** "Nordmark, Sarnia and Kaldmark" / "Nordmark, Sarnia et Kaldmark". */
export function listIn(lang: Lang, items: readonly string[]): string {
  let format = lists.get(lang);
  if (!format) lists.set(lang, (format = new Intl.ListFormat(lang, { style: "long", type: "conjunction" })));
  return format.format(items);
}

const numbers = new Map<Lang, Intl.NumberFormat>();
/** A number as the language writes it (1 234,5 in French). */
export function formatNumber(lang: Lang, value: number, options?: Intl.NumberFormatOptions): string {
  if (options) return new Intl.NumberFormat(lang, options).format(value);
  // Made once per language: making one is most of the cost (a replay seek writes some 200 numbers).
  let format = numbers.get(lang);
  if (!format) numbers.set(lang, (format = new Intl.NumberFormat(lang)));
  return format.format(value);
}

/** A moment as the language writes it, in the scenario's time zone (UTC by default). */
export function formatDateTime(
  lang: Lang,
  epochMs: number,
  timeZone = "UTC",
  options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" },
): string {
  return new Intl.DateTimeFormat(lang, { ...options, timeZone }).format(epochMs);
}
