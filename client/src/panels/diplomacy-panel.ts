import { h } from "../ui/html.ts";
import type { GameContext, Panel } from "../game/context.ts";
import { agreementsSection } from "./agreements-section.ts";
import { consentSection } from "./consent-section.ts";
import { diplomacyActions } from "./diplomacy-actions.ts";

/** Agreements, consent requests and diplomatic actions in one tab. */
export function diplomacyPanel(getCtx: () => GameContext): Panel {
  const agreements = agreementsSection(getCtx);
  const consent = consentSection(getCtx);
  const actions = diplomacyActions(getCtx);
  return {
    id: "diplomacy",
    title: "Diplomacy",
    element: h("div", { class: "panel" }, h("h2", {}, "Diplomacy"), agreements.element, consent.element, actions.element),
    badge: (ctx) => agreements.pending(ctx) + consent.pending(ctx),
    update(ctx) {
      agreements.update(ctx);
      consent.update(ctx);
      actions.update(ctx);
    },
  };
}
