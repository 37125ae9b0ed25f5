import type { ReportDraft } from "../scenario/effects.ts";
import type { EventBuilder } from "./builder.ts";
import type { Detection, Report, Sighting } from "../state/schema.ts";
import { ref } from "../i18n/message.ts";
import { explain } from "./explain.ts";
import { entrySource, sightingOf, sourceKey } from "./intel-grading.ts";

type NewReport = Omit<ReportDraft, "claims"> & {
  owner: string;
  originator: string;
  words?: Report["words"];
  claims?: ReportDraft["claims"];
  /** Own ISR: the sensor, and the sighting already decided by detection. */
  sensor?: string;
  sightings?: Sighting[];
  confirmedTurn?: number;
  /** Where the named assets really were when its sightings are not the truth (a report from the picture); absent: compared with where they are now. */
  actual?: Record<string, string>;
};

/**
 * Creates a fresh report held by one nation (from ISR, an inject or a facilitator grant). The
 * report records where it places each asset it names: where a claim says (a planted report may
 * lie), else where the asset really is. A placement that is not the truth is written down for
 * exercise control (falseIntelRecorded), never in the report itself.
 */
export function createReport(builder: EventBuilder, draft: NewReport): string {
  const id = builder.id("r");
  const turn = builder.state.turn;
  const claims = draft.claims ?? [];
  const named = [...new Set([...draft.assets, ...claims.map((c) => c.asset)])].filter((a) => Object.hasOwn(builder.state.assets, a));
  const sightings: Sighting[] =
    draft.sightings ??
    named.map((asset) => ({
      asset,
      region: claims.find((c) => c.asset === asset && Object.hasOwn(builder.state.regions, c.region))?.region ?? builder.state.assets[asset]!.region,
      turn,
    }));
  const regions = [...new Set([...draft.regions, ...claims.map((c) => c.region).filter((r) => Object.hasOwn(builder.state.regions, r))])];
  builder.emit({
    type: "reportCreated",
    report: {
      id,
      owner: draft.owner,
      originator: draft.originator,
      source: draft.source,
      reliability: draft.reliability,
      credibility: draft.credibility,
      classification: draft.classification,
      title: draft.title,
      text: draft.text,
      regions,
      assets: [...new Set([...draft.assets, ...claims.map((c) => c.asset)])],
      turn,
      provenance: [],
      copiedFrom: null,
      ...(draft.i18n && Object.keys(draft.i18n).length ? { i18n: draft.i18n as Record<string, Record<string, string>> } : {}),
      ...(draft.words ? { words: draft.words } : {}),
      ...(draft.releasability ? { releasability: draft.releasability } : {}),
      ...(sightings.length ? { sightings } : {}),
      ...(draft.sensor ? { sensor: draft.sensor } : {}),
      ...(draft.confirmedTurn !== undefined ? { confirmedTurn: draft.confirmedTurn } : {}),
    },
  });
  const actual =
    draft.actual ??
    Object.fromEntries(
      sightings.filter((s) => builder.state.assets[s.asset]!.region !== s.region).map((s) => [s.asset, builder.state.assets[s.asset]!.region]),
    );
  if (Object.keys(actual).length) builder.emit({ type: "falseIntelRecorded", report: id, actual });
  revealSightings(builder, draft.owner, builder.state.reports[id]!);
  return id;
}

/**
 * A report that names assets tells its holder where they are — where the report says, as of
 * when it was seen (a report without recorded sightings, from before they were recorded, where
 * they are now). Newer knowledge is not overwritten by an older report; the same place from an
 * independent source confirms both reports, and the holder's known-forces entry.
 */
export function revealSightings(builder: EventBuilder, holder: string, report: Report): void {
  for (const assetId of report.assets) {
    const asset = Object.hasOwn(builder.state.assets, assetId) ? builder.state.assets[assetId]! : null;
    if (!asset || asset.owner === holder) continue;
    const sighting = sightingOf(report, assetId) ?? { region: asset.region, turn: builder.state.turn };
    const known = builder.state.detections[holder]?.[assetId];
    if (known && known.turn > sighting.turn) continue;
    const same = known && known.region === sighting.region ? known : null;
    const confirmed = same ? confirmIfIndependent(builder, holder, same, sourceKey(builder.state, report), sighting.turn, report) : false;
    if (same && same.turn === sighting.turn) {
      if (confirmed) builder.emit({ type: "assetDetected", observer: holder, detection: { ...same, credibility: "1", confirmedTurn: builder.state.turn } });
      continue;
    }
    const detection: Detection = {
      asset: asset.id,
      region: sighting.region,
      turn: sighting.turn,
      type: asset.type,
      owner: asset.owner,
      name: asset.name,
      report: report.id,
      ...(same ? { since: same.since ?? same.turn } : {}),
      ...(confirmed ? { confirmedTurn: builder.state.turn } : {}),
    };
    builder.emit({ type: "assetDetected", observer: holder, detection });
  }
}

/**
 * The holder already places the asset where a new source (`newSource`, a sourceKey) does: if its
 * entry's last source is another one (another nation, another sensor, its own territory) within
 * the confirmation window, the sources are independent — the earlier report (if another source
 * wrote it) and `also` (the new report, if any) are confirmed (credibility 1), and true is
 * returned so the caller confirms the entry.
 */
export function confirmIfIndependent(builder: EventBuilder, holder: string, known: Detection, newSource: string, turn: number, also?: Report): boolean {
  if (turn - known.turn > builder.state.scenario.rules.confirmationWindowTurns) return false;
  const earlier = known.report && Object.hasOwn(builder.state.reports, known.report) ? builder.state.reports[known.report]! : null;
  if (earlier && (earlier.owner !== holder || earlier.id === also?.id)) return false;
  if (entrySource(builder.state, holder, known) === newSource) return false;
  if (earlier && sourceKey(builder.state, earlier) !== newSource) confirmReport(builder, holder, earlier);
  if (also) confirmReport(builder, holder, also);
  return true;
}

export function confirmReport(builder: EventBuilder, holder: string, report: Report): void {
  const current = builder.state.reports[report.id];
  if (!current || current.confirmedTurn === builder.state.turn || current.disprovedTurn !== undefined) return;
  builder.emit({ type: "reportGraded", report: report.id, credibility: "1", confirmedTurn: builder.state.turn });
  if (builder.state.nations[holder]?.playable) explain(builder, "intel.confirmation", [holder], "intel.confirmed", { report: ref("report", report.id) });
}
