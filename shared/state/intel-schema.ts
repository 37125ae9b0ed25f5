import { z } from "zod";
import type { Msg } from "../i18n/message.ts";
import { Classification, Admiralty, Releasability } from "../scenario/effects.ts";

/** Intelligence in an exercise's state (ExerciseState in schema.ts): the nations' reports and their pictures of foreign forces. */

export const ProvenanceStep = z.object({ from: z.string(), to: z.string(), turn: z.number(), redacted: z.boolean() });
export type ProvenanceStep = z.infer<typeof ProvenanceStep>;

/** Where a report says an asset was, and when it was seen there. */
export const Sighting = z.object({ asset: z.string(), region: z.string(), turn: z.number() });
export type Sighting = z.infer<typeof Sighting>;

/** One nation's copy of a report. Sharing makes a new copy owned by the receiver. */
export const Report = z.object({
  id: z.string(),
  owner: z.string(),
  originator: z.string(),
  source: z.string(),
  reliability: Admiralty.reliability,
  credibility: Admiralty.credibility,
  classification: Classification,
  title: z.string(),
  text: z.string(),
  regions: z.array(z.string()),
  assets: z.array(z.string()),
  turn: z.number(),
  provenance: z.array(ProvenanceStep),
  /** The report this copy was made from, if shared. */
  copiedFrom: z.string().nullable(),
  /** The author's translations of title, text and source (a report written in a scenario with several languages). */
  i18n: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  /**
   * A report the engine writes (an ISR sighting) as messages, so each reader reads it in their
   * language; title, text and source still hold the English for older readers.
   */
  words: z.object({ title: z.custom<Msg>(), text: z.custom<Msg>(), source: z.custom<Msg>().optional() }).optional(),
  /** Who it may be passed to (absent: derived from the classification, engine/releasability.ts). */
  releasability: Releasability.optional(),
  /** A releasable version (tear line): the report it was made from. Copies of a version keep it. */
  versionOf: z.string().optional(),
  /** Last turn a second, independent source confirmed what it says (credibility 1). */
  confirmedTurn: z.number().optional(),
  /** Turn its holder's forces or sensors found the report wrong. */
  disprovedTurn: z.number().optional(),
  /** Where the report places the assets it names, as of `turn` (the picture it gives its holder). */
  sightings: z.array(Sighting).optional(),
  /** Own ISR: the sensor that saw it (only on the originator's own report, never on a copy). */
  sensor: z.string().optional(),
});
export type Report = z.infer<typeof Report>;

/**
 * One entry of a nation's known-forces picture: where it last placed a foreign asset and when.
 * `report`: the report that put the asset there on the holder's map (absent: its own eyes or
 * territory). The other fields are optional, so logs from before the picture kept them still fold.
 */
export const Detection = z.object({
  asset: z.string(),
  region: z.string(),
  turn: z.number(),
  type: z.string(),
  owner: z.string(),
  name: z.string(),
  report: z.string().optional(),
  /** The sensor (an asset) that last saw it there: the holder's own, or `from`'s under alliance command. */
  sensor: z.string().optional(),
  /** The nation whose sensor saw it, when not the holder (the alliance's shared picture). */
  from: z.string().optional(),
  /** The sighting's grade (admiralty code), by the sensor's kind and distance. */
  reliability: Admiralty.reliability.optional(),
  credibility: Admiralty.credibility.optional(),
  /** Last turn two sensors, or an independent source, placed it there too. */
  confirmedTurn: z.number().optional(),
  /** First turn it was seen in this region (a move or a mistake starts it again). */
  since: z.number().optional(),
  /**
   * Exercise control's bookkeeping: where the asset really was when a mistaken sighting placed it
   * here. Never in a nation's view (view-for.ts builds the entry field by field).
   */
  trueRegion: z.string().optional(),
});
export type Detection = z.infer<typeof Detection>;

/**
 * Sightings a nation's `full` sharing policy put into a partner's known-forces picture on one turn
 * (step 12): which forces went to whom. The picture entries themselves are overwritten as forces
 * move; this keeps the act, for the dissemination matrix.
 */
export const PictureShare = z.object({ from: z.string(), to: z.string(), turn: z.number(), assets: z.array(z.string()) });
export type PictureShare = z.infer<typeof PictureShare>;
