import { h, setText } from "../ui/html.ts";
import type { Session } from "../net/session.ts";
import type { GameContext } from "./context.ts";
import { connectionIndicator } from "./connection-indicator.ts";
import { turnClock } from "./turn-clock.ts";
import { tensionIndicator } from "./tension-indicator.ts";
import { viewAsSwitch } from "../facilitator/view-as.ts";
import { actAsSwitch } from "../facilitator/act-as.ts";
import { nationName, exerciseTitle, FACILITATOR_SEAT_NAME } from "./names.ts";
import { languageMenu } from "../ui/language-menu.ts";
import { t, lang } from "../i18n.ts";

/** Exercise title, who I am, the clock, tension, the connection, the language, and (for exercise control) "View as". */
export function topBar(
  session: Session,
  getCtx: () => GameContext,
  leave: () => void,
): { element: HTMLElement; update(ctx: GameContext): void; announce(text: string): void; destroy(): void } {
  // Focusable by script only: joining puts the focus here (enter.ts).
  const title = h("h1", { class: "exercise-title", tabindex: "-1" });
  const who = h("span", { class: "who" });
  const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
  const clock = turnClock();
  const tension = tensionIndicator();
  const connection = connectionIndicator(session);
  const role = session.welcome.role;
  const control = role === "facilitator" || role === "controller";
  const viewAs = control || role === "evaluator" ? viewAsSwitch(getCtx) : null;
  const actAs = control ? actAsSwitch(getCtx) : null;
  const live = h("p", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  const replayHref = () =>
    `/replay.html#exercise=${encodeURIComponent(session.welcome.exerciseId)}&token=${encodeURIComponent(session.welcome.seat)}&lang=${lang()}`;
  const element = h(
    "header",
    { class: "topbar" },
    h("div", { class: "brand" }, h("span", { class: "logo", "aria-hidden": "true" }, "⬢"), " Concord"),
    title,
    h("div", { class: "identity" }, swatch, who),
    clock.element,
    tension.element,
    viewAs?.element ?? null,
    actAs?.element ?? null,
    connection.element,
    languageMenu({ compact: true }),
    // Exercise control and observers may open the replay and after-action review at any time.
    role !== "participant" && role !== "roleplayer"
      ? h("a", { class: "button small", href: replayHref(), target: "_blank", rel: "noopener" }, t("game.bar.replay"))
      : null,
    h("button", { type: "button", class: "small", onclick: leave }, t("game.bar.leave")),
    live,
  );
  return {
    element,
    announce: (text) => setText(live, text),
    update(ctx) {
      setText(title, exerciseTitle(ctx.state));
      title.title = exerciseTitle(ctx.state);
      const w = ctx.welcome;
      const name = w.name === FACILITATOR_SEAT_NAME ? "" : w.name;
      let label: string;
      if (w.role === "participant") label = t("game.bar.member", { name, nation: nationName(ctx.state, w.nation) });
      else if (w.role === "roleplayer") label = t("seats.bar.roleplayer", { name, nation: nationName(ctx.state, w.nation) });
      else if (w.role === "controller")
        label = ctx.viewNation
          ? t("game.bar.viewing", { who: t("seats.bar.controller", { name }), nation: nationName(ctx.state, ctx.viewNation) })
          : t("seats.bar.controller", { name });
      else if (w.role === "evaluator")
        label = ctx.viewNation
          ? t("game.bar.viewing", { who: t("seats.bar.evaluator", { name }), nation: nationName(ctx.state, ctx.viewNation) })
          : t("seats.bar.evaluator", { name });
      else if (w.role === "facilitator") {
        const base = name ? t("game.bar.named", { name, role: t("game.bar.facilitator") }) : t("game.bar.facilitator");
        label = ctx.viewNation ? t("game.bar.viewing", { who: base, nation: nationName(ctx.state, ctx.viewNation) }) : base;
      } else label = name ? t("game.bar.named", { name, role: t("game.bar.observer") }) : t("game.bar.observer");
      setText(who, label);
      who.title = label;
      swatch.style.background = w.nation ? (ctx.state.nations[w.nation]?.color ?? "#888") : "#ffffff";
      clock.update(ctx.state);
      tension.update(ctx.state);
      viewAs?.update(ctx);
      actAs?.update(ctx);
    },
    destroy() {
      clock.destroy();
      connection.destroy();
    },
  };
}
