import type { RuleCoefficients } from "../scenario/rules.ts";
import type { RulesOfEngagement } from "../scenario/schema.ts";
import { clamp } from "./numbers.ts";

/**
 * The chance of an incident under one ROE at one tension: the ROE's chance at tensionReference,
 * in proportion. On its own, free of schemas, because the order form shows it too.
 */
export function incidentChanceAt(rules: Pick<RuleCoefficients, "roeIncidentChance" | "tensionReference">, roe: RulesOfEngagement, tension: number): number {
  return clamp(rules.roeIncidentChance[roe] * (tension / rules.tensionReference), 0, 1);
}
