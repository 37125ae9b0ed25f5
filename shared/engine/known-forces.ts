import type { EventBuilder } from "./builder.ts";
import type { Handler, Of } from "./decide.ts";
import type { AssetState, Detection, ExerciseState, Report } from "../state/schema.ts";
import { msg, ref } from "../i18n/message.ts";
import { RejectionCode, refuse } from "../protocol/rejections.ts";
import { nationOf } from "./actors.ts";
import { phaseWord } from "./words.ts";
import { assetType } from "./map.ts";
import { regionName } from "./orders.ts";
import { createReport, confirmIfIndependent } from "./reports.ts";
import { sensorKey } from "./intel-grading.ts";
import { playing } from "./intel.ts";

/** What one sensor's look at a target found (detection.ts decides it, with its rolls). */
export type Look = {
  region: string;
  sensor: string;
  reliability: Report["reliability"];
  credibility: Report["credibility"];
  /** Two of the nation's sensors saw it this turn. */
  confirmed: boolean;
  /** Where it really is, when the look placed it elsewhere (a mistaken sighting). */
  trueRegion?: string;
};

/**
 * The known-forces picture: a sighting updates the observer's entry for the target (last seen
 * turn and region, which sensor, its grade) instead of writing a report. Seen again where the
 * picture has it: last seen now, and an independent source within the confirmation window (the
 * nation's other sensor, another nation's report) confirms it. Returns the new entry, "again"
 * when only its last-seen turn moves, or null when nothing changed.
 */
export function sighted(b: EventBuilder, observer: string, target: AssetState, known: Detection | undefined, look: Look): Detection | "again" | null {
  const turn = b.state.turn;
  const entry: Detection = {
    asset: target.id,
    region: look.region,
    turn,
    type: target.type,
    owner: target.owner,
    name: target.name,
    sensor: look.sensor,
    reliability: look.reliability,
    credibility: look.confirmed ? "1" : look.credibility,
    since: turn,
    ...(look.confirmed ? { confirmedTurn: turn } : {}),
    ...(look.trueRegion ? { trueRegion: look.trueRegion } : {}),
  };
  if (!known || known.region !== look.region) return entry;
  // Another source within the window confirms the entry, and the report that put it there (reports.ts).
  const independent = confirmIfIndependent(b, observer, known, sensorKey(observer, look.sensor), turn);
  const confirmedTurn = look.confirmed || independent ? turn : known.confirmedTurn;
  const credibility = confirmedTurn === turn ? "1" : look.credibility;
  // The same sighting again — the same grade, and the same sensor or still confirmed: only "last
  // seen" (and a confirmation) moves, in a compact event (a large exercise sees thousands a turn).
  const sameGrade = known.reliability === look.reliability && known.credibility === credibility && !known.from && !known.trueRegion === !look.trueRegion;
  const confirmedStill = credibility === "1" && known.confirmedTurn !== undefined;
  if (sameGrade && (confirmedStill || (known.sensor === look.sensor && known.confirmedTurn === confirmedTurn))) return known.turn === turn ? null : "again";
  return {
    ...entry,
    credibility,
    since: known.since ?? known.turn,
    ...(confirmedTurn !== undefined ? { confirmedTurn } : {}),
    ...(known.report ? { report: known.report } : {}),
  };
}

/** Whether the holder may write a report from this entry: its own eyes saw it, and no report of its own says so already. */
export function reportableEntry(state: ExerciseState, holder: string, entry: Detection): boolean {
  if (!entry.sensor || entry.from) return false;
  return !reportedAlready(state, holder, entry);
}

function reportedAlready(state: ExerciseState, holder: string, entry: Detection): boolean {
  const report = entry.report && Object.hasOwn(state.reports, entry.report) ? state.reports[entry.report]! : null;
  if (!report || report.owner !== holder || report.originator !== holder) return false;
  return report.sightings?.some((s) => s.asset === entry.asset && s.region === entry.region) ?? false;
}

/**
 * A report written from a known-forces entry, as the team saw it: the grade, where and when it
 * was last seen (the sensor is recorded for confirmation, never written in the text a copy carries); a mistaken sighting's truth goes to exercise control's bookkeeping
 * (so the report, and every copy of it, is found wrong when someone looks). The entry then points
 * at the report, so sharing it and correcting it work as for any report.
 */
export function reportFromPicture(b: EventBuilder, holder: string, entry: Detection): string {
  const state = b.state;
  const sensor = entry.sensor!;
  const owner = state.nations[entry.owner]?.name ?? entry.owner;
  const type = Object.hasOwn(state.assets, entry.asset) ? assetType(state, state.assets[entry.asset]!).name : entry.type;
  const id = createReport(b, {
    owner: holder,
    originator: holder,
    source: "own ISR",
    sensor,
    reliability: entry.reliability ?? "C",
    credibility: entry.credibility ?? "3",
    ...(entry.confirmedTurn !== undefined && entry.confirmedTurn === entry.turn ? { confirmedTurn: entry.confirmedTurn } : {}),
    classification: "CONFIDENTIAL",
    title: `Sighting: ${owner} ${type} in ${regionName(state, entry.region)}`,
    text: `Own ISR saw ${entry.name} (${owner}) in ${regionName(state, entry.region)} on turn ${entry.turn}.`,
    regions: [entry.region],
    assets: [entry.asset],
    sightings: [{ asset: entry.asset, region: entry.region, turn: entry.turn }],
    actual: entry.trueRegion ? { [entry.asset]: entry.trueRegion } : {},
    words: {
      title: msg("engine.report.sighting.title", {
        owner: ref("nation", entry.owner),
        type: ref("assetType", entry.type),
        region: ref("region", entry.region),
      }),
      text: msg("engine.report.picture.text", {
        asset: ref("asset", entry.asset),
        owner: ref("nation", entry.owner),
        region: ref("region", entry.region),
        turn: entry.turn,
      }),
      source: msg("engine.report.source.ownIsr"),
    },
  });
  b.emit({ type: "assetDetected", observer: holder, detection: { ...b.state.detections[holder]![entry.asset]!, report: id } });
  return id;
}

/** reportSighting: a team turns an entry of its known-forces picture into a report it can share. */
export const reportSighting: Handler<Of<"reportSighting">> = (b, command, actor) => {
  if (!playing(b.state.phase)) return refuse(RejectionCode.WrongPhase, "engine.phase.intel", { phase: phaseWord(b.state.phase) });
  const nation = nationOf(actor);
  const picture = b.state.detections[nation] ?? {};
  const entry = Object.hasOwn(picture, command.asset) ? picture[command.asset]! : null;
  if (!entry) return refuse(RejectionCode.UnknownAsset, "intel.refuse.notInPicture");
  if (!entry.sensor || entry.from) return refuse(RejectionCode.InvalidTarget, "intel.refuse.notOwnSighting");
  if (reportedAlready(b.state, nation, entry))
    return refuse(RejectionCode.InvalidTarget, "intel.refuse.alreadyReported", { report: ref("report", entry.report!) });
  reportFromPicture(b, nation, entry);
};
