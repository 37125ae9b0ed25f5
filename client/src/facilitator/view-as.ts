import { h, setOptions } from "../ui/html.ts";
import { t } from "../i18n.ts";
import { nationName } from "../game/names.ts";
import type { GameContext } from "../game/context.ts";

/** The nations a seat may look through: every one for exercise control, an evaluator's assigned ones. */
function viewable(ctx: GameContext): string[] {
  const assigned = ctx.welcome.role === "evaluator" ? ctx.welcome.nations : null;
  return Object.keys(ctx.state.nations).filter((id) => !assigned || assigned.includes(id));
}

/** Exercise control looks through the white cell's eyes or exactly one nation's (non-playable ones too). */
export function viewAsSwitch(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void } {
  const choice = h("select", { id: "view-as", name: "viewAs" });
  choice.addEventListener("change", () => getCtx().session.viewAs(choice.value || null));
  return {
    element: h("div", { class: "view-as" }, h("label", { for: "view-as" }, t("console.viewAs.label")), choice),
    update(ctx) {
      setOptions(choice, [{ value: "", label: t("console.viewAs.white") }, ...viewable(ctx).map((id) => ({ value: id, label: nationName(ctx.state, id) }))]);
      const current = ctx.welcome.perspective === "white" ? "" : ctx.welcome.perspective;
      if (document.activeElement !== choice) choice.value = current;
    },
  };
}
