import type { ExerciseState, Report } from "../state/schema.ts";
import type { Releasability } from "../scenario/effects.ts";
import type { SharingPolicy } from "../scenario/schema.ts";
import { RejectionCode, refuse, type Rejection } from "../protocol/rejections.ts";
import { msg, ref, type Param } from "../i18n/message.ts";
import type { MessageKey } from "../i18n/catalog/index.ts";
import { term } from "./words.ts";
import { isAllied } from "./sides.ts";

/**
 * Who may receive a report, and who may pass it on (docs/RULES.md): the releasability it
 * carries, or the one its classification gives; originator control over received reports; and
 * the sender's sharing policy with each partner. The rules read the world through `SharingFacts`
 * so that the client's preview asks exactly the questions the engine will.
 */
export type SharingFacts = {
  /** A nation of the exercise (not exercise control, not an inject's sender). */
  isNation(id: string): boolean;
  isAllied(id: string): boolean;
  policy(sender: string, partner: string): SharingPolicy;
  defaultScope(classification: Report["classification"]): Releasability["scope"];
};

type Releasable = Pick<Report, "classification" | "releasability" | "originator">;

export function factsOf(state: ExerciseState): SharingFacts {
  return {
    isNation: (id) => Object.hasOwn(state.nations, id),
    isAllied: (id) => isAllied(state, id),
    policy: (sender, partner) => {
      const policies = state.nations[sender]?.policies.intelSharing ?? {};
      return Object.hasOwn(policies, partner) ? policies[partner]! : "need-to-know";
    },
    defaultScope: (classification) => state.scenario.rules.releasabilityByClassification[classification],
  };
}

export function releasabilityOf(state: ExerciseState | SharingFacts, report: Pick<Report, "classification" | "releasability">): Releasability {
  const facts = "defaultScope" in state ? state : factsOf(state);
  return report.releasability ?? { scope: facts.defaultScope(report.classification) };
}

/** Whether the report may be in `partner`'s hands at all: its originator, the nations it names, or its scope. */
export function releasableTo(facts: SharingFacts, report: Releasable, partner: string): boolean {
  const releasability = releasabilityOf(facts, report);
  if (partner === report.originator || releasability.nations?.includes(partner)) return true;
  if (releasability.scope === "all") return true;
  return releasability.scope === "alliance" && facts.isAllied(partner);
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
export function originatorReleases(facts: SharingFacts, report: Releasable, sender: string, partner: string): boolean {
  if (!facts.isNation(report.originator) || report.originator === sender || partner === report.originator) return true;
  const releasability = releasabilityOf(facts, report);
  return Boolean(releasability.reshare) || Boolean(releasability.nations?.includes(partner)) || releasability.scope === "all";
}

/** The sender's policy with a partner ("need-to-know" unless set). */
export function sharingPolicyWith(state: ExerciseState, sender: string, partner: string): SharingPolicy {
  return factsOf(state).policy(sender, partner);
}

/** Why `sender` may not pass this report to `partner`, or null when it may. */
export function sharingRefusal(state: ExerciseState | SharingFacts, sender: string, report: Releasable, partner: string): Rejection | null {
  const facts = "defaultScope" in state ? state : factsOf(state);
  if (facts.policy(sender, partner) === "none") return refuse(RejectionCode.SharingPolicy, "intel.refuse.policyNone", { partner: ref("nation", partner) });
  if (!originatorReleases(facts, report, sender, partner)) {
    return refuse(RejectionCode.OriginatorControl, "intel.refuse.originator", {
      originator: ref("nation", report.originator),
      partner: ref("nation", partner),
    });
  }
  if (!releasableTo(facts, report, partner)) {
    return refuse(RejectionCode.NotReleasable, "intel.refuse.notReleasable", {
      classification: term("classification", report.classification),
      partner: ref("nation", partner),
      releasability: releasabilityWords(facts, report),
    });
  }
  return null;
}

/** "the alliance and Sudland" as a message. */
export function releasabilityWords(facts: SharingFacts, report: Pick<Report, "classification" | "releasability">): Param {
  const releasability = releasabilityOf(facts, report);
  const scope = msg(`intel.releasability.${releasability.scope}` as MessageKey);
  const named = (releasability.nations ?? []).filter((n) => facts.isNation(n));
  return named.length ? msg("intel.releasability.andNations", { scope, nations: named.map((n) => ref("nation", n)) }) : scope;
}
