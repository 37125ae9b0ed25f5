import { h, setText } from "../ui/html.ts";
import type { Session } from "../net/session.ts";
import type { GameContext } from "./context.ts";
import { connectionIndicator } from "./connection-indicator.ts";
import { turnClock } from "./turn-clock.ts";
import { viewAsSwitch } from "../facilitator/view-as.ts";
import { nationName } from "./names.ts";

/** Exercise title, who I am, the clock, the connection, and (for exercise control) "View as". */
export function topBar(session: Session, getCtx: () => GameContext, leave: () => void): { element: HTMLElement; update(ctx: GameContext): void; announce(text: string): void } {
  const title = h("h1", { class: "exercise-title" });
  const who = h("span", { class: "who" });
  const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
  const clock = turnClock();
  const viewAs = session.welcome.role === "facilitator" ? viewAsSwitch(getCtx) : null;
  const live = h("p", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  const element = h(
    "header",
    { class: "topbar" },
    h("div", { class: "brand" }, h("span", { class: "logo", "aria-hidden": "true" }, "⬢"), " Concord"),
    title,
    h("div", { class: "identity" }, swatch, who),
    clock.element,
    viewAs?.element ?? null,
    connectionIndicator(session),
    // Exercise control and observers may open the replay and after-action review at any time.
    session.welcome.role !== "participant"
      ? h("a", { class: "button small", href: `/replay.html#exercise=${encodeURIComponent(session.welcome.exerciseId)}&token=${encodeURIComponent(session.welcome.seat)}`, target: "_blank", rel: "noopener" }, "Replay & AAR")
      : null,
    h("button", { type: "button", class: "small", onclick: leave }, "Leave"),
    live,
  );
  return {
    element,
    announce: (text) => setText(live, text),
    update(ctx) {
      setText(title, ctx.state.title);
      const w = ctx.welcome;
      const label = w.role === "participant" ? `${w.name} · ${nationName(ctx.state, w.nation)}` : w.role === "facilitator" ? `${w.name === "Exercise control" ? "" : `${w.name} · `}Exercise control${ctx.viewNation ? ` (viewing as ${nationName(ctx.state, ctx.viewNation)})` : ""}` : `${w.name} · Observer`;
      setText(who, label);
      swatch.style.background = w.nation ? (ctx.state.nations[w.nation]?.color ?? "#888") : "#ffffff";
      clock.update(ctx.state);
      viewAs?.update(ctx);
    },
  };
}
