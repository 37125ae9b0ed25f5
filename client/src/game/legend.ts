import { h, setText } from "../ui/html.ts";
import type { GameContext } from "./context.ts";
import { t } from "../i18n.ts";
import { categoryLabel, nationName } from "./names.ts";

/**
 * What the map's marks mean, in words (a collapsible key over the map). Its words are made on
 * every update that changes the language, so a language switch re-labels it in place.
 */
export function legend(): { element: HTMLElement; update(ctx: GameContext): void } {
  const nations = h("ul", { class: "legend-nations" });
  const summary = h("summary", {});
  const marks = h("ul", {});
  const fog = h("li", {});
  const element = h("details", { class: "legend" }, summary, nations, marks);
  let wordsSig = "";
  return {
    element,
    update(ctx) {
      const words = t("game.legend.title");
      if (words !== wordsSig) {
        wordsSig = words;
        setText(summary, words);
        const sample = categoryLabel("naval");
        marks.replaceChildren(
          h("li", {}, h("span", { class: "key-token own" }, sample), " ", t("game.legend.own")),
          h("li", {}, h("span", { class: "key-token foreign" }, sample), " ", t("game.legend.foreign")),
          h("li", {}, h("span", { class: "key-token stack" }, t("map.stack.count", { count: 4 })), " ", t("map.legend.stack")),
          h("li", {}, h("span", { class: "key-token owner" }, "ABC"), " ", t("map.legend.owner")),
          h("li", {}, h("span", { class: "key-crisis", "aria-hidden": "true" }, "▲"), " ", t("game.legend.crisis")),
          h("li", {}, h("span", { class: "key-bar", "aria-hidden": "true" }), " ", t("game.legend.stability")),
          h("li", {}, t("game.legend.route")),
          fog,
        );
      }
      const sig = JSON.stringify([words, Object.values(ctx.state.nations).map((n) => [n.id, nationName(ctx.state, n.id), n.color])]);
      if (nations.dataset.sig !== sig) {
        nations.dataset.sig = sig;
        nations.replaceChildren(
          ...Object.values(ctx.state.nations).map((n) =>
            h("li", {}, h("span", { class: "swatch", style: `background:${n.color}`, "aria-hidden": "true" }), ` ${nationName(ctx.state, n.id)}`),
          ),
        );
      }
      setText(fog, ctx.viewNation ? t("game.legend.fog") : t("game.legend.white"));
    },
  };
}
