import type { Handler, Of } from "./decide.ts";
import { RejectionCode, refuse } from "../protocol/rejections.ts";
import { phaseWord, englishNames } from "./words.ts";
import { nationOf, WHITE_CELL } from "./actors.ts";
import { adjustRelation } from "./relations.ts";
import { createReport } from "./reports.ts";
import { sharingRefusal } from "./releasability.ts";
import { deliverCopies, sharingCosts } from "./intel-sharing.ts";

export function playing(phase: string) {
  return phase === "running" || phase === "paused" || phase === "briefing";
}

/**
 * Sharing hands each partner its own copy (optionally redacted) with the chain of custody in
 * its provenance; the receiver learns where the report places the assets it names, and trusts
 * the sender more. Refused for a partner the sharing policy says `none` to, beyond the report's
 * releasability, and for a received report its originator has not released (releasability.ts).
 */
export const shareIntel: Handler<Of<"shareIntel">> = (b, command, actor) => {
  if (!playing(b.state.phase)) return refuse(RejectionCode.WrongPhase, "engine.phase.intel", { phase: phaseWord(b.state.phase) });
  const nation = nationOf(actor);
  const report = Object.hasOwn(b.state.reports, command.report) ? b.state.reports[command.report]! : null;
  if (!report || report.owner !== nation) return refuse(RejectionCode.UnknownReport, "engine.intel.unknownReport");
  const partners = [...new Set(command.with)];
  for (const partner of partners) {
    if (!Object.hasOwn(b.state.nations, partner)) return refuse(RejectionCode.UnknownNation, "engine.nation.unknown");
    if (partner === nation) return refuse(RejectionCode.InvalidTarget, "engine.intel.ownNation");
  }
  for (const partner of partners) {
    const refusal = sharingRefusal(b.state, nation, report, partner);
    if (refusal) return refusal;
  }
  const cost = sharingCosts(b.state, nation, partners).reduce((sum, c) => sum + c, 0);
  const sender = b.state.nations[nation]!;
  if (cost > sender.politicalCapital) {
    return refuse(RejectionCode.InsufficientPoliticalCapital, "engine.intel.cost", { count: partners.length, cost, capital: sender.politicalCapital });
  }
  deliverCopies(b, nation, report, partners, englishNames(b.state), command.redactedText !== undefined ? { redactedText: command.redactedText } : {});
};

export const requestInfo: Handler<Of<"requestInfo">> = (b, command, actor) => {
  if (!playing(b.state.phase)) return refuse(RejectionCode.WrongPhase, "engine.phase.requests", { phase: phaseWord(b.state.phase) });
  const nation = nationOf(actor);
  if (!b.state.nations[command.to] || command.to === nation) return refuse(RejectionCode.UnknownNation, "engine.nation.notAnother");
  b.emit({
    type: "infoRequested",
    request: { id: b.id("q"), requester: nation, target: command.to, question: command.question, answer: null, status: "pending", turn: b.state.turn },
  });
};

export const answerInfo: Handler<Of<"answerInfo">> = (b, command, actor) => {
  const nation = nationOf(actor);
  const request = b.state.infoRequests[command.request];
  if (!request || request.target !== nation) return refuse(RejectionCode.UnknownRequest, "engine.request.unknownInfo");
  if (request.status !== "pending") return refuse(RejectionCode.AlreadyAnswered, "engine.request.answered");
  b.emit({ type: "infoAnswered", request: request.id, answer: command.answer });
  adjustRelation(b, nation, request.requester, b.state.scenario.rules.trustPerSharedReport * b.state.scenario.rules.answerTrustShare, 0);
};

/** Exercise control hands a report to chosen nations (for instance what a national agency found). */
export const grantIntel: Handler<Of<"grantIntel">> = (b, command) => {
  if (b.state.phase === "ended") return refuse(RejectionCode.WrongPhase, "engine.phase.ended");
  for (const nation of command.to) if (!b.state.nations[nation]) return refuse(RejectionCode.UnknownNation, "engine.nation.unknown");
  for (const nation of new Set(command.to)) createReport(b, { ...command.report, owner: nation, originator: WHITE_CELL });
};
