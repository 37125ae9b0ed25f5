import type { Translations } from "../i18n/text.ts";
import { msg, ref, type Msg } from "../i18n/message.ts";
import type { ExerciseState, Report } from "../state/schema.ts";

/** When and how one nation came to hold one report (or version). */
export type DisseminationCell = {
  /** Turn it first held it. */
  turn: number;
  /** Its copy's id. */
  copy: string;
  /** Who passed it on (null: the nation wrote or was granted it). */
  from: string | null;
  redacted: boolean;
};

/** One report as written (an original or a releasable version) and who held it from when. */
export type DisseminationRow = {
  report: string;
  /** A tear line: the report it is a version of. */
  versionOf: string | null;
  originator: string;
  classification: Report["classification"];
  title: string;
  /** The title as a message, for a report the engine wrote (a sighting): rendered in the reader's language. */
  words?: Msg;
  /** An authored report's translations (its title in other languages). */
  i18n?: Translations;
  holders: Record<string, DisseminationCell>;
  /**
   * A row for sightings, not a report: what the originator's `full` sharing policy passed into
   * partners' known-forces pictures on `turn` (the forces, by asset id). Its holders are the
   * originator and the partners it went to, nobody else.
   */
  picture?: { turn: number; assets: string[] };
};

/** The report a copy was made from, back to the one first written. */
export function rootOf(state: ExerciseState, report: Report): Report {
  let at = report;
  for (let hops = 0; at.copiedFrom && Object.hasOwn(state.reports, at.copiedFrom) && hops < 64; hops++) at = state.reports[at.copiedFrom]!;
  return at;
}

/**
 * The dissemination matrix for the after-action review: report × nation → the turn it first
 * held it, its copy, who it came from. Versions are rows of their own that name the original,
 * so "who held which version from when" is one table. Pure: a fold of the log at any point gives
 * the matrix as it stood then.
 */
export function disseminationMatrix(state: ExerciseState): DisseminationRow[] {
  const rows = new Map<string, DisseminationRow>();
  const byId = (x: Report, y: Report) => Number(x.id.slice(1)) - Number(y.id.slice(1)) || (x.id < y.id ? -1 : 1);
  for (const report of Object.values(state.reports).sort(byId)) {
    const root = rootOf(state, report);
    let row = rows.get(root.id);
    if (!row) {
      row = {
        report: root.id,
        versionOf: root.versionOf ?? null,
        originator: root.originator,
        classification: root.classification,
        title: root.title,
        ...(root.words ? { words: root.words.title } : {}),
        ...((root as { i18n?: Translations }).i18n ? { i18n: (root as { i18n?: Translations }).i18n } : {}),
        holders: {},
      };
      rows.set(root.id, row);
    }
    const step = report.provenance.at(-1);
    const cell: DisseminationCell = {
      turn: report.turn,
      copy: report.id,
      from: report.copiedFrom ? (step?.from ?? null) : null,
      redacted: report.copiedFrom ? Boolean(step?.redacted) : false,
    };
    const held = Object.hasOwn(row.holders, report.owner) ? row.holders[report.owner]! : null;
    if (!held || cell.turn < held.turn) row.holders = { ...row.holders, [report.owner]: cell };
  }
  return [...rows.values(), ...pictureRows(state)];
}

/**
 * The sightings each nation's `full` sharing policies passed on (step 12), one row per nation and
 * turn, after the reports: the nation holds it, and each partner it actually went to (a partner
 * it was not releasable to, or that the political capital did not stretch to, got nothing and is
 * not a holder). Sightings are CONFIDENTIAL (auto-share.ts).
 */
function pictureRows(state: ExerciseState): DisseminationRow[] {
  const rows = new Map<string, DisseminationRow>();
  for (const share of state.pictureShares ?? []) {
    const id = `picture:${share.from}:${share.turn}`;
    let row = rows.get(id);
    if (!row) {
      row = {
        report: id,
        versionOf: null,
        originator: share.from,
        classification: "CONFIDENTIAL",
        title: "",
        holders: { [share.from]: { turn: share.turn, copy: id, from: null, redacted: false } },
        picture: { turn: share.turn, assets: [] },
      };
      rows.set(id, row);
    }
    row.picture = { turn: share.turn, assets: [...new Set([...row.picture!.assets, ...share.assets])].sort() };
    if (!Object.hasOwn(row.holders, share.to)) row.holders = { ...row.holders, [share.to]: { turn: share.turn, copy: id, from: share.from, redacted: false } };
  }
  const name = (id: string) => state.nations[id]?.name ?? id;
  return [...rows.values()]
    .map((row) => {
      const count = row.picture!.assets.length;
      return {
        ...row,
        title: `Known-forces picture of ${name(row.originator)}, turn ${row.picture!.turn} (${count} ${count === 1 ? "sighting" : "sightings"})`,
        words: msg("evaluation.aar.pictureRow", { nation: ref("nation", row.originator), turn: row.picture!.turn, count }),
      };
    })
    .sort((x, y) => x.picture!.turn - y.picture!.turn || (x.originator < y.originator ? -1 : x.originator > y.originator ? 1 : 0));
}
