import { h, newId } from "./html.ts";

/**
 * A free-text input that offers the values already in use (a datalist), so that a person
 * typing "Operational coordination" a second time picks the same spelling and the after-action
 * review groups the two together.
 */
export function suggestedInput(
  name: string,
  maxlength: number,
): { input: HTMLInputElement; list: HTMLDataListElement; suggest(values: Iterable<string>): void } {
  const list = h("datalist", { id: newId(`${name}-suggestions`) });
  const input = h("input", { name, maxlength: String(maxlength), autocomplete: "off" });
  input.setAttribute("list", list.id);
  return {
    input,
    list,
    suggest(values) {
      const sorted = [...new Set([...values].map((v) => v.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));
      const sig = JSON.stringify(sorted);
      if (list.dataset.sig === sig) return;
      list.dataset.sig = sig;
      list.replaceChildren(...sorted.map((value) => h("option", { value })));
    },
  };
}
