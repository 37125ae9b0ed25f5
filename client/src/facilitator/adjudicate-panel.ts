import { h } from "../ui/html.ts";
import { t } from "../i18n.ts";
import type { GameContext, Panel } from "../game/context.ts";
import { adjustForm } from "./adjust-form.ts";
import { grantIntelForm } from "./grant-intel-form.ts";
import { injectForm } from "./inject-form.ts";

/** Ad-hoc injects, state adjustment with a rationale, and intelligence grants. */
export function adjudicatePanel(getCtx: () => GameContext): Panel {
  const inject = injectForm(getCtx);
  const adjust = adjustForm(getCtx);
  const grant = grantIntelForm(getCtx);
  return {
    id: "adjudicate",
    title: t("console.adjudicate.tab"),
    element: h("div", { class: "panel" }, h("h2", {}, t("console.adjudicate.title")), inject.element, adjust.element, grant.element),
    update(ctx) {
      inject.update(ctx);
      adjust.update(ctx);
      grant.update(ctx);
    },
  };
}
