import { h, fill } from "../ui/html.ts";
import type { GameContext } from "../game/context.ts";
import type { PolicyRules } from "../../../shared/view/public-scenario.ts";
import type { AlertLevel, RulesOfEngagement, PublicStance } from "../../../shared/scenario/schema.ts";
import { t, lang } from "../i18n.ts";
import { term } from "./words.ts";
import { incidentChanceAt } from "../../../shared/engine/incident-chance.ts";

export const ALERT_LEVELS: readonly AlertLevel[] = ["normal", "elevated", "high", "maximum"];
export const ROE_LEVELS: readonly RulesOfEngagement[] = ["restrictive", "standard", "robust"];
export const STANCES: readonly PublicStance[] = ["quiet", "reassuring", "firm", "assertive"];

type Policy = "alertLevel" | "rulesOfEngagement" | "publicStance";

/** One line per choice: what it costs and what it gives, with this scenario's numbers. */
function line(policy: Policy, value: string, rules: PolicyRules, tension: number): string {
  switch (policy) {
    case "alertLevel": {
      const v = value as AlertLevel;
      return t("policies.form.alert", {
        level: term("alertLevel", v),
        upkeep: rules.alertUpkeepFactor[v],
        standing: rules.alertStandingCost[v],
        readiness: rules.alertReadinessBonus[v],
        speed: rules.alertSpeedBonus[v],
        response: rules.alertResponseFactor[v],
        deterrence: rules.alertDeterrence[v],
        tension: rules.alertTension[v],
        escalation: v === "maximum" ? "yes" : "no",
        trust: rules.trustLossEscalation,
      });
    }
    case "rulesOfEngagement": {
      const v = value as RulesOfEngagement;
      const chance = rules.roeIncidentChance[v];
      return t("policies.form.roe", {
        level: term("rulesOfEngagement", v),
        response: rules.roeResponseFactor[v],
        chance,
        reference: rules.tensionReference,
        now: incidentChanceAt(rules, v, tension),
        tension: rules.roeTension[v],
        escalation: v === "robust" ? "yes" : "no",
        trust: rules.trustLossEscalation,
      });
    }
    case "publicStance": {
      const v = value as PublicStance;
      return t("policies.form.stance", {
        level: term("publicStance", v),
        deterrence: rules.stanceDeterrence[v],
        tension: rules.stanceTension[v],
        change: v === "assertive" ? "cost" : v === "reassuring" ? "gain" : "none",
        trust: v === "reassuring" ? rules.trustGainReassurance : rules.trustLossEscalation,
      });
    }
  }
}

/**
 * Beneath a policy's select in the order form: every choice with its costs and gains, the one
 * chosen (or, when unchanged, the one in force) marked. Rebuilt when the choice, the numbers,
 * tension or the language change.
 */
export function policyHints(
  policy: Policy,
  select: HTMLSelectElement,
  values: readonly string[],
  getCtx: () => GameContext | null,
): { element: HTMLElement; update(): void } {
  const element = h("ul", { class: "policy-hints", "data-policy": policy });
  let sig = "";
  const update = () => {
    const ctx = getCtx();
    const rules = ctx?.state.scenario.policyRules ?? null;
    if (!ctx || !rules) return void fill(element);
    const current = ctx.viewNation ? ctx.perspective?.nations[ctx.viewNation]?.policies[policy] : undefined;
    const chosen = select.value || current || "";
    const next = JSON.stringify([lang(), chosen, ctx.state.tension, rules]);
    if (next === sig) return;
    sig = next;
    fill(
      element,
      ...values.map((value) =>
        h(
          "li",
          { class: value === chosen ? "chosen" : "", "data-value": value, "aria-current": value === chosen ? "true" : false },
          line(policy, value, rules, ctx.state.tension),
        ),
      ),
    );
  };
  select.addEventListener("change", update);
  return { element, update };
}
