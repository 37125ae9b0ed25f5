import { h, setText } from "../ui/html.ts";
import type { Panel, GameContext } from "./context.ts";
import { t } from "../i18n.ts";

/**
 * ARIA tabs: arrow keys move between tabs, Home/End jump, the active panel is the only one shown.
 * Badges show unread or pending counts.
 */
export function tabs(
  panels: Panel[],
  label: string,
): { element: HTMLElement; show(id: string): void; update(ctx: GameContext): void; active(): string; setLabel(label: string): void } {
  const list = h("div", { role: "tablist", "aria-label": label, class: "tablist" });
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
      panel.element.hidden = !selected;
    }
    body.dispatchEvent(new CustomEvent("tabchange", { detail: id, bubbles: true }));
  };
  show(current);
  return {
    element: h("div", { class: "tabs" }, list, body),
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
    },
  };
}
