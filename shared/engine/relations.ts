import type { EventBuilder } from "./builder.ts";
import { relationKey } from "../state/schema.ts";
import { clamp, round1 } from "./numbers.ts";
import type { Agreement } from "../state/schema.ts";
import { ref } from "../i18n/message.ts";
import { own } from "../state/records.ts";
import { explain } from "./explain.ts";
import { isAllied } from "./sides.ts";
import { refundJointExercise, lapseCommander } from "./agreements.ts";

/** Adds deltas to a pair's relation, clamped to 0–100. */
export function adjustRelation(b: EventBuilder, a: string, c: string, trustDelta: number, interopDelta: number): void {
  if (a === c) return;
  const relation = b.state.relations[relationKey(a, c)];
  if (!relation) return;
  const trust = round1(clamp(relation.trust + trustDelta));
  const interoperability = round1(clamp(relation.interoperability + interopDelta));
  if (trust === relation.trust && interoperability === relation.interoperability) return;
  b.emit({ type: "relationUpdated", a, b: c, trust, interoperability });
}

function eachPair(nations: string[], fn: (a: string, b: string) => void): void {
  const sorted = [...new Set(nations)].sort();
  for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) fn(sorted[i]!, sorted[j]!);
}

/**
 * How much trust a dialogue or a joint exercise builds between a pair: `base` at the pivot
 * trust, more between wary partners, less between close ones ((100 − trust) ÷ (100 − pivot)).
 */
export function trustGain(b: EventBuilder, base: number, trust: number): number {
  const pivot = b.state.scenario.rules.trustGainPivot;
  return round1(Math.max(0, base * ((100 - trust) / (100 - pivot))));
}

/** How much interoperability a joint exercise builds between a pair: `base` at par readiness, scaled by the pair's mean readiness. */
export function exerciseInteropGain(b: EventBuilder, base: number, x: string, y: string): number {
  const rules = b.state.scenario.rules;
  const readiness = ((b.state.nations[x]?.readiness ?? 0) + (b.state.nations[y]?.readiness ?? 0)) / 2;
  return round1(base * Math.min(rules.jointExerciseMaxFactor, readiness / rules.jointExerciseReadinessPar));
}

/** Joint exercises and dialogues agreed this turn take effect at its resolution, by the parties' current trust and readiness. */
export function applyDiplomacy(b: EventBuilder): void {
  const rules = b.state.scenario.rules;
  for (const action of b.state.pendingDiplomacy) {
    eachPair(action.nations, (x, y) => {
      const relation = b.state.relations[relationKey(x, y)];
      if (!relation) return;
      const trust = trustGain(b, action.kind === "jointExercise" ? rules.trustPerJointExercise : rules.trustPerDialogue, relation.trust);
      const interop = action.kind === "jointExercise" ? exerciseInteropGain(b, rules.interopPerJointExercise, x, y) : 0;
      adjustRelation(b, x, y, trust, interop);
      const pair = { a: ref("nation", x), b: ref("nation", y), trust, was: relation.trust };
      if (action.kind === "jointExercise")
        explain(b, "diplomacy.jointExercise", [x, y], "diplomacy.explain.jointExercise", {
          ...pair,
          interop,
          readiness: round1(((b.state.nations[x]?.readiness ?? 0) + (b.state.nations[y]?.readiness ?? 0)) / 2),
        });
      else explain(b, "diplomacy.dialogue", [x, y], "diplomacy.explain.dialogue", pair);
    });
  }
}

/** Escalatory moves cost trust with every alliance partner. */
export function escalationPenalty(b: EventBuilder, nation: string): void {
  const loss = b.state.scenario.rules.trustLossEscalation;
  for (const other of Object.values(b.state.nations)) {
    if (other.id !== nation && isAllied(b.state, other.id)) adjustRelation(b, nation, other.id, -loss, 0);
  }
}

/**
 * Kept agreements slowly build trust; breached ones cost it (an intelligence-sharing party whose
 * policy toward another party is `none`); agreements past their term and unanswered proposals
 * expire (an unanswered joint exercise gives its proposer its money back).
 */
export function applyAgreementUpkeep(b: EventBuilder): void {
  const { turn } = b.state;
  const rules = b.state.scenario.rules;
  for (const agreement of Object.values(b.state.agreements).sort((x, y) => (x.id < y.id ? -1 : 1))) {
    if (agreement.status === "accepted") {
      if (agreement.expiresTurn !== null && agreement.expiresTurn <= turn) {
        b.emit({ type: "agreementStatusChanged", agreement: agreement.id, status: "expired" });
        lapseCommander(b, b.state.agreements[agreement.id]!);
        continue;
      }
      const breached = agreement.kind === "intel-sharing" ? sharingBreaches(b, agreement) : new Set<string>();
      eachPair(agreement.parties, (x, y) => {
        if (!breached.has(relationKey(x, y))) adjustRelation(b, x, y, rules.trustPerKeptAgreementPerTurn, 0);
      });
    } else if (agreement.status === "proposed" && turn - agreement.proposedTurn + 1 >= rules.agreementProposalTtl) {
      b.emit({ type: "agreementStatusChanged", agreement: agreement.id, status: "expired" });
      refundJointExercise(b, agreement);
    }
  }
}

/** Each party whose sharing policy toward another party is `none` breaches the agreement, every turn it stays so. */
function sharingBreaches(b: EventBuilder, agreement: Agreement): Set<string> {
  const cost = b.state.scenario.rules.agreementBreachTrustCost;
  const pairs = new Set<string>();
  for (const party of [...agreement.parties].sort()) {
    const policy = b.state.nations[party]?.policies.intelSharing ?? {};
    const withheld = agreement.parties.filter((other) => other !== party && own(policy, other) === "none").sort();
    if (!withheld.length) continue;
    for (const other of withheld) {
      adjustRelation(b, party, other, -cost, 0);
      pairs.add(relationKey(party, other));
    }
    explain(b, "agreements.breach.sharing", [party, ...withheld], "agreements.explain.breachSharing", {
      nation: ref("nation", party),
      nations: withheld.map((n) => ref("nation", n)),
      agreement: ref("agreement", agreement.id),
      cost,
    });
  }
  return pairs;
}
