import type { Translations } from "../i18n/text.ts";
import type { Msg } from "../i18n/message.ts";
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
  return [...rows.values()];
}
