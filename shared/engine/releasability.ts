import type { ExerciseState, Report } from "../state/schema.ts";
import type { Releasability } from "../scenario/effects.ts";
import { RejectionCode, refuse, type Rejection } from "../protocol/rejections.ts";
import { msg, ref, type Param } from "../i18n/message.ts";
import type { MessageKey } from "../i18n/catalog/index.ts";
import { term } from "./words.ts";
import { isAllied } from "./sides.ts";

/**
 * Who may receive a report, and who may pass it on (docs/rules/intel.md): the releasability it
 * carries, or the one its classification gives; originator control over received reports; and
 * the sender's sharing policy with each partner.
 */
export function releasabilityOf(state: ExerciseState, report: Pick<Report, "classification" | "releasability">): Releasability {
  return report.releasability ?? { scope: state.scenario.rules.releasabilityByClassification[report.classification] };
}

/** Whether the report may be in `partner`'s hands at all: its originator, the nations it names, or its scope. */
export function releasableTo(state: ExerciseState, report: Pick<Report, "classification" | "releasability" | "originator">, partner: string): boolean {
  const releasability = releasabilityOf(state, report);
  if (partner === report.originator || releasability.nations?.includes(partner)) return true;
  if (releasability.scope === "all") return true;
  return releasability.scope === "alliance" && isAllied(state, partner);
}

/** A report originated by a nation (not exercise control, not an inject's sender). */
export function nationalOriginator(state: ExerciseState, report: Pick<Report, "originator">): string | null {
  return Object.hasOwn(state.nations, report.originator) ? report.originator : null;
}

/**
 * Originator control: a nation holding another nation's report passes it on only where the
 * originator allowed it — the releasability names that partner, lets it be passed on
 * (`reshare`), or releases it to anyone.
 */
export function originatorReleases(state: ExerciseState, report: Pick<Report, "classification" | "releasability" | "originator">, sender: string, partner: string): boolean {
  const originator = nationalOriginator(state, report);
  if (originator === null || originator === sender || partner === originator) return true;
  const releasability = releasabilityOf(state, report);
  return Boolean(releasability.reshare) || Boolean(releasability.nations?.includes(partner)) || releasability.scope === "all";
}

/** The sender's policy with a partner ("need-to-know" unless set). */
export function sharingPolicyWith(state: ExerciseState, sender: string, partner: string): "none" | "need-to-know" | "full" {
  const policies = state.nations[sender]?.policies.intelSharing ?? {};
  return Object.hasOwn(policies, partner) ? policies[partner]! : "need-to-know";
}

/** Why `sender` may not pass this report to `partner`, or null when it may. */
export function sharingRefusal(state: ExerciseState, sender: string, report: Pick<Report, "classification" | "releasability" | "originator">, partner: string): Rejection | null {
  if (sharingPolicyWith(state, sender, partner) === "none") return refuse(RejectionCode.SharingPolicy, "intel.refuse.policyNone", { partner: ref("nation", partner) });
  if (!originatorReleases(state, report, sender, partner)) {
    return refuse(RejectionCode.OriginatorControl, "intel.refuse.originator", { originator: ref("nation", report.originator), partner: ref("nation", partner) });
  }
  if (!releasableTo(state, report, partner)) {
    return refuse(RejectionCode.NotReleasable, "intel.refuse.notReleasable", { classification: term("classification", report.classification), partner: ref("nation", partner), releasability: releasabilityWords(state, report) });
  }
  return null;
}

/** "alliance, and releasable to Sudland" as a message. */
export function releasabilityWords(state: ExerciseState, report: Pick<Report, "classification" | "releasability">): Param {
  const releasability = releasabilityOf(state, report);
  const scope = msg(`intel.releasability.${releasability.scope}` as MessageKey);
  const named = (releasability.nations ?? []).filter((n) => Object.hasOwn(state.nations, n));
  return named.length ? msg("intel.releasability.andNations", { scope, nations: named.map((n) => ref("nation", n)) }) : scope;
}
