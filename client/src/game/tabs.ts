import { h, setText } from "../ui/html.ts";
import type { Panel, GameContext } from "./context.ts";
import { t } from "../i18n.ts";

/**
 * ARIA tabs: arrow keys move between tabs, Home/End jump, the active panel is the only one shown.
 * Badges show unread or pending counts. The tabs keep to one row: when they do not fit (exercise
 * control has some twenty), the row scrolls, by the wheel, by the arrow keys (the tab taken is
 * brought into view) or by the buttons at its ends, shown only when there is more that way.
 */
export function tabs(
  panels: Panel[],
  label: string,
): { element: HTMLElement; show(id: string): void; update(ctx: GameContext): void; active(): string; setLabel(label: string): void } {
  const list = h("div", { role: "tablist", "aria-label": label, class: "tablist" });
  // Not in the tab order: the arrow keys already reach every tab; these are for the pointer.
  const earlier = h(
    "button",
    { type: "button", class: "tab-scroll earlier", tabindex: "-1", hidden: true },
    h("span", { class: "visually-hidden" }, t("map.tabs.earlier")),
  );
  const later = h(
    "button",
    { type: "button", class: "tab-scroll later", tabindex: "-1", hidden: true },
    h("span", { class: "visually-hidden" }, t("map.tabs.later")),
  );
  const strip = h("div", { class: "tabstrip" }, earlier, list, later);
  const ends = () => {
    const overflow = list.scrollWidth - list.clientWidth > 1;
    // Both ends keep their place while the row overflows (hidden, not removed, at an end), so the
    // row's width does not change under the tab just scrolled into view.
    earlier.hidden = later.hidden = !overflow;
    earlier.style.visibility = list.scrollLeft <= 1 ? "hidden" : "visible";
    later.style.visibility = list.scrollLeft + list.clientWidth >= list.scrollWidth - 1 ? "hidden" : "visible";
  };
  let pending = false;
  // One check a frame: a ResizeObserver that changes layout in its own callback loops.
  const checkEnds = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      ends();
    });
  };
  const page = (direction: 1 | -1) => list.scrollBy({ left: direction * list.clientWidth * 0.8, behavior: "smooth" });
  earlier.addEventListener("click", () => page(-1));
  later.addEventListener("click", () => page(1));
  list.addEventListener("scroll", checkEnds, { passive: true });
  list.addEventListener(
    "wheel",
    (event) => {
      if (list.scrollWidth <= list.clientWidth || Math.abs(event.deltaY) <= Math.abs(event.deltaX)) return;
      list.scrollLeft += event.deltaY;
      event.preventDefault();
    },
    { passive: false },
  );
  if (typeof ResizeObserver !== "undefined") new ResizeObserver(checkEnds).observe(list);
  // `label` is in the language of the moment: the game screen rebuilds the tabs, or renames them through setLabel.
  const body = h("div", { class: "tabpanels" });
  let current = panels[0]?.id ?? "";
  const buttons = new Map<string, { button: HTMLButtonElement; badge: HTMLElement }>();
  for (const panel of panels) {
    const badge = h("span", { class: "badge", hidden: true });
    const button = h(
      "button",
      { type: "button", role: "tab", id: `tab-${panel.id}`, "aria-controls": `panel-${panel.id}`, "aria-selected": "false", tabindex: "-1" },
      h("span", { class: "tab-title" }, panel.title),
      badge,
    );
    button.addEventListener("click", () => show(panel.id));
    button.addEventListener("keydown", (event) => {
      const index = panels.findIndex((p) => p.id === panel.id);
      let next = -1;
      if (event.key === "ArrowRight" || event.key === "ArrowDown") next = (index + 1) % panels.length;
      if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = (index - 1 + panels.length) % panels.length;
      if (event.key === "Home") next = 0;
      if (event.key === "End") next = panels.length - 1;
      if (next >= 0) {
        event.preventDefault();
        show(panels[next]!.id);
        buttons.get(panels[next]!.id)!.button.focus();
      }
    });
    buttons.set(panel.id, { button, badge });
    list.appendChild(button);
    panel.element.id = `panel-${panel.id}`;
    panel.element.setAttribute("role", "tabpanel");
    panel.element.setAttribute("aria-labelledby", `tab-${panel.id}`);
    panel.element.setAttribute("tabindex", "0");
    panel.element.classList.add("tabpanel");
    body.appendChild(panel.element);
  }
  const show = (id: string) => {
    if (!buttons.has(id)) return;
    current = id;
    for (const panel of panels) {
      const selected = panel.id === id;
      const b = buttons.get(panel.id)!.button;
      b.setAttribute("aria-selected", String(selected));
      b.tabIndex = selected ? 0 : -1;
    }
    // Brought into view before the panels change: reading the row's width lays the page out, and
    // with the new panel shown that would lay out the panel now and again after its render.
    const chosen = buttons.get(id)!.button;
    if (list.scrollWidth > list.clientWidth) chosen.scrollIntoView({ block: "nearest", inline: "nearest" });
    for (const panel of panels) panel.element.hidden = panel.id !== id;
    body.dispatchEvent(new CustomEvent("tabchange", { detail: id, bubbles: true }));
  };
  show(current);
  return {
    element: h("div", { class: "tabs" }, strip, body),
    show,
    active: () => current,
    setLabel: (next: string) => list.setAttribute("aria-label", next),
    update(ctx) {
      for (const panel of panels) {
        const count = panel.badge?.(ctx) ?? 0;
        const { badge, button } = buttons.get(panel.id)!;
        // Titles may follow the language (a panel's `title` getter): say them again on each update.
        setText(button.querySelector(".tab-title")!, panel.title);
        badge.hidden = count <= 0;
        // The name is the words on the tab, "News 4", and "new" for screen readers only ("News 4
        // new"): what is seen and what is heard (or said, to voice control) then match.
        const shown = count > 99 ? "99+" : String(count);
        const fresh = t("map.tabs.new", { count });
        if (badge.dataset.words !== `${shown} ${fresh}`) {
          badge.dataset.words = `${shown} ${fresh}`;
          badge.replaceChildren(shown, h("span", { class: "visually-hidden" }, ` ${fresh}`));
        }
        button.removeAttribute("aria-label");
      }
      setText(earlier.firstElementChild!, t("map.tabs.earlier"));
      setText(later.firstElementChild!, t("map.tabs.later"));
      checkEnds();
    },
  };
}
