import { h } from "../ui/html.ts";
import type { GameContext, Panel } from "../game/context.ts";
import { t } from "../i18n.ts";
import { agreementsSection } from "./agreements-section.ts";
import { consentSection } from "./consent-section.ts";
import { diplomacyActions } from "./diplomacy-actions.ts";
import { panelWords } from "./words.ts";

/** Agreements, consent requests and diplomatic actions in one tab. */
export function diplomacyPanel(getCtx: () => GameContext): Panel {
  const w = panelWords();
  const agreements = agreementsSection(getCtx);
  const consent = consentSection(getCtx);
  const actions = diplomacyActions(getCtx);
  return {
    id: "diplomacy",
    get title() {
      return t("panels.diplomacy.title");
    },
    element: h("div", { class: "panel" }, w.text(h("h2"), "panels.diplomacy.title"), agreements.element, consent.element, actions.element),
    badge: (ctx) => agreements.pending(ctx) + consent.pending(ctx),
    update(ctx) {
      w.refresh();
      agreements.update(ctx);
      consent.update(ctx);
      actions.update(ctx);
    },
  };
}
