import type { EventBuilder } from "./builder.ts";
import { ref } from "../i18n/message.ts";
import { explain } from "./explain.ts";
import { englishNames } from "./words.ts";
import { sharingPolicyWith, sharingRefusal } from "./releasability.ts";
import { deliverCopies, holdsCopy, sharingCosts } from "./intel-sharing.ts";
import { reportableEntry, reportFromPicture } from "./known-forces.ts";
import { isAllied } from "./sides.ts";

/**
 * A `full` sharing policy with a partner: at resolution, the turn's new sightings of foreign forces
 * in the nation's picture are written up as reports (a standing policy reports for the team), and
 * every report the nation originated this turn (those, its releasable versions) that may go to that partner is shared with it
 * automatically, at `autoShareCostFactor` of the usual political capital, with the usual trust.
 * Reports it may not release to that partner are kept back, and said so; when the capital runs
 * out, the rest wait for the next turn's decision by hand. Runs after detection, so this turn's
 * sightings go out at once.
 */
export function autoShare(b: EventBuilder): void {
  const factor = b.state.scenario.rules.autoShareCostFactor;
  const names = englishNames(b.state);
  for (const nation of Object.keys(b.state.nations).sort()) {
    const policies = b.state.nations[nation]!.policies.intelSharing;
    const partners = Object.keys(policies).filter((p) => p !== nation && Object.hasOwn(b.state.nations, p) && sharingPolicyWith(b.state, nation, p) === "full").sort();
    if (partners.length === 0) continue;
    reportNewSightings(b, nation);
    const fresh = Object.values(b.state.reports)
      .filter((r) => r.owner === nation && r.originator === nation && r.copiedFrom === null && r.turn === b.state.turn)
      .sort((x, y) => Number(x.id.slice(1)) - Number(y.id.slice(1)));
    for (const partner of partners) {
      let shared = 0;
      let withheld = 0;
      let unpaid = 0;
      let cost = 0;
      for (const report of fresh) {
        if (holdsCopy(b.state, report.id, partner)) continue;
        if (sharingRefusal(b.state, nation, report, partner)) {
          withheld++;
          continue;
        }
        const price = sharingCosts(b.state, nation, [partner], factor)[0]!;
        if (price > b.state.nations[nation]!.politicalCapital) {
          unpaid++;
          continue;
        }
        cost += deliverCopies(b, nation, b.state.reports[report.id]!, [partner], names, { costFactor: factor });
        shared++;
      }
      if (shared + withheld + unpaid === 0) continue;
      explain(b, "intel.autoShare", [nation], "intel.autoShare.done", { partner: ref("nation", partner), count: shared, cost: Math.round(cost * 10) / 10, withheld, unpaid });
    }
  }
}

/** The nation's own sightings new this turn (first seen, or seen somewhere else) of forces that are not allies', as reports. */
function reportNewSightings(b: EventBuilder, nation: string): void {
  const turn = b.state.turn;
  const picture = b.state.detections[nation] ?? {};
  const allied = isAllied(b.state, nation);
  for (const entry of Object.values(picture).sort((x, y) => (x.asset < y.asset ? -1 : 1))) {
    if (entry.turn !== turn || entry.since !== turn || (allied && isAllied(b.state, entry.owner))) continue;
    if (reportableEntry(b.state, nation, entry)) reportFromPicture(b, nation, entry);
  }
}
