import { h, setText } from "../ui/html.ts";
import type { GameContext } from "./context.ts";

/** What the map's marks mean, in words (a collapsible key over the map). */
export function legend(): { element: HTMLElement; update(ctx: GameContext): void } {
  const nations = h("ul", { class: "legend-nations" });
  const fog = h("li", {});
  const element = h(
    "details",
    { class: "legend" },
    h("summary", {}, "Map key"),
    nations,
    h(
      "ul",
      {},
      h("li", {}, h("span", { class: "key-token own" }, "NAV"), " own asset: category over owner code; ➜ moving, ● deployed, ◆ pre-positioned, struck through = degraded"),
      h("li", {}, h("span", { class: "key-token foreign" }, "NAV"), " foreign asset as last seen (dashed, “seen T3”)"),
      h("li", {}, h("span", { class: "key-crisis", "aria-hidden": "true" }, "▲"), " crisis with its kind and severity (0–100)"),
      h("li", {}, h("span", { class: "key-bar", "aria-hidden": "true" }), " stability bar and number (0–100)"),
      h("li", {}, "Dashed line with arrow: a movement route and its ETA turn"),
      fog,
    ),
  );
  return {
    element,
    update(ctx) {
      const sig = JSON.stringify(Object.values(ctx.state.nations).map((n) => [n.id, n.name, n.color]));
      if (nations.dataset.sig !== sig) {
        nations.dataset.sig = sig;
        nations.replaceChildren(...Object.values(ctx.state.nations).map((n) => h("li", {}, h("span", { class: "swatch", style: `background:${n.color}`, "aria-hidden": "true" }), ` ${n.name}`)));
      }
      setText(fog, ctx.viewNation ? "Hatched region: no own territory or forces there — foreign units may be unseen" : "White cell view: everything is visible");
    },
  };
}
