import type { Handler, Of } from "./decide.ts";
import type { EventBuilder } from "./builder.ts";
import { RejectionCode, refuse } from "../protocol/rejections.ts";
import { ref } from "../i18n/message.ts";
import { phaseWord, term } from "./words.ts";
import { nationOf } from "./actors.ts";
import { adjustRelation } from "./relations.ts";

function playing(b: EventBuilder) {
  const { phase } = b.state;
  return phase === "running" || phase === "paused" || phase === "briefing" ? null : refuse(RejectionCode.WrongPhase, "engine.phase.diplomacy", { phase: phaseWord(phase) });
}

/** Sovereignty: ask a host nation to let your assets into one of its regions. */
export const requestConsent: Handler<Of<"requestConsent">> = (b, command, actor) => {
  const wrong = playing(b);
  if (wrong) return wrong;
  const nation = nationOf(actor);
  const region = b.state.regions[command.region];
  if (!region) return refuse(RejectionCode.UnknownRegion, "engine.order.unknownRegion");
  if (!b.state.nations[command.host] || command.host === nation) return refuse(RejectionCode.UnknownNation, "engine.nation.notAnother");
  if (region.owner !== command.host) return refuse(RejectionCode.InvalidTarget, "engine.consent.notTerritory", { region: ref("region", command.region), host: ref("nation", command.host) });
  b.emit({ type: "consentRequested", request: { id: b.id("c"), requester: nation, host: command.host, region: region.id, note: command.note ?? "", status: "pending", turn: b.state.turn } });
};

export const answerConsent: Handler<Of<"answerConsent">> = (b, command, actor) => {
  const nation = nationOf(actor);
  const request = b.state.consentRequests[command.request];
  if (!request || request.host !== nation) return refuse(RejectionCode.UnknownRequest, "engine.request.unknownConsent");
  if (request.status !== "pending") return refuse(RejectionCode.AlreadyAnswered, "engine.request.alreadyStatus", { status: term("requestStatus", request.status) });
  b.emit({ type: "consentAnswered", request: request.id, granted: command.grant });
};

export const proposeAgreement: Handler<Of<"proposeAgreement">> = (b, command, actor) => {
  const wrong = playing(b);
  if (wrong) return wrong;
  const nation = nationOf(actor);
  const parties = [...new Set([nation, ...command.parties])];
  if (parties.length < 2) return refuse(RejectionCode.InvalidTarget, "engine.agreement.needsPartner");
  for (const party of parties) if (!b.state.nations[party]) return refuse(RejectionCode.UnknownNation, "engine.nation.unknown");
  const turn = Math.max(b.state.turn, 1);
  b.emit({
    type: "agreementProposed",
    agreement: {
      id: b.id("a"),
      kind: command.kind,
      title: command.title,
      parties,
      proposer: nation,
      acceptedBy: [nation],
      status: "proposed",
      proposedTurn: turn,
      expiresTurn: command.durationTurns ? turn + command.durationTurns : null,
    },
  });
};

/** Every party must accept; one refusal rejects the agreement and costs a little trust. */
export const answerAgreement: Handler<Of<"answerAgreement">> = (b, command, actor) => {
  const nation = nationOf(actor);
  const agreement = b.state.agreements[command.agreement];
  if (!agreement || !agreement.parties.includes(nation)) return refuse(RejectionCode.UnknownAgreement, "engine.agreement.notParty");
  if (agreement.status !== "proposed") return refuse(RejectionCode.AlreadyAnswered, "engine.agreement.alreadyStatus", { status: term("agreementStatus", agreement.status) });
  if (agreement.acceptedBy.includes(nation)) return refuse(RejectionCode.AlreadyAnswered, "engine.agreement.alreadyAccepted");
  b.emit({ type: "agreementAnswered", agreement: agreement.id, nation, accepted: command.accept });
  if (!command.accept) {
    b.emit({ type: "agreementStatusChanged", agreement: agreement.id, status: "rejected" });
    if (agreement.proposer) adjustRelation(b, nation, agreement.proposer, -1, 0);
    return;
  }
  const updated = b.state.agreements[agreement.id]!;
  if (updated.parties.every((p) => updated.acceptedBy.includes(p))) {
    b.emit({ type: "agreementStatusChanged", agreement: agreement.id, status: "accepted" });
    if (updated.kind === "joint-exercise-programme") {
      b.emit({ type: "diplomacyScheduled", kind: "jointExercise", nations: updated.parties, by: updated.proposer ?? nation, topic: updated.title });
    }
  }
};
