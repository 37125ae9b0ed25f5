import { z } from "zod";
import { idString } from "../protocol/ids.ts";
import { text, translations } from "./localized.ts";

const Id = idString();

export const Admiralty = {
  reliability: z.enum(["A", "B", "C", "D", "E", "F"]),
  credibility: z.enum(["1", "2", "3", "4", "5", "6"]),
};

export const Classification = z.enum(["UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET"]);
export type Classification = z.infer<typeof Classification>;

/**
 * Who a report may be passed to: `national` (its originator's nation only), `alliance` (every
 * alliance member, never the adversary), `all` (anyone); plus the nations named in `nations`
 * ("releasable to"). `reshare`: the originator lets those who receive it pass it on within the
 * same releasability (originator control, docs/RULES.md). Absent on a report: derived from
 * its classification (rules `releasabilityByClassification`).
 */
export const Releasability = z.object({
  scope: z.enum(["national", "alliance", "all"]),
  nations: z.array(Id).max(20).optional(),
  reshare: z.boolean().optional(),
});
export type Releasability = z.infer<typeof Releasability>;

/** What a report says of where an asset is: a planted report claims a place that may be false. */
export const SightingClaim = z.object({ asset: Id, region: Id });
export type SightingClaim = z.infer<typeof SightingClaim>;

/** An intelligence report as an author writes it inside an inject or a grant. */
export const ReportDraft = z.object({
  title: text(200),
  text: text(4000),
  source: text(120).default("exercise control"),
  reliability: Admiralty.reliability.default("C"),
  credibility: Admiralty.credibility.default("3"),
  classification: Classification.default("RESTRICTED"),
  regions: z.array(Id).default([]),
  assets: z.array(Id).default([]),
  i18n: translations({ title: 200, text: 4000, source: 120 }),
  /**
   * Where the report says named assets are. A claim that does not match where the asset really
   * is plants a false picture: the holder's map shows the asset there until its forces or sensors
   * look. Assets named in `assets` without a claim are placed where they really are.
   */
  claims: z.array(SightingClaim).max(20).optional(),
  /** Who it may be passed to; absent: derived from the classification. */
  releasability: Releasability.optional(),
});
export type ReportDraft = z.infer<typeof ReportDraft>;

export const AssetStatus = z.enum(["ready", "moving", "deployed", "degraded"]);
export type AssetStatus = z.infer<typeof AssetStatus>;

/**
 * What an inject (or a facilitator adjustment) does to the state. Deltas are added and
 * then clamped to 0–100 so an author cannot push a value out of range.
 */
export const Effect = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("stability"), region: Id, delta: z.number().min(-100).max(100) }),
  z.object({ kind: z.literal("crisis"), region: Id, crisisKind: z.string().min(1), severity: z.number().min(0).max(100) }),
  z.object({ kind: z.literal("crisisSeverity"), region: Id, delta: z.number().min(-100).max(100) }),
  z.object({ kind: z.literal("assetStatus"), asset: Id, status: AssetStatus }),
  z.object({ kind: z.literal("assetStrength"), asset: Id, delta: z.number().min(-100).max(100) }),
  z.object({ kind: z.literal("trust"), a: Id, b: Id, delta: z.number().min(-100).max(100) }),
  z.object({ kind: z.literal("interoperability"), a: Id, b: Id, delta: z.number().min(-100).max(100) }),
  z.object({ kind: z.literal("budget"), nation: Id, delta: z.number().min(-10000).max(10000) }),
  z.object({ kind: z.literal("politicalCapital"), nation: Id, delta: z.number().min(-100).max(100) }),
  z.object({ kind: z.literal("readiness"), nation: Id, delta: z.number().min(-100).max(100) }),
  /** The adversary's tension (0–100): an inject's provocation, or exercise control's adjudication. */
  z.object({ kind: z.literal("tension"), delta: z.number().min(-100).max(100) }),
  z.object({ kind: z.literal("grantIntel"), to: z.array(Id).min(1), report: ReportDraft }),
]);
export type Effect = z.infer<typeof Effect>;
