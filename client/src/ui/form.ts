import { h, newId, type Child } from "./html.ts";
import type { CommandResult } from "../net/session.ts";
import { t } from "../i18n.ts";

/** A labelled field: the label names the control the way a person reads it. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || newId("f");
  control.id = id;
  const hintEl = hint ? h("span", { class: "hint", id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute("aria-describedby", hintEl.id);
  return h("div", { class: "field" }, h("label", { for: id }, label), control, hintEl);
}

export function select(name: string, options: readonly { value: string; label: string }[] = [], attrs: Record<string, unknown> = {}): HTMLSelectElement {
  const el = h("select", { name, ...attrs });
  for (const o of options) el.appendChild(h("option", { value: o.value }, o.label));
  return el;
}

/** A group of checkboxes (one per nation …) inside a fieldset with a legend. */
export function checkboxGroup(legend: string, name: string): { element: HTMLFieldSetElement; set(options: { value: string; label: string }[]): void; values(): string[]; clear(): void } {
  const list = h("div", { class: "checks" });
  const element = h("fieldset", { class: "field" }, h("legend", {}, legend), list);
  return {
    element,
    set(options) {
      const sig = JSON.stringify(options);
      if (list.dataset.sig === sig) return;
      list.dataset.sig = sig;
      const checked = new Set(this.values());
      list.replaceChildren(
        ...options.map((o) => {
          const id = newId(name);
          return h("span", { class: "check" }, h("input", { type: "checkbox", id, name, value: o.value, checked: checked.has(o.value) }), h("label", { for: id }, o.label));
        }),
      );
    },
    values() {
      return Array.from(list.querySelectorAll<HTMLInputElement>("input:checked")).map((i) => i.value);
    },
    clear() {
      for (const i of list.querySelectorAll<HTMLInputElement>("input")) i.checked = false;
    },
  };
}

/** The line under a form (or a list) where refusals and confirmations appear. */
export type StatusLine = {
  element: HTMLParagraphElement;
  show(result: CommandResult | { ok: boolean; message: string }, success?: string): void;
  error(message: string): void;
  clear(): void;
};

export function statusLine(): StatusLine {
  const element = h("p", { class: "form-status", role: "status", "aria-live": "polite" });
  const line: StatusLine = {
    element,
    show(result, success = t("game.status.done")) {
      element.classList.toggle("error", !result.ok);
      element.setAttribute("role", result.ok ? "status" : "alert");
      element.textContent = result.ok ? success : `⚠ ${"message" in result ? result.message : t("game.status.refused")}`;
      // The answer belongs where the person acted: keep it on screen.
      if (element.isConnected) element.scrollIntoView({ block: "nearest" });
    },
    error(message) {
      line.show({ ok: false, message });
    },
    clear() {
      element.textContent = "";
      element.classList.remove("error");
      element.setAttribute("role", "status");
    },
  };
  return line;
}

/**
 * A form that sends one command: disables its button while waiting, and shows the reply
 * next to the button. `build` returns the command, or a sentence when the input is incomplete.
 */
export function commandForm(opts: { label: string; submit: string; children: Child[]; build: () => ({ type: string } & Record<string, unknown>) | string; send: (c: { type: string } & Record<string, unknown>) => Promise<CommandResult>; success?: string; reset?: () => void; class?: string }): HTMLFormElement {
  const status = statusLine();
  const button = h("button", { type: "submit", class: "primary" }, opts.submit);
  const form = h("form", { "aria-label": opts.label, class: `command-form ${opts.class ?? ""}`, noValidate: true }, opts.children, h("div", { class: "actions" }, button), status.element);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const command = opts.build();
    if (typeof command === "string") return status.error(command);
    button.disabled = true;
    status.clear();
    const result = await opts.send(command);
    button.disabled = false;
    status.show(result, opts.success);
    if (result.ok) opts.reset?.();
  });
  // A refusal is about what was sent: once the person edits the form, it no longer describes it.
  form.addEventListener("input", () => {
    if (status.element.classList.contains("error")) status.clear();
  });
  return form;
}

/** A button that sends one command and reports the reply on the given status line. */
export function commandButton(text: string, attrs: Record<string, unknown>, command: () => { type: string } & Record<string, unknown>, send: (c: { type: string } & Record<string, unknown>) => Promise<CommandResult>, status: StatusLine, success?: string): HTMLButtonElement {
  const button = h("button", { type: "button", ...attrs }, text);
  button.addEventListener("click", async () => {
    button.disabled = true;
    status.clear();
    const result = await send(command());
    button.disabled = false;
    status.show(result, success);
  });
  return button;
}

export function section(title: string, ...children: Child[]): HTMLElement {
  const id = newId("sec");
  return h("section", { class: "panel-section", "aria-labelledby": id }, h("h3", { id }, title), children);
}
