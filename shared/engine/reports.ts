import type { ReportDraft } from "../scenario/effects.ts";
import type { EventBuilder } from "./builder.ts";

/** Creates a fresh report held by one nation (from ISR, an inject or a facilitator grant). */
export function createReport(builder: EventBuilder, draft: ReportDraft & { owner: string; originator: string }): string {
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
    },
  });
  return id;
}
