import type { ExerciseEvent } from "../protocol/events.ts";
import type { MessageKey } from "../i18n/catalog/index.ts";
import type { Params } from "../i18n/message.ts";

/**
 * What exercise control did in the game, for the after-action report: every move made for a
 * nation by someone not on its team (the red cell's role-players, exercise control in person,
 * bots, the adversary playbook: the log's `actedFor`), and the controller log. Its own module,
 * called once by build-aar.ts; the renderers print its sections (controlSections).
 */
export type ControlRecord = {
  simulatedMoves: { seq: number; turn: number; nation: string; by: string; as: string; command: string }[];
  controlLog: { seq: number; turn: number; at: number; by: string; text: string }[];
};

export function controlRecord(events: readonly ExerciseEvent[]): ControlRecord {
  const reader = controlRecordReader();
  for (const event of events) reader.read(event);
  return reader.record;
}

/** The same record read event by event (the report built from the log in ranges). */
export function controlRecordReader(): { read(event: ExerciseEvent): void; record: ControlRecord } {
  const record: ControlRecord = { simulatedMoves: [], controlLog: [] };
  let turn = 0;
  return {
    record,
    read(event) {
      if (event.type === "turnStarted") turn = event.turn;
      if (event.type === "actedFor")
        record.simulatedMoves.push({ seq: event.seq, turn, nation: event.nation, by: event.by, as: event.as, command: event.command });
      if (event.type === "controlLogged")
        record.controlLog.push({ seq: event.seq, turn: event.entry.turn, at: event.entry.at, by: event.entry.by, text: event.entry.text });
    },
  };
}

/** The record's sections in a language: a title and its lines (plain text; the renderer escapes). */
export function controlSections(
  record: ControlRecord | undefined,
  x: { t: (key: MessageKey, params?: Params) => string; nation: (id: string | null) => string },
): { title: string; lines: string[] }[] {
  const { t } = x;
  const moves = record?.simulatedMoves ?? [];
  const log = record?.controlLog ?? [];
  return [
    {
      title: t("seats.aar.redCellTitle"),
      lines: moves.length
        ? moves.map((m) => t("seats.aar.redCellMove", { turn: m.turn, as: m.as, by: m.by, nation: x.nation(m.nation) }))
        : [t("seats.aar.redCellNone")],
    },
    {
      title: t("seats.aar.logTitle"),
      lines: log.length ? log.map((e) => t("seats.aar.logEntry", { turn: e.turn, by: e.by, text: e.text })) : [t("seats.aar.logNone")],
    },
  ];
}
