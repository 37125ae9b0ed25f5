import { h } from "./html.ts";

/**
 * Items a form keeps before it is submitted (the changes of one adjustment, the effects of an
 * inject), shown as a numbered list with a Remove button each.
 */
export function keptList<T>(label: string, describe: (item: T) => string): { element: HTMLOListElement; items(): T[]; add(item: T): void; clear(): void } {
  let items: T[] = [];
  const element = h("ol", { class: "pending-effects", "aria-label": label });
  const render = () => {
    element.replaceChildren(
      ...items.map((item, i) =>
        h("li", {}, h("span", {}, describe(item)), " ", h("button", { type: "button", class: "link", "aria-label": `Remove ${i + 1} from ${label.toLowerCase()}`, onclick: () => ((items = items.filter((_, k) => k !== i)), render()) }, "Remove")),
      ),
    );
    element.hidden = items.length === 0;
  };
  render();
  return {
    element,
    items: () => [...items],
    add(item) {
      items = [...items, item];
      render();
    },
    clear() {
      items = [];
      render();
    },
  };
}
