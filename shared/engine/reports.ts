import type { ReportDraft } from "../scenario/effects.ts";
import type { EventBuilder } from "./builder.ts";
import type { Report } from "../state/schema.ts";

/** Creates a fresh report held by one nation (from ISR, an inject or a facilitator grant). */
export function createReport(builder: EventBuilder, draft: ReportDraft & { owner: string; originator: string; words?: Report["words"] }): string {
  const id = builder.id("r");
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
      regions: draft.regions,
      assets: draft.assets,
      turn: builder.state.turn,
      provenance: [],
      copiedFrom: null,
      ...(draft.i18n && Object.keys(draft.i18n).length ? { i18n: draft.i18n as Record<string, Record<string, string>> } : {}),
      ...(draft.words ? { words: draft.words } : {}),
    },
  });
  revealNamedAssets(builder, draft.owner, draft.assets);
  return id;
}

/** A report that names assets tells its holder where they are (as of now). */
export function revealNamedAssets(builder: EventBuilder, holder: string, assetIds: readonly string[]): void {
  for (const assetId of assetIds) {
    const asset = builder.state.assets[assetId];
    if (!asset || asset.owner === holder) continue;
    const known = builder.state.detections[holder]?.[assetId];
    if (known && known.region === asset.region && known.turn === builder.state.turn) continue;
    builder.emit({ type: "assetDetected", observer: holder, detection: { asset: asset.id, region: asset.region, turn: builder.state.turn, type: asset.type, owner: asset.owner, name: asset.name } });
  }
}
