import { t } from "../i18n.ts";

/** A tiny hyperscript: enough to build accessible DOM without a framework. */
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: any) => void)>;
type Child = Node | string | number | null | undefined | false | Child[];

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(key.replace(/^on/, "").toLowerCase(), value);
    else if (key === "className") element.className = String(value);
    // Through the CSSOM: the page's Content-Security-Policy refuses style attributes (no 'unsafe-inline').
    else if (key === "style") element.style.cssText = String(value);
    else if (key === "value" && "value" in element) (element as HTMLInputElement).value = String(value);
    else if (value === true) element.setAttribute(key, "");
    else element.setAttribute(key, String(value));
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** Fills a <select> keeping the current choice when it still exists. */
export function setOptions(select: HTMLSelectElement, options: { value: string; label: string }[], placeholder?: string): void {
  const current = select.value;
  const wanted = (placeholder ? [{ value: "", label: placeholder }] : []).concat(options);
  const same = select.options.length === wanted.length && wanted.every((o, i) => select.options[i]!.value === o.value && select.options[i]!.text === o.label);
  if (same) return;
  select.replaceChildren(...wanted.map((o) => h("option", { value: o.value }, o.label)));
  if (wanted.some((o) => o.value === current)) select.value = current;
}

/** A form row: a visible label bound to its control. */
let nextId = 0;
export function field(label: string, control: HTMLElement): HTMLElement {
  const id = control.id || `f${++nextId}`;
  control.id = id;
  return h("div", { className: "field" }, h("label", { for: id }, label), control);
}

/** A place next to a control where the server's answer is shown. */
export function statusLine(): HTMLElement {
  return h("p", { className: "status-line", role: "status", "aria-live": "polite" });
}

export function showResult(line: HTMLElement, result: { ok: boolean; message?: string }, success = t("game.status.done")): void {
  line.textContent = result.ok ? success : (result.message ?? t("game.status.refused"));
  line.className = `status-line ${result.ok ? "ok" : "error"}`;
}
