import type { EventBuilder } from "./builder.ts";
import { relationKey, type Detection } from "../state/schema.ts";
import { ref } from "../i18n/message.ts";
import { assetType, regionsWithin } from "./map.ts";
import { explain } from "./explain.ts";
import { commandMembers } from "./toa.ts";
import { nationsUnderCommandIn } from "./coalition.ts";
import { responseStrength } from "./crises.ts";

/**
 * The shared picture of forces under alliance command: a foreign asset within a TOA sensor's
 * reach that the sensor's owner knows to be where it is now (seen this turn, or earlier and not
 * moved since) reaches every other contributor and the commander. No new roll: they learn what
 * the owner knows. Runs after detection.
 */
export function shareAlliancePicture(b: EventBuilder): void {
  const members = commandMembers(b.state);
  if (members.length < 2) return;
  const assets = Object.values(b.state.assets).sort((x, y) => (x.id < y.id ? -1 : 1));
  // What each member learns, sent as one event per member at the end (the first sensor to see a target wins, as before).
  const learned = new Map<string, Map<string, Detection>>();
  for (const sensor of assets) {
    if (!sensor.authority || sensor.status === "degraded" || sensor.route.length > 0) continue;
    const type = assetType(b.state, sensor);
    if (type.category !== "isr" && type.detectionRange === 0) continue;
    const covered = regionsWithin(b.state, sensor.region, type.detectionRange);
    for (const target of assets) {
      if (!covered.has(target.region) || members.includes(target.owner)) continue;
      const seen = b.state.detections[sensor.owner]?.[target.id];
      if (!seen || seen.region !== target.region) continue;
      for (const member of members) {
        if (member === sensor.owner) continue;
        const known = b.state.detections[member]?.[target.id];
        if (known && known.region === target.region) continue;
        const news = learned.get(member) ?? new Map<string, Detection>();
        if (news.has(target.id)) continue;
        // Seen by the contributor's sensor; the contributor's own report (if it wrote one) stays its own.
        const { report: _report, trueRegion: _truth, ...sighting } = seen;
        learned.set(member, news.set(target.id, { ...sighting, turn: b.state.turn, sensor: sensor.id, from: sensor.owner, since: b.state.turn }));
      }
    }
  }
  for (const [member, news] of [...learned].sort(([x], [y]) => (x < y ? -1 : 1))) {
    b.emit({ type: "assetsDetected", observer: member, detections: [...news.values()] });
    explain(b, "toa.picture", [member], "toa.explain.picture", { count: news.size });
  }
}

/**
 * Says where the coalition bonus counted alliance command this turn: a pair of contributors on
 * station in a crisis whose own interoperability is below the TOA floor. Runs just before the
 * crises resolve, on the state they resolve with.
 */
export function explainAllianceCommand(b: EventBuilder): void {
  const floor = b.state.scenario.rules.toaInteropFloor;
  for (const region of Object.values(b.state.regions).sort((x, y) => (x.id < y.id ? -1 : 1))) {
    if (!region.crisis) continue;
    const { responders } = responseStrength(b.state, region.id, region.crisis.kind);
    const under = nationsUnderCommandIn(b.state, region.id, region.crisis.kind);
    const raised = responders.filter((n) => under.has(n));
    if (raised.length < 2) continue;
    const lifted = raised.some((a, i) => raised.slice(i + 1).some((c) => (b.state.relations[relationKey(a, c)]?.interoperability ?? 0) < floor));
    if (!lifted) continue;
    explain(b, "toa.coalition", raised, "toa.explain.coalition", { region: ref("region", region.id), nations: raised.map((n) => ref("nation", n)), floor });
  }
}
