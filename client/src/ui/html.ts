import { listWidth } from "./list-width.ts";
/**
 * The panels' render helper: `h("button", { onclick }, "Commit turn")`. Attributes whose name
 * starts with "on" become listeners, a few names are DOM properties (value, checked, disabled …),
 * the rest are attributes. Children may be nodes, strings, or null/false to skip.
 */
export type Child = Node | string | number | null | undefined | false | Child[];
export type Attrs = Record<string, unknown>;

/** Set as DOM properties; every other name is an attribute (so `spellcheck: "false"` works). */
const PROPERTIES = new Set(["value", "checked", "disabled", "selected", "noValidate", "multiple", "readOnly", "required", "open"]);

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") el.addEventListener(name.slice(2), value as EventListener);
    else if (PROPERTIES.has(name)) (el as unknown as Record<string, unknown>)[name] = value;
    // Through the CSSOM: the page's Content-Security-Policy refuses style attributes (no 'unsafe-inline').
    else if (name === "style") el.style.cssText = String(value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces an element's children. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

let uid = 0;
/** Unique ids for label/aria wiring. */
export function newId(prefix: string): string {
  return `${prefix}-${++uid}`;
}

/**
 * Keyed list rendering: an item whose signature (its data as JSON) did not change keeps its DOM
 * node, so focus, typed text and open details survive the re-render every state patch triggers.
 */
export function keyedList<T>(
  container: Element,
  items: readonly T[],
  key: (item: T) => string,
  render: (item: T) => HTMLElement,
  signature: (item: T) => string = (item) => JSON.stringify(item),
): void {
  const existing = new Map<string, HTMLElement>();
  for (const child of Array.from(container.children) as HTMLElement[]) if (child.dataset.key) existing.set(child.dataset.key, child);
  let previous: Element | null = null;
  const placed = new Set<Element>();
  // Focus moves only once the list is whole: focusing fires focusin, and a panel that re-renders
  // on focusin would otherwise run this function again in the middle of the loop, and this pass
  // would then insert elements the inner pass had already replaced (duplicated entries).
  let refocus: HTMLElement | null = null;
  for (const item of items) {
    const k = key(item);
    const sig = signature(item);
    let el = existing.get(k);
    if (!el || el.dataset.sig !== sig) {
      const fresh = render(item);
      fresh.dataset.key = k;
      fresh.dataset.sig = sig;
      if (el) {
        const hadFocus = el.contains(document.activeElement);
        el.replaceWith(fresh);
        if (hadFocus)
          refocus = fresh.matches("button, input, select, textarea, summary")
            ? fresh
            : fresh.querySelector<HTMLElement>("button, input, select, textarea, summary");
      }
      el = fresh;
    }
    const expectedNext: Element | null = previous ? previous.nextElementSibling : container.firstElementChild;
    if (expectedNext !== el) container.insertBefore(el, expectedNext);
    previous = el;
    placed.add(el);
  }
  // Every keyed child that is not this pass's element for its key goes (a stale copy included).
  for (const child of Array.from(container.children) as HTMLElement[]) if (child.dataset.key && !placed.has(child)) child.remove();
  refocus?.focus();
}

type Options = readonly { value: string; label: string }[];
/** What each select was last filled with (a signature in the DOM was a 300 KB attribute for 5,000 assets). */
const filled = new WeakMap<HTMLSelectElement, { options: Options; placeholder: string | undefined }>();

function sameOptions(a: Options, b: Options): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.value !== b[i]!.value || a[i]!.label !== b[i]!.label) return false;
  return true;
}

/** Longer lists wait, while their tab is hidden, until it is shown (the console's 5,000 assets in three forms). */
const FILL_LATER_OVER = 500;
const inHiddenTab = (el: Element) => el.closest<HTMLElement>("[role=tabpanel]")?.hidden === true;

/**
 * Sets a <select>'s options, keeping the current choice when it is still offered. The same list
 * as last time (by identity, as ui/memo.ts keeps it, or option by option) changes nothing.
 *
 * A list of more than FILL_LATER_OVER options for a select in a hidden tab panel is put in when
 * the tab is shown: showing a tab renders every panel (game/game-screen.ts), which calls this
 * again with the select visible, before anyone can choose from it. Until then the select holds
 * what it had, or only its placeholder. Filling the console's hidden forms with 5,000 assets
 * each was a quarter of a second of its load.
 */
export function setOptions(select: HTMLSelectElement, options: Options, placeholder?: string): void {
  const last = filled.get(select);
  if (last && last.placeholder === placeholder && sameOptions(last.options, options)) {
    last.options = options;
    return;
  }
  if (options.length > FILL_LATER_OVER && inHiddenTab(select)) {
    if (!last) {
      filled.set(select, { options: [], placeholder });
      select.replaceChildren(...(placeholder === undefined ? [] : [h("option", { value: "" }, placeholder)]));
    }
    return;
  }
  filled.set(select, { options, placeholder });
  const width = listWidth(options, placeholder);
  if (width) {
    select.style.width = width;
    select.dataset.longList = "";
  } else if ("longList" in select.dataset) {
    select.style.removeProperty("width");
    delete select.dataset.longList;
  }
  const current = select.value;
  const fragment = document.createDocumentFragment();
  const option = (value: string, label: string) => {
    const el = document.createElement("option");
    el.value = value;
    el.textContent = label;
    fragment.appendChild(el);
  };
  if (placeholder !== undefined) option("", placeholder);
  for (const o of options) option(o.value, o.label);
  select.replaceChildren(fragment);
  if (options.some((o) => o.value === current)) select.value = current;
}

/** Sets text only when it differs, so screen readers are not told the same thing twice. */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}
