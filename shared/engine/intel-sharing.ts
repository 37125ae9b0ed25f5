import type { ExerciseState, Report } from "../state/schema.ts";
import type { EventBuilder } from "./builder.ts";
import type { NameOf } from "../i18n/format.ts";
import { agreementInForce } from "./map.ts";
import { adjustRelation } from "./relations.ts";
import { clamp, round1 } from "./numbers.ts";
import { revealSightings } from "./reports.ts";
import { copyFor } from "./report-copies.ts";

/** Political capital for sharing one report with each partner (halved under a sharing agreement), times `factor`. */
export function sharingCosts(state: ExerciseState, sender: string, partners: readonly string[], factor = 1): number[] {
  const base = state.scenario.rules.shareCostPoliticalCapital;
  return partners.map((p) => round1((agreementInForce(state, "intel-sharing", [sender, p]) ? base / 2 : base) * factor));
}

/**
 * Hands each partner its copy (checks done by the caller): the act and the copies as events, the
 * receivers learn where the report places the assets it names, trust in the sender grows, and
 * the sender pays the political capital.
 */
export function deliverCopies(
  b: EventBuilder,
  sender: string,
  report: Report,
  partners: readonly string[],
  names: NameOf,
  options: { redactedText?: string; costFactor?: number } = {},
): number {
  const rules = b.state.scenario.rules;
  const cost = sharingCosts(b.state, sender, partners, options.costFactor).reduce((sum, c) => sum + c, 0);
  const copies = partners.map(() => b.id("r"));
  const redacted = options.redactedText !== undefined;
  b.emit({ type: "intelShared", from: sender, to: [...partners], report: report.id, copies, redacted });
  partners.forEach((partner, index) => {
    const copy = copyFor(
      report,
      { id: copies[index]!, partner, from: sender, turn: b.state.turn, ...(redacted ? { redactedText: options.redactedText } : {}) },
      names,
    );
    b.emit({ type: "reportCreated", report: copy });
    if (!redacted) revealSightings(b, partner, b.state.reports[copy.id]!);
    const bonus = agreementInForce(b.state, "intel-sharing", [sender, partner]) ? rules.trustBonusWithSharingAgreement : 0;
    adjustRelation(b, sender, partner, rules.trustPerSharedReport + bonus, 0);
  });
  const after = b.state.nations[sender]!;
  b.emit({
    type: "nationUpdated",
    nation: sender,
    budget: after.budget,
    politicalCapital: round1(clamp(after.politicalCapital - cost)),
    readiness: after.readiness,
    cause: "intelSharing",
  });
  return cost;
}

/** Whether `partner` already holds a copy of this report. */
export function holdsCopy(state: ExerciseState, report: string, partner: string): boolean {
  return Object.values(state.reports).some((r) => r.copiedFrom === report && r.owner === partner);
}
