import { h, setOptions } from "../ui/html.ts";
import { t } from "../i18n.ts";
import { nationName } from "../game/names.ts";
import type { GameContext } from "../game/context.ts";

/** Exercise control looks through the white cell's eyes or exactly one nation's. */
export function viewAsSwitch(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void } {
  const choice = h("select", { id: "view-as", name: "viewAs" });
  choice.addEventListener("change", () => getCtx().session.viewAs(choice.value || null));
  return {
    element: h("div", { class: "view-as" }, h("label", { for: "view-as" }, t("console.viewAs.label")), choice),
    update(ctx) {
      setOptions(choice, [{ value: "", label: t("console.viewAs.white") }, ...Object.values(ctx.state.nations).filter((n) => n.playable).map((n) => ({ value: n.id, label: nationName(ctx.state, n.id) }))]);
      const current = ctx.welcome.perspective === "white" ? "" : ctx.welcome.perspective;
      if (document.activeElement !== choice) choice.value = current;
    },
  };
}
