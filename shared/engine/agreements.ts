import type { Handler, Of } from "./decide.ts";
import type { EventBuilder } from "./builder.ts";
import { RejectionCode, refuse } from "../protocol/rejections.ts";
import { ref } from "../i18n/message.ts";
import { phaseWord, term } from "./words.ts";
import { nationOf } from "./actors.ts";
import { adjustRelation } from "./relations.ts";
import type { Agreement } from "../state/schema.ts";
import type { Rejection } from "../protocol/rejections.ts";
import { round1 } from "./numbers.ts";
import { isAllied } from "./sides.ts";
import { explain } from "./explain.ts";
import { setCommander } from "./toa.ts";
import { inForce, agreementsBinding, shareMou } from "./agreement-terms.ts";

function playing(b: EventBuilder) {
  const { phase } = b.state;
  return phase === "running" || phase === "paused" || phase === "briefing"
    ? null
    : refuse(RejectionCode.WrongPhase, "engine.phase.diplomacy", { phase: phaseWord(phase) });
}

/** Sovereignty: ask a host nation to let your assets into one of its regions. */
export const requestConsent: Handler<Of<"requestConsent">> = (b, command, actor) => {
  const wrong = playing(b);
  if (wrong) return wrong;
  const nation = nationOf(actor);
  const region = b.state.regions[command.region];
  if (!region) return refuse(RejectionCode.UnknownRegion, "engine.order.unknownRegion");
  if (!b.state.nations[command.host] || command.host === nation) return refuse(RejectionCode.UnknownNation, "engine.nation.notAnother");
  if (region.owner !== command.host)
    return refuse(RejectionCode.InvalidTarget, "engine.consent.notTerritory", { region: ref("region", command.region), host: ref("nation", command.host) });
  b.emit({
    type: "consentRequested",
    request: { id: b.id("c"), requester: nation, host: command.host, region: region.id, note: command.note ?? "", status: "pending", turn: b.state.turn },
  });
};

export const answerConsent: Handler<Of<"answerConsent">> = (b, command, actor) => {
  const nation = nationOf(actor);
  const request = b.state.consentRequests[command.request];
  if (!request || request.host !== nation) return refuse(RejectionCode.UnknownRequest, "engine.request.unknownConsent");
  if (request.status !== "pending")
    return refuse(RejectionCode.AlreadyAnswered, "engine.request.alreadyStatus", { status: term("requestStatus", request.status) });
  b.emit({ type: "consentAnswered", request: request.id, granted: command.grant });
};

/**
 * Proposes an agreement. A joint exercise programme costs its proposer the joint exercise's
 * price whichever way it is proposed (refunded if it is rejected or expires unanswered); a
 * command arrangement names the commander and binds every alliance member.
 */
export const proposeAgreement: Handler<Of<"proposeAgreement">> = (b, command, actor) => {
  const wrong = playing(b);
  if (wrong) return wrong;
  const nation = nationOf(actor);
  const parties = [...new Set([nation, ...command.parties])];
  if (parties.length < 2) return refuse(RejectionCode.InvalidTarget, "engine.agreement.needsPartner");
  for (const party of parties) if (!Object.hasOwn(b.state.nations, party)) return refuse(RejectionCode.UnknownNation, "engine.nation.unknown");
  if (command.scope && command.kind !== "mou") return refuse(RejectionCode.InvalidPayload, "agreements.refuse.scopeMouOnly");
  if (command.commander !== undefined && command.kind !== "command-arrangement")
    return refuse(RejectionCode.InvalidPayload, "agreements.refuse.commanderArrangementOnly");
  if (command.kind === "command-arrangement") {
    const refusal = arrangementRefusal(b, parties, command.commander);
    if (refusal) return refusal;
  }
  let cost: number | undefined;
  if (command.kind === "joint-exercise-programme") {
    cost = jointExerciseCost(b, nation, parties);
    const budget = b.state.nations[nation]!.budget;
    if (budget < cost) return refuse(RejectionCode.InsufficientBudget, "engine.diplomacy.jointExerciseBudget", { cost, budget });
  }
  const turn = Math.max(b.state.turn, 1);
  const id = b.id("a");
  b.emit({
    type: "agreementProposed",
    agreement: {
      id,
      kind: command.kind,
      title: command.title,
      parties,
      proposer: nation,
      acceptedBy: [nation],
      status: "proposed",
      proposedTurn: turn,
      expiresTurn: command.durationTurns ? turn + command.durationTurns : null,
      ...(command.scope ? { scope: command.scope } : {}),
      ...(command.commander ? { commander: command.commander } : {}),
      ...(cost !== undefined ? { cost } : {}),
    },
  });
  if (cost !== undefined) {
    const me = b.state.nations[nation]!;
    b.emit({
      type: "nationUpdated",
      nation,
      budget: round1(me.budget - cost),
      politicalCapital: me.politicalCapital,
      readiness: me.readiness,
      cause: "agreement",
    });
  }
};

/** A command arrangement names an alliance nation among its parties, and every alliance member is a party. */
function arrangementRefusal(b: EventBuilder, parties: string[], commander: string | undefined): Rejection | null {
  if (!commander || !parties.includes(commander) || !isAllied(b.state, commander) || !b.state.nations[commander]?.playable)
    return refuse(RejectionCode.InvalidTarget, "agreements.refuse.commanderParty");
  // Every alliance member that plays (those are the ones who can accept it).
  const missing = Object.keys(b.state.nations)
    .sort()
    .filter((n) => isAllied(b.state, n) && b.state.nations[n]!.playable && !parties.includes(n));
  if (missing.length) return refuse(RejectionCode.InvalidTarget, "agreements.refuse.allMembers", { missing: missing.map((n) => ref("nation", n)) });
  return null;
}

/** The joint exercise's price: cheaper when every partner shares a training MOU with the proposer. */
function jointExerciseCost(b: EventBuilder, nation: string, parties: string[]): number {
  const rules = b.state.scenario.rules;
  const partners = parties.filter((p) => p !== nation);
  const trained = partners.every((p) => shareMou(b.state, nation, p, "training"));
  if (!trained || rules.mouTrainingDiscount <= 0) return rules.jointExerciseCost;
  const cost = round1(rules.jointExerciseCost * (1 - rules.mouTrainingDiscount));
  explain(b, "agreements.mou.training", [nation], "agreements.explain.trainingDiscount", {
    cost,
    full: rules.jointExerciseCost,
    partners: partners.map((p) => ref("nation", p)),
  });
  return cost;
}

/** Gives a joint exercise's proposer back what it paid, when the exercise will not take place. */
export function refundJointExercise(b: EventBuilder, agreement: Agreement): void {
  if (agreement.kind !== "joint-exercise-programme" || !agreement.cost || !agreement.proposer) return;
  const proposer = b.state.nations[agreement.proposer];
  if (!proposer) return;
  b.emit({
    type: "nationUpdated",
    nation: proposer.id,
    budget: round1(proposer.budget + agreement.cost),
    politicalCapital: proposer.politicalCapital,
    readiness: proposer.readiness,
    cause: "agreement",
  });
  explain(b, "agreements.refund", [proposer.id], "agreements.explain.refund", { agreement: ref("agreement", agreement.id), amount: agreement.cost });
}

/** Every party must accept; one refusal rejects the agreement and costs a little trust. */
export const answerAgreement: Handler<Of<"answerAgreement">> = (b, command, actor) => {
  const nation = nationOf(actor);
  const agreement = b.state.agreements[command.agreement];
  if (!agreement?.parties.includes(nation)) return refuse(RejectionCode.UnknownAgreement, "engine.agreement.notParty");
  if (agreement.status !== "proposed")
    return refuse(RejectionCode.AlreadyAnswered, "engine.agreement.alreadyStatus", { status: term("agreementStatus", agreement.status) });
  if (agreement.acceptedBy.includes(nation)) return refuse(RejectionCode.AlreadyAnswered, "engine.agreement.alreadyAccepted");
  b.emit({ type: "agreementAnswered", agreement: agreement.id, nation, accepted: command.accept });
  if (!command.accept) {
    b.emit({ type: "agreementStatusChanged", agreement: agreement.id, status: "rejected" });
    if (agreement.proposer) adjustRelation(b, nation, agreement.proposer, -b.state.scenario.rules.trustLossAgreementRefused, 0);
    refundJointExercise(b, agreement);
    return;
  }
  const updated = b.state.agreements[agreement.id]!;
  if (updated.parties.every((p) => updated.acceptedBy.includes(p))) {
    b.emit({ type: "agreementStatusChanged", agreement: agreement.id, status: "accepted" });
    if (updated.kind === "joint-exercise-programme") {
      b.emit({ type: "diplomacyScheduled", kind: "jointExercise", nations: updated.parties, by: updated.proposer ?? nation, topic: updated.title });
    }
    if (updated.kind === "command-arrangement" && updated.commander && b.state.allianceCommander !== updated.commander)
      setCommander(b, updated.commander, updated.id);
  }
};

/** A party ends an agreement in force: trust lost with every other party, unless it is at its last turn. */
export const terminateAgreement: Handler<Of<"terminateAgreement">> = (b, command, actor) => {
  const wrong = playing(b);
  if (wrong) return wrong;
  const nation = nationOf(actor);
  const agreement = b.state.agreements[command.agreement];
  if (!agreement?.parties.includes(nation)) return refuse(RejectionCode.UnknownAgreement, "engine.agreement.notParty");
  if (!inForce(b.state, agreement))
    return refuse(RejectionCode.AlreadyAnswered, "agreements.refuse.notInForce", { status: term("agreementStatus", agreement.status) });
  b.emit({ type: "agreementStatusChanged", agreement: agreement.id, status: "terminated", by: nation });
  const others = agreement.parties.filter((p) => p !== nation);
  const atTerm = agreement.expiresTurn !== null && agreement.expiresTurn <= b.state.turn;
  const cost = atTerm ? 0 : b.state.scenario.rules.agreementTerminationTrustCost;
  for (const other of others) adjustRelation(b, nation, other, -cost, 0);
  explain(b, "agreements.terminate", agreement.parties, cost > 0 ? "agreements.explain.terminated" : "agreements.explain.terminatedAtTerm", {
    nation: ref("nation", nation),
    agreement: ref("agreement", agreement.id),
    cost,
  });
  lapseCommander(b, agreement);
};

/** When the command arrangement that named the commander ends, so does the commander's mandate (unless another arrangement names it). */
export function lapseCommander(b: EventBuilder, agreement: Agreement): void {
  if (agreement.kind !== "command-arrangement" || !agreement.commander || b.state.allianceCommander !== agreement.commander) return;
  const still = agreementsBinding(b.state, "command-arrangement", []).some((a) => a.commander === agreement.commander);
  if (!still) setCommander(b, null, null);
}

/** A host withdraws consent it granted: the requester's forces there are recalled at resolution. */
export const revokeConsent: Handler<Of<"revokeConsent">> = (b, command, actor) => {
  const wrong = playing(b);
  if (wrong) return wrong;
  const nation = nationOf(actor);
  const request = b.state.consentRequests[command.request];
  if (!request || request.host !== nation) return refuse(RejectionCode.UnknownRequest, "engine.request.unknownConsent");
  if (request.status !== "granted")
    return refuse(RejectionCode.AlreadyAnswered, "agreements.refuse.notGranted", { status: term("requestStatus", request.status) });
  b.emit({ type: "consentRevoked", request: request.id });
  const cost = b.state.scenario.rules.consentRevocationTrustCost;
  adjustRelation(b, nation, request.requester, -cost, 0);
  explain(b, "agreements.revokeConsent", [nation, request.requester], "agreements.explain.consentRevoked", {
    host: ref("nation", nation),
    requester: ref("nation", request.requester),
    region: ref("region", request.region),
    cost,
  });
};
