import { h, setOptions } from "../ui/html.ts";
import { t } from "../i18n.ts";
import { nationName } from "../game/names.ts";
import type { GameContext } from "../game/context.ts";

/**
 * "Act as <nation>": exercise control plays a nation in person (a non-playable one above all),
 * through the same panels as its team. Choosing a nation looks through its eyes and sends every
 * command as that nation's (the envelope's `actAs`); the log records who made each move.
 * A controller is offered the nations it controls.
 */
export function actAsSwitch(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void } {
  const choice = h("select", { id: "act-as", name: "actAs" });
  const hint = h("span", { class: "muted act-as-hint", role: "status" });
  choice.addEventListener("change", () => getCtx().session.actAsNation(choice.value || null));
  return {
    element: h("div", { class: "view-as" }, h("label", { for: "act-as" }, t("seats.actAs.label")), choice, hint),
    update(ctx) {
      const scope = ctx.welcome.role === "controller" ? ctx.welcome.nations : null;
      const nations = Object.keys(ctx.state.nations).filter((id) => !scope || scope.includes(id));
      setOptions(choice, [{ value: "", label: t("seats.actAs.none") }, ...nations.map((id) => ({ value: id, label: nationName(ctx.state, id) }))]);
      const current = ctx.session.actAs ?? "";
      if (document.activeElement !== choice) choice.value = current;
      hint.textContent = ctx.session.actAs ? t("seats.actAs.hint", { nation: nationName(ctx.state, ctx.session.actAs) }) : "";
    },
  };
}
