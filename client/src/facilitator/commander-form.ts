import { h, setOptions, setText } from "../ui/html.ts";
import { commandForm, field, section } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";
import { nationName } from "../game/names.ts";
import { t } from "../i18n.ts";

/**
 * Exercise control designates the alliance commander: the nation whose team orders the forces
 * placed under alliance command (docs/RULES.md). "Nobody" withdraws the designation.
 */
export function commanderSection(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void } {
  const current = h("p", { class: "commander-line", "aria-live": "polite" });
  const nation = h("select", { name: "commander" });
  const form = commandForm({
    label: t("toa.console.heading"),
    submit: t("toa.console.submit"),
    success: t("toa.console.done"),
    send: (c) => getCtx().send(c),
    children: [field(t("toa.console.commander"), nation)],
    build: () => ({ type: "designateCommander", nation: nation.value || null }),
  });
  return {
    element: section(t("toa.console.heading"), current, form),
    update(ctx) {
      const commander = ctx.state.allianceCommander;
      setText(current, commander ? t("toa.commander.current", { nation: nationName(ctx.state, commander) }) : t("toa.commander.none"));
      const allies = Object.values(ctx.state.nations).filter((n) => n.alliance && n.playable);
      setOptions(nation, [{ value: "", label: t("toa.console.nobody") }, ...allies.map((n) => ({ value: n.id, label: nationName(ctx.state, n.id) }))]);
    },
  };
}
