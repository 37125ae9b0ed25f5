import { t, lang } from "../i18n.ts";
import {
  formatNumber,
  isLang,
  localText,
  termKey,
  type Lang,
  type Localized,
  type MessageKey,
  type Params,
  type Vocabulary,
} from "../../../shared/i18n/index.ts";
import type { ClientState } from "../state/client-state.ts";
import { field, select, checkboxGroup, commandForm, section } from "../ui/form.ts";
import type { Child } from "../ui/html.ts";

type ParamsOf = Params | (() => Params);
const paramsOf = (p: ParamsOf | undefined): Params | undefined => (typeof p === "function" ? p() : p);

/**
 * A panel's fixed words (headings, labels, placeholders, buttons), bound to catalogue keys so
 * `refresh()` can say them again in another language without rebuilding the panel (and without
 * losing what a person was typing). Panels call `refresh()` at the top of `update(ctx)`; the
 * game screen updates every panel when the seat changes language. Words of list items are
 * rendered with `t()` directly, and the lists' signatures include the language.
 */
export type PanelWords = ReturnType<typeof panelWords>;

export function panelWords() {
  const bindings: (() => void)[] = [];
  let shown = lang();
  const bind = (run: () => void) => {
    run();
    bindings.push(run);
  };
  const words = {
    /** Runs `say` now and again on every language change (for words that need more than one key). */
    custom(say: () => void): void {
      bind(say);
    },
    /** Sets the element's text to the message, now and on every language change. */
    text<E extends Element>(el: E, key: MessageKey, params?: ParamsOf): E {
      bind(() => (el.textContent = t(key, paramsOf(params))));
      return el;
    },
    attr<E extends Element>(el: E, name: string, key: MessageKey, params?: ParamsOf): E {
      bind(() => el.setAttribute(name, t(key, paramsOf(params))));
      return el;
    },
    /** A labelled field (ui/form.ts) whose label and hint follow the language. */
    field(key: MessageKey, control: HTMLElement, hint?: MessageKey): HTMLElement {
      const el = field(t(key), control, hint ? t(hint) : undefined);
      words.text(el.querySelector("label")!, key);
      const hintEl = el.querySelector(".hint");
      if (hint && hintEl) words.text(hintEl, hint);
      return el;
    },
    select(name: string, options: readonly { value: string; key: MessageKey }[]): HTMLSelectElement {
      const el = select(
        name,
        options.map((o) => ({ value: o.value, label: t(o.key) })),
      );
      options.forEach((o, i) => words.text(el.options[i]!, o.key));
      return el;
    },
    /** A select of a vocabulary's values (stances, alert levels …), optionally with a first "unchanged" choice. */
    terms(name: string, vocabulary: Vocabulary, values: readonly string[], first?: { value: string; key: MessageKey }): HTMLSelectElement {
      const el = select(name, []);
      for (const o of first ? [first] : []) el.appendChild(words.text(new Option("", o.value), o.key));
      for (const value of values) {
        const option = new Option(value, value);
        const key = termKey(vocabulary, value);
        el.appendChild(key ? words.text(option, key) : option);
      }
      return el;
    },
    checkboxes(legend: MessageKey, name: string): ReturnType<typeof checkboxGroup> {
      const group = checkboxGroup(t(legend), name);
      words.text(group.element.querySelector("legend")!, legend);
      return group;
    },
    section(title: MessageKey, ...children: Child[]): HTMLElement {
      const el = section(t(title), ...children);
      words.text(el.querySelector("h3")!, title);
      return el;
    },
    /** A command form (ui/form.ts) whose name, button and confirmation follow the language. */
    form(
      opts: Omit<Parameters<typeof commandForm>[0], "label" | "submit" | "success"> & {
        label: MessageKey;
        labelParams?: ParamsOf;
        submit: MessageKey;
        success?: MessageKey;
      },
    ): HTMLFormElement {
      const { label, labelParams, submit, success, ...rest } = opts;
      const form = commandForm({
        ...rest,
        label: t(label, paramsOf(labelParams)),
        submit: t(submit),
        // Read when the answer comes, so it is said in the language of that moment.
        get success() {
          return success ? t(success) : undefined;
        },
      });
      words.attr(form, "aria-label", label, labelParams);
      words.text(form.querySelector(":scope > .actions > button[type=submit]")!, submit);
      return form;
    },
    /** Says every bound word again if the language changed since the last call; true when it did. */
    refresh(): boolean {
      if (lang() === shown) return false;
      shown = lang();
      for (const run of bindings) run();
      return true;
    },
  };
  return words;
}

/** A term of the product's vocabulary in the seat's language; the value itself if the vocabulary does not know it. */
export function term(vocabulary: Vocabulary, value: string | null | undefined): string {
  if (!value) return t("panels.common.none");
  const key = termKey(vocabulary, value);
  return key ? t(key) : value.replace(/-/g, " ");
}

/** A text the scenario's author wrote (an objective's title …) in the seat's language, marked when not translated. */
export function scenarioText<T extends object>(state: ClientState, item: T, field: keyof T & string): string {
  const declared = (state.scenario as { language?: unknown }).language;
  const main: Lang = isLang(declared) ? declared : "en";
  const found = localText(lang(), item as T & Localized, field as never, main);
  return found.fallback ? t("common.untranslated", { text: found.text }) : found.text;
}

/** A whole number as the seat's language writes it. */
export function num(value: number): string {
  return formatNumber(lang(), Math.round(value));
}

/** The first letter in capitals, for a term at the start of a line ("Intelligence-sharing agreement"). */
export function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase(lang()) + text.slice(1);
}
