import type { EventBuilder } from "./builder.ts";
import { ref } from "../i18n/message.ts";
import { assetType } from "./map.ts";
import { round1 } from "./numbers.ts";
import { shareMou } from "./agreement-terms.ts";
import { explain } from "./explain.ts";

/**
 * What MOUs open, applied to this turn's executed orders (docs/RULES.md). A logistics
 * MOU: a deployment or pre-positioning into a partner's territory costs less, its host giving
 * back `mouLogisticsRebate` of the deploy cost as host-nation support. (A training MOU makes
 * joint exercises cheaper when they are proposed: agreements.ts.) Runs right after the orders.
 */
export function applyAgreementEffects(b: EventBuilder): void {
  const rebate = b.state.scenario.rules.mouLogisticsRebate;
  if (rebate <= 0) return;
  const start = b.events.findLastIndex((e) => e.type === "resolutionStarted");
  const executed = b.events.slice(start + 1);
  for (const event of executed) {
    if (event.type !== "orderExecuted") continue;
    const order = event.order;
    if (order.kind !== "deployAsset" && order.kind !== "prepositionAsset") continue;
    const host = b.state.regions[order.destination]?.owner ?? null;
    const asset = b.state.assets[order.asset];
    if (!host || !asset || host === event.nation || !shareMou(b.state, event.nation, host, "logistics")) continue;
    const amount = round1(assetType(b.state, asset).deployCost * rebate);
    if (amount <= 0) continue;
    const payer = b.state.nations[event.nation]!;
    b.emit({
      type: "nationUpdated",
      nation: payer.id,
      budget: round1(payer.budget + amount),
      politicalCapital: payer.politicalCapital,
      readiness: payer.readiness,
      cause: "agreementEffect",
    });
    explain(b, "agreements.mou.logistics", [payer.id, host], "agreements.explain.logisticsRebate", {
      nation: ref("nation", payer.id),
      host: ref("nation", host),
      asset: ref("asset", asset.id),
      region: ref("region", order.destination),
      amount,
    });
  }
}
