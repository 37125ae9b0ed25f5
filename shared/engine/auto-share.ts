import type { EventBuilder } from "./builder.ts";
import type { Detection } from "../state/schema.ts";
import { ref } from "../i18n/message.ts";
import { explain } from "./explain.ts";
import { englishNames } from "./words.ts";
import { sharingPolicyWith, sharingRefusal } from "./releasability.ts";
import { deliverCopies, holdsCopy, sharingCosts } from "./intel-sharing.ts";
import { agreementInForce } from "./map.ts";
import { adjustRelation } from "./relations.ts";
import { clamp, round1 } from "./numbers.ts";
import { isAllied } from "./sides.ts";

/**
 * A `full` sharing policy with a partner, at resolution: the turn's new sightings of foreign forces
 * in the nation's known-forces picture go into the partner's picture (a common picture, not a
 * report each), and every report the nation originated this turn (written from its picture, its
 * releasable versions) that may go to that partner is shared with it — each at
 * `autoShareCostFactor` of the usual political capital (the picture counting as one share), with
 * the usual trust. What it may not release to that partner is kept back, and said so; when the
 * capital runs out, the rest wait for the next turn's decision by hand. Runs after detection, so
 * this turn's sightings go out at once.
 */
export function autoShare(b: EventBuilder): void {
  const factor = b.state.scenario.rules.autoShareCostFactor;
  const names = englishNames(b.state);
  for (const nation of Object.keys(b.state.nations).sort()) {
    const policies = b.state.nations[nation]!.policies.intelSharing;
    const partners = Object.keys(policies)
      .filter((p) => p !== nation && Object.hasOwn(b.state.nations, p) && sharingPolicyWith(b.state, nation, p) === "full")
      .sort();
    if (partners.length === 0) continue;
    const sightings = newSightings(b, nation);
    const fresh = Object.values(b.state.reports)
      .filter((r) => r.owner === nation && r.originator === nation && r.copiedFrom === null && r.turn === b.state.turn)
      .sort((x, y) => Number(x.id.slice(1)) - Number(y.id.slice(1)));
    for (const partner of partners) {
      if (sightings.length) sharePicture(b, nation, partner, sightings, factor);
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
      explain(b, "intel.autoShare", [nation], "intel.autoShare.done", {
        partner: ref("nation", partner),
        count: shared,
        cost: Math.round(cost * 10) / 10,
        withheld,
        unpaid,
      });
    }
  }
}

/** The nation's own sensors' sightings new this turn (first seen, or seen somewhere else) of forces that are not allies'. */
function newSightings(b: EventBuilder, nation: string): Detection[] {
  const turn = b.state.turn;
  const allied = isAllied(b.state, nation);
  return Object.values(b.state.detections[nation] ?? {})
    .filter((d) => d.sensor && !d.from && d.turn === turn && d.since === turn && !(allied && isAllied(b.state, d.owner)))
    .sort((x, y) => (x.asset < y.asset ? -1 : 1));
}

/**
 * The nation's new sightings, into the partner's picture as seen by the nation: what sightings are classified (CONFIDENTIAL) must be releasable to the partner, and
 * the partner's newer knowledge is kept. A mistaken sighting goes along with its truth for
 * exercise control, so the partner finds it wrong when it looks (false-intel.ts).
 */
function sharePicture(b: EventBuilder, nation: string, partner: string, sightings: readonly Detection[], factor: number): void {
  const rules = b.state.scenario.rules;
  const refusal = sharingRefusal(b.state, nation, { classification: "CONFIDENTIAL", originator: nation }, partner);
  const cost = sharingCosts(b.state, nation, [partner], factor)[0]!;
  const unpaid = !refusal && cost > b.state.nations[nation]!.politicalCapital;
  const passed: Detection[] = [];
  if (!refusal && !unpaid) {
    for (const d of sightings) {
      if (d.owner === partner) continue;
      const known = b.state.detections[partner]?.[d.asset];
      if (known && (known.turn > d.turn || (known.turn === d.turn && known.region === d.region))) continue;
      // The sensor is kept for telling sources apart (intel-grading.ts); the partner's view names only the nation.
      const { report: _report, ...entry } = d;
      passed.push({ ...entry, from: nation, since: known && known.region === d.region ? (known.since ?? known.turn) : d.turn });
    }
  }
  if (passed.length) {
    // Named as a share (sharedBy): the evaluation and the dissemination matrix count it as intelligence passed on.
    b.emit({ type: "assetsDetected", observer: partner, detections: passed, sharedBy: nation });
    const bonus = agreementInForce(b.state, "intel-sharing", [nation, partner]) ? rules.trustBonusWithSharingAgreement : 0;
    adjustRelation(b, nation, partner, rules.trustPerSharedReport + bonus, 0);
    const after = b.state.nations[nation]!;
    b.emit({
      type: "nationUpdated",
      nation,
      budget: after.budget,
      politicalCapital: round1(clamp(after.politicalCapital - cost)),
      readiness: after.readiness,
      cause: "intelSharing",
    });
  }
  const kept = refusal || unpaid ? sightings.length : 0;
  if (passed.length + kept === 0) return;
  explain(b, "intel.autoShare", [nation], "intel.autoShare.picture", {
    partner: ref("nation", partner),
    count: passed.length,
    cost: passed.length ? cost : 0,
    withheld: refusal ? kept : 0,
    unpaid: unpaid ? kept : 0,
  });
}
