import type { EventBuilder } from "./builder.ts";
import type { Detection, ExerciseState, Report } from "../state/schema.ts";
import { ref } from "../i18n/message.ts";
import { explain } from "./explain.ts";
import { adjustRelation } from "./relations.ts";
import { assetType, regionsWithin } from "./map.ts";
import { isAllied } from "./sides.ts";
import { gradeOf } from "./intel-grading.ts";
import { round1 } from "./numbers.ts";

/**
 * Where a nation looks — its own territory, every region one of its assets is in, every region
 * its working sensors reach — it finds out whether its picture is right. Deterministic: looking
 * for something that is not there finds that it is not there.
 */
export function regionsInSight(state: ExerciseState, observer: string): Set<string> {
  const seen = new Set<string>();
  for (const region of Object.values(state.regions)) if (region.owner === observer) seen.add(region.id);
  for (const asset of Object.values(state.assets)) {
    if (asset.owner !== observer) continue;
    seen.add(asset.region);
    if (asset.status === "degraded" || asset.route.length > 0) continue;
    const type = assetType(state, asset);
    if (type.category === "isr" || type.detectionRange > 0) for (const region of regionsWithin(state, asset.region, type.detectionRange)) seen.add(region);
  }
  return seen;
}

/** Whether the report (or the report it was copied or released from) placed this asset falsely. */
export function placedFalsely(state: ExerciseState, report: Report, asset: string): boolean {
  for (let at: Report | undefined = report, hops = 0; at && hops < 64; hops++) {
    if (Object.hasOwn(state.falseIntel, at.id) && Object.hasOwn(state.falseIntel[at.id]!, asset)) return true;
    const next: string | null | undefined = at.copiedFrom ?? at.versionOf;
    at = next && Object.hasOwn(state.reports, next) ? state.reports[next] : undefined;
  }
  return false;
}

/**
 * Corrects each nation's picture where it looks: an asset it places in a region it can see and
 * that is not there is taken off its map. When a false report put it there, the report is marked
 * wrong (credibility 5, improbable), the turn's results say so with the effort spent on it —
 * the holder's units that went there since the report and what sending them cost — and the nation
 * that passed the report on loses some of the holder's trust. An asset that has simply moved
 * since it was seen is taken off the map with a line saying when it was last seen there. A
 * mistaken sighting nobody reported is found wrong the same way, without a report to mark.
 */
export function correctPictures(b: EventBuilder): void {
  for (const observer of Object.keys(b.state.nations).sort()) {
    const picture = b.state.detections[observer] ?? {};
    const inSight = regionsInSight(b.state, observer);
    for (const detection of Object.values(picture).sort((x, y) => (x.asset < y.asset ? -1 : 1))) {
      if (!inSight.has(detection.region)) continue;
      const asset = Object.hasOwn(b.state.assets, detection.asset) ? b.state.assets[detection.asset]! : null;
      if (asset && asset.region === detection.region) continue;
      const report =
        detection.report && Object.hasOwn(b.state.reports, detection.report) && b.state.reports[detection.report]!.owner === observer
          ? b.state.reports[detection.report]!
          : null;
      b.emit({ type: "sightingDisproved", observer, asset: detection.asset, region: detection.region, report: report?.id ?? null });
      if (report && placedFalsely(b.state, report, detection.asset)) disprove(b, observer, detection, report);
      else if (!report && detection.trueRegion !== undefined) disproveSighting(b, observer, detection);
      // Said to teams only (a role-played side's bookkeeping would flood exercise control's feed), and not of allies' forces.
      else if (b.state.nations[observer]!.playable && !(isAllied(b.state, detection.owner) && isAllied(b.state, observer))) {
        explain(b, "intel.pictureCorrected", [observer], "intel.picture.moved", {
          asset: ref("asset", detection.asset),
          owner: ref("nation", detection.owner),
          region: ref("region", detection.region),
          turn: detection.turn,
        });
      }
    }
  }
}

/** The effort a false placement cost: the holder's units that arrived there since it was placed, and what sending them cost. */
function wastedOn(b: EventBuilder, observer: string, detection: Detection) {
  const wasted = Object.values(b.state.assets).filter(
    (a) => a.owner === observer && a.region === detection.region && a.arrivedTurn !== null && a.arrivedTurn >= (detection.since ?? detection.turn),
  );
  return {
    count: wasted.length,
    budget: round1(wasted.reduce((sum, a) => sum + assetType(b.state, a).deployCost, 0)),
    readiness: round1(wasted.length * b.state.scenario.rules.readinessCostPerDeployment),
  };
}

/**
 * A mistaken sighting nobody reported: said to the team with its grade and the effort it cost;
 * passed on by a partner's picture (a full sharing policy), it costs the partner some trust, as a
 * false report would.
 */
function disproveSighting(b: EventBuilder, observer: string, detection: Detection): void {
  const rules = b.state.scenario.rules;
  const sharer = detection.from;
  if (sharer && sharer !== observer && Object.hasOwn(b.state.nations, sharer) && rules.trustLossPerFalseReport > 0) {
    adjustRelation(b, observer, sharer, -rules.trustLossPerFalseReport, 0);
    explain(b, "intel.falseReportTrust", [observer, sharer], "intel.false.trustSighting", {
      sharer: ref("nation", sharer),
      holder: ref("nation", observer),
      trust: rules.trustLossPerFalseReport,
    });
  }
  if (!b.state.nations[observer]!.playable) return;
  const grade = `${detection.reliability ?? ""}${detection.credibility ?? ""}`;
  explain(b, "intel.falseSighting", [observer], "intel.false.sighting", {
    asset: ref("asset", detection.asset),
    owner: ref("nation", detection.owner),
    region: ref("region", detection.region),
    // A partner's sighting is named by its nation: the sensor is the partner's own business.
    sensor: detection.from ? ref("nation", detection.from) : detection.sensor ? ref("asset", detection.sensor) : "",
    turn: detection.turn,
    grade,
    ...wastedOn(b, observer, detection),
  });
}

function disprove(b: EventBuilder, observer: string, detection: Detection, report: Report): void {
  const rules = b.state.scenario.rules;
  const grade = gradeOf(report);
  if (report.disprovedTurn === undefined) b.emit({ type: "reportGraded", report: report.id, credibility: "5", disprovedTurn: b.state.turn });
  const { count, budget, readiness } = wastedOn(b, observer, detection);
  // Said to teams (a role-played side's findings would only flood exercise control's feed).
  if (b.state.nations[observer]!.playable)
    explain(b, "intel.falseReport", [observer], "intel.false.wrong", {
      asset: ref("asset", detection.asset),
      owner: ref("nation", detection.owner),
      region: ref("region", detection.region),
      report: ref("report", report.id),
      grade,
      count,
      budget,
      readiness,
    });
  const sharer = report.provenance.at(-1)?.from;
  if (sharer && sharer !== observer && Object.hasOwn(b.state.nations, sharer) && rules.trustLossPerFalseReport > 0) {
    adjustRelation(b, observer, sharer, -rules.trustLossPerFalseReport, 0);
    explain(b, "intel.falseReportTrust", [observer, sharer], "intel.false.trust", {
      sharer: ref("nation", sharer),
      holder: ref("nation", observer),
      trust: rules.trustLossPerFalseReport,
    });
  }
}
