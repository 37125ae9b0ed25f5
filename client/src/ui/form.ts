import { h, newId, type Child } from "./html.ts";
import type { CommandResult } from "../net/session.ts";
import { t } from "../i18n.ts";

/** A labelled field: the label names the control the way a person reads it. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || newId("f");
  control.id = id;
  const hintEl = hint ? h("span", { class: "hint", id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute("aria-describedby", hintEl.id);
  return h("div", { class: "field" }, h("label", { for: id }, label), control, hintEl, lengthCounter(control));
}

/**
 * A text field with a length limit shows how much of it is used ("37 / 40"), so the limit is
 * met while typing, not discovered when the text stops. Updated on every input event (forms
 * that clear a field programmatically send one, see commandForm).
 */
export function lengthCounter(control: HTMLElement): HTMLElement | null {
  if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)) return null;
  const max = Number(control.getAttribute("maxlength"));
  if (!(max > 0) || control.dataset.noCounter || (control instanceof HTMLInputElement && !["text", "search", ""].includes(control.getAttribute("type") ?? "")))
    return null;
  const counter = h("span", { class: "length-counter", "aria-hidden": "true" });
  // Screen readers hear the limit once, with the label's description, not every keystroke.
  const described = h("span", { class: "visually-hidden", id: newId("len") }, t("participant.counter.limit", { max }));
  control.setAttribute("aria-describedby", [control.getAttribute("aria-describedby"), described.id].filter(Boolean).join(" "));
  const update = () => {
    const used = control.value.length;
    counter.textContent = t("participant.counter.used", { used, max });
    counter.classList.toggle("near", used >= max * 0.9);
  };
  control.addEventListener("input", update);
  update();
  return h("span", { class: "counter-row" }, counter, described);
}

/** Sends an input event that does not bubble: counters see a programmatic change, forms do not. */
export function announceValue(control: HTMLElement): void {
  control.dispatchEvent(new Event("input", { bubbles: false }));
}

/**
 * Controls that cannot act now say why, instead of looking active and being refused: a reason
 * of their own (the phase: "Commit once the exercise is running"), or the connection — while it
 * is down every command control waits, saying so. One registry, so the connection indicator's
 * state reaches every form and button (game-screen.ts calls setOnline).
 */
type Gate = { button: HTMLButtonElement; note: HTMLElement; reason: string | null; busy: boolean };
const gates = new Set<Gate>();
let online = true;

function applyGate(gate: Gate): void {
  const why = !online ? t("participant.offline.waiting") : gate.reason;
  gate.button.disabled = gate.busy || why !== null;
  gate.note.textContent = why ?? "";
  gate.note.hidden = why === null;
  // Also on the button itself, for a control whose note the panel does not show.
  if (why) gate.button.title = why;
  else gate.button.removeAttribute("title");
}

export function setOnline(value: boolean): void {
  if (online === value) return;
  online = value;
  for (const gate of gates) if (gate.button.isConnected) applyGate(gate);
}

export function isOnline(): boolean {
  return online;
}

const gateOf = new WeakMap<HTMLElement, Gate>();

/** Registers a command control: its note says why it is disabled when it is. */
export function gated(button: HTMLButtonElement): { note: HTMLElement; gate: Gate } {
  const note = h("p", { class: "why-disabled", id: newId("why") });
  note.hidden = true;
  button.setAttribute("aria-describedby", [button.getAttribute("aria-describedby"), note.id].filter(Boolean).join(" "));
  const gate: Gate = { button, note, reason: null, busy: false };
  gates.add(gate);
  gateOf.set(button, gate);
  applyGate(gate);
  return { note, gate };
}

/** Disables a command control (a button, or a commandForm's submit) with the reason, or enables it (null). */
export function blockWithReason(control: HTMLElement, reason: string | null): void {
  const button =
    control instanceof HTMLFormElement ? control.querySelector<HTMLButtonElement>(":scope > .actions > button[type=submit]") : (control as HTMLButtonElement);
  const gate = button ? gateOf.get(button) : undefined;
  if (!gate || gate.reason === reason) return;
  gate.reason = reason;
  applyGate(gate);
}

/** The line saying why a command control is disabled, for the panel to place next to it. */
export function reasonNote(control: HTMLButtonElement): HTMLElement {
  return gateOf.get(control)?.note ?? gated(control).note;
}

/** A command control waiting for its answer: disabled until then, whatever its reason says. */
export function setBusy(button: HTMLButtonElement, busy: boolean): void {
  const gate = gateOf.get(button);
  if (!gate) return void (button.disabled = busy);
  gate.busy = busy;
  applyGate(gate);
}

export function select(name: string, options: readonly { value: string; label: string }[] = [], attrs: Record<string, unknown> = {}): HTMLSelectElement {
  const el = h("select", { name, ...attrs });
  for (const o of options) el.appendChild(h("option", { value: o.value }, o.label));
  return el;
}

/** The values ticked, those loaded first in their order (a scenario's list comes back as written), then the others. */
export function keepOrder(loaded: readonly string[], ticked: readonly string[]): string[] {
  return [...loaded.filter((v) => ticked.includes(v)), ...ticked.filter((v) => !loaded.includes(v))];
}

/** A group of checkboxes (one per nation …) inside a fieldset with a legend. */
export function checkboxGroup(
  legend: string,
  name: string,
): {
  element: HTMLFieldSetElement;
  set(options: { value: string; label: string }[]): void;
  values(): string[];
  /** Ticks exactly these (after `set`, which gives the boxes). */
  check(values: readonly string[]): void;
  clear(): void;
} {
  const list = h("div", { class: "checks" });
  const element = h("fieldset", { class: "field" }, h("legend", {}, legend), list);
  let shown: readonly { value: string; label: string }[] | null = null;
  let loaded: string[] = [];
  return {
    element,
    set(options) {
      // The same list as last time (ui/memo.ts keeps it while nothing in it changed): nothing to do.
      if (options === shown) return;
      shown = options;
      const sig = JSON.stringify(options);
      if (list.dataset.sig === sig) return;
      list.dataset.sig = sig;
      const checked = new Set(this.values());
      list.replaceChildren(
        ...options.map((o) => {
          const id = newId(name);
          return h(
            "span",
            { class: "check" },
            h("input", { type: "checkbox", id, name, value: o.value, checked: checked.has(o.value) }),
            h("label", { for: id }, o.label),
          );
        }),
      );
    },
    values() {
      const ticked = Array.from(list.querySelectorAll<HTMLInputElement>("input:checked")).map((i) => i.value);
      return keepOrder(loaded, ticked);
    },
    check(values) {
      loaded = [...values];
      for (const i of list.querySelectorAll<HTMLInputElement>("input")) i.checked = values.includes(i.value);
    },
    clear() {
      for (const i of list.querySelectorAll<HTMLInputElement>("input")) i.checked = false;
    },
  };
}

/**
 * Selects `value`; one the options do not have (an id the scenario no longer names) is added
 * under its own name, so loading a form never silently changes what it holds.
 */
export function choose(control: HTMLSelectElement, value: string): void {
  if (value && !Array.from(control.options).some((o) => o.value === value)) control.appendChild(h("option", { value }, value));
  control.value = value;
}

/** The line under a form (or a list) where refusals and confirmations appear. */
export type StatusLine = {
  element: HTMLParagraphElement;
  show(result: CommandResult | { ok: boolean; message: string }, success?: string): void;
  error(message: string): void;
  clear(): void;
};

/** Every status line on the page: an answer stays until the next action starts, anywhere. */
const lines = new Set<StatusLine>();

/** A new action starts: yesterday's "Timer set." or "Sent." no longer describes anything. */
export function clearStatusLines(): void {
  for (const line of lines) if (line.element.isConnected) line.clear();
}

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
  lines.add(line);
  return line;
}

/**
 * A form that sends one command: disables its button while waiting, and shows the reply
 * next to the button. `build` returns the command, or a sentence when the input is incomplete.
 */
export function commandForm(opts: {
  label: string;
  submit: string;
  children: Child[];
  build: () => ({ type: string } & Record<string, unknown>) | string;
  send: (c: { type: string } & Record<string, unknown>) => Promise<CommandResult>;
  success?: string;
  reset?: () => void;
  class?: string;
}): HTMLFormElement {
  const status = statusLine();
  const button = h("button", { type: "submit", class: "primary" }, opts.submit);
  const { note } = gated(button);
  const form = h(
    "form",
    { "aria-label": opts.label, class: `command-form ${opts.class ?? ""}`, noValidate: true },
    opts.children,
    h("div", { class: "actions" }, button),
    note,
    status.element,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (button.disabled) return;
    clearStatusLines();
    const command = opts.build();
    if (typeof command === "string") return status.error(command);
    setBusy(button, true);
    const result = await opts.send(command);
    setBusy(button, false);
    status.show(result, opts.success);
    if (result.ok && opts.reset) {
      opts.reset();
      for (const control of form.querySelectorAll<HTMLElement>("input, textarea, select")) announceValue(control);
    }
  });
  // A refusal is about what was sent: once the person edits the form, it no longer describes it.
  form.addEventListener("input", () => {
    if (status.element.classList.contains("error")) status.clear();
  });
  return form;
}

/** A button that sends one command and reports the reply on the given status line. */
export function commandButton(
  text: string,
  attrs: Record<string, unknown>,
  command: () => { type: string } & Record<string, unknown>,
  send: (c: { type: string } & Record<string, unknown>) => Promise<CommandResult>,
  status: StatusLine,
  success?: string,
): HTMLButtonElement {
  const button = h("button", { type: "button", ...attrs }, text);
  gated(button);
  button.addEventListener("click", async () => {
    clearStatusLines();
    setBusy(button, true);
    const result = await send(command());
    setBusy(button, false);
    status.show(result, success);
  });
  return button;
}

export function section(title: string, ...children: Child[]): HTMLElement {
  const id = newId("sec");
  return h("section", { class: "panel-section", "aria-labelledby": id }, h("h3", { id }, title), children);
}
