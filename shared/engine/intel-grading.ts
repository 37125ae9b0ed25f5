import type { AssetState, Detection, ExerciseState, Report } from "../state/schema.ts";
import type { AssetTypeSpec } from "../scenario/schema.ts";
import { regionSpec } from "./map.ts";

type Reliability = Report["reliability"];
type Credibility = Report["credibility"];

/**
 * Grading follows the source (admiralty code): the sensor's kind gives the reliability letter,
 * its distance to what it saw the credibility digit; a second independent source makes it "1".
 * The numbers are the scenario's rules (shared/scenario/rules-intel.ts).
 */
export function sensorReliability(state: ExerciseState, type: AssetTypeSpec): Reliability {
  const rules = state.scenario.rules;
  if (Object.hasOwn(rules.sensorReliabilityByType, type.id)) return rules.sensorReliabilityByType[type.id]!;
  if (Object.hasOwn(rules.sensorReliability, type.category)) return rules.sensorReliability[type.category]!;
  return rules.sensorReliabilityOther;
}

export function credibilityAtRange(state: ExerciseState, distance: number): Credibility {
  const table = state.scenario.rules.sightingCredibilityByRange;
  return table[Math.min(distance, table.length - 1)]!;
}

/** Chance (0–1) that a sighting of this grade places the asset in the wrong region. */
export function errorChance(state: ExerciseState, reliability: Reliability, credibility: Credibility): number {
  const rules = state.scenario.rules;
  const byReliability = Object.hasOwn(rules.sightingErrorByReliability, reliability) ? rules.sightingErrorByReliability[reliability]! : 0;
  const byCredibility = Object.hasOwn(rules.sightingErrorByCredibility, credibility) ? rules.sightingErrorByCredibility[credibility]! : 0;
  return Math.min(1, byReliability + byCredibility);
}

/** Steps from `origin` to every region within `range` (0 for the origin itself). */
export function distancesWithin(state: ExerciseState, origin: string, range: number): Map<string, number> {
  const distance = new Map([[origin, 0]]);
  let frontier = [origin];
  for (let step = 1; step <= range; step++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const adjacent of regionSpec(state, id)?.adjacent ?? []) {
        if (distance.has(adjacent)) continue;
        distance.set(adjacent, step);
        next.push(adjacent);
      }
    }
    frontier = next;
  }
  return distance;
}

/**
 * Where a mistaken sighting puts the asset: a neighbouring region its kind could be in (a ship
 * at sea, a brigade on land), chosen by a roll; null when there is none.
 */
export function wrongRegion(state: ExerciseState, asset: AssetState, type: AssetTypeSpec, roll: number): string | null {
  const options = (regionSpec(state, asset.region)?.adjacent ?? []).filter((id) => {
    const spec = regionSpec(state, id);
    return spec && (type.domain === "any" || type.domain === spec.kind);
  });
  if (options.length === 0) return null;
  return [...options].sort()[Math.min(options.length - 1, Math.floor(roll * options.length))]!;
}

/**
 * What makes two reports independent sources: another nation (or another inject's sender), or
 * another of the same nation's sensors. Copies and releasable versions count as their root's
 * source, so a report passed round the alliance (or coming back) does not confirm itself.
 */
export function sourceKey(state: ExerciseState, report: Pick<Report, "originator" | "sensor" | "source" | "copiedFrom" | "versionOf">): string {
  let root = report;
  for (let hops = 0; hops < 64; hops++) {
    const next = root.copiedFrom ?? root.versionOf;
    if (!next || !Object.hasOwn(state.reports, next)) break;
    root = state.reports[next]!;
  }
  return root.sensor ? sensorKey(root.originator, root.sensor) : `${root.originator}|${root.source}`;
}

/** The source of a known-forces entry's last sighting: the sensor (and its nation), the report's source, or the nation's own territory. */
export function entrySource(state: ExerciseState, holder: string, entry: Detection): string {
  if (entry.sensor) return sensorKey(entry.from ?? holder, entry.sensor);
  if (entry.report && Object.hasOwn(state.reports, entry.report)) return sourceKey(state, state.reports[entry.report]!);
  return `${holder}|territory`;
}

/** The source key of one nation's sensor. */
export function sensorKey(nation: string, sensor: string): string {
  return `${nation}/${sensor}`;
}

/** Where a report places an asset: its sighting of it, if it records one. */
export function sightingOf(report: Report, asset: string): { region: string; turn: number } | null {
  const sighting = report.sightings?.find((s) => s.asset === asset);
  return sighting ? { region: sighting.region, turn: sighting.turn } : null;
}

/** The admiralty grade as written ("F6"). */
export function gradeOf(report: Pick<Report, "reliability" | "credibility">): string {
  return `${report.reliability}${report.credibility}`;
}
