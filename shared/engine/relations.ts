import type { EventBuilder } from "./builder.ts";
import { relationKey } from "../state/schema.ts";
import { clamp, round1 } from "./numbers.ts";

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

/** Joint exercises and dialogues agreed this turn take effect at its resolution. */
export function applyDiplomacy(b: EventBuilder): void {
  const rules = b.state.scenario.rules;
  for (const action of b.state.pendingDiplomacy) {
    if (action.kind === "jointExercise") eachPair(action.nations, (x, y) => adjustRelation(b, x, y, rules.trustPerJointExercise, rules.interopPerJointExercise));
    else eachPair(action.nations, (x, y) => adjustRelation(b, x, y, rules.trustPerDialogue, 0));
  }
}

/** Escalatory moves cost trust with every alliance partner. */
export function escalationPenalty(b: EventBuilder, nation: string): void {
  const loss = b.state.scenario.rules.trustLossEscalation;
  for (const other of Object.values(b.state.nations)) {
    if (other.id !== nation && other.alliance) adjustRelation(b, nation, other.id, -loss, 0);
  }
}

/** Kept agreements slowly build trust; agreements past their term and unanswered proposals expire. */
export function applyAgreementUpkeep(b: EventBuilder): void {
  const { turn } = b.state;
  const rules = b.state.scenario.rules;
  for (const agreement of Object.values(b.state.agreements).sort((x, y) => (x.id < y.id ? -1 : 1))) {
    if (agreement.status === "accepted") {
      if (agreement.expiresTurn !== null && agreement.expiresTurn <= turn) {
        b.emit({ type: "agreementStatusChanged", agreement: agreement.id, status: "expired" });
        continue;
      }
      eachPair(agreement.parties, (x, y) => adjustRelation(b, x, y, rules.trustPerKeptAgreementPerTurn, 0));
    } else if (agreement.status === "proposed" && turn - agreement.proposedTurn + 1 >= rules.agreementProposalTtl) {
      b.emit({ type: "agreementStatusChanged", agreement: agreement.id, status: "expired" });
    }
  }
}
