import type { ExpectedAction, InjectSpec } from "../../../shared/scenario/schema.ts";
import { LANGUAGES, type Lang } from "../../../shared/i18n/languages.ts";

/**
 * The MSEL editor's conversions with no DOM: an expected action and an inject's translations to
 * the form's values and back, and where a fault the server names belongs on the form. What the
 * form does not show (an expected action's outcome and its description's translations) comes
 * back from `kept`, the value the form was loaded with: a save loses nothing.
 */
export type ExpectedValues = { description: string; command: string; region: string; nations: string[]; withinTurns: string; task: string };

export function expectedValues(action: ExpectedAction): ExpectedValues {
  return {
    description: action.description,
    command: action.command,
    region: action.region ?? "",
    nations: [...(action.nations ?? [])],
    withinTurns: String(action.withinTurns),
    task: action.task ?? "",
  };
}

/** The expected action the form describes, or the field at fault. */
export function expectedFrom(values: ExpectedValues, kept?: ExpectedAction): ExpectedAction | { problem: "missing" | "range"; field: string } {
  const description = values.description.trim();
  if (!description) return { problem: "missing", field: "description" };
  const turns = Number(values.withinTurns);
  if (!values.withinTurns.trim() || !Number.isInteger(turns) || turns < 0 || turns > 20) return { problem: "range", field: "withinTurns" };
  const out: Record<string, unknown> = { ...kept, description, command: values.command, withinTurns: turns };
  for (const [name, value] of [
    ["region", values.region],
    ["task", values.task],
  ] as const) {
    if (value) out[name] = value;
    else delete out[name];
  }
  if (values.nations.length) out["nations"] = [...values.nations];
  else delete out["nations"];
  return out as ExpectedAction;
}

/** The texts of an inject a translation gives (shared/scenario/localized.ts, TEXT_FIELDS.inject). */
export const TRANSLATED = ["from", "title", "body", "objective", "capability"] as const;
export type TranslatedField = (typeof TRANSLATED)[number];
export type Translations = NonNullable<InjectSpec["i18n"]>;
export type TranslationValues = Partial<Record<Lang, Record<TranslatedField, string>>>;

/**
 * The languages to offer: those the scenario is translated into but its own (the validator
 * refuses a translation into a language the scenario does not declare), and any the inject
 * already has.
 */
export function translationLanguages(main: string, declared: readonly string[], i18n: Translations | undefined): Lang[] {
  return LANGUAGES.filter((lang) => (lang !== main && declared.includes(lang)) || i18n?.[lang] !== undefined);
}

export function translationValues(i18n: Translations | undefined, languages: readonly Lang[]): TranslationValues {
  return Object.fromEntries(
    languages.map((lang) => [lang, Object.fromEntries(TRANSLATED.map((f) => [f, i18n?.[lang]?.[f] ?? ""])) as Record<TranslatedField, string>]),
  );
}

/** The inject's `i18n`: a field left empty has no translation, a language with none is left out. */
export function translationsFrom(values: TranslationValues): Translations | undefined {
  const out: Translations = {};
  for (const lang of LANGUAGES) {
    const texts = values[lang];
    if (!texts) continue;
    const given = Object.fromEntries(TRANSLATED.flatMap((f) => (texts[f].trim() ? [[f, texts[f]]] : [])));
    if (Object.keys(given).length) out[lang] = given;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * Where on the form a fault named `effects[1].report.title` may go, the most precise first: the
 * field, its row, then the whole list (`effects`). A fault in another inject ("2.01 trigger")
 * has no place on this form.
 */
export function fieldPlaces(path: string): string[] {
  if (!/^[a-zA-Z]/.test(path) || path.includes(" ")) return [];
  const places: string[] = [];
  for (let rest = path; rest; rest = rest.replace(/(\.[^.[\]]+|\[\d+\])$/, "")) {
    places.push(rest);
    if (!/(\.[^.[\]]+|\[\d+\])$/.test(rest)) break;
  }
  return places;
}
