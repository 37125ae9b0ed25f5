import type { Report } from "../state/schema.ts";
import type { Handler, Of } from "./decide.ts";
import { RejectionCode, refuse } from "../protocol/rejections.ts";
import { phaseWord } from "./words.ts";
import { nationOf, WHITE_CELL } from "./actors.ts";
import { adjustRelation } from "./relations.ts";
import { agreementInForce } from "./map.ts";
import { clamp, round1 } from "./numbers.ts";
import { createReport, revealNamedAssets } from "./reports.ts";

function playing(phase: string) {
  return phase === "running" || phase === "paused" || phase === "briefing";
}

/**
 * Sharing hands each partner its own copy (optionally redacted) with the chain of custody in
 * its provenance; the receiver learns of the assets the report names, and trusts the sender more.
 */
export const shareIntel: Handler<Of<"shareIntel">> = (b, command, actor) => {
  if (!playing(b.state.phase)) return refuse(RejectionCode.WrongPhase, "engine.phase.intel", { phase: phaseWord(b.state.phase) });
  const nation = nationOf(actor);
  const report = b.state.reports[command.report];
  if (!report || report.owner !== nation) return refuse(RejectionCode.UnknownReport, "engine.intel.unknownReport");
  const partners = [...new Set(command.with)];
  for (const partner of partners) {
    if (!b.state.nations[partner]) return refuse(RejectionCode.UnknownNation, "engine.nation.unknown");
    if (partner === nation) return refuse(RejectionCode.InvalidTarget, "engine.intel.ownNation");
  }
  const rules = b.state.scenario.rules;
  const costs = partners.map((p) => (agreementInForce(b.state, "intel-sharing", [nation, p]) ? rules.shareCostPoliticalCapital / 2 : rules.shareCostPoliticalCapital));
  const cost = costs.reduce((sum, c) => sum + c, 0);
  const sender = b.state.nations[nation]!;
  if (cost > sender.politicalCapital) {
    return refuse(RejectionCode.InsufficientPoliticalCapital, "engine.intel.cost", { count: partners.length, cost, capital: sender.politicalCapital });
  }
  const copies = partners.map(() => b.id("r"));
  const redacted = command.redactedText !== undefined;
  b.emit({ type: "intelShared", from: nation, to: partners, report: report.id, copies, redacted });
  partners.forEach((partner, index) => {
    b.emit({
      type: "reportCreated",
      report: {
        ...report,
        id: copies[index]!,
        owner: partner,
        text: command.redactedText ?? report.text,
        // The redacted text replaces every language's: no translation of the original survives.
        ...(redacted ? withoutText(report) : {}),
        assets: redacted ? [] : report.assets,
        turn: b.state.turn,
        provenance: [...report.provenance, { from: nation, to: partner, turn: b.state.turn, redacted }],
        copiedFrom: report.id,
      },
    });
    if (!redacted) revealNamedAssets(b, partner, report.assets);
    const bonus = agreementInForce(b.state, "intel-sharing", [nation, partner]) ? rules.trustBonusWithSharingAgreement : 0;
    adjustRelation(b, nation, partner, rules.trustPerSharedReport + bonus, 0);
  });
  const after = b.state.nations[nation]!;
  b.emit({ type: "nationUpdated", nation, budget: after.budget, politicalCapital: round1(clamp(after.politicalCapital - cost)), readiness: after.readiness });
};

export const requestInfo: Handler<Of<"requestInfo">> = (b, command, actor) => {
  if (!playing(b.state.phase)) return refuse(RejectionCode.WrongPhase, "engine.phase.requests", { phase: phaseWord(b.state.phase) });
  const nation = nationOf(actor);
  if (!b.state.nations[command.to] || command.to === nation) return refuse(RejectionCode.UnknownNation, "engine.nation.notAnother");
  b.emit({ type: "infoRequested", request: { id: b.id("q"), requester: nation, target: command.to, question: command.question, answer: null, status: "pending", turn: b.state.turn } });
};

export const answerInfo: Handler<Of<"answerInfo">> = (b, command, actor) => {
  const nation = nationOf(actor);
  const request = b.state.infoRequests[command.request];
  if (!request || request.target !== nation) return refuse(RejectionCode.UnknownRequest, "engine.request.unknownInfo");
  if (request.status !== "pending") return refuse(RejectionCode.AlreadyAnswered, "engine.request.answered");
  b.emit({ type: "infoAnswered", request: request.id, answer: command.answer });
  adjustRelation(b, nation, request.requester, b.state.scenario.rules.trustPerSharedReport / 2, 0);
};

/** Exercise control hands a report to chosen nations (for instance what a national agency found). */
export const grantIntel: Handler<Of<"grantIntel">> = (b, command, actor) => {
  if (b.state.phase === "ended") return refuse(RejectionCode.WrongPhase, "engine.phase.ended");
  for (const nation of command.to) if (!b.state.nations[nation]) return refuse(RejectionCode.UnknownNation, "engine.nation.unknown");
  for (const nation of new Set(command.to)) createReport(b, { ...command.report, owner: nation, originator: WHITE_CELL });
};

/** A report's translations and engine words with the text taken out (for a redacted copy). */
function withoutText(report: Report): Pick<Report, "i18n" | "words"> {
  const i18n = report.i18n ? Object.fromEntries(Object.entries(report.i18n).map(([lang, fields]) => [lang, Object.fromEntries(Object.entries(fields).filter(([field]) => field !== "text"))])) : undefined;
  return { i18n, words: undefined };
}
