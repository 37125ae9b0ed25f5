import { h, setText } from "./html.ts";
import { t } from "../i18n.ts";

/** One row's editor: its controls, and what it holds (or a sentence saying what is missing); `write` loads a value into it. */
export type RowEditor<T, C> = { fields: HTMLElement[]; read(): T | string; update(context: C): void; write?(value: T): void };

export type EditableRows<T, C> = {
  element: HTMLElement;
  /** Every row's value in order, or the first problem, naming its row ("Change 2: …"). */
  read(): T[] | string;
  /** Back to the initial rows, blank. */
  reset(): void;
  /** One row per value, each written into its editor (after the context's options are in). */
  load(values: readonly T[]): void;
  /** Passes the context (options to choose from) to every row, and to rows added later. */
  update(context: C): void;
};

/**
 * A list of rows a form sends together (the changes of one adjustment, the effects of an
 * inject): each row is edited in place and has its own Remove button, so what is on screen is
 * exactly what is sent, and "Add" appends a blank row.
 */
export function editableRows<T, C>(opts: {
  label: string;
  item: string;
  add: string;
  initial: number;
  most: number;
  create: () => RowEditor<T, C>;
  /**
   * The spec field the rows edit ("effects"): each row is marked `effects[0]`, `effects[1]` … and
   * each of its parts marked `data-part="delta"` becomes `effects[0].delta`, so a fault the
   * server names by that path is shown beside it.
   */
  field?: string;
}): EditableRows<T, C> {
  let rows: { editor: RowEditor<T, C>; element: HTMLFieldSetElement }[] = [];
  let context: C | null = null;
  const list = h("ol", { class: "editable-rows", "aria-label": opts.label });
  const note = h("p", { class: "form-status", role: "status" }, "");
  const addButton = h("button", { type: "button" }, opts.add);

  // Numbers follow the order on screen, so a removal renumbers the rows after it.
  const renumber = () => {
    rows.forEach((row, i) => {
      setText(row.element.querySelector("legend")!, t("game.rows.legend", { item: opts.item, number: i + 1 }));
      row.element.querySelector("button.remove-row")!.setAttribute("aria-label", t("game.rows.removeName", { item: opts.item.toLowerCase(), number: i + 1 }));
      if (opts.field) {
        const at = `${opts.field}[${i}]`;
        row.element.dataset.field = at;
        for (const part of row.element.querySelectorAll<HTMLElement>("[data-part]")) part.dataset.field = `${at}.${part.dataset.part}`;
      }
    });
    list.replaceChildren(...rows.map((row) => h("li", {}, row.element)));
    addButton.disabled = rows.length >= opts.most;
    setText(note, rows.length >= opts.most ? t("game.rows.most", { most: opts.most }) : "");
  };
  const add = () => {
    const editor = opts.create();
    if (context !== null) editor.update(context);
    const remove = h("button", { type: "button", class: "link remove-row" }, t("game.rows.remove"));
    const row = { editor, element: h("fieldset", { class: "field editable-row" }, h("legend", {}), ...editor.fields, h("div", { class: "actions" }, remove)) };
    remove.addEventListener("click", () => {
      rows = rows.filter((r) => r !== row);
      renumber();
      addButton.focus();
    });
    rows = [...rows, row];
    renumber();
    return row;
  };
  addButton.addEventListener("click", () => add().element.querySelector<HTMLElement>("select, input, textarea")?.focus());
  const reset = () => {
    rows = [];
    for (let i = 0; i < opts.initial; i++) add();
    renumber();
  };
  reset();

  return {
    element: h("div", { class: "editable-rows-block" }, list, h("div", { class: "actions" }, addButton), note),
    read() {
      const values: T[] = [];
      for (const [i, row] of rows.entries()) {
        const value = row.editor.read();
        if (typeof value === "string") return t("game.rows.problem", { item: opts.item, number: i + 1, problem: value });
        values.push(value);
      }
      return values;
    },
    reset,
    load(values) {
      rows = [];
      // All of them, even past `most`: loading an inject must not drop what it has.
      for (const value of values) add().editor.write?.(value);
      renumber();
    },
    update(next) {
      context = next;
      for (const row of rows) row.editor.update(next);
    },
  };
}
