import type { EventBuilder } from "./builder.ts";
import type { AssetState } from "../state/schema.ts";
import type { Policies } from "../scenario/schema.ts";
import { adjustRelation, escalationPenalty } from "./relations.ts";
import { explain } from "./explain.ts";
import { isAllied } from "./sides.ts";
import { msg, type Msg } from "../i18n/message.ts";
import { term } from "./words.ts";

/**
 * What changing policies costs or earns at once, whether by order or by public statement: each
 * escalation (alert to maximum, ROE to robust, stance to assertive) costs its own
 * trustLossEscalation with every alliance partner, so three in one order cost three; turning
 * reassuring gains trustGainReassurance with each. The standing effects of a policy (upkeep,
 * tension, deterrence, response, incidents) come at resolution, turn after turn.
 */
export function applyPolicyChange(b: EventBuilder, nation: string, before: Policies, after: Policies): void {
  const rules = b.state.scenario.rules;
  const escalations: Msg[] = [];
  if (after.alertLevel === "maximum" && before.alertLevel !== "maximum")
    escalations.push(msg("policies.escalation.alert", { alertLevel: term("alertLevel", after.alertLevel) }));
  if (after.rulesOfEngagement === "robust" && before.rulesOfEngagement !== "robust")
    escalations.push(msg("policies.escalation.roe", { rulesOfEngagement: term("rulesOfEngagement", after.rulesOfEngagement) }));
  if (after.publicStance === "assertive" && before.publicStance !== "assertive")
    escalations.push(msg("policies.escalation.stance", { publicStance: term("publicStance", after.publicStance) }));
  for (const escalation of escalations) {
    escalationPenalty(b, nation);
    explain(b, "policies.escalation", [nation], "policies.escalation.cost", { escalation, trust: rules.trustLossEscalation });
  }
  if (after.publicStance === "reassuring" && before.publicStance !== "reassuring" && rules.trustGainReassurance > 0) {
    for (const other of Object.keys(b.state.nations).sort())
      if (other !== nation && isAllied(b.state, other)) adjustRelation(b, nation, other, rules.trustGainReassurance, 0);
    explain(b, "policies.reassurance", [nation], "policies.reassurance.gain", { trust: rules.trustGainReassurance });
  }
}

/** A ready asset at rest that is given a mission deploys where it stands (and pays for it). */
export function deploysInPlaceBySetMission(asset: AssetState): boolean {
  return asset.status === "ready" && asset.route.length === 0;
}
