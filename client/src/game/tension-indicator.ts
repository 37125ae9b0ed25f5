import { h, fill, setText } from "../ui/html.ts";
import type { ClientState } from "../state/client-state.ts";
import { t, tm, lang } from "../i18n.ts";

/**
 * Tension, for every seat in the top bar: the figure, and on opening what moved it at the last
 * resolution (the engine's reasons, in the reader's language) and what moves it in general.
 */
export function tensionIndicator(): { element: HTMLElement; update(state: ClientState): void } {
  const summary = h("summary", { class: "tension-value" });
  const reasons = h("ul", { class: "tension-reasons" });
  const general = h("p", { class: "hint" });
  const heading = h("p", { class: "tension-heading" });
  const element = h("details", { class: "tension", "data-level": "low" }, summary, h("div", { class: "tension-body" }, heading, reasons, general));
  let sig = "";
  return {
    element,
    update(state) {
      const next = JSON.stringify([lang(), state.tension, state.tensionReasons, state.scenario.policyRules?.initialTension]);
      if (next === sig) return;
      sig = next;
      setText(summary, t("policies.bar.tension", { value: state.tension }));
      summary.title = t("policies.bar.tensionTitle");
      element.dataset.level = state.tension >= 70 ? "high" : state.tension >= 45 ? "raised" : "low";
      setText(heading, t("policies.bar.lastTurn"));
      fill(reasons, ...(state.tensionReasons.length ? state.tensionReasons.map((r) => h("li", {}, tm(r))) : [h("li", {}, t("policies.bar.noChange"))]));
      setText(general, t("policies.bar.what", { initial: state.scenario.policyRules?.initialTension ?? state.tension }));
    },
  };
}
