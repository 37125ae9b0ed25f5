import type { Handler, Of } from "./decide.ts";
import { RejectionCode, refuse } from "../protocol/rejections.ts";
import { ref } from "../i18n/message.ts";
import { nationOf } from "./actors.ts";
import { phaseWord, englishNames } from "./words.ts";
import { playing } from "./intel.ts";
import { nationalOriginator, sharingRefusal } from "./releasability.ts";
import { deliverCopies, sharingCosts } from "./intel-sharing.ts";
import { versionRecord } from "./report-copies.ts";

/**
 * releaseVersion: only the originator (or, for exercise control's and injects' reports, the
 * nation holding it) may release a version; it may share it at once with `shareWith`, under the
 * same rules and cost as shareIntel. The original stays as it was, with its holder only.
 */
export const releaseVersion: Handler<Of<"releaseVersion">> = (b, command, actor) => {
  if (!playing(b.state.phase)) return refuse(RejectionCode.WrongPhase, "engine.phase.intel", { phase: phaseWord(b.state.phase) });
  const nation = nationOf(actor);
  const original = Object.hasOwn(b.state.reports, command.report) ? b.state.reports[command.report]! : null;
  if (!original || original.owner !== nation) return refuse(RejectionCode.UnknownReport, "engine.intel.unknownReport");
  const originator = nationalOriginator(b.state, original);
  if (originator !== null && originator !== nation)
    return refuse(RejectionCode.OriginatorControl, "intel.refuse.versionNotOriginator", { originator: ref("nation", originator) });
  if (command.regions.some((r) => !original.regions.includes(r)) || command.assets.some((a) => !original.assets.includes(a)))
    return refuse(RejectionCode.InvalidTarget, "intel.refuse.versionLinks");
  for (const named of command.releasability.nations ?? [])
    if (!Object.hasOwn(b.state.nations, named)) return refuse(RejectionCode.UnknownNation, "engine.nation.unknown");
  const partners = [...new Set(command.shareWith ?? [])];
  const version = versionRecord(original, command, b.id("r"), b.state.turn, nation);
  for (const partner of partners) {
    if (!Object.hasOwn(b.state.nations, partner)) return refuse(RejectionCode.UnknownNation, "engine.nation.unknown");
    if (partner === nation) return refuse(RejectionCode.InvalidTarget, "engine.intel.ownNation");
    const refusal = sharingRefusal(b.state, nation, version, partner);
    if (refusal) return refusal;
  }
  const cost = sharingCosts(b.state, nation, partners).reduce((sum, c) => sum + c, 0);
  const capital = b.state.nations[nation]!.politicalCapital;
  if (cost > capital) return refuse(RejectionCode.InsufficientPoliticalCapital, "engine.intel.cost", { count: partners.length, cost, capital });
  b.emit({ type: "reportCreated", report: version });
  if (partners.length) deliverCopies(b, nation, b.state.reports[version.id]!, partners, englishNames(b.state));
};
