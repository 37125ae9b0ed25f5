import { h, setOptions } from "../ui/html.ts";
import { t } from "../i18n.ts";
import type { MessageKey } from "../../../shared/i18n/index.ts";
import { panelWords } from "./words.ts";

/** One select of a filter bar: its label and, each time, its choices (the first is always "All"). */
export type FilterChoice = { name: string; label: MessageKey };

export type ListFilter = {
  element: HTMLElement;
  /** The chosen value of each select ("" for all) and the text to look for, lower case. */
  values(): Record<string, string> & { text: string };
  /** Sets each select's choices (keeping what is chosen when it is still offered). */
  choices(name: string, options: readonly { value: string; label: string }[]): void;
  /** "7 of 36 shown", said to screen readers as the list narrows. */
  count(shown: number, total: number): void;
  /** Words the text box looks in: true when every word of the filter text is among them. */
  matches(haystack: string): boolean;
};

/**
 * A filter bar for a list (the feed, the reports, the known forces): labelled selects and a text
 * box in a fieldset, changes applied as they are made (keyboard only is enough: Tab to a
 * control, arrows or typing), and a live count of what is shown. Words from the catalogue.
 */
export function listFilter(legend: MessageKey, selects: readonly FilterChoice[], onChange: () => void): ListFilter {
  const w = panelWords();
  const controls = new Map<string, HTMLSelectElement>();
  const fields: HTMLElement[] = [];
  for (const choice of selects) {
    const select = h("select", { name: choice.name });
    controls.set(choice.name, select);
    select.addEventListener("change", onChange);
    fields.push(w.field(choice.label, select));
  }
  const text = h("input", { type: "search", name: "filter-text", autocomplete: "off" });
  text.addEventListener("input", onChange);
  fields.push(w.field("picture.filter.text", text));
  const counter = h("p", { class: "filter-count muted", role: "status", "aria-live": "polite" });
  const element = h("fieldset", { class: "list-filter" }, w.text(h("legend", {}), legend), h("div", { class: "filter-fields" }, fields), counter);
  return {
    element,
    values() {
      const out: Record<string, string> = {};
      for (const [name, select] of controls) out[name] = select.value;
      return { ...out, text: text.value.trim().toLowerCase() };
    },
    choices(name, options) {
      setOptions(controls.get(name)!, options, t("picture.filter.any"));
    },
    count(shown, total) {
      w.refresh();
      const line = t("picture.filter.count", { shown, total });
      if (counter.textContent !== line) counter.textContent = line;
    },
    matches(haystack) {
      const words = text.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      const hay = haystack.toLowerCase();
      return words.every((word) => hay.includes(word));
    },
  };
}
