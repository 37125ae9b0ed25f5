import { h } from "../ui/html.ts";
import { t } from "../i18n.ts";
import type { MessageKey } from "../../../shared/i18n/index.ts";
import { field } from "../ui/form.ts";
import { TRANSLATED, translationLanguages, translationsFrom, translationValues, type TranslatedField, type Translations } from "./inject-values.ts";

/** The schema's lengths of each translated text (shared/scenario/schema.ts, InjectSpec.i18n). */
const LENGTHS: Record<TranslatedField, number> = { from: 80, title: 160, body: 4000, objective: 200, capability: 200 };
const LABELS: Record<TranslatedField, MessageKey> = {
  from: "console.inject.from",
  title: "console.inject.injectTitle",
  body: "console.inject.text",
  objective: "console.inject.objective",
  capability: "console.inject.capability",
};

/**
 * An inject's texts in the other languages the scenario is translated into (of those the product
 * speaks), one set of fields per language; a field left empty has no translation (the seat
 * reads the main language's text). Folded away unless the inject already has some.
 */
export function translationFields(
  scenario: { language: string; languages: readonly string[] },
  i18n: Translations | undefined,
): { element: HTMLElement; read(): Translations | undefined } {
  const languages = translationLanguages(scenario.language, scenario.languages, i18n);
  const values = translationValues(i18n, languages);
  const controls = languages.map((lang) => {
    const inputs = Object.fromEntries(
      TRANSLATED.map((f) => {
        const control =
          f === "body"
            ? h("textarea", { name: `i18n-${lang}-${f}`, rows: "3", maxlength: String(LENGTHS[f]), lang })
            : h("input", { name: `i18n-${lang}-${f}`, maxlength: String(LENGTHS[f]), lang });
        control.value = values[lang]![f];
        return [f, control];
      }),
    ) as Record<TranslatedField, HTMLInputElement | HTMLTextAreaElement>;
    const wrap = (f: TranslatedField) => {
      const el = field(t(LABELS[f]), inputs[f]);
      el.dataset.field = `i18n.${lang}.${f}`;
      return el;
    };
    const set = h(
      "fieldset",
      { class: "field", "data-field": `i18n.${lang}` },
      h("legend", {}, t("mselform.translations.language", { language: t("scenario.lang.name", { lang }) })),
      h("div", { class: "row" }, wrap("from"), wrap("title")),
      wrap("body"),
      h("div", { class: "row" }, wrap("objective"), wrap("capability")),
    );
    return { lang, inputs, set };
  });
  const element = h(
    "details",
    { class: "inject-translations", open: i18n !== undefined && Object.keys(i18n).length > 0 },
    h("summary", {}, t("mselform.translations.title")),
    h(
      "p",
      { class: "hint" },
      languages.length ? t("mselform.translations.hint") : t("mselform.translations.none", { language: t("scenario.lang.name", { lang: scenario.language }) }),
    ),
    ...controls.map((c) => c.set),
  );
  return {
    element,
    read: () =>
      translationsFrom(
        Object.fromEntries(controls.map((c) => [c.lang, Object.fromEntries(TRANSLATED.map((f) => [f, c.inputs[f].value]))])) as Parameters<
          typeof translationsFrom
        >[0],
      ),
  };
}
