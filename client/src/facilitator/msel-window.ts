import { h } from "../ui/html.ts";
import { t } from "../i18n.ts";

/** Rows made at first, and added each time the reader reaches the end. */
export const ROWS_PER_STEP = 25;

/**
 * The MSEL table's rows, a window at a time: the first ROWS_PER_STEP of those the filters show,
 * then ROWS_PER_STEP more whenever the reader scrolls to the end of the table (or presses the
 * "more" button there, for a keyboard). 2,000 injects are some 25,000 elements; making and
 * laying out all of them took seconds (bench/scale/msel.bench.ts), and each filter lays out
 * again what it shows: 25 rows fill a screen. A row is kept, in the table or out of it, while
 * its signature is unchanged: a filter put back shows the rows it hid without making them
 * again, and focus and open details survive.
 */
export class MselWindow<T> {
  readonly more = h("button", { type: "button", class: "small msel-more", hidden: true });
  private readonly made = new Map<string, { row: HTMLElement; sig: string }>();
  private limit = ROWS_PER_STEP;
  private lastFocused: HTMLElement | null = null;
  private readonly body: HTMLElement;
  private readonly onMore: () => void;

  constructor(body: HTMLElement, onMore: () => void) {
    this.body = body;
    this.onMore = onMore;
    this.more.addEventListener("click", () => this.extend());
    body.addEventListener("focusin", (e) => (this.lastFocused = e.target as HTMLElement));
    // Reaching the end of the table shows the next rows, as a long list scrolls on.
    if (typeof IntersectionObserver === "function")
      new IntersectionObserver((seen) => seen.some((e) => e.isIntersecting) && !this.more.hidden && this.extend(), { rootMargin: "400px" }).observe(this.more);
  }

  /** Back to the first rows (the filters changed: the reader starts from the top). */
  rewind(): void {
    this.limit = ROWS_PER_STEP;
  }

  /**
   * Shows the first rows of `items` (what the filters let through), in that order; `sig` changes
   * when a row must be made again. Rows of `everything` the filters hide are kept for when they
   * come back; those of injects no longer in it are forgotten.
   */
  show(items: readonly T[], everything: readonly T[], key: (item: T) => string, sig: (item: T) => string, render: (item: T) => HTMLElement): void {
    const shown = items.slice(0, this.limit);
    let previous: Element | null = null;
    let refocus: HTMLElement | null = null;
    for (const item of shown) {
      const k = key(item);
      const s = sig(item);
      let made = this.made.get(k);
      if (!made || made.sig !== s) {
        const row = render(item);
        row.dataset.key = k;
        if (made?.row.isConnected) {
          const focused = this.focusIn(made.row);
          made.row.replaceWith(row);
          if (focused) refocus = counterpart(made.row, row, focused);
        }
        this.made.set(k, (made = { row, sig: s }));
      }
      const expected: Element | null = previous ? previous.nextElementSibling : this.body.firstElementChild;
      if (expected !== made.row) this.body.insertBefore(made.row, expected);
      previous = made.row;
    }
    while (previous ? previous.nextElementSibling : this.body.firstElementChild)
      (previous ? previous.nextElementSibling! : this.body.firstElementChild!).remove();
    // Rows of injects that are gone (deleted) are forgotten; hidden ones are kept.
    if (this.made.size > everything.length) {
      const present = new Set(everything.map(key));
      for (const k of this.made.keys()) if (!present.has(k)) this.made.delete(k);
    }
    const left = items.length - shown.length;
    this.more.hidden = left <= 0;
    if (left > 0) this.more.textContent = t("msel.view.more", { count: Math.min(left, ROWS_PER_STEP), left });
    refocus?.focus();
  }

  /**
   * The control of `row` that has the focus, or had it last when nothing has it now: a button
   * that sends a command is disabled until the answer, and a disabled button loses the focus.
   */
  private focusIn(row: HTMLElement): HTMLElement | null {
    const active = document.activeElement;
    if (active && row.contains(active)) return active as HTMLElement;
    const lost = !active || active === document.body;
    return lost && this.lastFocused && row.contains(this.lastFocused) ? this.lastFocused : null;
  }

  private extend(): void {
    this.limit += ROWS_PER_STEP;
    this.onMore();
  }
}

const FOCUSABLE = "button, input, select, textarea, summary";

/** In a row made again, the control that stands where `focused` stood in the old one: the same name, else the same place. */
function counterpart(old: HTMLElement, row: HTMLElement, focused: HTMLElement): HTMLElement | null {
  const name = focused.getAttribute("aria-label");
  const controls = [...row.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const same = name === null ? undefined : controls.find((c) => c.getAttribute("aria-label") === name);
  const at = [...old.querySelectorAll<HTMLElement>(FOCUSABLE)].indexOf(focused);
  return same ?? controls[at] ?? controls[0] ?? null;
}
