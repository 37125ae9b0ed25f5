import type { ExerciseState } from "../state/schema.ts";
import type { ExerciseEvent } from "../protocol/events.ts";
import type { Trigger } from "../scenario/schema.ts";
import type { MessageKey } from "../i18n/catalog/index.ts";
import { msg, type Msg, type Params } from "../i18n/message.ts";
import { evolve } from "../engine/evolve.ts";
import { transiently } from "../state/records.ts";

/**
 * The MSEL's changes in words ("3.02 retimed T3 → T4 by Ana, reason: …"), for the white cell's
 * feed and the after-action report's list of MSEL changes. Everything comes from the event and
 * the state after it (a deleted inject's number travels in its event).
 */
export type MselChange = { seq: number; turn: number; at: number; msg: Msg };

export function triggerMsg(trigger: Trigger | null | undefined): Msg {
  if (!trigger || trigger.kind === "manual") return msg("msel.trigger.manual");
  return trigger.kind === "scheduled"
    ? msg("msel.trigger.scheduled", { turn: trigger.turn })
    : msg("msel.trigger.conditional", { turn: trigger.earliestTurn ?? 1 });
}

const FIELD_WORDS: Record<string, MessageKey> = {
  number: "msel.field.number",
  trigger: "msel.field.trigger",
  type: "msel.field.type",
  delivery: "msel.field.delivery",
  from: "msel.field.from",
  to: "msel.field.to",
  title: "msel.field.title",
  body: "msel.field.body",
  effects: "msel.field.effects",
  expectedActions: "msel.field.expectedActions",
  objective: "msel.field.objective",
  capability: "msel.field.capability",
  controller: "msel.field.controller",
  notes: "msel.field.notes",
  i18n: "msel.field.i18n",
};

const withReason = (change: Msg, reason: string): Msg => (reason ? msg("msel.change.withReason", { change, reason }) : change);
const nameOf = (by: string): string | Msg => by || msg("msel.change.someone");
const numberIn = (state: ExerciseState, id: string): string => (Object.hasOwn(state.injects, id) ? state.injects[id]!.spec.number : id);

/** One MSEL change in words, or null for any other event. `state` is the state after the event. */
export function mselChangeMsg(event: ExerciseEvent, state: ExerciseState): Msg | null {
  switch (event.type) {
    case "injectEdited": {
      const by = nameOf(event.by);
      const number = numberIn(state, event.inject);
      const parts: Msg[] = [];
      if ("number" in event.changes) parts.push(msg("msel.change.renumbered", { from: String(event.before["number"] ?? ""), to: number, by }));
      if ("trigger" in event.changes)
        parts.push(
          msg("msel.change.retimed", { number, from: triggerMsg(event.before["trigger"] as Trigger), to: triggerMsg(event.changes["trigger"] as Trigger), by }),
        );
      const others = Object.keys(event.changes).filter((f) => f !== "number" && f !== "trigger" && Object.hasOwn(FIELD_WORDS, f));
      if (others.length) parts.push(msg("msel.change.fields", { number, fields: others.map((f) => msg(FIELD_WORDS[f]!)), by }));
      if (parts.length === 0) return null;
      const change = parts.reduce((first, second) => msg("msel.change.and", { first, second }));
      return withReason(change, event.reason);
    }
    case "injectAdded":
      return withReason(
        msg(event.inject.held ? "msel.change.addedHeld" : "msel.change.added", { number: event.inject.spec.number, by: nameOf(event.by) }),
        event.reason,
      );
    case "injectDeleted":
      return withReason(msg("msel.change.deleted", { number: event.number, by: nameOf(event.by) }), event.reason);
    case "injectMoved":
      return msg("msel.change.moved", { number: numberIn(state, event.inject), place: event.order.indexOf(event.inject) + 1, by: nameOf(event.by) });
    case "injectHeld":
      return withReason(
        msg(event.held ? "msel.change.held" : "msel.change.unheld", { number: numberIn(state, event.inject), by: nameOf(event.by) }),
        event.reason,
      );
    case "injectUnskipped":
      return msg("msel.change.unskipped", { number: numberIn(state, event.inject), by: nameOf(event.by) });
    case "mselImported":
      return withReason(msg("msel.change.imported", { count: event.injects.length, removed: event.removed.length, by: nameOf(event.by) }), event.reason);
    default:
      return null;
  }
}

/** Every change made to the MSEL during the exercise, in log order (a fold, like the rest of the report). */
export function mselChanges(initial: ExerciseState, events: readonly ExerciseEvent[]): MselChange[] {
  let state = initial;
  const reader = mselChangeReader();
  // Transiently (records.ts): each line reads the state after its event and keeps none of it.
  transiently(() => {
    for (const event of events) {
      state = evolve(state, event);
      reader.after(event, state);
    }
  });
  return reader.changes;
}

/** The same list, fed by a fold someone else runs (the report's one fold): each event with the state after it, in order. */
export function mselChangeReader(): { after(event: ExerciseEvent, state: ExerciseState): void; changes: MselChange[] } {
  const changes: MselChange[] = [];
  return {
    changes,
    after(event, state) {
      const m = mselChangeMsg(event, state);
      if (m) changes.push({ seq: event.seq, turn: state.turn, at: event.at, msg: m });
    },
  };
}

/** The report's list of MSEL changes as lines of text in the report's language ("Turn 3: 3.02 retimed …"). */
export function mselChangeLines(
  changes: readonly MselChange[] | undefined,
  x: { t: (key: MessageKey, params?: Params) => string; tm: (m: Msg) => string },
): string[] {
  if (!changes?.length) return [x.t("msel.aar.none")];
  return changes.map((c) => `${x.t("msel.aar.when", { turn: c.turn })}: ${x.tm(c.msg)}`);
}
