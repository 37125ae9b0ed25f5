import type { Report } from "../state/schema.ts";
import type { ParticipantCommand } from "../protocol/commands.ts";
import { msg, ref } from "../i18n/message.ts";
import { translate, type NameOf } from "../i18n/format.ts";

/**
 * What a shared copy and a releasable version contain: pure, so the client's preview shows
 * exactly the records the engine will make (intel-sharing.ts, tear-line.ts).
 */
export type CopyOptions = { id: string; partner: string; from: string; turn: number; redactedText?: string };

/**
 * The copy a partner receives: the report as it stands, with the chain of custody; never the
 * sender's sensor. A redacted copy keeps only what the redaction leaves: the replacement text, a
 * neutral title and a withheld source (the original's would name what was redacted), its
 * regions, no asset links and no placements. The client's preview renders this same record.
 */
export function copyFor(report: Report, options: CopyOptions, englishNames: NameOf): Report {
  const { id, partner, from, turn, redactedText } = options;
  const redacted = redactedText !== undefined;
  const { sensor: _sensor, ...rest } = report;
  const copy: Report = { ...rest, id, owner: partner, turn, provenance: [...report.provenance, { from, to: partner, turn, redacted }], copiedFrom: report.id };
  if (!redacted) return copy;
  const { i18n: _i18n, sightings: _sightings, ...kept } = copy;
  const words = {
    title: msg("intel.redacted.title", { nation: ref("nation", from) }),
    text: msg("intel.redacted.text", { text: redactedText }),
    source: msg("intel.redacted.source"),
  };
  return {
    ...kept,
    title: translate("en", words.title, englishNames),
    text: redactedText,
    source: translate("en", words.source, englishNames),
    assets: [],
    words,
  };
}

/** The fields of a tear line, chosen one by one by the originator. */
export type VersionFields = Pick<
  Extract<ParticipantCommand, { type: "releaseVersion" }>,
  "title" | "text" | "source" | "classification" | "releasability" | "regions" | "assets"
>;

/**
 * The releasable version of a report (a tear line): a new report of the originator's, written
 * field by field, linking only regions and assets the original links, keeping the original's
 * grading and placements of the assets it still names. Pure, so the client previews exactly it.
 */
export function versionRecord(original: Report, fields: VersionFields, id: string, turn: number, nation: string): Report {
  const assets = fields.assets.filter((a) => original.assets.includes(a));
  const sightings = (original.sightings ?? []).filter((s) => assets.includes(s.asset));
  return {
    id,
    owner: nation,
    originator: nation,
    source: fields.source,
    reliability: original.reliability,
    credibility: original.credibility,
    classification: fields.classification,
    title: fields.title,
    text: fields.text,
    regions: fields.regions.filter((r) => original.regions.includes(r)),
    assets,
    turn,
    provenance: [],
    copiedFrom: null,
    releasability: fields.releasability,
    versionOf: original.id,
    ...(sightings.length ? { sightings } : {}),
    ...(original.confirmedTurn !== undefined ? { confirmedTurn: original.confirmedTurn } : {}),
  };
}
